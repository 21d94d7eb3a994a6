package org.sendscope.finance;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The seven placement categories of DfE's DSG deficit management plan template, and the one place
 * where SEN2's placement breakdowns ({@code observations} {@code placement:*}, docs/decisions/0002)
 * are mapped to them. Anything else that needs the DSG categories (the shared breakdowns reference
 * of issue 10) should read the mapping from here.
 *
 * <p>The mapping works on SEN2's placement <em>groups</em>, which every release publishes, and carves
 * a few detailed placements out of their group: resourced provision and SEN units out of mainstream,
 * independent and non-maintained special schools and hospital schools out of special. NEET, awaiting
 * provision, unknown, early years and educated elsewhere fall in "other arrangements", so that the
 * seven categories cover every plan (docs/decisions/0110).
 */
public enum PlacementCategory {
    MAINSTREAM("mainstream", "Mainstream schools or academies",
            List.of("placement:mainstream"), List.of()),
    RESOURCED_PROVISION("resourced_provision", "Resourced provision or SEN units",
            List.of(), List.of("placement:mainstream_la_maintained_resourced_provision",
                    "placement:mainstream_la_maintained_sen_unit", "placement:mainstream_academy_resourced_provision",
                    "placement:mainstream_academy_sen_unit", "placement:mainstream_free_school_resourced_provision",
                    "placement:mainstream_free_school_sen_unit")),
    MAINTAINED_SPECIAL("maintained_special", "Maintained special schools or special academies",
            List.of("placement:special"), List.of()),
    INDEPENDENT_SPECIAL("independent_special", "Non-maintained or independent special schools",
            List.of(), List.of("placement:special_independent", "placement:special_non_maintained")),
    HOSPITAL_AP("hospital_ap", "Hospital schools or alternative provision",
            List.of("placement:ap_pru"), List.of("placement:special_hospital_school")),
    POST_16("post_16", "Post-16 and further education (ages 16-25)",
            List.of("placement:fe"), List.of()),
    OTHER("other", "Other arrangements or direct payments",
            List.of("placement:educated_elsewhere", "placement:early_years_non_maintained", "placement:neet",
                    "placement:other_settings", "placement:unknown"), List.of());

    private final String code;
    private final String label;
    private final List<String> groups;
    private final List<String> carvedOut;

    PlacementCategory(String code, String label, List<String> groups, List<String> carvedOut) {
        this.code = code;
        this.label = label;
        this.groups = groups;
        this.carvedOut = carvedOut;
    }

    /** The name scenario files and the warehouse use ({@code independent_special}). */
    public String code() {
        return code;
    }

    /** As the DSG management plan template words it. */
    public String label() {
        return label;
    }

    /** SEN2 placement groups counted whole in this category (less what other categories carve out). */
    public List<String> sen2Groups() {
        return groups;
    }

    /** Detailed SEN2 placements taken out of their group into this category. */
    public List<String> sen2CarvedOut() {
        return carvedOut;
    }

    /** The category named {@code code}, or null. */
    public static PlacementCategory byCode(String code) {
        for (PlacementCategory c : values()) if (c.code.equals(code)) return c;
        return null;
    }

    /** Every SEN2 breakdown the mapping reads. */
    public static List<String> sen2Breakdowns() {
        return java.util.Arrays.stream(values()).flatMap(c -> java.util.stream.Stream.concat(
                c.groups.stream(), c.carvedOut.stream())).toList();
    }

    /**
     * Plans by category from SEN2 placement values ({@code value} gives a breakdown's count, NaN
     * when not published; a missing detailed value counts as none carved out).
     */
    public static Map<PlacementCategory, Double> fromSen2(ToDoubleFunction<String> value) {
        Map<PlacementCategory, Double> out = new EnumMap<>(PlacementCategory.class);
        for (PlacementCategory c : values()) out.put(c, 0.0);
        for (PlacementCategory c : values()) {
            for (String g : c.groups) {
                double v = value.applyAsDouble(g);
                if (!Double.isNaN(v)) out.merge(c, v, Double::sum);
            }
            for (String leaf : c.carvedOut) {
                double v = value.applyAsDouble(leaf);
                if (Double.isNaN(v)) continue;
                out.merge(c, v, Double::sum);
                PlacementCategory from = leaf.startsWith("placement:mainstream") ? MAINSTREAM : MAINTAINED_SPECIAL;
                out.merge(from, -v, Double::sum);
            }
        }
        out.replaceAll((c, v) -> Math.max(0, v));
        return out;
    }
}
