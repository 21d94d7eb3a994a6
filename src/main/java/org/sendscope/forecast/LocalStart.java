package org.sendscope.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sendscope.warehouse.Warehouse;

/**
 * Forecasts of several areas started from their own monthly counts where the warehouse holds any
 * ({@link LocalCaseload}, {@link Nowcast}), with a sentence for each area saying so.
 */
public final class LocalStart {
    private LocalStart() {
    }

    /** {@code rows} with each area's forecasts started from its local counts; a note per area that was. */
    public static List<IntervalForecast> apply(Warehouse w, Panel panel, List<IntervalForecast> rows, List<String> notes) {
        Map<String, List<IntervalForecast>> byArea = new LinkedHashMap<>();
        for (IntervalForecast r : rows) byArea.computeIfAbsent(r.areaCode(), k -> new ArrayList<>()).add(r);
        List<IntervalForecast> out = new ArrayList<>();
        for (Map.Entry<String, List<IntervalForecast>> e : byArea.entrySet()) {
            LocalCaseload local = LocalCaseload.read(w, e.getKey());
            AreaHistory a = panel.area(e.getKey());
            List<IntervalForecast> started = a == null ? e.getValue() : Nowcast.apply(e.getValue(), a.stock(), local);
            out.addAll(started);
            IntervalForecast first = started.get(0);
            if (first.parameters().containsKey("nowcast_from")) {
                notes.add(String.format("%s (%s): started from its own count of %,.0f plans in %s (%s), bridged to SEN2 by "
                        + "%+.1f%% ± %.1f%% (Januaries %s); --no-local to forecast from SEN2 alone (docs/decisions/0173).",
                        first.areaName(), first.areaCode(), (double) started.get(started.size() - 1).parameters()
                                .get("nowcast_local_count"), started.get(started.size() - 1).parameters().get("nowcast_from"),
                        started.get(started.size() - 1).parameters().get("nowcast_source"),
                        100 * Math.expm1((double) first.parameters().get("bridge_log_difference")),
                        100 * (double) first.parameters().get("bridge_sd"), first.parameters().get("bridge_januaries")));
            }
        }
        return out;
    }
}
