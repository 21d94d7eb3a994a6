package org.sendscope.ingest.areas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * England, its nine regions and the Inner / Outer London groupings, by name, with their GSS codes.
 * These few codes are fixed public facts (written here by hand, not copied from a file); the
 * sources spell the names differently ({@code Yorkshire and the Humber}, {@code London (Inner)},
 * {@code Inner London}), so lookups ignore case and the spelling of the London groupings.
 */
public final class EnglishRegions {
    /** England's GSS code. */
    public static final String ENGLAND = "E92000001";
    /** London's region code, the region of every London borough. */
    public static final String LONDON = "E12000007";

    private static final Map<String, Area> BY_NAME = new LinkedHashMap<>();

    static {
        add("England", ENGLAND, "england");
        add("North East", "E12000001", "region");
        add("North West", "E12000002", "region");
        add("Yorkshire and The Humber", "E12000003", "region");
        add("East Midlands", "E12000004", "region");
        add("West Midlands", "E12000005", "region");
        add("East of England", "E12000006", "region");
        add("London", LONDON, "region");
        add("South East", "E12000008", "region");
        add("South West", "E12000009", "region");
        // Statistical groupings of London boroughs, published beside the regions by LAIT and the SN tool.
        add("Inner London", "E13000001", "region");
        add("Outer London", "E13000002", "region");
    }

    /** An area above local-authority level: its code, its name as written here, and its level. */
    public record Area(String code, String name, String level) {
    }

    private EnglishRegions() {
    }

    private static void add(String name, String code, String level) {
        BY_NAME.put(key(name), new Area(code, name, level));
    }

    /** England, a region or a London grouping by any of its usual spellings. */
    public static Optional<Area> byName(String name) {
        if (name == null) return Optional.empty();
        return Optional.ofNullable(BY_NAME.get(key(name)));
    }

    /** One of the nine regions ({@code E12…}) by name, in any case; not England or a London grouping. */
    public static Optional<Area> region(String name) {
        return byName(name).filter(a -> a.code().startsWith("E12"));
    }

    /** The nine regions, in code order. */
    public static List<Area> regions() {
        return BY_NAME.values().stream().filter(a -> a.code().startsWith("E12")).toList();
    }

    /** The region whose name a heading starts with ({@code North West (2023)}), in any case. */
    public static Optional<Area> regionAtStartOf(String heading) {
        String h = heading.trim().toLowerCase(Locale.ROOT);
        return regions().stream().filter(r -> h.startsWith(r.name().toLowerCase(Locale.ROOT))).findFirst();
    }

    /**
     * The region a local authority belongs to, from the region name a source gives it: the London
     * groupings ({@code Inner London}, {@code London (Outer)}) are in the London region.
     */
    public static Optional<Area> regionOf(String regionName) {
        return byName(regionName).map(a -> a.code().startsWith("E13") ? BY_NAME.get(key("London")) : a)
                .filter(a -> a.level().equals("region"));
    }

    private static String key(String name) {
        String k = name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        // 'London (Inner)' and 'Inner London' are the same grouping.
        if (k.equals("london (inner)")) return "inner london";
        if (k.equals("london (outer)")) return "outer london";
        return k;
    }
}
