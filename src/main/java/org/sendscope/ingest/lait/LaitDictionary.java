package org.sendscope.ingest.lait;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.TextInput;

/**
 * LAIT's data dictionary ({@code lait_data_dictionary.csv}): one row per measure with its topic,
 * title, polarity ({@code High}, {@code Low}, {@code -}, {@code NA}), y-axis words, description,
 * data owner and year type. A measure listed under two topics keeps its first row. An unknown
 * polarity or year type refuses the dictionary, naming the line.
 */
public final class LaitDictionary {
    static final List<String> REQUIRED = List.of("Topic", "Measure", "Measure_short", "Polarity", "y_axis_name",
            "Description", "Year_Type");
    private static final String OWNER = "Data Owner (DO) /Supplier and Contact Details";

    private final Map<String, LaitMeasure> byShortDesc;

    private LaitDictionary(Map<String, LaitMeasure> byShortDesc) {
        this.byShortDesc = byShortDesc;
    }

    /** Reads and checks the dictionary. */
    public static LaitDictionary read(Path file) {
        String name = file.toString();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        TextInput.checkEncoding(file, name);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser p = CSVParser.parse(r, format)) {
            for (String col : REQUIRED) {
                if (!p.getHeaderNames().contains(col)) {
                    throw new LoadException(name, 1L, col, null, "the LAIT data dictionary has no column '" + col
                            + "' (columns: " + p.getHeaderNames() + ")");
                }
            }
            boolean hasOwner = p.getHeaderNames().contains(OWNER);
            Map<String, LaitMeasure> measures = new LinkedHashMap<>();
            long line = p.getCurrentLineNumber() + 1;
            for (CSVRecord rec : p) {
                String shortDesc = rec.get("Measure_short");
                if (shortDesc != null && !shortDesc.isBlank() && !measures.containsKey(shortDesc.trim())) {
                    measures.put(shortDesc.trim(), measure(name, line, rec, hasOwner));
                }
                line = p.getCurrentLineNumber() + 1;
            }
            return new LaitDictionary(measures);
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            // bytes that are not UTF-8: the text check names their line
            if (e instanceof java.nio.charset.CharacterCodingException || e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                TextInput.check(file, name);
            }
            throw new LoadException(name, "cannot read the LAIT data dictionary: " + e.getMessage(), e);
        }
    }

    private static LaitMeasure measure(String file, long line, CSVRecord rec, boolean hasOwner) {
        String polarityRaw = rec.get("Polarity");
        String polarity = polarity(polarityRaw);
        if (polarity == null) {
            throw new LoadException(file, line, "Polarity", polarityRaw, "not a LAIT polarity (High, Low, - or NA)");
        }
        String yearRaw = rec.get("Year_Type");
        LaitYearType yearType = LaitYearType.of(yearRaw).orElseThrow(() -> new LoadException(file, line, "Year_Type",
                yearRaw, "not a LAIT year type (Academic Year, Financial Year, Calendar Year, Annual, "
                + "Annual (end of Sept), Annual - January)"));
        String axis = clean(rec.get("y_axis_name"));
        String owner = hasOwner ? clean(rec.get(OWNER)) : null;
        StringBuilder definition = new StringBuilder(orEmpty(clean(rec.get("Description"))));
        if (axis != null) definition.append(definition.isEmpty() ? "" : " ").append("[Shown as: ").append(axis).append(']');
        if (owner != null) definition.append(" [Data owner: ").append(owner).append(']');
        return new LaitMeasure(rec.get("Measure_short").trim(), orEmpty(clean(rec.get("Measure"))), unit(axis),
                polarity, clean(rec.get("Topic")), definition.toString(), yearType, line);
    }

    /**
     * LAIT's polarity as the warehouse's: {@code High} → higher_is_better, {@code Low} →
     * lower_is_better, {@code -} and {@code NA} (no judgement) → neutral; null for anything else.
     */
    static String polarity(String raw) {
        String p = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        return switch (p) {
            case "high" -> "higher_is_better";
            case "low" -> "lower_is_better";
            case "-", "na", "", "neutral" -> "neutral";
            default -> null;
        };
    }

    /** A coarse unit from the dictionary's y-axis words; null when they name none of these. */
    static String unit(String axis) {
        if (axis == null) return null;
        String a = axis.toLowerCase(Locale.ROOT);
        if (a.contains("%") || a.startsWith("percentage") || a.endsWith(" rate") && !a.startsWith("rate")) return "percent";
        if (a.startsWith("rate per")) return "rate";
        if (a.startsWith("spend") || a.contains("cost")) return "gbp";
        if (a.startsWith("number") || a.startsWith("total") || a.equals("entries") || a.equals("case load")
                || a.equals("social workers") || a.endsWith(" fte")) return "count";
        if (a.contains("score") || a.startsWith("average")) return "score";
        return null;
    }

    private static String clean(String s) {
        if (s == null) return null;
        String t = s.trim();
        return t.isEmpty() || t.equals("NA") ? null : t;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The dictionary's description of a measure, if it lists it. */
    public Optional<LaitMeasure> measure(String shortDesc) {
        return Optional.ofNullable(byShortDesc.get(shortDesc == null ? null : shortDesc.trim()));
    }

    /** How many measures the dictionary lists. */
    public int size() {
        return byShortDesc.size();
    }
}
