package org.sendscope.kernel;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import org.duckdb.DuckDBFunctions;
import org.sendscope.period.PeriodNames;

/**
 * SQL functions a notebook's queries can call, registered on the kernel's read-only connection so
 * that tables say what people say, from the same Java as everything else (no second formatter in
 * SQL):
 * <ul>
 *   <li>{@code period_name(period_kind, period_start, period_end)}: "January 2023", "2022-23",
 *       "Mar 2024" ({@link PeriodNames});</li>
 *   <li>{@code status_meaning(status)}: what a published marker means ({@code x} → "not available").</li>
 * </ul>
 */
public final class NotebookFunctions {
    /**
     * What each status means, for a reader. The markers are the GSS symbols the loaders keep
     * (ingest/sheets/SheetCells.MARKERS), the words local scorecards use, and the status of a
     * region's figure on an LA's line (ingest/areas/RegionFigures).
     */
    public static final Map<String, String> STATUS_MEANINGS = Map.ofEntries(
            Map.entry("reported", "a published figure"),
            Map.entry("c", "suppressed to protect confidentiality (c)"),
            Map.entry("x", "not available (x)"),
            Map.entry("z", "not applicable (z)"),
            Map.entry("u", "low reliability (u)"),
            Map.entry("low", "rounds to zero (low)"),
            Map.entry(":", "not available (:)"),
            Map.entry("..", "not available (..)"),
            Map.entry("-", "no figure published (-)"),
            Map.entry(org.sendscope.ingest.areas.RegionFigures.STATUS, "the region's figure printed on the LA's line, not the LA's own"),
            Map.entry("tbc", "to be confirmed (tbc)"),
            Map.entry("awaiting_data", "awaiting data"),
            Map.entry("being_scoped", "being scoped"),
            Map.entry("not_available", "not available"),
            Map.entry("n/a", "not applicable (n/a)"));

    private NotebookFunctions() {
    }

    /** The meaning of a status; an unlisted one is shown as written, in quotes. */
    public static String statusMeaning(String status) {
        if (status == null) return null;
        String m = STATUS_MEANINGS.get(status.strip().toLowerCase(java.util.Locale.ROOT));
        return m != null ? m : "marked '" + status + "'";
    }

    /** Registers the functions on a connection (each connection the kernel opens). */
    static void register(Connection c) throws SQLException {
        DuckDBFunctions.scalarFunction().withName("period_name")
                .withParameters(String.class, LocalDate.class, LocalDate.class).withReturnType(String.class)
                .withVectorizedFunction((in, out) -> {
                    var kind = in.vector(0);
                    var start = in.vector(1);
                    var end = in.vector(2);
                    for (long i = 0; i < in.rowCount(); i++) {
                        if (kind.isNull(i) || start.isNull(i) || end.isNull(i)) out.setNull(i);
                        else out.setString(i, PeriodNames.of(kind.getString(i), start.getLocalDate(i), end.getLocalDate(i)));
                    }
                }).register(c);
        DuckDBFunctions.scalarFunction().withName("status_meaning")
                .withParameter(String.class).withReturnType(String.class)
                .withFunction((String s) -> statusMeaning(s)).register(c);
    }
}
