package org.sendscope.ingest.kpi;

import java.util.List;
import java.util.Map;
import org.sendscope.ingest.LoadResult;

/**
 * What a scorecard load did, table by table: values and statuses read, cells refused, and the
 * refusals grouped by reason. {@link #result()} is the load's provenance record.
 */
public record KpiLoadReport(LoadResult result, List<TableCount> tables, Map<String, Integer> rejectsByReason) {

    /** The counts of one table. */
    public record TableCount(String table, int values, int statuses, int rejected, int repeats) {
    }

    /** The count of one table by the start of its name (e.g. {@code "line 65"}). */
    public TableCount table(String nameStart) {
        return tables.stream().filter(t -> t.table().startsWith(nameStart + " ") || t.table().equals(nameStart))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no table " + nameStart + " in " + tables));
    }

    /** A few lines for the command line. */
    public String summary() {
        StringBuilder b = new StringBuilder(result.toString()).append('\n');
        if (result.unchanged()) return b.toString();
        b.append(String.format("  %-70s %7s %8s %8s %7s%n", "table", "values", "statuses", "refused", "repeats"));
        for (TableCount t : tables) {
            String name = t.table().length() > 70 ? t.table().substring(0, 67) + "..." : t.table();
            b.append(String.format("  %-70s %7d %8d %8d %7d%n", name, t.values(), t.statuses(), t.rejected(), t.repeats()));
        }
        if (!rejectsByReason.isEmpty()) {
            b.append("  refused cells by reason (details in load_rejects):\n");
            rejectsByReason.forEach((reason, n) -> b.append(String.format("  %5d  %s%n", n, reason)));
        }
        return b.toString();
    }
}
