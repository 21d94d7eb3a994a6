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
import org.sendscope.ingest.LoadPoints;
import org.sendscope.ingest.LoadResult;
import org.sendscope.ingest.LoadRun;
import org.sendscope.ingest.LoadTemp;
import org.sendscope.ingest.SourceFile;
import org.sendscope.ingest.TextInput;
import org.sendscope.ingest.ZipEntries;
import org.sendscope.ingest.staging.StagedRows;
import org.sendscope.period.DfePeriods;
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
    /** The data guidance's statement of the release, "Reporting year 2025" or "2022 Reporting year". */
    private static final Pattern REPORTING_YEAR = Pattern.compile("(?i)reporting year (20\\d\\d)|(20\\d\\d) reporting year");
    /** The data guidance, by its base name in the release. */
    private static final String GUIDANCE = "data-guidance";
    private static final List<String> GEOGRAPHY = List.of("time_period", "time_identifier", "geographic_level",
            "country_code", "country_name", "region_code", "region_name", "old_la_code", "new_la_code", "la_name");

    private Sen2Release() {
    }

    /**
     * Loads a release.
     *
     * @param source  the zip as published, or a folder holding its CSV files
     * @param vintage the release (reporting year) to record; {@code null} to take it from the
     *                release's own content ({@link #vintageOf}), never from the file's name
     */
    public static LoadResult load(Warehouse warehouse, Path source, String vintage) {
        return load(warehouse, source, vintage, false);
    }

    /** Loads a release, allowed (when {@code replace}) to supersede the release's earlier load though it loses data. */
    public static LoadResult load(Warehouse warehouse, Path source, String vintage, boolean replace) {
        SourceFile file = Files.isDirectory(source) ? SourceFile.ofDirectory(source) : SourceFile.of(source);
        Path tmp = null;
        boolean started = false;
        try {
            tmp = LoadTemp.folder();
            Map<String, Path> csvs = Files.isDirectory(source) ? findCsvs(source) : unzip(source, tmp);
            LoadPoints.reached("unpacked");
            Sen2Layout layout = Sen2Layout.detect(csvs.keySet());
            // A CSV in another encoding is refused before anything reads it as UTF-8.
            csvs.forEach((n, p) -> TextInput.checkEncoding(p, file.name() + "!" + n + (p.toString().endsWith(".txt") ? ".txt" : ".csv")));
            if (layout == null) {
                throw new LoadException(file.name(), "not a SEN2 release: found " + csvs.keySet()
                        + " but no sen2_age_caseload.csv (2022 layout) or caseload.csv (current layout)");
            }
            String v = vintage != null ? vintage : vintageOf(csvs.get(GUIDANCE), csvs.get(layout.files().get(0).name()));
            Map<String, Path> files = csvs;
            started = true;
            return LoadRun.run(warehouse, SOURCE, SOURCE + "|" + v, file, v, replace, run -> loadFiles(run, layout, files));
        } catch (LoadException e) {
            // LoadRun records its own refusals; one before it began is recorded here
            throw started ? e : LoadRun.refused(warehouse, SOURCE, file, e);
        } catch (IOException e) {
            throw LoadRun.refused(warehouse, SOURCE, file, new LoadException(file.name(), "cannot read: " + e.getMessage(), e));
        } finally {
            LoadTemp.delete(tmp);
        }
    }

    private static long loadFiles(LoadRun run, Sen2Layout layout, Map<String, Path> csvs) throws SQLException {
        Connection c = run.connection();
        long rows = 0;
        List<String> loaded = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Sen2File f : layout.files()) {
            Path csv = csvs.get(f.name());
            if (csv == null) {
                absent.add(f.name());
                continue;
            }
            Sen2FileLoader fileLoader = new Sen2FileLoader(run, f, csv, run.file().name() + "!" + f.name() + ".csv");
            long n = fileLoader.load();
            notes.addAll(fileLoader.notes());
            run.part(f.name() + ".csv", n);
            rows += n;
            loaded.add(f.name());
        }
        insertMeasures(c, run.loadId());
        checkNoDuplicates(c, run);
        List<String> ignored = csvs.keySet().stream().filter(n -> !n.equals(GUIDANCE))
                .filter(n -> layout.files().stream().noneMatch(f -> f.name().equals(n)))
                .sorted().toList();
        run.message(layout.name().toLowerCase() + " layout; files " + String.join(", ", loaded)
                + (absent.isEmpty() ? "" : "; absent " + String.join(", ", absent))
                + (ignored.isEmpty() ? "" : "; not loaded (no numeric measures mapped) " + String.join(", ", ignored))
                + notes.stream().map(n -> "; " + n).collect(java.util.stream.Collectors.joining()));
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
            s.filter(p -> p.getFileName().toString().endsWith(".csv") || isGuidance(p.getFileName().toString())).sorted()
                    .forEach(p -> m.putIfAbsent(baseName(p.getFileName().toString()), p));
            return m;
        }
    }

    /** Unpacks every CSV of the zip (DuckDB reads files, not zip entries); a damaged zip is refused. */
    private static Map<String, Path> unzip(Path zip, Path into) {
        Map<String, Path> m = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = z.stream().filter(e -> !e.isDirectory()
                            && (e.getName().endsWith(".csv") || isGuidance(e.getName().substring(e.getName().lastIndexOf('/') + 1))))
                    .sorted(Comparator.comparing(ZipEntry::getName)).toList();
            int i = 0;
            ZipEntries bounded = new ZipEntries(z, zip.toString());
            for (ZipEntry e : entries) {
                String base = baseName(e.getName().substring(e.getName().lastIndexOf('/') + 1));
                if (m.containsKey(base)) continue;
                Path out = into.resolve((i++) + "-" + base + (base.equals(GUIDANCE) ? ".txt" : ".csv"));
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

    /**
     * The release's reporting year, from its content: the data guidance's own "Reporting year
     * 2025" (or "2022 Reporting year"), else the latest January of the headline caseload file. A
     * year in the file's name is never used: a renamed file is the same release
     * (docs/decisions/0082-sen2-vintage-from-content.md).
     */
    static String vintageOf(Path guidance, Path caseload) {
        if (guidance != null) {
            // read byte for byte: the words sought are ASCII, whatever the rest of the text is encoded in
            try (var lines = Files.lines(guidance, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                var year = lines.limit(20).map(REPORTING_YEAR::matcher).filter(Matcher::find)
                        .map(m -> m.group(1) != null ? m.group(1) : m.group(2)).findFirst();
                if (year.isPresent()) return year.get();
            } catch (IOException | java.io.UncheckedIOException e) {
                // unreadable guidance: the data itself still says which Januaries it covers
            }
        }
        // No year found leaves 'unknown': the file's own checks then say what is wrong with it.
        try (var lines = Files.lines(caseload, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.skip(1).map(l -> l.split(",", 2)[0].replace("\"", ""))
                    .flatMap(t -> DfePeriods.parse(t).stream()).map(y -> String.valueOf(y.censusYear()))
                    .max(String::compareTo).orElse("unknown");
        } catch (IOException | java.io.UncheckedIOException e) {
            return "unknown";
        }
    }

    private static boolean isGuidance(String fileName) {
        return fileName.equalsIgnoreCase(GUIDANCE + ".txt");
    }

    private static String baseName(String fileName) {
        return fileName.endsWith(".csv") || isGuidance(fileName) ? fileName.substring(0, fileName.length() - 4) : fileName;
    }

    static List<String> geography() {
        return GEOGRAPHY;
    }

}
