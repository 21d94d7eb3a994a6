package org.sendscope.ingest.kpi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sendscope.period.LocalPeriods;

/**
 * The project's own catalogue of local KPIs ({@code org/sendscope/kpi/catalogue.tsv}, versioned
 * with the code): one code per KPI however a paper or spreadsheet words it. A row label is
 * matched on its letters, digits and {@code %} only, so that PDF damage to spaces and punctuation
 * ({@code Directio n}, {@code No.} / {@code No}) does not matter. See
 * docs/decisions/0020-local-kpi-catalogue.md.
 */
public final class KpiCatalogue {
    /** The bundled catalogue's resource path. */
    public static final String RESOURCE = "org/sendscope/kpi/catalogue.tsv";
    /** The {@code source} of catalogue rows in {@code measure_fact}. */
    public static final String SOURCE_PREFIX = "sendscope-kpi-catalogue";

    private final String version;
    private final Map<String, KpiMeasure> byCode;
    private final Map<String, KpiMeasure> byKey = new LinkedHashMap<>();
    /** Codes an earlier catalogue used, each with the code that replaced it ({@code # renamed: old -> new}). */
    private final Map<String, String> renamed;

    private KpiCatalogue(String version, Map<String, KpiMeasure> byCode, Map<String, String> renamed) {
        this.version = version;
        this.byCode = byCode;
        this.renamed = renamed;
        for (KpiMeasure m : byCode.values()) {
            byKey.putIfAbsent(key(m.title()), m);
            for (String v : m.variants()) byKey.putIfAbsent(key(v), m);
        }
    }

    private static KpiCatalogue bundled;

    /** The catalogue bundled with this build. */
    public static synchronized KpiCatalogue bundled() {
        if (bundled == null) {
            try (InputStream in = KpiCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
                bundled = read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bundled;
    }

    /** Reads a catalogue in the bundled TSV layout. */
    public static KpiCatalogue read(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String version = "unversioned";
        Map<String, KpiMeasure> byCode = new LinkedHashMap<>();
        Map<String, String> renamed = new LinkedHashMap<>();
        boolean header = true;
        for (String line; (line = r.readLine()) != null; ) {
            if (line.startsWith("#")) {
                int i = line.indexOf("catalogue_version:");
                if (i >= 0) version = line.substring(i + "catalogue_version:".length()).trim();
                java.util.regex.Matcher m = RENAMED.matcher(line);
                if (m.lookingAt()) renamed.put(m.group(1), m.group(2));
                continue;
            }
            if (line.isBlank()) continue;
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 9) throw new IllegalStateException(RESOURCE + ": expected 9 columns: " + line);
            List<String> variants = f[8].isBlank() ? List.of()
                    : Arrays.stream(f[8].split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            byCode.put(f[0], new KpiMeasure(f[0], f[1], blank(f[2]), f[3], blank(f[4]), blank(f[5]), blank(f[6]),
                    blank(f[7]), variants));
        }
        return new KpiCatalogue(version, byCode, renamed);
    }

    private static final java.util.regex.Pattern RENAMED = java.util.regex.Pattern.compile("#\\s*renamed:\\s*(\\S+)\\s*->\\s*(\\S+)");

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /**
     * The matching key of a label: Latin letters, digits and % only, lower case, with the words
     * papers shorten written one way ({@code wks}, {@code weeks} → {@code wk}; {@code incl.},
     * {@code including} → {@code inc}; {@code excl.}, {@code excluding} → {@code exc}).
     */
    public static String key(String label) {
        String t = LocalPeriods.latin(label).toLowerCase(Locale.ROOT).replace("$\\%$", "%");
        t = t.replaceAll("(?<=\\d)\\s*(weeks?|wks?)\\b", " wk").replaceAll("\\b(weeks?|wks?)\\b", "wk")
                .replaceAll("\\b(including|incl|inc)\\b", "inc").replaceAll("\\b(excluding|excl|exc)\\b", "exc");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '%') b.append(c);
        }
        return b.toString();
    }

    public String version() {
        return version;
    }

    /** The {@code source} written for catalogue rows. */
    public String source() {
        return SOURCE_PREFIX + " " + version;
    }

    public Collection<KpiMeasure> measures() {
        return byCode.values();
    }

    /**
     * The KPI with this code, or with the code that replaced it when an earlier catalogue used it
     * ({@code ehc_plans} is now {@code ehc_plans_local}), so that files written against the earlier
     * catalogue still load.
     */
    public Optional<KpiMeasure> byCode(String code) {
        KpiMeasure m = byCode.get(code);
        if (m == null && code != null && renamed.containsKey(code)) m = byCode.get(renamed.get(code));
        return Optional.ofNullable(m);
    }

    /**
     * The KPI a row label names exactly (ignoring spacing and punctuation). A {@code %} at either
     * end of an abbreviated label only gives the unit ({@code 6 wk decision %}, {@code % AR timeliness}):
     * without it the label may name a KPI, taken only when that KPI is a percentage.
     */
    public Optional<KpiMeasure> match(String label) {
        if (label == null) return Optional.empty();
        String k = key(label);
        KpiMeasure m = byKey.get(k);
        if (m == null && k.length() > 1 && (k.endsWith("%") || k.startsWith("%"))) {
            KpiMeasure bare = byKey.get(k.endsWith("%") ? k.substring(0, k.length() - 1) : k.substring(1));
            if (bare != null && bare.isPercent()) m = bare;
        }
        return Optional.ofNullable(m);
    }

    /**
     * The KPI whose longest known title begins the label, for a label that ran into the next
     * row's text ({@code % of new EHCPs … (including exceptions) % of requests for stat advice …}).
     * Titles shorter than 20 letters are not used this way: too many labels begin like them.
     */
    public Optional<KpiMeasure> matchStart(String label) {
        String k = key(label);
        String best = null;
        for (String v : byKey.keySet()) {
            if (v.length() >= 20 && k.startsWith(v) && (best == null || v.length() > best.length())) best = v;
        }
        return Optional.ofNullable(best == null ? null : byKey.get(best));
    }

    /**
     * Splits a label in which extraction ran several KPI titles together
     * ({@code No. of EHCP % of School Population with an EHCP (Termly data)}) into {@code parts}
     * known KPIs, or returns empty when no split gives known KPIs throughout.
     */
    public Optional<List<KpiMeasure>> split(String label, int parts) {
        String[] words = label.trim().split("\\s+");
        List<KpiMeasure> found = new ArrayList<>();
        return splitFrom(words, 0, parts, found) ? Optional.of(found) : Optional.empty();
    }

    private boolean splitFrom(String[] words, int from, int parts, List<KpiMeasure> found) {
        if (parts == 1) {
            Optional<KpiMeasure> m = match(String.join(" ", Arrays.copyOfRange(words, from, words.length)));
            m.ifPresent(found::add);
            return m.isPresent();
        }
        for (int end = from + 1; end < words.length; end++) {
            Optional<KpiMeasure> m = match(String.join(" ", Arrays.copyOfRange(words, from, end)));
            if (m.isPresent()) {
                found.add(m.get());
                if (splitFrom(words, end, parts - 1, found)) return true;
                found.remove(found.size() - 1);
            }
        }
        return false;
    }

    /**
     * Writes the catalogue into {@code measure_fact} (rows with no load_id, replaced each time),
     * so that the {@code measures} view describes every local KPI.
     */
    public void install(Connection c) throws SQLException {
        try (PreparedStatement d = c.prepareStatement(
                "DELETE FROM measure_fact WHERE load_id IS NULL AND source LIKE '" + SOURCE_PREFIX + "%'")) {
            d.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO measure_fact (measure, title, unit, polarity, source, "
                + "definition, comparable_with, topic, load_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)")) {
            for (KpiMeasure m : byCode.values()) {
                p.setString(1, m.code());
                p.setString(2, m.title());
                p.setString(3, m.unit());
                p.setString(4, m.polarity());
                p.setString(5, source());
                p.setString(6, m.definition());
                p.setString(7, m.comparableWith());
                p.setString(8, m.topic());
                p.addBatch();
            }
            p.executeBatch();
        }
    }
}
