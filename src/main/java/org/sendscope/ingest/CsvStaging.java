package org.sendscope.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sendscope.ingest.staging.StagedRows;
import org.sendscope.report.Messages;

/**
 * Stages a CSV file in a temporary DuckDB table with DuckDB's own reader, every column typed
 * VARCHAR (a published count may hold a marker such as {@code c} or {@code x}), plus the file
 * line of each record. Java reads only the header, to check it names the columns a loader needs.
 */
public final class CsvStaging {
    private CsvStaging() {
    }

    /** The header of a CSV file (a UTF-8 byte-order mark is dropped); a file in another encoding is refused. */
    public static List<String> header(Path csv, String displayName) {
        TextInput.checkEncoding(csv, displayName);
        CsvLines.checkFirstLine(csv, displayName);
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().get().parse(r)) {
            var it = p.iterator();
            if (!it.hasNext()) throw new LoadException(displayName, 1L, null, null, "the file is empty");
            CSVRecord h = it.next();
            List<String> names = new ArrayList<>();
            for (String s : h) names.add(names.isEmpty() ? TextInput.withoutBom(s).strip() : s.strip());
            return names;
        } catch (IOException | java.io.UncheckedIOException e) {
            // Bytes that are not UTF-8: the text check names the line and the byte.
            TextInput.check(csv, displayName);
            throw new LoadException(displayName, "cannot read as CSV: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that the header has every required column.
     *
     * @throws LoadException naming line 1, the missing column and the header as found
     */
    public static void requireColumns(List<String> header, Collection<String> required, String displayName) {
        for (String c : required) {
            if (!header.contains(c)) {
                throw new LoadException(displayName, 1L, c, String.join(",", header),
                        "expected column '" + c + "' is missing from the header (renamed or a different layout?)");
            }
        }
    }

    /**
     * Creates (or replaces) temporary table {@code table} from the file, every column read as
     * VARCHAR, keeping {@code projection} (a SELECT list over the file's columns, {@code *} for all)
     * beside {@code line}, the record's line in the file (header is line 1), counted by
     * {@link CsvLines} so that quoted line breaks and blank lines do not shift it.
     */
    public static long stage(Connection c, Path csv, List<String> header, String table, String projection,
                             String displayName) throws SQLException {
        long[] starts = CsvLines.recordStarts(csv, displayName);
        String columns = header.stream().map(h -> literal(h) + ": 'VARCHAR'").collect(Collectors.joining(", "));
        String read = "read_csv(" + literal(csv.toAbsolutePath().toString()) + ", header = true, auto_detect = false, "
                + "delim = ',', quote = '\"', escape = '\"', strict_mode = true, null_padding = false, "
                + "encoding = 'utf-8', max_line_size = " + (InputLimits.MAX_LINE_BYTES + 2) + ", columns = {" + columns + "})";
        String sql;
        if (starts == null) {
            sql = "CREATE OR REPLACE TEMP TABLE " + table + " AS SELECT row_number() OVER () + 1 AS line, "
                    + projection + " FROM " + read;
        } else {
            // Rare (hand-made files): each record's line, from the scan, joined on the record's number.
            try (Statement s = c.createStatement()) {
                s.execute("CREATE OR REPLACE TEMP TABLE stg_csv_lines (record BIGINT, line BIGINT)");
            }
            StagedRows lines = StagedRows.temporary("stg_csv_lines", 2);
            for (int i = 0; i < starts.length; i++) lines.add((long) i + 1, starts[i]);
            lines.insert(c);
            sql = "CREATE OR REPLACE TEMP TABLE " + table + " AS SELECT stg_csv_lines.line AS line, " + projection
                    + " FROM (SELECT row_number() OVER () AS stg_csv_record, * FROM " + read + ") "
                    + "JOIN stg_csv_lines ON stg_csv_lines.record = stg_csv_record";
        }
        try (Statement s = c.createStatement()) {
            s.execute(sql);
            if (starts != null) s.execute("DROP TABLE stg_csv_lines");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            // DuckDB's message names a record, not a line, and not always the reason: the text check
            // finds bytes that are not UTF-8 with their line; otherwise DuckDB's first line is kept.
            TextInput.check(csv, displayName);
            throw new LoadException(displayName, null, null, null, "DuckDB could not read it as CSV: "
                    + Messages.firstLine(e.getMessage(), ""));
        }
    }

    /** A SQL string literal. */
    public static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** A quoted SQL identifier. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

}
