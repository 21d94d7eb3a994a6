package org.sendscope.report.scorecard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which improvement priority each KPI is reported under, per LA ({@code priorities.tsv} beside this
 * class: BCP's from the KPI table under each priority of its SEND Improvement Plan v1.2). A KPI no
 * priority lists goes under "Other figures from the board's papers", after the priorities.
 */
public final class ScorecardLayout {
    /** The heading of the KPIs no priority lists. */
    public static final String OTHER = "Other figures from the board's papers";

    private final Map<String, Map<String, String>> priorityOf; // area → measure → priority
    private final Map<String, List<String>> order;              // area → priorities in order

    private ScorecardLayout(Map<String, Map<String, String>> priorityOf, Map<String, List<String>> order) {
        this.priorityOf = priorityOf;
        this.order = order;
    }

    /** The layout shipped with sendscope. */
    public static ScorecardLayout standard() {
        Map<String, Map<String, String>> of = new LinkedHashMap<>();
        Map<String, List<String>> order = new LinkedHashMap<>();
        try (InputStream in = ScorecardLayout.class.getResourceAsStream("priorities.tsv")) {
            if (in == null) throw new IllegalStateException("priorities.tsv is missing from the build");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("area_code\t")) continue;
                String[] f = line.split("\t", -1);
                of.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[2], f[1]);
                List<String> o = order.computeIfAbsent(f[0], k -> new ArrayList<>());
                if (!o.contains(f[1])) o.add(f[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ScorecardLayout(of, order);
    }

    /** The rows grouped by priority, in the plan's order, then the rest; rows keep their order within a group. */
    public List<PriorityGroup> group(String areaCode, List<KpiRow> rows) {
        Map<String, String> of = priorityOf.getOrDefault(areaCode, Map.of());
        Map<String, List<KpiRow>> groups = new LinkedHashMap<>();
        for (String p : order.getOrDefault(areaCode, List.of())) groups.put(p, new ArrayList<>());
        groups.put(OTHER, new ArrayList<>());
        for (KpiRow r : rows) groups.get(of.getOrDefault(r.measure(), OTHER)).add(r);
        List<PriorityGroup> out = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, List<KpiRow>> g : groups.entrySet()) {
            n++;
            if (!g.getValue().isEmpty()) out.add(new PriorityGroup(g.getKey(), "priority-" + n, List.copyOf(g.getValue())));
        }
        return out;
    }
}
