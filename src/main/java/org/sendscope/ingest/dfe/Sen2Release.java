package org.sendscope.ingest.dfe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.LoadResult;
import org.sendscope.ingest.LoadRun;
import org.sendscope.ingest.SourceFile;
import org.sendscope.ingest.TextInput;
import org.sendscope.ingest.ZipEntries;
import org.sendscope.ingest.staging.StagedRows;
import org.sendscope.warehouse.Warehouse;

/**
 * Loads one SEN2 "Education, health and care plans" release — a zip as published or its unpacked
 * folder, in either layout ({@link Sen2Layout}) — into {@code observations}, {@code measures} and
 * {@code areas}, in one transaction. Every data file is read by DuckDB's CSV reader into a staging
 * table, checked (periods, geography, breakdown labels, every value a number or a GSS marker),
 * and inserted by SQL. Any bad cell refuses the whole release, naming file, line, column
 * and text.
 */
public final class Sen2Release {
    /** The loader's name in {@code loads.source}. */
    public static final String SOURCE = "dfe-ehcp";
    private static final Pattern YEAR_IN_NAME = Pattern.compile("_(20\\d\\d)(?:_|\\.|$)");
    private static final List<String> GEOGRAPHY = List.of("time_period", "time_identifier", "geographic_level",
            "country_code", "country_name", "region_code", "region_name", "old_la_code", "new_la_code", "la_name");

    private Sen2Release() {
    }

    /**
     * Loads a release.
     *
     * @param source  the zip as published, or a folder holding its CSV files
     * @param vintage the release (reporting year) to record; {@code null} to take it from the file
     *                name ({@code …_2022.zip}) or else from the latest period in the data
     */
    public static LoadResult load(Warehouse warehouse, Path source, String vintage) {
        SourceFile file = Files.isDirectory(source) ? SourceFile.ofDirectory(source) : SourceFile.of(source);
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("sendscope-sen2-");
            Map<String, Path> csvs = Files.isDirectory(source) ? findCsvs(source) : unzip(source, tmp);
            Sen2Layout layout = Sen2Layout.detect(csvs.keySet());
            // A CSV in another encoding is refused before anything reads it as UTF-8.
            csvs.forEach((n, p) -> TextInput.checkEncoding(p, file.name() + "!" + n + ".csv"));
            if (layout == null) {
                throw new LoadException(file.name(), "not a SEN2 release: found " + csvs.keySet()
                        + " but no sen2_age_caseload.csv (2022 layout) or caseload.csv (current layout)");
            }
            String v = vintage != null ? vintage : vintageOf(source, csvs, layout);
            Map<String, Path> files = csvs;
            return LoadRun.run(warehouse, SOURCE, SOURCE + "|" + v, file, v, run -> loadFiles(run, layout, files));
        } catch (IOException e) {
            throw new LoadException(file.name(), "cannot read: " + e.getMessage(), e);
        } finally {
            if (tmp != null) deleteQuietly(tmp);
        }
    }

    private static long loadFiles(LoadRun run, Sen2Layout layout, Map<String, Path> csvs) throws SQLException {
        Connection c = run.connection();
        long rows = 0;
        List<String> loaded = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (Sen2File f : layout.files()) {
            Path csv = csvs.get(f.name());
            if (csv == null) {
                absent.add(f.name());
                continue;
            }
            rows += new Sen2FileLoader(run, f, csv, run.file().name() + "!" + f.name() + ".csv").load();
            loaded.add(f.name());
        }
        insertMeasures(c, run.loadId());
        checkNoDuplicates(c, run);
        List<String> ignored = csvs.keySet().stream().filter(n -> layout.files().stream().noneMatch(f -> f.name().equals(n)))
                .sorted().toList();
        run.message(layout.name().toLowerCase() + " layout; files " + String.join(", ", loaded)
                + (absent.isEmpty() ? "" : "; absent " + String.join(", ", absent))
                + (ignored.isEmpty() ? "" : "; not loaded (no numeric measures mapped) " + String.join(", ", ignored)));
        return rows;
    }

    private static void insertMeasures(Connection c, long loadId) throws SQLException {
        // Through the appender: a JDBC batch runs one statement per measure.
        StagedRows rows = new StagedRows("measure_fact", 9);
        for (Sen2Vocabulary.Measure m : Sen2Vocabulary.MEASURES) {
            rows.add(m.code(), m.title(), m.unit(), m.polarity(), "DfE SEN2", m.definition(), null, "EHC plans", loadId);
        }
        rows.insert(c);
    }

    /** Two values for one area, measure, breakdown and period in one release would be a mapping bug. */
    private static void checkNoDuplicates(Connection c, LoadRun run) throws SQLException {
        // Distinct hashes as many as rows prove every key distinct; only when they are fewer (a
        // duplicate, or rarely two keys with one hash) does the exact, slower grouping run.
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) - count(DISTINCT "
                + "hash(area_code, measure, breakdown, period_label)) FROM observation_fact WHERE load_id = " + run.loadId())) {
            rs.next();
            if (rs.getLong(1) == 0) return;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT area_code, measure, breakdown, period_label, count(*) FROM observation_fact
                WHERE load_id = %d GROUP BY ALL HAVING count(*) > 1 LIMIT 1""".formatted(run.loadId()))) {
            if (rs.next()) {
                throw new LoadException(run.file().name(), "two values for " + rs.getString(1) + " " + rs.getString(2)
                        + " " + rs.getString(3) + " " + rs.getString(4) + " in one release");
            }
        }
    }

    private static Map<String, Path> findCsvs(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            Map<String, Path> m = new LinkedHashMap<>();
            s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted()
                    .forEach(p -> m.putIfAbsent(baseName(p.getFileName().toString()), p));
            return m;
        }
    }

    /** Unpacks every CSV of the zip (DuckDB reads files, not zip entries); a damaged zip is refused. */
    private static Map<String, Path> unzip(Path zip, Path into) {
        Map<String, Path> m = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = z.stream().filter(e -> !e.isDirectory() && e.getName().endsWith(".csv"))
                    .sorted(Comparator.comparing(ZipEntry::getName)).toList();
            int i = 0;
            ZipEntries bounded = new ZipEntries(z, zip.toString());
            for (ZipEntry e : entries) {
                String base = baseName(e.getName().substring(e.getName().lastIndexOf('/') + 1));
                if (m.containsKey(base)) continue;
                Path out = into.resolve((i++) + "-" + base + ".csv");
                try (InputStream in = z.getInputStream(e)) {
                    Files.copy(bounded.limit(e, in), out, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException ex) {
                    throw new LoadException(zip + "!" + e.getName(), "cannot unpack (truncated or damaged zip?): "
                            + ex.getMessage(), ex);
                }
                m.put(base, out);
            }
        } catch (ZipException e) {
            throw new LoadException(zip.toString(), "not a readable zip archive (truncated or damaged?): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new LoadException(zip.toString(), "cannot read: " + e.getMessage(), e);
        }
        return m;
    }

    private static String vintageOf(Path source, Map<String, Path> csvs, Sen2Layout layout) {
        Matcher m = YEAR_IN_NAME.matcher(source.getFileName().toString());
        if (m.find()) return m.group(1);
        // No year in the name: the reporting year is that of the latest January caseload.
        Path caseload = csvs.get(layout.files().get(0).name());
        try (var lines = Files.lines(caseload)) {
            return lines.skip(1).map(l -> l.split(",", 2)[0].replace("\uFEFF", ""))
                    .filter(t -> t.matches("\\d{4}(\\d{2})?"))
                    .map(t -> t.length() == 6 ? String.valueOf(Integer.parseInt(t.substring(0, 4)) + 1) : t)
                    .max(String::compareTo).orElse("unknown");
        } catch (IOException | java.io.UncheckedIOException e) {
            return "unknown";
        }
    }

    private static String baseName(String fileName) {
        return fileName.endsWith(".csv") ? fileName.substring(0, fileName.length() - 4) : fileName;
    }

    static List<String> geography() {
        return GEOGRAPHY;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
