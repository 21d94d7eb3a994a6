package org.sendscope.finance;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.sendscope.breakdown.Breakdown;
import org.sendscope.breakdown.Breakdowns;

/**
 * The seven placement categories of DfE's DSG deficit management plan template. Which SEN2
 * placement breakdown ({@code observations} {@code placement:*}, docs/decisions/0002) falls in which
 * category is the {@code dsg_category} of the breakdowns reference ({@code breakdowns.tsv}, view
 * {@code breakdowns}), the one home of the mapping (docs/decisions/0121); this enum reads it.
 *
 * <p>The mapping works on SEN2's placement <em>groups</em>, which every release publishes, and carves
 * a few detailed placements out of their group: resourced provision and SEN units out of mainstream,
 * independent and non-maintained special schools and hospital schools out of special. NEET, awaiting
 * provision, unknown, early years and educated elsewhere fall in "other arrangements", so that the
 * seven categories cover every plan (docs/decisions/0110).
 */
public enum PlacementCategory {
    MAINSTREAM("mainstream", "Mainstream schools or academies"),
    RESOURCED_PROVISION("resourced_provision", "Resourced provision or SEN units"),
    MAINTAINED_SPECIAL("maintained_special", "Maintained special schools or special academies"),
    INDEPENDENT_SPECIAL("independent_special", "Non-maintained or independent special schools"),
    HOSPITAL_AP("hospital_ap", "Hospital schools or alternative provision"),
    POST_16("post_16", "Post-16 and further education (ages 16-25)"),
    OTHER("other", "Other arrangements or direct payments");

    private final String code;
    private final String label;

    PlacementCategory(String code, String label) {
        this.code = code;
        this.label = label;
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
        return Breakdowns.placementGroups().stream().filter(b -> code.equals(b.dsgCategory())).map(Breakdown::code).toList();
    }

    /**
     * Detailed SEN2 placements taken out of their group into this category: those whose category
     * in the breakdowns reference is not their group's.
     */
    public List<String> sen2CarvedOut() {
        return carvedOut().stream().filter(b -> code.equals(b.dsgCategory())).map(Breakdown::code).toList();
    }

    private static List<Breakdown> carvedOut() {
        return Breakdowns.all().stream().filter(b -> b.dimension().equals("placement") && !b.isGroup()
                && !b.dsgCategory().equals(groupOf(b).dsgCategory())).toList();
    }

    private static Breakdown groupOf(Breakdown b) {
        return Breakdowns.require(b.dimension() + ":" + b.group());
    }

    /** The category named {@code code}, or null. */
    public static PlacementCategory byCode(String code) {
        for (PlacementCategory c : values()) if (c.code.equals(code)) return c;
        return null;
    }

    /** Every SEN2 breakdown the mapping reads. */
    public static List<String> sen2Breakdowns() {
        return java.util.Arrays.stream(values()).flatMap(c -> java.util.stream.Stream.concat(
                c.sen2Groups().stream(), c.sen2CarvedOut().stream())).toList();
    }

    /**
     * Plans by category from SEN2 placement values ({@code value} gives a breakdown's count, NaN
     * when not published; a missing detailed value counts as none carved out).
     */
    public static Map<PlacementCategory, Double> fromSen2(ToDoubleFunction<String> value) {
        Map<PlacementCategory, Double> out = new EnumMap<>(PlacementCategory.class);
        for (PlacementCategory c : values()) out.put(c, 0.0);
        for (Breakdown g : Breakdowns.placementGroups()) {
            double v = value.applyAsDouble(g.code());
            if (!Double.isNaN(v)) out.merge(byCode(g.dsgCategory()), v, Double::sum);
        }
        for (Breakdown leaf : carvedOut()) {
            double v = value.applyAsDouble(leaf.code());
            if (Double.isNaN(v)) continue;
            out.merge(byCode(leaf.dsgCategory()), v, Double::sum);
            out.merge(byCode(groupOf(leaf).dsgCategory()), -v, Double::sum);
        }
        out.replaceAll((c, v) -> Math.max(0, v));
        return out;
    }
}
