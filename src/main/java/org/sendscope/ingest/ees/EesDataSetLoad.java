package org.sendscope.ingest.ees;

import static org.sendscope.ingest.CsvStaging.literal;
import static org.sendscope.ingest.CsvStaging.quote;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.sendscope.ees.DataSetMeta;
import org.sendscope.ees.EesCache;
import org.sendscope.ingest.CsvStaging;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.LoadPoints;
import org.sendscope.ingest.LoadRun;
import org.sendscope.ingest.Numbers;
import org.sendscope.ingest.Plausibility;
import org.sendscope.ingest.areas.KnownAreas;
import org.sendscope.ingest.areas.RegionFigures;
import org.sendscope.ingest.staging.StagedRows;

/**
 * One EES data set version's CSV, inside its load's transaction: staged by DuckDB, every row and
 * cell checked (time, geography, filter options against the metadata, each value a number or a
 * GSS marker within its unit's range), then one observation per indicator and row inserted. Rows
 * at a geographic level sendscope does not hold, and rows that cross two filters' breakdowns, are
 * counted and kept out with a note (never silently).
 */
final class EesDataSetLoad {
    private static final String STAGE = "stg_ees_rows";
    /** The staged cells that are their region's figure on an LA's line: line, staged indicator column. */
    private static final String REGION_FIGURES = "stg_ees_region_figures";
    /** The rows that are loaded: a level sendscope holds and at most one filter not at its total. */
    private static final String LOADED = "level IS NOT NULL AND row_breakdown IS NOT NULL";
    private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");

    private final LoadRun run;
    private final EesCache.CachedVersion version;
    private final DataSetMeta meta;
    private final Connection c;
    private final String name;
    /** What the geography check found, for the load's message and note. */
    private final List<String> regionNotes = new ArrayList<>();

    EesDataSetLoad(LoadRun run, EesCache.CachedVersion version) {
        this.run = run;
        this.version = version;
        this.meta = version.meta();
        this.c = run.connection();
        this.name = run.file().name();
    }

    long load() throws SQLException {
        Path csv = version.csv();
        List<String> header = CsvStaging.header(csv, name);
        Set<String> required = new LinkedHashSet<>(List.of("time_period", "time_identifier", "geographic_level"));
        meta.filters().forEach(f -> required.add(f.column()));
        meta.indicators().forEach(i -> required.add(i.column()));
        CsvStaging.requireColumns(header, required, name);
        if (meta.indicators().isEmpty()) throw new LoadException(name, "the version's metadata lists no indicators: nothing to load");
        CsvStaging.stage(c, csv, header, STAGE, projection(header), name);
        LoadPoints.reached("staged:ees");
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + STAGE + " ADD COLUMN row_breakdown VARCHAR");
            s.execute("UPDATE " + STAGE + " SET row_breakdown = " + rowBreakdown());
            checkRows(s);
            checkRowsOnce(s);
            checkValues(s);
            checkPlausible(s);
            markRegionFigures(s);
            checkAboveEngland(s);
            long n = insertObservations(s);
            insertMeasures();
            s.execute("INSERT INTO area_fact SELECT area_code, any_value(la_number ORDER BY period_start DESC), "
                    + "any_value(area_name ORDER BY period_start DESC), any_value(level), "
                    + "any_value(region_code ORDER BY period_start DESC), any_value(region_name ORDER BY period_start DESC), "
                    + run.loadId() + " FROM " + STAGE + " WHERE " + LOADED + " GROUP BY area_code");
            insertBreakdowns();
            String note = note(s, header);
            long keptOut = count(s, "SELECT count(*) FROM " + STAGE + " WHERE NOT (" + LOADED + ")");
            insertLoad(keptOut, note);
            run.part("data.csv", n);
            run.message("EES data set " + version.dataSetId() + " version " + version.version()
                    + (version.dataSet() == null ? "" : " (" + version.dataSet().title() + ")") + (note.isEmpty() ? "" : "; " + note));
            s.execute("DROP TABLE " + STAGE);
            s.execute("DROP TABLE " + REGION_FIGURES);
            LoadPoints.reached("inserted:ees");
            return n;
        }
    }

    /** The staged columns: time, geography, each filter's raw label and breakdown, each indicator's raw cell. */
    private String projection(List<String> header) {
        List<String> p = new ArrayList<>();
        p.add("time_period, time_identifier, geographic_level");
        p.add("CASE geographic_level " + EesVocabulary.LEVELS.entrySet().stream()
                .map(e -> "WHEN " + literal(e.getKey()) + " THEN " + literal(e.getValue())).sorted()
                .collect(Collectors.joining(" ")) + " END AS level");
        p.add("CASE geographic_level WHEN 'National' THEN " + col(header, "country_code") + " WHEN 'Regional' THEN "
                + col(header, "region_code") + " WHEN 'Local authority' THEN " + col(header, "new_la_code") + " END AS area_code");
        p.add("CASE geographic_level WHEN 'National' THEN " + col(header, "country_name") + " WHEN 'Regional' THEN "
                + col(header, "region_name") + " WHEN 'Local authority' THEN " + col(header, "la_name") + " END AS area_name");
        p.add("TRY_CAST(CASE WHEN geographic_level = 'Local authority' THEN " + col(header, "old_la_code")
                + " END AS INTEGER) AS la_number");
        p.add("CASE WHEN geographic_level IN ('Regional', 'Local authority') THEN " + col(header, "region_code") + " END AS region_code");
        p.add("CASE WHEN geographic_level IN ('Regional', 'Local authority') THEN " + col(header, "region_name") + " END AS region_name");
        p.add(periodKind() + " AS period_kind");
        p.add(periodStart() + " AS period_start");
        int i = 0;
        for (DataSetMeta.Filter f : meta.filters()) {
            p.add(quote(f.column()) + " AS " + quote("f_" + i));
            // '' for the filter's total, the breakdown for another option, NULL for a label the metadata lacks
            p.add("CASE " + quote(f.column()) + " " + f.options().stream().map(o -> "WHEN " + literal(o.label()) + " THEN "
                    + literal(EesVocabulary.isTotal(f, o) ? "" : EesVocabulary.breakdown(f, o.label())))
                    .collect(Collectors.joining(" ")) + " END AS " + quote("b_" + i));
            i++;
        }
        i = 0;
        for (DataSetMeta.Indicator ind : meta.indicators()) {
            p.add("coalesce(" + quote(ind.column()) + ", '') AS " + quote("v_" + i++));
        }
        return String.join(", ", p);
    }

    private static String col(List<String> header, String column) {
        return header.contains(column) ? quote(column) : "NULL";
    }

    /** The period kind of a row's time identifier; NULL for one not read. */
    private static String periodKind() {
        return "CASE time_identifier WHEN 'Calendar year' THEN 'calendar_year' WHEN 'Academic year' THEN 'academic_year' "
                + "WHEN 'Financial year' THEN 'financial_year' " + MONTHS.stream().map(m -> "WHEN " + literal(m) + " THEN 'month'")
                .collect(Collectors.joining(" ")) + " END";
    }

    /** The first day of a row's period; NULL when the label does not fit its identifier. */
    private static String periodStart() {
        String year = "CASE WHEN regexp_full_match(time_period, '[0-9]{4}') THEN CAST(time_period AS INTEGER) END";
        String span = "CASE WHEN regexp_full_match(time_period, '[0-9]{6}') AND dfe_spans_two_years(time_period) "
                + "THEN dfe_first_year(time_period) END";
        StringBuilder sb = new StringBuilder("CASE time_identifier WHEN 'Calendar year' THEN make_date(" + year + ", 1, 1) "
                + "WHEN 'Academic year' THEN make_date(" + span + ", 9, 1) WHEN 'Financial year' THEN make_date(" + span + ", 4, 1) ");
        for (int m = 0; m < 12; m++) sb.append("WHEN ").append(literal(MONTHS.get(m))).append(" THEN make_date(").append(year)
                .append(", ").append(m + 1).append(", 1) ");
        return sb.append("END").toString();
    }

    /** The last day of a period, from its kind and first day. */
    private static String periodEnd() {
        // calendar, academic and financial years all end the day before the same date a year on
        return "CAST(CASE period_kind WHEN 'month' THEN last_day(period_start) "
                + "ELSE period_start + INTERVAL 1 YEAR - INTERVAL 1 DAY END AS DATE)";
    }

    /** 'total' when every filter is at its total, the one breakdown when one is not, NULL when two or more are not. */
    private String rowBreakdown() {
        int n = meta.filters().size();
        if (n == 0) return "'total'";
        String set = java.util.stream.IntStream.range(0, n).mapToObj(i -> "(" + quote("b_" + i) + " <> '')::INTEGER")
                .collect(Collectors.joining(" + "));
        String one = java.util.stream.IntStream.range(0, n).mapToObj(i -> quote("b_" + i)).collect(Collectors.joining(" || "));
        String known = java.util.stream.IntStream.range(0, n).mapToObj(i -> quote("b_" + i) + " IS NOT NULL")
                .collect(Collectors.joining(" AND "));
        return "CASE WHEN NOT (" + known + ") THEN NULL WHEN " + set + " = 0 THEN 'total' WHEN " + set + " = 1 THEN " + one + " END";
    }

    /**
     * Refuses the file at its first row whose time, geography or filter label is not understood,
     * the checks reported in order, each naming line, column and text.
     */
    private void checkRows(Statement s) throws SQLException {
        List<String[]> checks = new ArrayList<>();
        checks.add(new String[] {"time_identifier", "time_identifier", "period_kind IS NULL",
                "a time identifier sendscope does not read (Calendar year, Academic year, Financial year or a month)"});
        checks.add(new String[] {"time_period", "time_period", "period_kind IS NOT NULL AND period_start IS NULL",
                "not a period of its time identifier (2023 for a calendar year or a month, 202223 for an academic or financial year)"});
        LocalDate latest = latestPeriodStart();
        checks.add(new String[] {"time_period", "time_period", "period_start > DATE '" + latest + "'",
                "a period that starts after " + latest + " (when the version was published, or today): a published figure describes the past"});
        String levels = java.util.stream.Stream.concat(EesVocabulary.LEVELS.keySet().stream(), EesVocabulary.OTHER_LEVELS.stream())
                .sorted().map(CsvStaging::literal).collect(Collectors.joining(", "));
        checks.add(new String[] {"geographic_level", "geographic_level", "geographic_level IS NULL OR geographic_level NOT IN (" + levels + ")",
                "not a geographic level of the EES format (National, Regional, Local authority, …)"});
        checks.add(new String[] {"geographic_level", "coalesce(area_code, '')",
                "level IS NOT NULL AND (area_code IS NULL OR NOT " + KnownAreas.sqlPattern("level", "area_code") + ")",
                "no English GSS code for the row's area (country_code, region_code or new_la_code): " + KnownAreas.PATTERN_RULE});
        int i = 0;
        for (DataSetMeta.Filter f : meta.filters()) {
            checks.add(new String[] {f.column(), quote("f_" + i), quote("b_" + i) + " IS NULL",
                    "not an option of the filter '" + f.label() + "' in the version's metadata"});
            i++;
        }
        String sql = "SELECT " + checks.stream().map(k -> "min(line) FILTER (WHERE " + k[2] + "), "
                + "arg_min(coalesce(CAST(" + k[1] + " AS VARCHAR), ''), line) FILTER (WHERE " + k[2] + ")")
                .collect(Collectors.joining(", ")) + " FROM " + STAGE;
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            for (int k = 0; k < checks.size(); k++) {
                long line = rs.getLong(2 * k + 1);
                if (!rs.wasNull()) throw new LoadException(name, line, checks.get(k)[0], rs.getString(2 * k + 2), checks.get(k)[3]);
            }
        }
    }

    /** The version's publication date, else today: no period may start after it. */
    private LocalDate latestPeriodStart() {
        String published = version.summary() == null ? null : version.summary().published();
        LocalDate today = LocalDate.now();
        if (published == null || published.isBlank()) return today;
        try {
            LocalDate d = OffsetDateTime.parse(published).toLocalDate();
            return d.isAfter(today) ? today : d;
        } catch (java.time.format.DateTimeParseException e) {
            return Plausibility.latestPeriodStart(published.length() >= 10 ? published.substring(0, 10) : published);
        }
    }

    /** One period, area and breakdown is one row; a second would put two values on one observation. */
    private void checkRowsOnce(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT time_period, time_identifier, area_code, row_breakdown, min(line), "
                + "list(line ORDER BY line)[2] FROM " + STAGE + " WHERE " + LOADED + " GROUP BY ALL HAVING count(*) > 1 "
                + "ORDER BY 6 LIMIT 1")) {
            if (rs.next()) {
                throw new LoadException(name, rs.getLong(6), "time_period", rs.getString(1), "the same row as line "
                        + rs.getLong(5) + " (period " + rs.getString(1) + " " + rs.getString(2) + ", area " + rs.getString(3)
                        + ", breakdown " + rs.getString(4) + "): each period, area and breakdown once in a data set");
            }
        }
    }

    private String valueColumns() {
        return java.util.stream.IntStream.range(0, meta.indicators().size()).mapToObj(i -> quote("v_" + i))
                .collect(Collectors.joining(", "));
    }

    /** The indicators' staged names and CSV columns, as SQL VALUES rows. */
    private String indicatorRows() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < meta.indicators().size(); i++) {
            DataSetMeta.Indicator ind = meta.indicators().get(i);
            rows.add("(" + literal("v_" + i) + ", " + i + ", " + literal(ind.column()) + ", "
                    + literal(EesVocabulary.measure(version.dataSetId(), ind.column())) + ")");
        }
        return String.join(", ", rows);
    }

    /** Refuses the file at its first loaded cell that is neither a number nor a GSS marker. */
    private void checkValues(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT line, i.csv_column, raw, count(*) OVER () FROM (UNPIVOT (SELECT line, "
                + valueColumns() + " FROM " + STAGE + " WHERE " + LOADED + ") ON " + valueColumns()
                + " INTO NAME staged VALUE raw) JOIN (VALUES " + indicatorRows() + ") i (staged, position, csv_column, measure) "
                + "USING (staged) WHERE gss_status(raw) IS NULL ORDER BY line, position LIMIT 1")) {
            if (rs.next()) {
                long more = rs.getLong(4) - 1;
                throw new LoadException(name, rs.getLong(1), rs.getString(2), rs.getString(3),
                        (rs.getString(3).isBlank() ? "empty cell" : Numbers.whyNot(rs.getString(3))
                                + "; expected a number or a GSS marker (c, x, z, u, low, :, .., -)")
                                + (more > 0 ? " (and " + more + " more such cells)" : ""));
            }
        }
    }

    /** Refuses the file at its first value outside its unit's range (plausibility.tsv). */
    private void checkPlausible(Statement s) throws SQLException {
        Plausibility rules = Plausibility.bundled();
        for (int i = 0; i < meta.indicators().size(); i++) {
            DataSetMeta.Indicator ind = meta.indicators().get(i);
            String measure = EesVocabulary.measure(version.dataSetId(), ind.column());
            Plausibility.Range r = rules.rangeOf(measure, EesVocabulary.unit(ind));
            if (r.isUnbounded()) continue;
            String v = "gss_value(" + quote("v_" + i) + ")";
            String breach = (r.min() == null ? "false" : v + " < " + r.min()) + " OR " + (r.max() == null ? "false" : v + " > " + r.max())
                    + (r.whole() ? " OR " + v + " <> round(" + v + ")" : "");
            try (ResultSet rs = s.executeQuery("SELECT line, " + quote("v_" + i) + " FROM " + STAGE + " WHERE " + LOADED
                    + " AND (" + breach + ") ORDER BY line LIMIT 1")) {
                if (rs.next()) {
                    throw new LoadException(name, rs.getLong(1), ind.column(), rs.getString(2),
                            r.breach(Numbers.parse(rs.getString(2))).orElse("implausible value"));
                }
            }
        }
    }

    /** The staged names of the indicators that are counts (the geography check adds counts only: percentages do not add). */
    private List<Integer> countIndicators() {
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < meta.indicators().size(); i++) {
            if ("count".equals(EesVocabulary.unit(meta.indicators().get(i)))) counts.add(i);
        }
        return counts;
    }

    /**
     * A count indicator's loaded cells as {@link RegionFigures} reads them, a period being its
     * identifier and label ({@code Calendar year 2022}); cells already found to be their region's
     * figure count as no number.
     */
    private String cells(int i) {
        String v = quote("v_" + i);
        return "SELECT line, time_identifier || ' ' || time_period AS period, row_breakdown AS breakdown, level, area_code, "
                + "area_name, region_code, " + v + " AS raw, CASE WHEN line IN (SELECT line FROM " + REGION_FIGURES
                + " WHERE staged = " + literal("v_" + i) + ") THEN NULL ELSE gss_value(" + v + ") END AS v FROM " + STAGE
                + " WHERE " + LOADED;
    }

    /**
     * An LA's count equal to its region's, above 0, while the region's other LAs report too, is the
     * region's figure printed on the LA's line (the SEN2 new plans file prints Yorkshire and The
     * Humber's 6,078 of 2022 on its 15 LAs' lines). The EES data set cannot say what the LA's own
     * figure is (nothing in the metadata says which options of a filter add up to its total), so
     * the cell is stored with the status {@link RegionFigures#STATUS} and no value, and the load's
     * message names the lines and LAs (docs/decisions/0208).
     */
    private void markRegionFigures(Statement s) throws SQLException {
        s.execute("CREATE OR REPLACE TEMP TABLE " + REGION_FIGURES + " (line BIGINT, staged VARCHAR)");
        for (int i : countIndicators()) {
            List<RegionFigures.OnLaLine> found = RegionFigures.onLaLines(s, cells(i));
            if (found.isEmpty()) continue;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO " + REGION_FIGURES + " VALUES (?, ?)")) {
                for (RegionFigures.OnLaLine m : found) {
                    p.setLong(1, m.line());
                    p.setString(2, "v_" + i);
                    p.addBatch();
                }
                p.executeBatch();
            }
            String column = meta.indicators().get(i).column();
            Map<String, List<RegionFigures.OnLaLine>> byRegion = new java.util.LinkedHashMap<>();
            for (RegionFigures.OnLaLine m : found) {
                byRegion.computeIfAbsent(m.period() + "|" + m.breakdown() + "|" + m.regionCode(), k -> new ArrayList<>()).add(m);
            }
            for (List<RegionFigures.OnLaLine> group : byRegion.values()) {
                regionNotes.add(RegionFigures.summary("data.csv", column, group)
                        + (group.get(0).breakdown().equals("total") ? "" : " for " + group.get(0).breakdown())
                        + ": the region's figure (its line " + group.get(0).regionLine() + "), not the LAs' own, and the data set "
                        + "gives no other; stored as status " + RegionFigures.STATUS + " with no value for "
                        + group.stream().map(m -> m.areaName() + " (line " + m.line() + ")").collect(Collectors.joining(", "))
                        + " (docs/decisions/0208)");
            }
        }
    }

    /**
     * Refuses the file when its LAs' counts sum to more than England's by more than
     * {@link RegionFigures#ENGLAND_MARGIN}, as the SEN2 loader does (docs/decisions/0215).
     */
    private void checkAboveEngland(Statement s) throws SQLException {
        for (int i : countIndicators()) {
            var above = RegionFigures.aboveEngland(s, cells(i));
            if (above.isPresent()) {
                throw new LoadException(name, above.get().line(), meta.indicators().get(i).column(), above.get().raw(),
                        above.get().reason());
            }
        }
    }

    private long insertObservations(Statement s) throws SQLException {
        return s.executeUpdate("INSERT INTO observation_fact SELECT u.area_code, u.area_name, u.level, i.measure, u.row_breakdown, "
                + "u.period_kind, CASE WHEN u.period_kind = 'month' THEN u.time_identifier || ' ' || u.time_period ELSE u.time_period END, "
                + "u.period_start, u.period_end, CASE WHEN rf.line IS NULL THEN gss_value(u.raw) END, "
                + "CASE WHEN rf.line IS NULL THEN gss_status(u.raw) ELSE " + literal(RegionFigures.STATUS) + " END, "
                + literal(EesLoader.SOURCE) + ", " + literal(run.vintage()) + ", " + run.loadId()
                + " FROM (UNPIVOT (SELECT line, area_code, area_name, level, row_breakdown, period_kind, time_period, time_identifier, "
                + "period_start, " + periodEnd() + " AS period_end, " + valueColumns() + " FROM " + STAGE + " WHERE " + LOADED + ") ON "
                + valueColumns() + " INTO NAME staged VALUE raw) u JOIN (VALUES " + indicatorRows()
                + ") i (staged, position, csv_column, measure) USING (staged) "
                + "LEFT JOIN " + REGION_FIGURES + " rf ON rf.line = u.line AND rf.staged = u.staged");
    }

    private void insertMeasures() throws SQLException {
        StagedRows rows = new StagedRows("measure_fact", 9);
        String title = version.dataSet() == null ? version.dataSetId() : version.dataSet().title();
        for (DataSetMeta.Indicator ind : meta.indicators()) {
            rows.add(EesVocabulary.measure(version.dataSetId(), ind.column()), ind.label(), EesVocabulary.unit(ind),
                    EesVocabulary.polarity(ind.column()), "DfE EES", "Column " + ind.column() + " of the EES data set '"
                            + title + "' (" + version.dataSetId() + ")" + (ind.decimalPlaces() == null ? ""
                            : ", published to " + ind.decimalPlaces() + " decimal places"), null, title, run.loadId());
        }
        rows.insert(c);
    }

    /** Every breakdown the filters' options give, and whether the reference knows it (a new dimension is recorded). */
    private void insertBreakdowns() throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO ees_breakdown_fact VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (DataSetMeta.Filter f : meta.filters()) {
                for (DataSetMeta.FilterOption o : f.options()) {
                    if (EesVocabulary.isTotal(f, o)) continue;
                    String code = EesVocabulary.breakdown(f, o.label());
                    p.setLong(1, run.loadId());
                    p.setString(2, version.dataSetId());
                    p.setString(3, code);
                    p.setString(4, EesVocabulary.dimension(f));
                    p.setString(5, code.substring(code.indexOf(':') + 1));
                    p.setString(6, f.column());
                    p.setString(7, f.label());
                    p.setString(8, o.label());
                    p.setBoolean(9, EesVocabulary.inReference(code));
                    p.addBatch();
                }
            }
            p.executeBatch();
        }
    }

    /** What was kept out and what is new, in words. */
    private String note(Statement s, List<String> header) throws SQLException {
        List<String> parts = new ArrayList<>(regionNotes);
        Map<String, Long> levels = new TreeMap<>();
        try (ResultSet rs = s.executeQuery("SELECT geographic_level, count(*) FROM " + STAGE + " WHERE level IS NULL GROUP BY 1")) {
            while (rs.next()) levels.put(rs.getString(1), rs.getLong(2));
        }
        if (!levels.isEmpty()) {
            parts.add("kept out (a level sendscope does not hold): " + levels.entrySet().stream()
                    .map(e -> rows(e.getValue()) + " at " + e.getKey()).collect(Collectors.joining(", ")));
        }
        long crossed = count(s, "SELECT count(*) FROM " + STAGE + " WHERE level IS NOT NULL AND row_breakdown IS NULL");
        if (crossed > 0) {
            parts.add("kept out: " + rows(crossed) + " that break down by two or more filters at once (a breakdown is one dimension)");
        }
        Set<String> dims = new LinkedHashSet<>();
        for (DataSetMeta.Filter f : meta.filters()) {
            boolean known = org.sendscope.breakdown.Breakdowns.all().stream().anyMatch(b -> b.dimension().equals(EesVocabulary.dimension(f)));
            boolean divides = f.options().stream().anyMatch(o -> !EesVocabulary.isTotal(f, o));
            if (!known && divides) dims.add(EesVocabulary.dimension(f) + " ('" + f.label() + "')");
        }
        if (!dims.isEmpty()) parts.add("new dimensions (see ees_breakdowns): " + String.join(", ", dims));
        Set<String> used = new LinkedHashSet<>(List.of("time_period", "time_identifier", "geographic_level", "country_code",
                "country_name", "region_code", "region_name", "new_la_code", "old_la_code", "la_name"));
        meta.filters().forEach(f -> used.add(f.column()));
        meta.indicators().forEach(i -> used.add(i.column()));
        List<String> other = header.stream().filter(h -> !used.contains(h)).toList();
        if (!other.isEmpty()) parts.add("columns not loaded (other geography, not in the metadata): " + String.join(", ", other));
        return String.join("; ", parts);
    }

    private void insertLoad(long keptOut, String note) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO ees_load_fact VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setLong(1, run.loadId());
            p.setString(2, version.dataSetId());
            p.setString(3, version.dataSet() == null ? null : version.dataSet().title());
            p.setString(4, version.version());
            p.setString(5, version.summary() == null ? null : version.summary().published());
            p.setString(6, version.summary() == null || version.summary().release() == null ? null : version.summary().release().title());
            p.setString(7, version.baseUrl());
            p.setString(8, version.sha256());
            p.setLong(9, version.rows());
            p.setLong(10, keptOut);
            p.setString(11, note.isEmpty() ? null : note);
            p.executeUpdate();
        }
    }

    private static String rows(long n) {
        return String.format("%,d %s", n, n == 1 ? "row" : "rows");
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
