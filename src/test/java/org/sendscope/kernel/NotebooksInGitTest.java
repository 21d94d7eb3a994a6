package org.sendscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The notebooks as committed: outputs stripped (results belong to a run, under target/, not to
 * git, where they would go stale and carry data), and all on sendscope's kernel.
 */
class NotebooksInGitTest {
    @Test
    void committedNotebooksHaveNoOutputsAndUseTheSendscopeKernel() throws Exception {
        List<Path> notebooks = NotebookRunner.notebooksIn(Path.of("notebooks"));
        assertFalse(notebooks.isEmpty(), "notebooks/ has notebooks");
        assertTrue(notebooks.stream().anyMatch(p -> p.endsWith("benchmarks.ipynb")));
        assertTrue(notebooks.stream().anyMatch(p -> p.endsWith("scrutiny.ipynb")));
        for (Path nb : notebooks) {
            JsonObject root = JsonParser.parseString(Files.readString(nb)).getAsJsonObject();
            assertEquals("sendscope", root.getAsJsonObject("metadata").getAsJsonObject("kernelspec").get("name").getAsString(),
                    nb + " runs on the sendscope kernel");
            int i = 0;
            for (JsonElement e : root.getAsJsonArray("cells")) {
                JsonObject cell = e.getAsJsonObject();
                i++;
                if (!cell.get("cell_type").getAsString().equals("code")) continue;
                assertEquals(0, cell.getAsJsonArray("outputs").size(),
                        nb + " cell " + i + " has outputs; clear them before committing (Jupyter: Edit → Clear All Outputs)");
                assertTrue(cell.get("execution_count").isJsonNull(), nb + " cell " + i + " has an execution count");
            }
        }
    }
}
