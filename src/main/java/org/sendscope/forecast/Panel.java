package org.sendscope.forecast;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every local authority's history, plus what pooling needs (regions, statistical neighbours) and the
 * LA successions. {@link #asOf(int)} is the only way models see data: it drops every January after
 * the origin and every calendar-year flow after the year before it, then links successor areas'
 * stock back through their predecessors using only what is left (docs/decisions/0041).
 */
public final class Panel {
    /** A predecessor area and one of its successors. */
    public record Succession(String predecessor, String successor) {
    }

    private final int origin;
    private final Map<String, AreaHistory> areas;
    private final Map<String, List<String>> neighbours;
    private final List<Succession> successions;

    private Panel(int origin, Map<String, AreaHistory> areas, Map<String, List<String>> neighbours,
            List<Succession> successions) {
        this.origin = origin;
        this.areas = areas;
        this.neighbours = neighbours;
        this.successions = successions;
    }

    /** A panel of everything known (no origin applied yet). */
    public static Panel of(Collection<AreaHistory> areas, Map<String, List<String>> neighbours,
            List<Succession> successions) {
        Map<String, AreaHistory> m = new LinkedHashMap<>();
        for (AreaHistory a : areas) m.put(a.code(), a);
        return new Panel(Integer.MAX_VALUE, m, Map.copyOf(neighbours), List.copyOf(successions));
    }

    /** The last January this panel may show (MAX_VALUE before {@link #asOf}). */
    public int origin() {
        return origin;
    }

    /** The latest January any area reports. */
    public int lastStockYear() {
        int last = Integer.MIN_VALUE;
        for (AreaHistory a : areas.values()) if (!a.stock().isEmpty()) last = Math.max(last, a.stock().toMap().lastKey());
        return last;
    }

    /** The earliest January any area reports. */
    public int firstStockYear() {
        int first = Integer.MAX_VALUE;
        for (AreaHistory a : areas.values()) if (!a.stock().isEmpty()) first = Math.min(first, a.stock().toMap().firstKey());
        return first;
    }

    public Collection<AreaHistory> areas() {
        return areas.values();
    }

    public AreaHistory area(String code) {
        return areas.get(code);
    }

    /** The area's statistical neighbours (empty when none are loaded). */
    public List<String> neighbours(String code) {
        return neighbours.getOrDefault(code, List.of());
    }

    /** Every predecessor → successor pair. */
    public List<Succession> successions() {
        return successions;
    }

    /** The areas with a stock value at the origin: those a forecast from this origin covers. */
    public List<AreaHistory> forecastable() {
        List<AreaHistory> out = new ArrayList<>();
        for (AreaHistory a : areas.values()) if (a.stock().has(origin)) out.add(a);
        return out;
    }

    /**
     * What was known in January {@code year}: stock and age bands up to January {@code year}, flows up
     * to calendar year {@code year - 1}; successor areas' stock linked back through predecessors.
     */
    public Panel asOf(int year) {
        if (year > origin) throw new IllegalArgumentException("panel is already as of " + origin + ", not " + year);
        Map<String, AreaHistory> cut = new LinkedHashMap<>();
        for (AreaHistory a : areas.values()) {
            Map<String, YearSeries> bands = new TreeMap<>();
            a.ageBands().forEach((k, v) -> bands.put(k, v.upTo(year)));
            Map<String, YearSeries> placements = new TreeMap<>();
            a.placements().forEach((k, v) -> placements.put(k, v.upTo(year)));
            YearSeries own = a.stock().upTo(year);
            int reportedFrom = own.isEmpty() || own.toMap().isEmpty() ? Integer.MIN_VALUE : own.toMap().firstKey();
            cut.put(a.code(), new AreaHistory(a.code(), a.name(), a.regionCode(), own, a.newPlans().upTo(year - 1),
                    a.requests().upTo(year - 1), a.ceased().upTo(year - 1), bands, reportedFrom, placements));
        }
        linkSuccessors(cut);
        return new Panel(year, cut, neighbours, successions);
    }

    /**
     * Backcasts each successor's stock before its first January with the growth of its whole
     * succession group (all predecessors before the break, all successors after): a successor is
     * assumed to have grown as its predecessors did together.
     */
    private void linkSuccessors(Map<String, AreaHistory> cut) {
        for (Set<String>[] group : groups()) {
            Set<String> preds = group[0];
            Set<String> succs = group[1];
            int firstSucc = Integer.MAX_VALUE;
            for (String s : succs) {
                AreaHistory a = cut.get(s);
                if (a == null || a.stock().toMap().isEmpty()) continue;
                firstSucc = Math.min(firstSucc, a.stock().toMap().firstKey());
            }
            if (firstSucc == Integer.MAX_VALUE) continue;
            final int brk = firstSucc;
            Map<Integer, Double> groupTotal = new HashMap<>();
            for (int y = brk - 30; y <= brk; y++) {
                Set<String> members = y < brk ? preds : succs;
                double sum = 0;
                boolean all = true;
                for (String m : members) {
                    AreaHistory a = cut.get(m);
                    double v = a == null ? Double.NaN : a.stock().get(y);
                    if (Double.isNaN(v)) {
                        all = false;
                        break;
                    }
                    sum += v;
                }
                if (all) groupTotal.put(y, sum);
            }
            for (String s : succs) {
                AreaHistory a = cut.get(s);
                if (a == null || a.stock().toMap().isEmpty() || a.stock().toMap().firstKey() != brk) continue;
                TreeMap<Integer, Double> linked = a.stock().toMap();
                double v = linked.get(brk);
                for (int y = brk - 1; groupTotal.containsKey(y) && groupTotal.containsKey(y + 1); y--) {
                    v = v * groupTotal.get(y) / groupTotal.get(y + 1);
                    linked.put(y, v);
                }
                cut.put(s, new AreaHistory(a.code(), a.name(), a.regionCode(), YearSeries.fromMap(linked), a.newPlans(),
                        a.requests(), a.ceased(), a.ageBands(), brk, a.placements()));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Set<String>[]> groups() {
        // Connected components of the predecessor → successor graph.
        Map<String, Set<String>> adj = new HashMap<>();
        for (Succession s : successions) {
            adj.computeIfAbsent(s.predecessor(), k -> new HashSet<>()).add(s.successor());
            adj.computeIfAbsent(s.successor(), k -> new HashSet<>()).add(s.predecessor());
        }
        Set<String> preds = new HashSet<>();
        for (Succession s : successions) preds.add(s.predecessor());
        Set<String> seen = new HashSet<>();
        List<Set<String>[]> out = new ArrayList<>();
        for (String start : adj.keySet()) {
            if (!seen.add(start)) continue;
            List<String> stack = new ArrayList<>(List.of(start));
            Set<String> comp = new HashSet<>(List.of(start));
            while (!stack.isEmpty()) {
                String x = stack.remove(stack.size() - 1);
                for (String y : adj.get(x)) if (seen.add(y)) {
                    comp.add(y);
                    stack.add(y);
                }
            }
            Set<String> p = new HashSet<>();
            Set<String> s = new HashSet<>();
            for (String c : comp) (preds.contains(c) ? p : s).add(c);
            out.add(new Set[] {p, s});
        }
        return out;
    }
}
