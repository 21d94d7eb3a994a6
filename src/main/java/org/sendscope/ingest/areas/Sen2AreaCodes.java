package org.sendscope.ingest.areas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.TextInput;
import org.sendscope.period.DfePeriods;

/**
 * Reads the LA number ↔ GSS code pairs that DfE's SEN2 files carry in their {@code old_la_code}
 * and {@code new_la_code} columns, from a release zip (the smallest CSV in it that has them) or
 * from a CSV. This is how LAIT, neighbour and DSG files, which give only LA numbers or names, get
 * GSS codes without the project bundling a copy of the published code list.
 */
public final class Sen2AreaCodes {
    private static final Set<String> NEEDED = Set.of("time_period", "geographic_level", "old_la_code",
            "new_la_code", "la_name");

    private Sen2AreaCodes() {
    }

    /** What a file named, by path, size and time: loading several DfE files in one run reads each SEN2 file once. */
    private static final java.util.Map<String, List<LocalAuthority>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** Every local authority a SEN2 zip or CSV names (one entry per row's LA; duplicates are fine). */
    public static List<LocalAuthority> read(Path file) {
        String key;
        try {
            key = file.toAbsolutePath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new LoadException(file.toString(), "cannot read LA codes: " + e.getMessage(), e);
        }
        List<LocalAuthority> known = CACHE.get(key);
        if (known != null) return known;
        List<LocalAuthority> read = List.copyOf(readFile(file));
        CACHE.put(key, read);
        return read;
    }

    private static List<LocalAuthority> readFile(Path file) {
        String name = file.toString();
        try {
            if (name.toLowerCase().endsWith(".zip")) return readZip(file);
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                List<LocalAuthority> out = parse(name, r);
                if (out == null) throw new LoadException(name, "has no columns " + NEEDED + " to take LA codes from");
                return out;
            }
        } catch (IOException e) {
            throw new LoadException(name, "cannot read LA codes: " + e.getMessage(), e);
        }
    }

    private static List<LocalAuthority> readZip(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            // The smallest CSV that has the code columns is enough: every file of a release names every LA.
            List<? extends ZipEntry> csvs = zip.stream().filter(e -> !e.isDirectory() && e.getName().endsWith(".csv"))
                    .sorted(Comparator.comparingLong(ZipEntry::getSize)).toList();
            for (ZipEntry e : csvs) {
                try (InputStream in = zip.getInputStream(e);
                     Reader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    List<LocalAuthority> out = parse(file + "!" + e.getName(), r);
                    if (out != null) return out;
                }
            }
        }
        throw new LoadException(file.toString(), "no CSV in it has the columns " + NEEDED + " to take LA codes from");
    }

    /** The LAs of one CSV, or null when it lacks the code columns. */
    private static List<LocalAuthority> parse(String name, Reader r) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser p = CSVParser.parse(TextInput.withoutBom(r), format)) {
            if (!p.getHeaderNames().containsAll(NEEDED)) return null;
            boolean regions = p.getHeaderNames().contains("region_code") && p.getHeaderNames().contains("region_name");
            List<LocalAuthority> out = new ArrayList<>();
            for (CSVRecord rec : p) {
                if (!"Local authority".equalsIgnoreCase(rec.get("geographic_level").trim())) continue;
                String number = rec.get("old_la_code").trim();
                String code = rec.get("new_la_code").trim();
                if (!number.matches("\\d{3}") || !code.matches("E\\d{8}")) {
                    throw new LoadException(name, p.getCurrentLineNumber(), "old_la_code/new_la_code",
                            number + "/" + code, "not a three-digit LA number and a GSS code");
                }
                int year = DfePeriods.parse(rec.get("time_period")).map(DfePeriods.Year::censusYear).orElse(0);
                out.add(new LocalAuthority(Integer.parseInt(number), code, rec.get("la_name").trim(),
                        regions ? blankToNull(rec.get("region_code")) : null,
                        regions ? blankToNull(rec.get("region_name")) : null, year));
            }
            return out;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
