package org.sendscope.ingest.dfe;

import static org.sendscope.ingest.CsvStaging.literal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.sendscope.ingest.CsvStaging;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.LoadRun;

/**
 * Loads one CSV of a SEN2 release inside the release's transaction: stage with DuckDB, check every
 * row and cell, then unpivot the mapped columns into {@code observation_fact} and the areas into
 * {@code area_fact}.
 */
final class Sen2FileLoader {
    private final LoadRun run;
    private final Sen2File spec;
    private final Path csv;
    private final String name;
    private final Connection c;

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
                // an empty cell becomes '' so that the unpivot keeps it and the value check names it
                + valueColumns.stream().map(col -> "coalesce(" + CsvStaging.quote(col) + ", '') AS " + CsvStaging.quote(col))
                        .collect(Collectors.joining(", "));
        CsvStaging.stage(c, csv, header, "stg_sen2_rows", projection, name);
        try (Statement s = c.createStatement()) {
            checkRows(s);
            s.execute("CREATE OR REPLACE TEMP TABLE stg_sen2_map (column_name VARCHAR, measure VARCHAR, breakdown VARCHAR)");
            s.execute("INSERT INTO stg_sen2_map VALUES " + columns.stream()
                    .map(col -> "(" + literal(col.column()) + ", " + literal(col.measure()) + ", "
                            + literal(col.breakdown()) + ")").collect(Collectors.joining(", ")));
            s.execute("DELETE FROM stg_sen2_rows WHERE row_breakdown = 'skip'");
            s.execute("CREATE OR REPLACE TEMP TABLE stg_sen2_long AS SELECT *, gss_status(raw) AS status, "
                    + "gss_value(raw) AS value FROM (UNPIVOT stg_sen2_rows ON " + Sen2Release.columnsList(valueColumns)
                    + " INTO NAME column_name VALUE raw)");
            checkValues(s);
            long n = s.executeUpdate("INSERT INTO observation_fact SELECT l.area_code, l.area_name, l.level, m.measure, "
                    + "CASE WHEN m.breakdown = 'row' THEN l.row_breakdown ELSE m.breakdown END, "
                    + period() + ", l.value, l.status, " + literal(Sen2Release.SOURCE) + ", "
                    + literal(run.vintage()) + ", " + run.loadId() + " FROM stg_sen2_long l JOIN stg_sen2_map m USING (column_name) "
                    // a column with a fixed breakdown (a placement column) describes the headline row only
                    + "WHERE m.breakdown = 'row' OR l.row_breakdown = 'total'");
            s.execute("INSERT INTO area_fact SELECT area_code, any_value(la_number ORDER BY time_period DESC), "
                    + "any_value(area_name ORDER BY time_period DESC), any_value(level), "
                    + "any_value(region_code ORDER BY time_period DESC), any_value(region_name ORDER BY time_period DESC), "
                    + run.loadId() + " FROM stg_sen2_rows GROUP BY area_code");
            s.execute("DROP TABLE stg_sen2_rows; DROP TABLE stg_sen2_long; DROP TABLE stg_sen2_map");
            return n;
        }
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

    private String period() {
        if (spec.timing() == Sen2File.Timing.CENSUS) {
            return "'census_january', l.time_period, make_date(dfe_census_year(l.time_period), 1, 1), "
                    + "make_date(dfe_census_year(l.time_period), 1, 31)";
        }
        return """
                CASE WHEN length(l.time_period) = 6 THEN 'academic_year' ELSE 'calendar_year' END, l.time_period,
                CASE WHEN length(l.time_period) = 6 THEN make_date(CAST(left(l.time_period, 4) AS INTEGER), 9, 1)
                     ELSE make_date(CAST(l.time_period AS INTEGER), 1, 1) END,
                CASE WHEN length(l.time_period) = 6 THEN make_date(CAST(left(l.time_period, 4) AS INTEGER) + 1, 8, 31)
                     ELSE make_date(CAST(l.time_period AS INTEGER), 12, 31) END""";
    }

    /** Refuses the file at its first row whose period, geography or breakdown label is not understood. */
    private void checkRows(Statement s) throws SQLException {
        firstBad(s, "time_period", "time_period", "NOT regexp_full_match(coalesce(time_period, ''), '\\d{4}|\\d{4}\\d{2}') "
                + "OR (length(time_period) = 6 AND (CAST(left(time_period, 4) AS INTEGER) + 1) % 100 <> CAST(right(time_period, 2) AS INTEGER))",
                "not a DfE time period (expected 2022 or 202122)");
        firstBad(s, "geographic_level", "geographic_level", "level IS NULL",
                "unknown geographic level (expected National, Regional or Local authority)");
        firstBad(s, "new_la_code", "coalesce(area_code, '')", "area_code IS NULL OR NOT regexp_full_match(area_code, 'E\\d{8}')",
                "no GSS area code for this row");
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
            firstBad(s, key, raw, "row_breakdown IS NULL",
                    "unknown breakdown label (not in the SEN2 vocabulary; see docs/decisions/0002-breakdowns.md)");
        }
    }

    private void checkValues(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT line, column_name, raw, count(*) OVER () FROM stg_sen2_long "
                + "WHERE status IS NULL ORDER BY line LIMIT 1")) {
            if (rs.next()) {
                long more = rs.getLong(4) - 1;
                throw new LoadException(name, rs.getLong(1), rs.getString(2), rs.getString(3),
                        (rs.getString(3).isBlank() ? "empty cell" : "not a number or a GSS marker (c, x, z, u, low, :, .., -)")
                                + (more > 0 ? " (and " + more + " more such cells)" : ""));
            }
        }
    }

    /** Throws naming the first row (by line) that meets {@code condition}. */
    private void firstBad(Statement s, String column, String rawExpr, String condition, String reason)
            throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT line, CAST(" + rawExpr + " AS VARCHAR) FROM stg_sen2_rows WHERE "
                + condition + " ORDER BY line LIMIT 1")) {
            if (rs.next()) {
                throw new LoadException(name, rs.getLong(1), column, rs.getString(2) == null ? "" : rs.getString(2), reason);
            }
        }
    }
}
