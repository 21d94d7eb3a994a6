package org.sendscope.ingest.lait;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.LoadResult;
import org.sendscope.ingest.LoadRun;
import org.sendscope.ingest.LoadSettings;
import org.sendscope.ingest.Numbers;
import org.sendscope.ingest.Plausibility;
import org.sendscope.ingest.SourceFile;
import org.sendscope.ingest.areas.AreaCodes;
import org.sendscope.ingest.areas.EnglishRegions;
import org.sendscope.ingest.areas.LocalAuthority;
import org.sendscope.ingest.staging.StagedRows;
import org.sendscope.period.Period;
import org.sendscope.warehouse.Warehouse;

/**
 * Loads LAIT's long table ({@code bds_long.parquet}: {@code Short Desc}, {@code Data item},
 * {@code Years}, {@code LA and Regions}, {@code Values}, {@code LA Number}, {@code Region}) with its
 * data dictionary. Two grouped scans of the Parquet file give the few distinct measures, Years labels
 * and areas, which Java describes, dates and codes into small temporary tables; one INSERT … SELECT
 * then joins the file's rows to them and writes the observations.
 *
 * <p>Every measure goes to {@code measure_fact} as {@code lait_<short description>}; a number is
 * {@code reported}, a marker ({@code -}, {@code x}, {@code c}, …) is a status with no value; a value
 * that is neither refuses the file. A row whose Years label cannot be dated is recorded in
 * {@code load_reject_log} and left out (docs/decisions/0010-lait-measure-codes-and-years.md).
 *
 * <p>A loader is the settings it was made with, as {@code Sen2Loader} is:
 *
 * @param dictionary LAIT's data dictionary CSV (titles, polarity, units, year types)
 * @param codeList   LAIT's LA code list (names and regions), or null
 * @param vintage    the release to record, or null for the year the file's latest period ends
 */
public record LaitLoader(Path dictionary, Path codeList, String vintage) implements org.sendscope.ingest.Loader {
    /** The loader's name in load_log and the observations' source. */
    public static final String SOURCE = "lait";
    /**
     * LAIT measures that are SEN2's own figures republished (checked: BCP 2022 6.7 and England 2022
     * 47.7 / 49.2 in both), recorded in {@code measures.comparable_with}.
     */
    static final Map<String, String> SAME_AS_SEN2 = Map.of("SEN_EHC_All_20wks", "ehc_20wk_pct_incl_exc",
            "SEN_EHC_Excpt_20wks", "ehc_20wk_pct_excl_exc");
    static final List<String> COLUMNS = List.of("Short Desc", "Data item", "Years", "LA and Regions", "Values",
            "LA Number", "Region");

    /** Loads one LAIT Parquet file in one transaction. */
    @Override
    public LoadResult load(Warehouse warehouse, Path parquet, boolean replace) {
        SourceFile file = SourceFile.of(parquet);
        LoadResult same = alreadyLoaded(warehouse.connection(), file);
        if (same != null) return same;
        LaitDictionary dict = LaitDictionary.read(dictionary);
        LaCodeList codes = codeList == null ? null : LaCodeList.read(codeList);
        Connection c = warehouse.connection();
        try (LoadSettings settings = LoadSettings.apply(c)) {
            return load(warehouse, c, file, dict, codes, parquet, replace);
        } catch (SQLException e) {
            throw new LoadException(file.name(), "warehouse error: " + e.getMessage(), e);
        }
    }

    private LoadResult load(Warehouse warehouse, Connection c, SourceFile file, LaitDictionary dict, LaCodeList codes,
                            Path parquet, boolean replace) {
        try {
            // Staging touches only temporary tables; one commit for all of it, not one per statement.
            c.setAutoCommit(false);
            String parquetRows = stage(c, file);
            int measures = stageMeasures(c, dict, dictionary.toString(), file.name());
            String release = stagePeriods(c, file.name(), vintage);
            stageRanges(c);
            int areaCount = stageAreas(c, file.name(), AreaCodes.of(c), codes);
            c.commit();
            c.setAutoCommit(true);
            String v = vintage != null ? vintage : release;
            return LoadRun.run(warehouse, SOURCE, SOURCE + "|" + v, file, v, replace,
                    run -> write(run, parquetRows, measures, areaCount));
        } catch (SQLException e) {
            throw new LoadException(file.name(), "cannot read as LAIT Parquet: " + e.getMessage(), e);
        } finally {
            dropStaging(c);
        }
    }

    /**
     * The load in force of a file with the same checksum (and the same vintage, when one was given):
     * re-loading it changes nothing, so there is no need to stage it again to learn its vintage.
     */
    private LoadResult alreadyLoaded(Connection c, SourceFile file) {
        try (PreparedStatement p = c.prepareStatement("SELECT load_id, vintage FROM load_log WHERE source = ? "
                + "AND sha256 = ? AND status = 'loaded' AND (? IS NULL OR vintage = ?) ORDER BY load_id DESC LIMIT 1")) {
            p.setString(1, SOURCE);
            p.setString(2, file.sha256());
            p.setString(3, vintage);
            p.setString(4, vintage);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? new LoadResult(rs.getLong(1), SOURCE, file.name(), rs.getString(2), 0, 0, true) : null;
            }
        } catch (SQLException e) {
            throw new LoadException(file.name(), "warehouse error: " + e.getMessage(), e);
        }
    }

    /** The file's columns as the loader reads them (the Parquet types may differ between releases). */
    private static final String SHORT_DESC = "CAST(\"Short Desc\" AS VARCHAR)";
    private static final String YEARS = "CAST(\"Years\" AS VARCHAR)";
    private static final String AREA = "CAST(\"LA and Regions\" AS VARCHAR)";
    private static final String LA_NUMBER = "TRY_CAST(\"LA Number\" AS DOUBLE)";
    private static final String REGION = "CAST(\"Region\" AS VARCHAR)";
    private static final String VALUE = "CAST(\"Values\" AS VARCHAR)";

    /**
     * Checks the file's columns and keeps its distinct measure × Years pairs and areas (a few
     * thousand rows) in temporary tables, keyed by the values exactly as in the file, so that the
     * one bulk INSERT can join the Parquet rows to them without staging 458,000 rows first.
     *
     * @return the SQL table expression of the file's rows
     */
    private static String stage(Connection c, SourceFile file) throws SQLException {
        String rows = "read_parquet('" + file.path().toAbsolutePath().toString().replace("'", "''")
                + "', file_row_number = true)";
        Set<String> found = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + rows)) {
            while (rs.next()) found.add(rs.getString(1));
        }
        for (String col : COLUMNS) {
            if (!found.contains(col)) {
                throw new LoadException(file.name(), null, col, null, "no column '" + col + "' in the LAIT file (columns: "
                        + found + ")");
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE lait_measure_years AS SELECT " + SHORT_DESC + " AS raw_short_desc, "
                    + YEARS + " AS raw_years, any_value(CAST(\"Data item\" AS VARCHAR)) AS data_item, "
                    + "min(file_row_number) + 1 AS first_row FROM " + rows + " GROUP BY ALL");
            s.execute("CREATE OR REPLACE TEMP TABLE lait_area_keys AS SELECT " + LA_NUMBER + " AS raw_la_number, "
                    + AREA + " AS raw_area, " + REGION + " AS raw_region, min(file_row_number) + 1 AS first_row FROM "
                    + rows + " GROUP BY ALL");
        }
        return rows;
    }

    /** One row per measure in the data, described by the dictionary where it lists the measure. */
    private static int stageMeasures(Connection c, LaitDictionary dict, String dictName, String fileName)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE lait_measure (raw_short_desc VARCHAR, measure VARCHAR, year_type VARCHAR, "
                    + "title VARCHAR, unit VARCHAR, polarity VARCHAR, topic VARCHAR, definition VARCHAR, "
                    + "comparable_with VARCHAR)");
        }
        Map<String, String> codes = new HashMap<>();
        StagedRows rows = StagedRows.temporary("lait_measure", 9);
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT raw_short_desc, any_value(data_item), min(first_row) "
                     + "FROM lait_measure_years GROUP BY 1 ORDER BY 1")) {
            while (rs.next()) {
                String raw = rs.getString(1);
                if (raw == null || raw.isBlank()) {
                    throw new LoadException(fileName, rs.getLong(3), "Short Desc", raw, "a row must name its measure");
                }
                String shortDesc = raw.trim();
                String dataItem = rs.getString(2);
                LaitMeasure m = dict.measure(shortDesc).orElse(null);
                String code = LaitMeasure.code(shortDesc);
                String clash = codes.put(code, shortDesc);
                if (clash != null) {
                    throw new LoadException(dictName, "two LAIT measures, '" + clash + "' and '" + shortDesc
                            + "', would both be coded " + code);
                }
                if (m != null) {
                    rows.add(raw, code, m.yearType().name(), m.title().isEmpty() ? orElse(dataItem, shortDesc)
                            : m.title(), m.unit(), m.polarity(), m.topic(), m.definition(), SAME_AS_SEN2.get(shortDesc));
                } else {
                    // Not in the dictionary: no polarity or year type is known, so it is neutral and
                    // only labels that date themselves can be loaded.
                    rows.add(raw, code, null, orElse(dataItem, shortDesc), null, "neutral", null,
                            "Not in the LAIT data dictionary used for this load.", SAME_AS_SEN2.get(shortDesc));
                }
            }
        }
        return rows.insert(c);
    }

    /**
     * Dates every distinct (Years label, year type) pair into {@code lait_period}; the ones that
     * cannot be dated go to {@code lait_bad_period} with the reason. Returns the year the latest
     * period ends, the default vintage.
     */
    private static String stagePeriods(Connection c, String fileName, String givenVintage) throws SQLException {
        java.time.LocalDate latestStart = Plausibility.latestPeriodStart(givenVintage);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE lait_period (raw_years VARCHAR, year_type VARCHAR, label VARCHAR, "
                    + "period_kind VARCHAR, period_start DATE, period_end DATE)");
            s.execute("CREATE OR REPLACE TEMP TABLE lait_bad_period (raw_years VARCHAR, year_type VARCHAR, reason VARCHAR)");
        }
        int latest = 0;
        StagedRows good = StagedRows.temporary("lait_period", 6);
        StagedRows bad = StagedRows.temporary("lait_bad_period", 3);
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT s.raw_years, m.year_type, min(s.first_row) FROM lait_measure_years s "
                     + "JOIN lait_measure m USING (raw_short_desc) GROUP BY 1, 2 ORDER BY 1, 2")) {
            while (rs.next()) {
                String years = rs.getString(1);
                String type = rs.getString(2);
                try {
                    Period p = LaitYears.parse(years, type == null ? null : LaitYearType.valueOf(type));
                    if (p.start().isAfter(latestStart)) {
                        throw new LoadException(fileName, rs.getLong(3), "Years", years, "a period that starts "
                                + p.start() + ", after " + latestStart + " (the release's own date, or today): a "
                                + "published figure describes the past");
                    }
                    good.add(years, type, years.trim(), p.kindCode(), p.start(), p.end());
                    latest = Math.max(latest, p.end().getYear());
                } catch (IllegalArgumentException e) {
                    bad.add(years, type, "cannot date this Years label: " + e.getMessage());
                }
            }
        }
        good.insert(c);
        bad.insert(c);
        if (latest == 0) throw new LoadException(fileName, "no row has a Years label that can be dated");
        return Integer.toString(latest);
    }

    /** Each measure's plausible range (plausibility.tsv, by its code and the dictionary's unit) in {@code lait_range}. */
    private static void stageRanges(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE lait_range (measure VARCHAR, lo DOUBLE, hi DOUBLE, whole BOOLEAN, "
                    + "outside VARCHAR, reason VARCHAR)");
        }
        StagedRows rows = StagedRows.temporary("lait_range", 6);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT measure, unit FROM lait_measure")) {
            while (rs.next()) {
                Plausibility.Range r = Plausibility.bundled().rangeOf(rs.getString(1), rs.getString(2));
                if (r.isUnbounded()) continue;
                rows.add(rs.getString(1), r.min(), r.max(), r.whole(), r.outside().name().toLowerCase(java.util.Locale.ROOT),
                        "implausible for " + r.name() + ": " + r.why() + " (" + r.bounds() + ")");
            }
        }
        rows.insert(c);
    }

    /** SQL: the value {@code v} breaks the range {@code r} of lait_range. */
    private static String breach(String v) {
        return "(" + v + " < r.lo OR " + v + " > r.hi OR (r.whole AND " + v + " <> round(" + v + ")))";
    }

    /**
     * Values outside their measure's range: the first of a 'refuse' measure refuses the file naming
     * its row; those of a 'reject' measure (real published values, docs/decisions/0086) are taken
     * out again and recorded in load_reject_log.
     */
    private static long checkRanges(LoadRun run, String parquetRows) throws SQLException {
        Connection c = run.connection();
        long id = run.loadId();
        if (count(c, "SELECT count(*) FROM observation_fact o JOIN lait_range r USING (measure) WHERE o.load_id = " + id
                + " AND " + breach("o.value")) == 0) {
            return 0;
        }
        String rowsInRange = parquetRows + " s JOIN lait_measure_period mp ON mp.raw_short_desc = " + SHORT_DESC
                + " AND mp.raw_years IS NOT DISTINCT FROM " + YEARS + " JOIN lait_range r ON r.measure = mp.measure";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT s.file_row_number + 1, " + VALUE
                + ", r.reason FROM " + rowsInRange + " WHERE r.outside = 'refuse' AND " + breach("gss_value(" + VALUE + ")")
                + " ORDER BY 1 LIMIT 1")) {
            if (rs.next()) throw new LoadException(run.file().name(), rs.getLong(1), "Values", rs.getString(2), rs.getString(3));
        }
        long n;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO load_reject_log (load_id, file_name, line, field, "
                + "raw_value, reason) SELECT ?, ?, s.file_row_number + 1, 'Values', " + VALUE + ", r.reason || ' (measure ' "
                + "|| mp.measure || ', ' || mp.label || '; left out, docs/decisions/0086)' FROM " + rowsInRange
                + " WHERE r.outside = 'reject' AND " + breach("gss_value(" + VALUE + ")") + " ORDER BY s.file_row_number")) {
            p.setLong(1, id);
            p.setString(2, run.file().name());
            n = p.executeUpdate();
        }
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM observation_fact o USING lait_range r WHERE o.load_id = " + id
                    + " AND o.measure = r.measure AND r.outside = 'reject' AND " + breach("o.value"));
        }
        return n;
    }

    /** Gives every (LA Number, name, region) of the file its GSS code and level in {@code lait_area}. */
    private static int stageAreas(Connection c, String fileName, AreaCodes areas, LaCodeList codes) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE lait_area (raw_la_number DOUBLE, raw_area VARCHAR, raw_region VARCHAR, "
                    + "area_code VARCHAR, number INTEGER, name VARCHAR, level VARCHAR, region_code VARCHAR, region_name VARCHAR)");
        }
        List<String> unknown = new ArrayList<>();
        StagedRows rows = StagedRows.temporary("lait_area", 9);
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT raw_la_number, raw_area, raw_region, first_row FROM lait_area_keys "
                     + "ORDER BY 1, 2")) {
            while (rs.next()) {
                Double number = rs.getObject(1) == null ? null : rs.getDouble(1);
                String rawName = rs.getString(2);
                String rawRegion = rs.getString(3);
                if (rawName == null || rawName.isBlank() || (number != null && number != Math.rint(number))) {
                    throw new LoadException(fileName, rs.getLong(4), "LA Number / LA and Regions", number + " / " + rawName,
                            "a row must name its area and give a whole LA number");
                }
                String name = rawName.trim();
                String region = rawRegion == null || rawRegion.isBlank() || rawRegion.trim().equals("NA") ? null
                        : rawRegion.trim();
                String code;
                Integer laNumber = null;
                String level;
                String displayName = name;
                String regionCode = null;
                String regionName = null;
                var above = EnglishRegions.byName(name);
                if (above.isPresent() && (number == null || number >= 970)) {
                    code = above.get().code();
                    level = above.get().level();
                } else if (number != null) {
                    laNumber = number.intValue();
                    LocalAuthority la = areas.byNumber(laNumber).orElse(null);
                    if (la == null) {
                        unknown.add(laNumber + " " + name);
                        continue;
                    }
                    code = la.code();
                    level = "local_authority";
                    String regionText = region;
                    if (codes != null) {
                        LaCodeList.Entry e = codes.entry(laNumber).orElse(null);
                        if (e == null) {
                            throw new LoadException(fileName, null, "LA Number", Integer.toString(laNumber),
                                    "not in the LA code list given with --codes");
                        }
                        displayName = e.name();
                        if (e.region() != null && !e.region().equals("NA")) regionText = e.region();
                    }
                    var r = EnglishRegions.regionOf(regionText);
                    regionCode = r.map(EnglishRegions.Area::code).orElse(la.regionCode());
                    regionName = r.map(EnglishRegions.Area::name).orElse(la.regionName());
                } else {
                    throw new LoadException(fileName, null, "LA and Regions", name,
                            "no LA Number and not England or a region");
                }
                rows.add(number, rawName, rawRegion, code, laNumber, displayName, level, regionCode, regionName);
            }
        }
        areas.refuseUnknown(fileName, "LA Number", unknown);
        return rows.insert(c);
    }

    /** The transaction: measures, areas, refused rows, observations. */
    private static long write(LoadRun run, String parquetRows, int measures, int areaCount) throws SQLException {
        Connection c = run.connection();
        long id = run.loadId();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO measure_fact (measure, title, unit, polarity, source, "
                + "definition, comparable_with, topic, load_id) SELECT measure, title, unit, polarity, ?, definition, comparable_with, "
                + "topic, ? FROM lait_measure ORDER BY measure")) {
            p.setString(1, SOURCE);
            p.setLong(2, id);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO area_fact (area_code, la_number, name, level, "
                + "region_code, region_name, load_id) SELECT area_code, any_value(number), any_value(name), any_value(level), "
                + "any_value(region_code), any_value(region_name), ? FROM lait_area GROUP BY area_code ORDER BY area_code")) {
            p.setLong(1, id);
            p.executeUpdate();
        }
        long rejected = 0;
        if (count(c, "SELECT count(*) FROM lait_bad_period") > 0) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO load_reject_log (load_id, file_name, line, field, "
                    + "raw_value, reason) SELECT ?, ?, s.file_row_number + 1, 'Years', " + YEARS.replace("\"Years\"", "s.\"Years\"")
                    + ", b.reason || ' (measure ' || trim(m.raw_short_desc) || ')' FROM " + parquetRows + " s "
                    + "JOIN lait_measure m ON m.raw_short_desc = " + SHORT_DESC.replace("\"Short Desc\"", "s.\"Short Desc\"")
                    + " JOIN lait_bad_period b ON b.raw_years IS NOT DISTINCT FROM " + YEARS.replace("\"Years\"", "s.\"Years\"")
                    + " AND b.year_type IS NOT DISTINCT FROM m.year_type ORDER BY s.file_row_number")) {
                p.setLong(1, id);
                p.setString(2, run.file().name());
                rejected = p.executeUpdate();
            }
        }
        run.countRejects(rejected);
        long rows;
        // The few thousand measure x Years pairs that can be dated, with their measure code and
        // period, so that the file's rows need one join for both (two joins cost a third more).
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE lait_measure_period AS SELECT y.raw_short_desc, y.raw_years, m.measure, "
                    + "p.period_kind, p.label, p.period_start, p.period_end FROM lait_measure_years y "
                    + "JOIN lait_measure m USING (raw_short_desc) "
                    + "JOIN lait_period p ON p.raw_years IS NOT DISTINCT FROM y.raw_years AND p.year_type IS NOT DISTINCT FROM m.year_type");
        }
        // Every value is typed on the way in; '?' marks text that is neither a number nor a marker,
        // found below, and the whole load is then refused (and rolled back) naming its row.
        try (PreparedStatement p = c.prepareStatement("INSERT INTO observation_fact (area_code, area_name, level, measure, "
                + "breakdown, period_kind, period_label, period_start, period_end, value, status, source, vintage, load_id) "
                + "SELECT a.area_code, a.name, a.level, mp.measure, 'total', mp.period_kind, mp.label, mp.period_start, "
                + "mp.period_end, gss_value(" + VALUE + "), coalesce(gss_status(" + VALUE + "), '?'), ?, ?, ? "
                + "FROM " + parquetRows + " s "
                + "JOIN lait_measure_period mp ON mp.raw_short_desc = " + SHORT_DESC + " AND mp.raw_years IS NOT DISTINCT FROM " + YEARS + " "
                + "JOIN lait_area a ON a.raw_la_number IS NOT DISTINCT FROM " + LA_NUMBER + " AND a.raw_area = " + AREA + " "
                + "AND a.raw_region IS NOT DISTINCT FROM " + REGION)) {
            p.setString(1, SOURCE);
            p.setString(2, run.vintage());
            p.setLong(3, id);
            rows = p.executeUpdate();
        }
        if (count(c, "SELECT count(*) FROM observation_fact WHERE load_id = " + id + " AND status = '?'") > 0) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT file_row_number + 1, " + VALUE
                    + " FROM " + parquetRows + " WHERE gss_status(" + VALUE + ") IS NULL ORDER BY 1 LIMIT 1")) {
                rs.next();
                throw new LoadException(run.file().name(), rs.getLong(1), "Values", rs.getString(2),
                        Numbers.whyNot(rs.getString(2)) + "; expected a number or a known marker (c x z u low : .. -)");
            }
        }
        long implausible = checkRanges(run, parquetRows);
        run.countRejects(implausible);
        run.message(String.format("%d measures, %d areas%s%s", measures, areaCount,
                rejected == 0 ? "" : String.format(", %d rows whose Years could not be dated left out (see load_rejects)", rejected),
                implausible == 0 ? "" : String.format(", %d values outside their measure's range left out (see load_rejects)",
                        implausible)));
        return rows - implausible;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void dropStaging(Connection c) {
        try (Statement s = c.createStatement()) {
            // Staging failed half way: nothing but temporary tables to roll back.
            if (!c.getAutoCommit()) c.rollback();
            c.setAutoCommit(false);
            for (String t : List.of("lait_measure_years", "lait_area_keys", "lait_measure", "lait_period", "lait_measure_period",
                    "lait_bad_period", "lait_area", "lait_range")) {
                s.execute("DROP TABLE IF EXISTS " + t);
            }
            c.commit();
        } catch (SQLException e) {
            // Temporary tables vanish with the connection anyway.
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException e) {
                // The connection is unusable; the caller will find out.
            }
        }
    }

    private static String orElse(String s, String other) {
        return s == null || s.isBlank() ? other : s;
    }
}
