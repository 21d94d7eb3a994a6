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
 * data dictionary. DuckDB reads the Parquet once into a staging table; Java looks only at the few
 * distinct measures, Years labels and areas, and one INSERT … SELECT writes the observations.
 *
 * <p>Every measure goes to {@code measure_fact} as {@code lait_<short description>}; a number is
 * {@code reported}, a marker ({@code -}, {@code x}, {@code c}, …) is a status with no value; a value
 * that is neither refuses the file. A row whose Years label cannot be dated is recorded in
 * {@code load_reject_log} and left out (docs/decisions/0010-lait-measure-codes-and-years.md).
 */
public final class LaitLoader {
    /** The loader's name in load_log and the observations' source. */
    public static final String SOURCE = "lait";
    static final List<String> COLUMNS = List.of("Short Desc", "Data item", "Years", "LA and Regions", "Values",
            "LA Number", "Region");

    private final Path dictionary;
    private final Path codeList;
    private final List<Path> areaCodeFiles;
    private final String vintage;

    /**
     * @param dictionary    LAIT's data dictionary CSV (titles, polarity, units, year types)
     * @param codeList      LAIT's LA code list (names and regions), or null
     * @param areaCodeFiles SEN2 files that pair LA numbers with GSS codes; empty to use what the
     *                      warehouse knows (plus {@link AreaCodes#usualSen2Files})
     * @param vintage       the release to record, or null for the year the file's latest period ends
     */
    public LaitLoader(Path dictionary, Path codeList, List<Path> areaCodeFiles, String vintage) {
        this.dictionary = dictionary;
        this.codeList = codeList;
        this.areaCodeFiles = List.copyOf(areaCodeFiles);
        this.vintage = vintage;
    }

    /** Loads one LAIT Parquet file in one transaction. */
    public LoadResult load(Warehouse warehouse, Path parquet) {
        SourceFile file = SourceFile.of(parquet);
        LaitDictionary dict = LaitDictionary.read(dictionary);
        LaCodeList codes = codeList == null ? null : LaCodeList.read(codeList);
        Connection c = warehouse.connection();
        try {
            List<Path> sen2 = areaCodeFiles.isEmpty() ? AreaCodes.usualSen2Files(parquet) : areaCodeFiles;
            // Staging touches only temporary tables; one commit for all of it, not one per statement.
            c.setAutoCommit(false);
            AreaCodes areas = AreaCodes.from(c, sen2);
            stage(c, file);
            int measures = stageMeasures(c, dict, dictionary.toString());
            String release = stagePeriods(c, file.name());
            int areaCount = stageAreas(c, file.name(), areas, codes);
            c.commit();
            c.setAutoCommit(true);
            String v = vintage != null ? vintage : release;
            return LoadRun.run(warehouse, SOURCE, SOURCE + "|" + v, file, v, run -> write(run, measures, areaCount));
        } catch (SQLException e) {
            throw new LoadException(file.name(), "cannot read as LAIT Parquet: " + e.getMessage(), e);
        } finally {
            dropStaging(c);
        }
    }

    /** Reads the Parquet file once into {@code lait_stage}, checking its columns and values. */
    private static void stage(Connection c, SourceFile file) throws SQLException {
        String path = "'" + file.path().toAbsolutePath().toString().replace("'", "''") + "'";
        Set<String> found = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + path + ")")) {
            while (rs.next()) found.add(rs.getString(1));
        }
        for (String col : COLUMNS) {
            if (!found.contains(col)) {
                throw new LoadException(file.name(), null, col, null, "no column '" + col + "' in the LAIT file (columns: "
                        + found + ")");
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE lait_stage AS SELECT file_row_number + 1 AS row_no, "
                    + "trim(CAST(\"Short Desc\" AS VARCHAR)) AS short_desc, CAST(\"Data item\" AS VARCHAR) AS data_item, "
                    + "trim(CAST(\"Years\" AS VARCHAR)) AS years, trim(CAST(\"LA and Regions\" AS VARCHAR)) AS area_name, "
                    + "CAST(\"Values\" AS VARCHAR) AS raw_value, TRY_CAST(\"LA Number\" AS DOUBLE) AS la_number, "
                    + "nullif(trim(CAST(\"Region\" AS VARCHAR)), 'NA') AS region "
                    + "FROM read_parquet(" + path + ", file_row_number = true)");
            try (ResultSet rs = s.executeQuery("SELECT row_no, raw_value FROM lait_stage "
                    + "WHERE gss_status(raw_value) IS NULL ORDER BY row_no LIMIT 1")) {
                if (rs.next()) {
                    throw new LoadException(file.name(), rs.getLong(1), "Values", rs.getString(2),
                            "not a number or a known marker (c x z u low : .. -)");
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT row_no, CAST(la_number AS VARCHAR), short_desc FROM lait_stage "
                    + "WHERE la_number IS DISTINCT FROM round(la_number) OR short_desc IS NULL OR short_desc = '' "
                    + "OR area_name IS NULL ORDER BY row_no LIMIT 1")) {
                if (rs.next()) {
                    throw new LoadException(file.name(), rs.getLong(1), "LA Number / Short Desc / LA and Regions",
                            rs.getString(2) + " / " + rs.getString(3), "a row must name its measure, its area and a whole LA number");
                }
            }
        }
    }

    /** One row per measure in the data, described by the dictionary where it lists the measure. */
    private static int stageMeasures(Connection c, LaitDictionary dict, String dictName) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE lait_measure (short_desc VARCHAR, measure VARCHAR, year_type VARCHAR, "
                    + "title VARCHAR, unit VARCHAR, polarity VARCHAR, topic VARCHAR, definition VARCHAR)");
        }
        Map<String, String> codes = new HashMap<>();
        StagedRows rows = new StagedRows("lait_measure", 8);
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT short_desc, any_value(data_item) FROM lait_stage GROUP BY 1 ORDER BY 1")) {
            while (rs.next()) {
                String shortDesc = rs.getString(1);
                String dataItem = rs.getString(2);
                LaitMeasure m = dict.measure(shortDesc).orElse(null);
                String code = LaitMeasure.code(shortDesc);
                String clash = codes.put(code, shortDesc);
                if (clash != null) {
                    throw new LoadException(dictName, "two LAIT measures, '" + clash + "' and '" + shortDesc
                            + "', would both be coded " + code);
                }
                if (m != null) {
                    rows.add(shortDesc, code, m.yearType().name(), m.title().isEmpty() ? orElse(dataItem, shortDesc)
                            : m.title(), m.unit(), m.polarity(), m.topic(), m.definition());
                } else {
                    // Not in the dictionary: no polarity or year type is known, so it is neutral and
                    // only labels that date themselves can be loaded.
                    rows.add(shortDesc, code, null, orElse(dataItem, shortDesc), null, "neutral", null,
                            "Not in the LAIT data dictionary used for this load.");
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
    private static String stagePeriods(Connection c, String fileName) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE lait_period (years VARCHAR, year_type VARCHAR, period_kind VARCHAR, "
                    + "period_start DATE, period_end DATE)");
            s.execute("CREATE OR REPLACE TEMP TABLE lait_bad_period (years VARCHAR, year_type VARCHAR, reason VARCHAR)");
        }
        int latest = 0;
        StagedRows good = new StagedRows("lait_period", 5);
        StagedRows bad = new StagedRows("lait_bad_period", 3);
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT s.years, m.year_type FROM lait_stage s "
                     + "JOIN lait_measure m USING (short_desc) ORDER BY 1, 2")) {
            while (rs.next()) {
                String years = rs.getString(1);
                String type = rs.getString(2);
                try {
                    Period p = LaitYears.parse(years, type == null ? null : LaitYearType.valueOf(type));
                    good.add(years, type, p.kindCode(), p.start(), p.end());
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

    /** Gives every (LA Number, name, region) of the file its GSS code and level in {@code lait_area}. */
    private static int stageAreas(Connection c, String fileName, AreaCodes areas, LaCodeList codes) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE lait_area (la_number DOUBLE, area_name VARCHAR, region VARCHAR, "
                    + "area_code VARCHAR, number INTEGER, name VARCHAR, level VARCHAR, region_code VARCHAR, region_name VARCHAR)");
        }
        List<String> unknown = new ArrayList<>();
        StagedRows rows = new StagedRows("lait_area", 9);
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT la_number, area_name, region FROM lait_stage ORDER BY 1, 2")) {
            while (rs.next()) {
                Double number = rs.getObject(1) == null ? null : rs.getDouble(1);
                String name = rs.getString(2);
                String region = rs.getString(3);
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
                rows.add(number, name, region, code, laNumber, displayName, level, regionCode, regionName);
            }
        }
        if (!unknown.isEmpty()) {
            throw new LoadException(fileName, null, "LA Number", String.join(", ", unknown),
                    "no GSS code known for these LA numbers (looked in " + areas.describeSources()
                            + "); pass a SEN2 release with --area-codes FILE");
        }
        return rows.insert(c);
    }

    /** The transaction: measures, areas, refused rows, observations. */
    private static long write(LoadRun run, int measures, int areaCount) throws SQLException {
        Connection c = run.connection();
        long id = run.loadId();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO measure_fact (measure, title, unit, polarity, source, "
                + "definition, comparable_with, topic, load_id) SELECT measure, title, unit, polarity, ?, definition, NULL, "
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
        long rejected;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO load_reject_log (load_id, file_name, line, field, "
                + "raw_value, reason) SELECT ?, ?, s.row_no, 'Years', s.years, b.reason || ' (measure ' || s.short_desc || ')' "
                + "FROM lait_stage s JOIN lait_measure m USING (short_desc) "
                + "JOIN lait_bad_period b ON b.years = s.years AND b.year_type IS NOT DISTINCT FROM m.year_type ORDER BY s.row_no")) {
            p.setLong(1, id);
            p.setString(2, run.file().name());
            rejected = p.executeUpdate();
        }
        run.countRejects(rejected);
        long rows;
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO observation_fact (area_code, area_name, level, measure, breakdown, period_kind, period_label,
                       period_start, period_end, value, status, source, vintage, load_id)
                SELECT a.area_code, a.name, a.level, m.measure, 'total', p.period_kind, s.years, p.period_start,
                       p.period_end, gss_value(s.raw_value), gss_status(s.raw_value), ?, ?, ?
                FROM lait_stage s
                JOIN lait_measure m USING (short_desc)
                JOIN lait_period p ON p.years = s.years AND p.year_type IS NOT DISTINCT FROM m.year_type
                JOIN lait_area a ON a.la_number IS NOT DISTINCT FROM s.la_number AND a.area_name = s.area_name
                                AND a.region IS NOT DISTINCT FROM s.region""")) {
            p.setString(1, SOURCE);
            p.setString(2, run.vintage());
            p.setLong(3, id);
            rows = p.executeUpdate();
        }
        run.message(String.format("%d measures, %d areas%s", measures, areaCount,
                rejected == 0 ? "" : String.format(", %d rows whose Years could not be dated left out (see load_rejects)", rejected)));
        return rows;
    }

    private static void dropStaging(Connection c) {
        try (Statement s = c.createStatement()) {
            if (!c.getAutoCommit()) {
                // Staging failed half way: nothing but temporary tables to roll back.
                c.rollback();
                c.setAutoCommit(true);
            }
            for (String t : List.of("lait_stage", "lait_measure", "lait_period", "lait_bad_period", "lait_area")) {
                s.execute("DROP TABLE IF EXISTS " + t);
            }
        } catch (SQLException e) {
            // Temporary tables vanish with the connection anyway.
        }
    }

    private static String orElse(String s, String other) {
        return s == null || s.isBlank() ? other : s;
    }
}
