package org.sendscope.ingest.dfe;

import static org.sendscope.ingest.CsvStaging.literal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.sendscope.ingest.CsvStaging;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.LoadPoints;
import org.sendscope.ingest.LoadRun;
import org.sendscope.ingest.Numbers;
import org.sendscope.ingest.Plausibility;
import org.sendscope.ingest.areas.KnownAreas;
import org.sendscope.ingest.areas.RegionFigures;

/**
 * Loads one CSV of a SEN2 release inside the release's transaction: stage with DuckDB, check every
 * row and cell, then insert one observation per mapped column and row into {@code observation_fact}
 * and the areas into {@code area_fact}.
 */
final class Sen2FileLoader {
    private final LoadRun run;
    private final Sen2File spec;
    private final Path csv;
    private final String name;
    private final Connection c;
    private final List<String> notes = new ArrayList<>();

    Sen2FileLoader(LoadRun run, Sen2File spec, Path csv, String displayName) {
        this.run = run;
        this.spec = spec;
        this.csv = csv;
        this.name = displayName;
        this.c = run.connection();
    }

    long load() throws SQLException {
        List<Sen2Vocabulary.Column> columns = Sen2Vocabulary.columnsOf(spec.name());
        List<String> header = CsvStaging.header(csv, name);
        Set<String> required = new LinkedHashSet<>(Sen2Release.geography());
        required.addAll(rowKeyColumns());
        columns.forEach(col -> required.add(col.column()));
        CsvStaging.requireColumns(header, required, name);
        List<String> valueColumns = columns.stream().map(Sen2Vocabulary.Column::column).distinct().toList();
        String projection = "time_period, time_identifier, " + areaColumns() + ", " + rowBreakdown() + " AS row_breakdown, "
                + rowKeyColumns().stream().map(k -> CsvStaging.quote(k) + ", ").collect(Collectors.joining())
                // an empty cell becomes '' so that the value check names it as an empty cell
                + valueColumns.stream().map(col -> "coalesce(" + CsvStaging.quote(col) + ", '') AS " + CsvStaging.quote(col))
                        .collect(Collectors.joining(", "));
        CsvStaging.stage(c, csv, header, "stg_sen2_rows", projection, name);
        LoadPoints.reached("staged:" + spec.name());
        try (Statement s = c.createStatement()) {
            checkRows(s);
            checkRowsOnce(s);
            checkValues(s, valueColumns);
            if (spec.rows() == Sen2File.RowBreakdown.TOPIC) repairRegionFigures(s, columns);
            checkAddsUp(s, columns);
            checkPlausible(s, columns, valueColumns);
            // Unpivoted as it is inserted, from the staged rows: no long table is built first
            // (for the 2022 placement files that took as long as the insert itself).
            long n = s.executeUpdate("INSERT INTO observation_fact SELECT u.area_code, u.area_name, u.level, m.measure, "
                    + "CASE WHEN m.breakdown = 'row' THEN u.row_breakdown ELSE m.breakdown END, "
                    + "u.period_kind, u.period_label, u.period_start, u.period_end, gss_value(u.raw), gss_status(u.raw), "
                    + literal(Sen2Release.SOURCE) + ", " + literal(run.vintage()) + ", " + run.loadId()
                    + " FROM (UNPIVOT (SELECT l.area_code, l.area_name, l.level, l.row_breakdown, " + period() + ", "
                    + quoted(valueColumns) + " FROM stg_sen2_rows l WHERE " + LOADED_ROW + ") ON " + quoted(valueColumns)
                    + " INTO NAME column_name VALUE raw) u JOIN (VALUES " + columns.stream()
                    .map(col -> "(" + literal(col.column()) + ", " + literal(col.measure()) + ", " + literal(col.breakdown()) + ")")
                    .collect(Collectors.joining(", ")) + ") m (column_name, measure, breakdown) USING (column_name) "
                    // a column with a fixed breakdown (a placement column) describes the headline row only
                    + "WHERE m.breakdown = 'row' OR u.row_breakdown = 'total'");
            s.execute("INSERT INTO area_fact SELECT area_code, any_value(la_number ORDER BY time_period DESC), "
                    + "any_value(area_name ORDER BY time_period DESC), any_value(level), "
                    + "any_value(region_code ORDER BY time_period DESC), any_value(region_name ORDER BY time_period DESC), "
                    + run.loadId() + " FROM stg_sen2_rows WHERE " + LOADED_ROW + " GROUP BY area_code");
            s.execute("DROP TABLE stg_sen2_rows");
            LoadPoints.reached("inserted:" + spec.name());
            return n;
        }
    }

    /** What the load changed or noticed in the file, for the load's message (empty for most files). */
    List<String> notes() {
        return notes;
    }

    /** The rows whose values are checked and loaded: a 'skip' row repeats a total loaded elsewhere. */
    private static final String LOADED_ROW = "row_breakdown IS DISTINCT FROM 'skip'";

    private static String quoted(List<String> columns) {
        return columns.stream().map(CsvStaging::quote).collect(Collectors.joining(", "));
    }

    private List<String> rowKeyColumns() {
        return switch (spec.rows()) {
            case AGE_BAND -> List.of("characteristic_age");
            case ESTABLISHMENT -> List.of("establishment_type", "establishment_group");
            case TOPIC -> List.of("breakdown_topic", "breakdown");
            case NONE -> List.of();
        };
    }

    private static String areaColumns() {
        return """
                CASE geographic_level WHEN 'National' THEN 'england' WHEN 'Regional' THEN 'region'
                     WHEN 'Local authority' THEN 'local_authority' END AS level,
                geographic_level,
                CASE geographic_level WHEN 'National' THEN country_code WHEN 'Regional' THEN region_code
                     WHEN 'Local authority' THEN new_la_code END AS area_code,
                CASE geographic_level WHEN 'National' THEN country_name WHEN 'Regional' THEN region_name
                     ELSE la_name END AS area_name,
                TRY_CAST(CASE WHEN geographic_level = 'Local authority' THEN old_la_code END AS INTEGER) AS la_number,
                CASE WHEN geographic_level <> 'National' THEN region_code END AS region_code,
                CASE WHEN geographic_level <> 'National' THEN region_name END AS region_name""";
    }

    /** SQL for the row's breakdown; NULL for a label the vocabulary does not know. */
    private String rowBreakdown() {
        return switch (spec.rows()) {
            case AGE_BAND -> "CASE characteristic_age " + Sen2Vocabulary.AGE_BANDS.stream()
                    .map(a -> "WHEN " + literal(a[0]) + " THEN " + literal(a[1])).collect(Collectors.joining(" "))
                    + " END";
            case ESTABLISHMENT -> "CASE " + Sen2Vocabulary.PLACEMENTS.stream()
                    .map(p -> "WHEN establishment_type = " + literal(p.type()) + " AND establishment_group = "
                            + literal(p.group()) + " THEN " + literal(p.breakdown())).collect(Collectors.joining(" "))
                    + " END";
            case TOPIC -> """
                    CASE WHEN breakdown_topic = breakdown THEN 'total'
                         WHEN breakdown_topic = 'Age when plan started'
                              THEN 'age:' || trim(regexp_replace(lower(regexp_replace(breakdown, '^[Aa]ge ', '')), '[^a-z0-9+]+', '_', 'g'), '_')
                         WHEN breakdown_topic IN ('Ethnicity', 'Sex')
                              THEN lower(breakdown_topic) || ':' || trim(regexp_replace(lower(breakdown), '[^a-z0-9+]+', '_', 'g'), '_')
                    END""";
            case NONE -> "'total'";
        };
    }

    /** The row's period_kind, period_label, period_start and period_end. */
    private String period() {
        if (spec.timing() == Sen2File.Timing.CENSUS) {
            return "'census_january' AS period_kind, l.time_period AS period_label, "
                    + "make_date(dfe_census_year(l.time_period), 1, 1) AS period_start, "
                    + "make_date(dfe_census_year(l.time_period), 1, 31) AS period_end";
        }
        return "dfe_flow_kind(l.time_period) AS period_kind, l.time_period AS period_label, "
                + "dfe_flow_start(l.time_period) AS period_start, dfe_flow_end(l.time_period) AS period_end";
    }

    /**
     * Refuses the file at its first row whose period, geography or breakdown label is not
     * understood. One scan finds the first bad line for every check; the checks are reported in
     * their order (a bad period before a bad geography), as when each was a query of its own.
     */
    private void checkRows(Statement s) throws SQLException {
        List<String[]> checks = new ArrayList<>();
        checks.add(new String[]{"time_period", "time_period", "dfe_first_year(time_period) IS NULL",
                "not a DfE time period (expected 2022 or 202122)"});
        java.time.LocalDate latest = Plausibility.latestPeriodStart(run.vintage());
        boolean census = spec.timing() == Sen2File.Timing.CENSUS;
        checks.add(new String[]{"time_period", "time_period", (census ? "make_date(dfe_census_year(time_period), 1, 1)"
                : "dfe_flow_start(time_period)") + " > DATE '" + latest + "'",
                "a period that starts after " + latest + " (the release's own date, or today): a published figure "
                        + "describes the past"});
        checks.add(new String[]{"geographic_level", "geographic_level", "level IS NULL",
                "unknown geographic level (expected National, Regional or Local authority)"});
        checks.add(new String[]{"new_la_code", "coalesce(area_code, '')", "area_code IS NULL OR NOT regexp_full_match(area_code, 'E\\d{8}')",
                "no GSS area code for this row"});
        checks.add(new String[]{"new_la_code", "coalesce(area_code, '')", "NOT " + KnownAreas.sqlPattern("level", "area_code"),
                KnownAreas.PATTERN_RULE});
        String key = switch (spec.rows()) {
            case AGE_BAND -> "characteristic_age";
            case ESTABLISHMENT -> "establishment_type";
            case TOPIC -> "breakdown";
            case NONE -> null;
        };
        if (key != null) {
            String raw = spec.rows() == Sen2File.RowBreakdown.ESTABLISHMENT
                    ? "establishment_type || ' / ' || establishment_group" : spec.rows() == Sen2File.RowBreakdown.TOPIC
                    ? "breakdown_topic || ' / ' || breakdown" : key;
            // a label the SQL maps but the breakdowns reference does not know (a new ethnicity) is refused too
            String known = org.sendscope.breakdown.Breakdowns.all().stream().map(b -> literal(b.code()))
                    .collect(Collectors.joining(", "));
            checks.add(new String[]{key, raw, "row_breakdown IS NULL OR row_breakdown NOT IN ('skip', " + known + ")",
                    "unknown breakdown label (not in the SEN2 vocabulary; see docs/decisions/0002-breakdowns.md)"});
        }
        String sql = "SELECT " + checks.stream().map(k -> "min(line) FILTER (WHERE " + k[2] + "), "
                + "arg_min(coalesce(CAST(" + k[1] + " AS VARCHAR), ''), line) FILTER (WHERE " + k[2] + ")")
                .collect(Collectors.joining(", ")) + " FROM stg_sen2_rows";
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            for (int i = 0; i < checks.size(); i++) {
                long line = rs.getLong(2 * i + 1);
                if (!rs.wasNull()) {
                    throw new LoadException(name, line, checks.get(i)[0], rs.getString(2 * i + 2), checks.get(i)[3]);
                }
            }
        }
    }

    /**
     * Refuses a row given twice: one period, area and breakdown is one row of a file, and a second
     * would put two values on one observation. Distinct hashes as many as rows prove it cheaply;
     * only otherwise are the two lines looked up.
     */
    private void checkRowsOnce(Statement s) throws SQLException {
        String key = "time_period, area_code, row_breakdown";
        try (ResultSet rs = s.executeQuery("SELECT count(*) - count(DISTINCT hash(" + key + ")) FROM stg_sen2_rows WHERE "
                + LOADED_ROW)) {
            rs.next();
            if (rs.getLong(1) == 0) return;
        }
        try (ResultSet rs = s.executeQuery("SELECT " + key + ", min(line), list(line ORDER BY line)[2] FROM stg_sen2_rows WHERE " + LOADED_ROW
                + " GROUP BY ALL HAVING count(*) > 1 ORDER BY list(line ORDER BY line)[2] LIMIT 1")) {
            if (rs.next()) {
                throw new LoadException(name, rs.getLong(5), "time_period", rs.getString(1), "the same row as line "
                        + rs.getLong(4) + " (period " + rs.getString(1) + ", area " + rs.getString(2) + ", breakdown "
                        + rs.getString(3) + "): each period, area and breakdown once in a file");
            }
        }
    }

    /**
     * Refuses the file at its first cell (by line, then column) that is neither a number nor a GSS
     * marker, among the rows that are loaded. The cells are unpivoted as they are checked, with
     * only their line beside them.
     */
    private void checkValues(Statement s, List<String> valueColumns) throws SQLException {
        String cols = quoted(valueColumns);
        String order = valueColumns.stream().map(CsvStaging::literal).collect(Collectors.joining(", ", "[", "]"));
        try (ResultSet rs = s.executeQuery("SELECT line, column_name, raw, count(*) OVER () FROM (UNPIVOT (SELECT line, "
                + cols + " FROM stg_sen2_rows WHERE " + LOADED_ROW + ") ON " + cols + " INTO NAME column_name VALUE raw) "
                + "WHERE gss_status(raw) IS NULL ORDER BY line, list_position(" + order + ", column_name) LIMIT 1")) {
            if (rs.next()) {
                long more = rs.getLong(4) - 1;
                throw new LoadException(name, rs.getLong(1), rs.getString(2), rs.getString(3),
                        (rs.getString(3).isBlank() ? "empty cell" : Numbers.whyNot(rs.getString(3))
                                + "; expected a number or a GSS marker (c, x, z, u, low, :, .., -)")
                                + (more > 0 ? " (and " + more + " more such cells)" : ""));
            }
        }
    }

    /**
     * Refuses the file at its first value outside its measure's range (plausibility.tsv): a negative
     * or fractional count, a percentage above 100, a numerator above its denominator on the same row.
     */
    private void checkPlausible(Statement s, List<Sen2Vocabulary.Column> columns, List<String> valueColumns)
            throws SQLException {
        Plausibility rules = Plausibility.bundled();
        List<String> bounded = new ArrayList<>();
        java.util.Map<String, Plausibility.Range> rangeOf = new java.util.HashMap<>();
        for (Sen2Vocabulary.Column col : columns) {
            Plausibility.Range r = rules.rangeOf(col.measure(), Sen2Vocabulary.unitOf(col.measure()));
            if (r.isUnbounded() || rangeOf.containsKey(col.column())) continue;
            rangeOf.put(col.column(), r);
            bounded.add("(" + literal(col.column()) + ", " + sqlBound(r.min()) + ", " + sqlBound(r.max()) + ", "
                    + r.whole() + ")");
        }
        if (!bounded.isEmpty()) {
            String cols = quoted(valueColumns);
            String order = valueColumns.stream().map(CsvStaging::literal).collect(Collectors.joining(", ", "[", "]"));
            try (ResultSet rs = s.executeQuery("SELECT line, column_name, raw FROM (UNPIVOT (SELECT line, " + cols
                    + " FROM stg_sen2_rows WHERE " + LOADED_ROW + ") ON " + cols + " INTO NAME column_name VALUE raw) "
                    + "JOIN (VALUES " + String.join(", ", bounded) + ") r (column_name, lo, hi, whole) USING (column_name) "
                    + "WHERE gss_value(raw) < lo OR gss_value(raw) > hi OR (whole AND gss_value(raw) <> round(gss_value(raw))) "
                    + "ORDER BY line, list_position(" + order + ", column_name) LIMIT 1")) {
                if (rs.next()) {
                    Plausibility.Range r = rangeOf.get(rs.getString(2));
                    throw new LoadException(name, rs.getLong(1), rs.getString(2), rs.getString(3),
                            r.breach(Numbers.parse(rs.getString(3))).orElse("implausible value"));
                }
            }
        }
        for (Sen2Vocabulary.Column a : columns) {
            String atMost = rules.rangeOf(a.measure(), Sen2Vocabulary.unitOf(a.measure())).atMost();
            if (atMost == null) continue;
            for (Sen2Vocabulary.Column b : columns) {
                if (!b.measure().equals(atMost) || !b.breakdown().equals(a.breakdown())) continue;
                String qa = CsvStaging.quote(a.column());
                String qb = CsvStaging.quote(b.column());
                try (ResultSet rs = s.executeQuery("SELECT line, " + qa + ", " + qb + " FROM stg_sen2_rows WHERE "
                        + LOADED_ROW + " AND gss_value(" + qa + ") > gss_value(" + qb + ") ORDER BY line LIMIT 1")) {
                    if (rs.next()) {
                        throw new LoadException(name, rs.getLong(1), a.column(), rs.getString(2), "more than "
                                + b.column() + " (" + rs.getString(3).strip() + ") on the same row: "
                                + rules.pairReason(a.measure()));
                    }
                }
            }
        }
    }

    /** The file's columns that hold counts, each once. */
    private static List<Sen2Vocabulary.Column> countColumns(List<Sen2Vocabulary.Column> columns) {
        Map<String, Sen2Vocabulary.Column> byColumn = new LinkedHashMap<>();
        for (Sen2Vocabulary.Column col : columns) {
            if ("count".equals(Sen2Vocabulary.unitOf(col.measure()))) byColumn.putIfAbsent(col.column(), col);
        }
        return List.copyOf(byColumn.values());
    }

    /** A count column's staged cells as {@link RegionFigures} reads them, of the rows {@code where} keeps. */
    private static String cells(String q, String where) {
        return "SELECT line, time_period AS period, row_breakdown AS breakdown, level, area_code, area_name, region_code, "
                + q + " AS raw, gss_value(" + q + ") AS v FROM stg_sen2_rows WHERE " + where;
    }

    /**
     * An LA's headline line that carries its region's figure (while the region's other LAs report
     * too) holds no figure of the LA's: the 2025 release prints Yorkshire and The Humber's 6,078 new
     * plans of 2022 on each of its 15 LAs' lines. The LA's figure is taken from the file itself —
     * the sum of its own rows, where every breakdown of them (age, ethnicity, sex) gives the same
     * sum and the line carries its own placements beside the total; else, for one such LA in the
     * region, the region's figure less its other LAs' — and the load's message says so. Anything
     * else is refused (docs/decisions/0215).
     */
    private void repairRegionFigures(Statement s, List<Sen2Vocabulary.Column> columns) throws SQLException {
        List<String> others = countColumns(columns).stream().filter(col -> !col.usesRowBreakdown())
                .map(col -> CsvStaging.quote(col.column())).toList();
        String ownNumbers = others.isEmpty() ? "false"
                : others.stream().map(q -> "gss_value(" + q + ") IS NOT NULL").collect(Collectors.joining(" OR "));
        for (Sen2Vocabulary.Column col : countColumns(columns)) {
            if (!col.usesRowBreakdown()) continue;
            String q = CsvStaging.quote(col.column());
            List<RegionFigures.OnLaLine> misplaced = RegionFigures.onLaLines(s, cells(q, "row_breakdown = 'total'"));
            if (misplaced.isEmpty()) continue;
            Set<Long> withOwnNumbers = new HashSet<>();
            try (ResultSet rs = s.executeQuery("SELECT line FROM stg_sen2_rows WHERE (" + ownNumbers + ") AND line IN ("
                    + misplaced.stream().map(m -> String.valueOf(m.line())).collect(Collectors.joining(", ")) + ")")) {
                while (rs.next()) withOwnNumbers.add(rs.getLong(1));
            }
            Map<Long, Double> fixed = new LinkedHashMap<>();
            Map<String, List<RegionFigures.OnLaLine>> unresolved = new LinkedHashMap<>();
            for (RegionFigures.OnLaLine m : misplaced) {
                Double own = withOwnNumbers.contains(m.line()) ? ownRowsSum(s, q, m.period(), m.areaCode()) : null;
                if (own != null) fixed.put(m.line(), own);
                else unresolved.computeIfAbsent(m.period() + "|" + m.regionCode(), k -> new ArrayList<>()).add(m);
            }
            List<String> residuals = new ArrayList<>();
            for (List<RegionFigures.OnLaLine> group : unresolved.values()) {
                RegionFigures.OnLaLine m = group.get(0);
                double rest = Double.NaN;
                if (group.size() == 1) {
                    // the region's figure less its other LAs': those the file prints, and those taken above
                    List<RegionFigures.OnLaLine> sameRegion = misplaced.stream()
                            .filter(f -> f.period().equals(m.period()) && f.regionCode().equals(m.regionCode())).toList();
                    String misplacedLines = sameRegion.stream().map(f -> String.valueOf(f.line())).collect(Collectors.joining(", "));
                    double othersSum = sameRegion.stream().filter(f -> fixed.containsKey(f.line()))
                            .mapToDouble(f -> fixed.get(f.line())).sum();
                    try (PreparedStatement p = c.prepareStatement("SELECT coalesce(sum(gss_value(" + q + ")), 0) "
                            + "FROM stg_sen2_rows WHERE row_breakdown = 'total' AND level = 'local_authority' "
                            + "AND time_period = ? AND region_code = ? AND line NOT IN (" + misplacedLines + ")")) {
                        p.setString(1, m.period());
                        p.setString(2, m.regionCode());
                        try (ResultSet rs = p.executeQuery()) {
                            rs.next();
                            rest = m.value() - othersSum - rs.getDouble(1);
                        }
                    }
                }
                if (group.size() > 1 || !(rest >= 0)) {
                    throw new LoadException(name, m.line(), col.column(), m.raw(), "the figure of the region, "
                            + m.regionName() + ", on the line of " + m.areaName() + " while the region's other local authorities "
                            + "report too, and the file gives no other figure for " + m.areaName() + " (docs/decisions/0215)");
                }
                fixed.put(m.line(), rest);
                residuals.add(m.areaName() + " (line " + m.line() + ")");
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE stg_sen2_rows SET " + q + " = ? WHERE line = ?")) {
                for (Map.Entry<Long, Double> e : fixed.entrySet()) {
                    p.setString(1, RegionFigures.plain(e.getValue()));
                    p.setLong(2, e.getKey());
                    p.addBatch();
                }
                p.executeBatch();
            }
            notes.add(RegionFigures.summary(spec.name() + ".csv", col.column(), misplaced) + ": "
                    + (misplaced.size() - residuals.size()) + " loaded as the sum of the LA's own rows"
                    + (residuals.isEmpty() ? "" : ", " + String.join(", ", residuals) + " as the region less its other LAs")
                    + " (docs/decisions/0215)");
        }
    }

    /**
     * The sum of an LA's rows in one period when every breakdown topic of them (at least two, each
     * with no marker) gives the same sum; otherwise null.
     */
    private Double ownRowsSum(Statement s, String q, String period, String area) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT count(*), min(total), max(total), bool_and(complete) FROM ("
                + "SELECT breakdown_topic, sum(gss_value(" + q + ")) AS total, count(*) = count(gss_value(" + q + ")) AS complete "
                + "FROM stg_sen2_rows WHERE " + LOADED_ROW + " AND row_breakdown <> 'total' AND level = 'local_authority' "
                + "AND time_period = ? AND area_code = ? GROUP BY breakdown_topic)")) {
            p.setString(1, period);
            p.setString(2, area);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                boolean agree = rs.getLong(1) >= 2 && rs.getBoolean(4) && rs.getDouble(2) == rs.getDouble(3);
                return agree ? rs.getDouble(2) : null;
            }
        }
    }

    /**
     * Refuses a file whose geography does not add up ({@link RegionFigures}): an LA's count equal to
     * its region's while the region's other LAs report more than none (the region's figure on the
     * LA's line), or the LAs' counts summing to more than England's by more than
     * {@link RegionFigures#ENGLAND_MARGIN} (a suppressed cell only makes the sum smaller). Per
     * period, breakdown and count column (docs/decisions/0215).
     */
    private void checkAddsUp(Statement s, List<Sen2Vocabulary.Column> columns) throws SQLException {
        for (Sen2Vocabulary.Column col : countColumns(columns)) {
            String q = CsvStaging.quote(col.column());
            String cells = cells(q, LOADED_ROW + (col.usesRowBreakdown() ? "" : " AND row_breakdown = 'total'"));
            List<RegionFigures.OnLaLine> misplaced = RegionFigures.onLaLines(s, cells);
            if (!misplaced.isEmpty()) {
                RegionFigures.OnLaLine m = misplaced.get(0);
                throw new LoadException(name, m.line(), col.column(), m.raw(), "the same figure as its region, "
                        + m.regionName() + " (line " + m.regionLine() + "), on the line of " + m.areaName()
                        + " while the region's other local authorities report too: a region's figure on a local "
                        + "authority's line (docs/decisions/0215)");
            }
            var above = RegionFigures.aboveEngland(s, cells);
            if (above.isPresent()) throw new LoadException(name, above.get().line(), col.column(), above.get().raw(), above.get().reason());
        }
    }

    private static String sqlBound(Double v) {
        return v == null ? "NULL::DOUBLE" : Double.toString(v);
    }
}
