package org.sendscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parameters as papermill gives them: a new cell after the one tagged {@code parameters}, typed as declared. */
class NotebookParametersTest {
    private static JsonObject notebook(String... cells) {
        StringBuilder b = new StringBuilder("{\"cells\": [");
        for (int i = 0; i < cells.length; i++) {
            boolean tagged = cells[i].startsWith("#parameters\n");
            String src = tagged ? cells[i].substring("#parameters\n".length()) : cells[i];
            if (i > 0) b.append(',');
            b.append("{\"cell_type\": \"code\", \"metadata\": ").append(tagged ? "{\"tags\": [\"parameters\"]}" : "{}")
                    .append(", \"outputs\": [], \"execution_count\": null, \"source\": ")
                    .append(com.google.gson.JsonParser.parseString("\"" + src.replace("\"", "\\\"").replace("\n", "\\n") + "\""))
                    .append('}');
        }
        return JsonParser.parseString(b.append("], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}").toString()).getAsJsonObject();
    }

    private static String source(JsonObject nb, int cell) {
        return nb.getAsJsonArray("cells").get(cell).getAsJsonObject().get("source").getAsString();
    }

    @Test
    void valuesGoInANewCellAfterTheTaggedOneWithTheDeclaredTypes() {
        JsonObject nb = notebook("var s = 1;",
                "#parameters\nString area = \"E06000058\";   // BCP\nLocalDate as_of = null;\nint years = 3;\ndouble share = 0.5;",
                "area");
        assertEquals(Map.of("area", "String", "as_of", "LocalDate", "years", "int", "share", "double"), NotebookParameters.declared(nb));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("area", "E06000010");
        values.put("as_of", "2024-03-31");
        values.put("years", "2");
        JsonObject out = NotebookParameters.inject(nb, values, "x.ipynb");
        JsonArray cells = out.getAsJsonArray("cells");
        assertEquals(4, cells.size());
        assertEquals("// Injected parameters\nString area = \"E06000010\";\nLocalDate as_of = LocalDate.parse(\"2024-03-31\");\nint years = 2;\n",
                source(out, 2));
        assertEquals("injected-parameters", cells.get(2).getAsJsonObject().getAsJsonObject("metadata").getAsJsonArray("tags").get(0).getAsString());
        assertEquals("area", source(out, 3));
        assertEquals(3, nb.getAsJsonArray("cells").size(), "the notebook read is not changed");

        // Run again on the executed copy: the earlier injected cell is replaced, not kept.
        JsonObject again = NotebookParameters.inject(out, Map.of("area", "E06000055"), "x.ipynb");
        assertEquals(4, again.getAsJsonArray("cells").size());
        assertEquals("// Injected parameters\nString area = \"E06000055\";\n", source(again, 2));
        // A quote in a value stays inside the Java string.
        assertTrue(source(NotebookParameters.inject(nb, Map.of("area", "a\"b"), "x.ipynb"), 2).contains("String area = \"a\\\"b\";"));
    }

    @Test
    void aParameterTheNotebookDoesNotTakeIsRefusedSayingWhichItTakes() {
        JsonObject nb = notebook("#parameters\nString area = \"E06000058\";\nint years = 3;", "area");
        var e = assertThrows(NotebookParameters.ParameterException.class,
                () -> NotebookParameters.inject(nb, Map.of("region", "E12000009"), "my-area.ipynb"));
        assertEquals("my-area.ipynb has no parameter 'region' (its parameters: area, years)", e.getMessage());
        e = assertThrows(NotebookParameters.ParameterException.class,
                () -> NotebookParameters.inject(nb, Map.of("years", "three"), "my-area.ipynb"));
        assertEquals("my-area.ipynb: -p years=three: 'three' is not a whole number", e.getMessage());
        JsonObject dated = notebook("#parameters\nLocalDate as_of = null;");
        e = assertThrows(NotebookParameters.ParameterException.class,
                () -> NotebookParameters.inject(dated, Map.of("as_of", "31/03/2024"), "n.ipynb"));
        assertEquals("n.ipynb: -p as_of=31/03/2024: '31/03/2024' is not a date such as 2024-03-31", e.getMessage());
        e = assertThrows(NotebookParameters.ParameterException.class,
                () -> NotebookParameters.inject(notebook("int x = 1;"), Map.of("area", "E06000010"), "plain.ipynb"));
        assertEquals("plain.ipynb has no cell tagged 'parameters', so it takes no parameters (-p area)", e.getMessage());
    }

    @Test
    void everyShippedNotebookTakesAreaWithBcpByDefault() throws Exception {
        List<Path> notebooks = NotebookRunner.notebooksIn(Path.of("notebooks"));
        assertTrue(notebooks.stream().anyMatch(p -> p.endsWith("my-area.ipynb")), notebooks.toString());
        for (Path nb : notebooks) {
            JsonObject root = JsonParser.parseString(Files.readString(nb)).getAsJsonObject();
            assertEquals("String", NotebookParameters.declared(root).get("area"), nb + " takes area");
            assertTrue(NotebookParameters.parametersCell(root).get("source").toString().contains("String area = \\\"E06000058\\\";"),
                    nb + ": BCP by default");
        }
    }
}
