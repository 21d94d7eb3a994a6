package org.sendscope.demo;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.sendscope.analysis.ScrutinyAnswer;
import org.sendscope.analysis.ScrutinyQuestion;
import org.sendscope.warehouse.Warehouse;

/**
 * The demo's last screen, at most {@link #MAX_LINES} lines: what the warehouse holds (files and rows
 * by source), one headline for each kind of user — the analyst's KPI against its target, the
 * finance team's EHC plan forecast, a scrutiny question answered — and the three commands to try
 * next. The full tables are behind {@code demo --verbose} and in {@code status}.
 */
public final class DemoSummary {
    /** The most lines the summary prints. */
    public static final int MAX_LINES = 60;
    /** The scrutiny question the summary answers, and the date of the BCP papers it is answered at. */
    static final String QUESTION = "twenty_week_timeliness";
    static final LocalDate AS_OF = LocalDate.of(2024, 7, 24);
    private static final String HEADLINE_KPI = "ehc_20wk_pct_incl_exc";
    // Sources listed one a line; a warehouse with more shows the largest and counts the rest.
    private static final int MAX_SOURCES = 12;

    private final Warehouse warehouse;

    public DemoSummary(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Prints the summary. */
    public void print(PrintWriter out) throws SQLException {
        try (Statement s = warehouse.connection().createStatement()) {
            loaded(s, out);
            analyst(s, out);
            finance(s, out);
        }
        scrutiny(out);
        out.println();
        out.println("Try next:");
        out.println("  ./sendscope notebook run      # the analyses, executed on this warehouse (HTML in target/notebooks/)");
        out.println("  ./sendscope ask " + QUESTION + " --area " + Demo.BCP + " --as-of " + AS_OF
                + "   # a scrutiny question with its sources");
        out.println("  ./sendscope sql \"SELECT measure, breakdown, period_kind, period_label, value, target, meets_target "
                + "FROM kpi_latest WHERE area_code = '" + Demo.BCP + "'\"");
        out.println("Full tables: ./sendscope demo --verbose, or ./sendscope status");
        out.flush();
    }

    private void loaded(Statement s, PrintWriter out) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*), coalesce(sum(rows_loaded), 0) FROM loads WHERE status = 'loaded'")) {
            rs.next();
            out.println();
            out.printf("Loaded: %,d files, %,d rows%n", rs.getLong(1), rs.getLong(2));
        }
        int shown = 0;
        try (ResultSet rs = s.executeQuery("SELECT source, count(*) AS files, sum(rows_loaded) AS rows, "
                + "string_agg(DISTINCT vintage, ', ' ORDER BY vintage) AS vintages FROM loads WHERE status = 'loaded' "
                + "GROUP BY source ORDER BY rows DESC, source")) {
            while (rs.next()) {
                if (++shown > MAX_SOURCES) continue;
                out.printf("  %-10s %3d file%s %,12d rows   vintage %s%n", rs.getString(1), rs.getLong(2),
                        rs.getLong(2) == 1 ? " " : "s", rs.getLong(3), rs.getString(4));
            }
        }
        if (shown > MAX_SOURCES) out.printf("  … and %d more sources (sendscope status)%n", shown - MAX_SOURCES);
    }

    private void analyst(Statement s, PrintWriter out) throws SQLException {
        out.println();
        out.println("For the analyst (kpi_latest): BCP's KPIs against target");
        try (ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE meets_target), count(meets_target), count(*) "
                + "FROM kpi_latest WHERE area_code = '" + Demo.BCP + "'")) {
            rs.next();
            out.printf("  %d of the %d KPIs with a target and a figure meet it (%d KPI series in all)%n",
                    rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
        try (ResultSet rs = s.executeQuery("SELECT measure, breakdown, period_kind, period_label, value, target, direction, "
                + "meets_target FROM kpi_latest WHERE area_code = '" + Demo.BCP + "' AND measure = '" + HEADLINE_KPI
                + "' ORDER BY breakdown <> 'total', breakdown LIMIT 1")) {
            if (rs.next()) {
                Object meets = rs.getObject(8);
                out.printf("  %s (%s, %s) %s: %s against a target of %s (%s): %s%n", rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), plain(rs.getObject(5)), plain(rs.getObject(6)),
                        "up".equals(rs.getString(7)) ? "higher is required" : "lower is required",
                        meets == null ? "not rated" : Boolean.TRUE.equals(meets) ? "meets it" : "misses it");
            }
        }
    }

    private void finance(Statement s, PrintWriter out) throws SQLException {
        out.println();
        out.println("For the finance team (forecasts_latest): EHC plans in BCP, each January");
        boolean any = false;
        try (ResultSet rs = s.executeQuery("SELECT target_year, point, lo80, hi80, model, run_id, origin FROM forecasts_latest "
                + "WHERE area_code = '" + Demo.BCP + "' AND breakdown = 'total' AND measure = 'ehc_plans' "
                + "ORDER BY origin DESC, target_year LIMIT 3")) {
            while (rs.next()) {
                if (!any) out.printf("  from January %d (run %d, model %s):%n", rs.getInt(7), rs.getLong(6), rs.getString(5));
                any = true;
                out.printf("  January %d: %,.0f (80%% interval %,.0f to %,.0f)%n", rs.getInt(1), rs.getDouble(2),
                        rs.getDouble(3), rs.getDouble(4));
            }
        }
        if (!any) out.println("  no forecast: the SEN2 releases are not loaded (they sit in ../shared/data/dfe)");
    }

    private void scrutiny(PrintWriter out) {
        ScrutinyQuestion q = ScrutinyQuestion.named(QUESTION);
        out.println();
        out.println("For scrutiny (sendscope ask " + QUESTION + "): " + q.question());
        String name = warehouse.count("SELECT count(*) FROM areas WHERE area_code = '" + Demo.BCP + "'") > 0
                ? "Bournemouth, Christchurch and Poole" : Demo.BCP;
        ScrutinyAnswer a = ScrutinyAnswer.of(warehouse, q, Demo.BCP, name, AS_OF);
        List<String> sentences = a.sentences();
        if (sentences.isEmpty()) {
            out.println("  the warehouse holds no figures that answer it for BCP up to " + AS_OF);
            return;
        }
        for (String sentence : sentences.subList(0, Math.min(3, sentences.size()))) out.println("  " + sentence);
    }

    /** A number as plain decimals (67.1, 95), never in exponent form. */
    private static String plain(Object v) {
        if (v == null) return "none";
        if (v instanceof Number n) {
            return new java.math.BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }
}
