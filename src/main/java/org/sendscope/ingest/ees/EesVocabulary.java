package org.sendscope.ingest.ees;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sendscope.breakdown.Breakdowns;
import org.sendscope.ees.DataSetMeta;
import org.sendscope.ingest.ResourceTable;

/**
 * How an EES data set's columns become sendscope's words (docs/decisions/0207): an indicator a
 * measure with a code, unit and polarity; a filter a dimension, its options breakdowns; a
 * geographic level an area level or nothing. Nothing is guessed: a filter is the dimension its
 * column names, an unknown polarity is {@code neutral}, a level other than national, regional or
 * local authority is kept out.
 */
public final class EesVocabulary {
    /** EES's geographic level labels sendscope loads, to its {@code areas.level}. */
    static final Map<String, String> LEVELS = Map.of("National", "england", "Regional", "region",
            "Local authority", "local_authority");
    /** Every other level EES publishes: kept out of the warehouse with a note, never an error. */
    static final Set<String> OTHER_LEVELS = Set.of("Local authority district", "Parliamentary constituency",
            "Local enterprise partnership", "English devolved area", "Local skills improvement plan area",
            "Mayoral combined authority", "Multi-academy trust", "MAT", "Opportunity area", "Planning area", "Provider",
            "RSC region", "School", "Sponsor", "Ward", "Institution");
    private static final Map<String, String[]> POLARITY = polarities();

    private EesVocabulary() {
    }

    /**
     * The measure code of an indicator: {@code ees_}, the first 8 characters of the data set's id,
     * and the column in lower case. The id keeps two data sets' {@code number} apart and stays the
     * same across versions, where a title may change.
     */
    public static String measure(String dataSetId, String column) {
        String key = dataSetId.replace("-", "").toLowerCase(Locale.ROOT);
        return "ees_" + key.substring(0, Math.min(8, key.length())) + "_" + snake(column);
    }

    /**
     * The unit of an indicator: {@code %} percent, {@code £} gbp, {@code £m} gbp_millions, {@code pp}
     * percentage_points; a plain number with no decimal places a count (checked whole and 0 or
     * more), otherwise a number.
     */
    public static String unit(DataSetMeta.Indicator i) {
        String u = i.unit() == null ? "" : i.unit().strip();
        return switch (u) {
            case "%" -> "percent";
            case "£" -> "gbp";
            case "£m" -> "gbp_millions";
            case "pp" -> "percentage_points";
            case "" -> i.decimalPlaces() != null && i.decimalPlaces() == 0 ? "count" : "number";
            default -> "number";
        };
    }

    /** The polarity of an indicator where ees_polarity.tsv states it, else {@code neutral}. */
    public static String polarity(String column) {
        String[] p = POLARITY.get(column);
        return p == null ? "neutral" : p[1];
    }

    /** A filter's dimension: its column, in lower snake case (so {@code sex} is the reference's {@code sex}). */
    public static String dimension(DataSetMeta.Filter f) {
        return snake(f.column());
    }

    /** The breakdown code of a filter's option: {@code sex:female}. */
    public static String breakdown(DataSetMeta.Filter f, String optionLabel) {
        return dimension(f) + ":" + snake(optionLabel);
    }

    /**
     * Whether an option is the filter's headline (no breakdown): the metadata marks it as the
     * aggregate, or it is labelled {@code Total} as EES's data standards ask, or it is the
     * filter's only option (a filter with one option divides nothing).
     */
    public static boolean isTotal(DataSetMeta.Filter f, DataSetMeta.FilterOption o) {
        if (Boolean.TRUE.equals(o.isAggregate())) return true;
        if (o.label() != null && o.label().strip().equalsIgnoreCase("Total")) return true;
        return f.options().size() == 1;
    }

    /** Whether the breakdowns reference knows a code. */
    public static boolean inReference(String code) {
        return Breakdowns.knows(code);
    }

    /** Lower snake case, as SEN2's sex and ethnicity labels are coded: {@code White British} → {@code white_british}. */
    static String snake(String label) {
        String s = label.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9+]+", "_");
        s = s.replaceAll("^_+|_+$", "");
        return s.isEmpty() ? "blank" : s;
    }

    private static Map<String, String[]> polarities() {
        Map<String, String[]> m = new HashMap<>();
        List<String> allowed = List.of("higher_is_better", "lower_is_better", "neutral");
        for (String[] r : ResourceTable.rows(EesVocabulary.class, "ees_polarity.tsv")) {
            if (r.length != 3 || !allowed.contains(r[1])) {
                throw new IllegalStateException("ees_polarity.tsv: bad row " + String.join("\t", r));
            }
            if (m.put(r[0], r) != null) throw new IllegalStateException("ees_polarity.tsv: " + r[0] + " twice");
        }
        return m;
    }
}
