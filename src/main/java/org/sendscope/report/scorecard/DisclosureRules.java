package org.sendscope.report.scorecard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What disclosure control must know about measures beyond their unit: which series are cumulative
 * (a year-to-date count, whose consecutive values differ by one period's count) and which counts are
 * a rate's numerator or denominator. Read from {@code disclosure.tsv} beside this class; a rate
 * {@code X_rate} has the count {@code X} as its numerator and a percentage {@code X} the count
 * {@code X_n} without being listed (the KPI catalogue's naming, docs/decisions/0020).
 */
public final class DisclosureRules {
    private final Set<String> cumulative;
    private final Map<String, List<String>> parts;

    DisclosureRules(Set<String> cumulative, Map<String, List<String>> parts) {
        this.cumulative = Set.copyOf(cumulative);
        this.parts = Map.copyOf(parts);
    }

    /** The rules shipped with sendscope. */
    public static DisclosureRules standard() {
        Set<String> cumulative = new HashSet<>();
        Map<String, List<String>> parts = new HashMap<>();
        try (InputStream in = DisclosureRules.class.getResourceAsStream("disclosure.tsv")) {
            if (in == null) throw new IllegalStateException("disclosure.tsv is missing from the build");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#") || line.startsWith("measure\t")) continue;
                String[] f = line.split("\t", -1);
                switch (f[1]) {
                    case "cumulative" -> cumulative.add(f[0]);
                    case "numerator", "denominator" -> parts.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[2]);
                    default -> throw new IllegalStateException("disclosure.tsv line " + n + ": unknown rule '" + f[1] + "'");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DisclosureRules(cumulative, parts);
    }

    /** Whether the measure's values accumulate over a year (a difference of two is one period's count). */
    public boolean isCumulative(String measure) {
        return cumulative.contains(measure);
    }

    /** The counts a rate is made from: listed ones, and the catalogue's {@code X_rate → X}, {@code X → X_n}. */
    public List<String> countsBehind(String rate) {
        List<String> out = new ArrayList<>(parts.getOrDefault(rate, List.of()));
        if (rate.endsWith("_rate")) out.add(rate.substring(0, rate.length() - "_rate".length()));
        out.add(rate + "_n");
        return out;
    }
}
