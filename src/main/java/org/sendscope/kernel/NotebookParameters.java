package org.sendscope.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notebook's parameters as papermill has them: a code cell tagged {@code parameters} declares
 * them with their defaults ({@code String area = "E06000058";}), and a run with
 * {@code -p area=E06000010} gets a new cell, tagged {@code injected-parameters}, right after it
 * that declares them again with the values given, so the notebook reads its defaults when opened and
 * the given values when run. The value is written as a Java literal of the declared type
 * ({@code String}, {@code int}, {@code long}, {@code double}, {@code boolean}, {@code LocalDate}),
 * checked first: a name the cell does not declare, or a value of the wrong form, is refused.
 */
public final class NotebookParameters {
    /** The tag of the cell that declares the parameters. */
    public static final String TAG = "parameters";
    /** The tag of the cell a run adds after it. */
    public static final String INJECTED_TAG = "injected-parameters";

    /** {@code String area = "E06000058";} at the start of a line; the type may be {@code var} or qualified. */
    private static final Pattern DECLARATION = Pattern.compile(
            "(?m)^\\s*(?:final\\s+)?([A-Za-z_][\\w.]*)\\s+([A-Za-z_]\\w*)\\s*=\\s*(.*?);?\\s*(?://.*)?$");

    private NotebookParameters() {
    }

    /** A parameter that cannot be given as asked (the message is the whole story). */
    public static final class ParameterException extends IllegalArgumentException {
        public ParameterException(String message) {
            super(message);
        }
    }

    /** The parameters a notebook declares, name → declared type, in order; empty when it has no tagged cell. */
    public static Map<String, String> declared(JsonObject notebook) {
        JsonObject cell = parametersCell(notebook);
        Map<String, String> out = new LinkedHashMap<>();
        if (cell == null) return out;
        Matcher m = DECLARATION.matcher(source(cell));
        while (m.find()) {
            String type = m.group(1);
            if (type.equals("var")) type = m.group(3).strip().startsWith("\"") ? "String" : "var";
            out.put(m.group(2), type);
        }
        return out;
    }

    /**
     * A copy of the notebook with the values injected after its {@code parameters} cell (an earlier
     * injected cell is replaced, as papermill does). No values: the notebook unchanged.
     *
     * @param name how to name the notebook in a refusal
     */
    public static JsonObject inject(JsonObject notebook, Map<String, String> values, String name) {
        if (values.isEmpty()) return notebook;
        JsonObject copy = notebook.deepCopy();
        Map<String, String> declared = declared(copy);
        if (declared.isEmpty()) {
            throw new ParameterException(name + " has no cell tagged '" + TAG + "', so it takes no parameters (-p "
                    + values.keySet().iterator().next() + ")");
        }
        StringBuilder src = new StringBuilder("// Injected parameters\n");
        for (Map.Entry<String, String> e : values.entrySet()) {
            String type = declared.get(e.getKey());
            if (type == null) {
                throw new ParameterException(name + " has no parameter '" + e.getKey() + "' (its parameters: "
                        + String.join(", ", declared.keySet()) + ")");
            }
            src.append(type.equals("var") ? "var" : type).append(' ').append(e.getKey()).append(" = ")
                    .append(literal(type, e.getKey(), e.getValue(), name)).append(";\n");
        }
        JsonArray cells = copy.getAsJsonArray("cells");
        List<JsonElement> kept = new ArrayList<>();
        int at = -1;
        for (JsonElement e : cells) {
            JsonObject c = e.getAsJsonObject();
            if (hasTag(c, INJECTED_TAG)) continue;
            kept.add(c);
            if (at < 0 && hasTag(c, TAG)) at = kept.size();
        }
        JsonObject injected = new JsonObject();
        injected.addProperty("cell_type", "code");
        injected.add("execution_count", com.google.gson.JsonNull.INSTANCE);
        injected.addProperty("id", "injected-parameters");
        JsonObject meta = new JsonObject();
        JsonArray tags = new JsonArray();
        tags.add(INJECTED_TAG);
        meta.add("tags", tags);
        injected.add("metadata", meta);
        injected.add("outputs", new JsonArray());
        injected.add("source", new JsonPrimitive(src.toString()));
        kept.add(at, injected);
        JsonArray out = new JsonArray();
        kept.forEach(out::add);
        copy.add("cells", out);
        return copy;
    }

    /** The value as a Java literal of the declared type, or a refusal naming the parameter and the form it needs. */
    static String literal(String type, String param, String value, String name) {
        String v = value.strip();
        String simple = type.substring(type.lastIndexOf('.') + 1);
        try {
            switch (simple) {
                case "String", "var":
                    return SqlMagic.javaString(value);
                case "int", "Integer":
                    return Integer.toString(Integer.parseInt(v));
                case "long", "Long":
                    return Long.parseLong(v) + "L";
                case "double", "Double":
                    double d = Double.parseDouble(v);
                    if (!Double.isFinite(d)) throw new NumberFormatException(v);
                    return Double.toString(d);
                case "boolean", "Boolean":
                    if (!v.equals("true") && !v.equals("false")) throw new NumberFormatException(v);
                    return v;
                case "LocalDate":
                    return "LocalDate.parse(\"" + LocalDate.parse(v) + "\")";
                default:
                    throw new ParameterException(name + ": parameter '" + param + "' is a " + type
                            + ", which -p cannot give (String, int, long, double, boolean or LocalDate)");
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            String form = switch (simple) {
                case "LocalDate" -> "a date such as 2024-03-31";
                case "int", "Integer", "long", "Long" -> "a whole number";
                case "boolean", "Boolean" -> "true or false";
                default -> "a number";
            };
            throw new ParameterException(name + ": -p " + param + "=" + value + ": '" + value + "' is not " + form);
        }
    }

    /** The first code cell tagged {@code parameters}, or null. */
    static JsonObject parametersCell(JsonObject notebook) {
        for (JsonElement e : notebook.getAsJsonArray("cells")) {
            JsonObject c = e.getAsJsonObject();
            if ("code".equals(c.get("cell_type").getAsString()) && hasTag(c, TAG)) return c;
        }
        return null;
    }

    static boolean hasTag(JsonObject cell, String tag) {
        JsonObject meta = cell.getAsJsonObject("metadata");
        if (meta == null || !meta.has("tags")) return false;
        for (JsonElement t : meta.getAsJsonArray("tags")) if (tag.equals(t.getAsString())) return true;
        return false;
    }

    private static String source(JsonObject cell) {
        JsonElement s = cell.get("source");
        if (s.isJsonArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonElement line : s.getAsJsonArray()) b.append(line.getAsString());
            return b.toString();
        }
        return s.getAsString();
    }
}
