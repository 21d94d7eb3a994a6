package org.sendscope.finance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a scenario file (YAML, see {@code notebooks/scenarios/bcp-2024.yaml}). Every figure is
 * written {@code {value: …, source: …}} with an optional {@code low}/{@code high} range; amounts may
 * be written as a finance officer would ({@code -£63m}, {@code £2.8m}, {@code £49k}, {@code 3%},
 * {@code 1,234}). A mistake is refused with the file, line and key; unknown keys are refused so a
 * typo never silently drops a figure.
 */
public final class ScenarioFile {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML);
    private static final Pattern AMOUNT = Pattern.compile("(-)?\\s*£?\\s*(-)?([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*(%|k|m|bn)?",
            Pattern.CASE_INSENSITIVE);

    private final String file;
    private final Map<String, Integer> lines;

    private ScenarioFile(String file, Map<String, Integer> lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Reads and checks {@code path}. */
    public static Scenario read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioFileException("cannot read scenario file " + path + ": " + e.getMessage());
        }
        String name = path.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return parse(path.toString(), name, text);
    }

    /** Parses {@code text} as the scenario {@code name} read from {@code file}. */
    public static Scenario parse(String file, String name, String text) {
        JsonNode root;
        Map<String, Integer> lines = new HashMap<>();
        try {
            root = MAPPER.readTree(text);
            try (JsonParser p = YAML.createParser(text)) {
                for (JsonToken t; (t = p.nextToken()) != null; ) {
                    if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) continue;
                    lines.putIfAbsent(p.getParsingContext().pathAsPointer().toString(),
                            p.currentTokenLocation().getLineNr());
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ScenarioFileException(file + " line " + line + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ScenarioFileException(file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw new ScenarioFileException(file + " line 1: a scenario file is a set of 'key: value' lines");
        return new ScenarioFile(file, lines).scenario(name, text, new Node(root, ""));
    }

    /** A YAML node with its path, for messages. */
    private record Node(JsonNode json, String path) {
        Node get(String key) {
            JsonNode j = json.get(key);
            return j == null || j.isNull() ? null : new Node(j, path + "/" + key);
        }

        String key() {
            return path.isEmpty() ? "(top)" : path.substring(1).replace('/', '.');
        }
    }

    private ScenarioFileException error(Node n, String message) {
        return error(n.path, message);
    }

    private ScenarioFileException error(String path, String message) {
        String p = path;
        Integer line = lines.get(p);
        while (line == null && p.contains("/")) {
            p = p.substring(0, p.lastIndexOf('/'));
            line = lines.get(p.isEmpty() ? "" : p);
        }
        String key = path.isEmpty() ? "(top)" : path.substring(1).replace('/', '.');
        return new ScenarioFileException(file + " line " + (line == null ? 1 : line) + ", key " + key + ": " + message);
    }

    private void only(Node n, String... keys) {
        if (!n.json.isObject()) throw error(n, "expected 'key: value' lines under " + n.key());
        Set<String> allowed = Set.of(keys);
        for (Iterator<String> it = n.json.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw error(n.path + "/" + k, "unknown key '" + k + "'; expected one of " + String.join(", ", keys));
            }
        }
    }

    private Node required(Node parent, String key) {
        Node n = parent.get(key);
        if (n == null) throw error(parent, "'" + key + "' is missing");
        return n;
    }

    private String text(Node n) {
        if (!n.json.isValueNode()) throw error(n, "expected a single value");
        return n.json.asText().trim();
    }

    private int integer(Node n, int min, int max) {
        String t = text(n);
        try {
            int v = Integer.parseInt(t);
            if (v < min || v > max) throw error(n, "must be " + min + " to " + max + ", not " + t);
            return v;
        } catch (NumberFormatException e) {
            throw error(n, "expected a whole number, not '" + t + "'");
        }
    }

    private FinancialYear year(Node n) {
        FinancialYear y = FinancialYear.parse(text(n));
        if (y == null) throw error(n, "expected a financial year such as 2024-25, not '" + text(n) + "'");
        return y;
    }

    /** An amount as written: {@code -£63m}, {@code £49k}, {@code 3%} (0.03), {@code 1,234}. */
    private double amount(Node n) {
        if (n.json.isNumber()) return n.json.asDouble();
        String t = text(n);
        Matcher m = AMOUNT.matcher(t);
        if (!m.matches()) throw error(n, "expected an amount such as -£63m, £2.8m, £49k, 3% or 1,234, not '" + t + "'");
        double v = Double.parseDouble(m.group(3).replace(",", ""));
        String unit = m.group(4) == null ? "" : m.group(4).toLowerCase();
        v *= switch (unit) {
            case "%" -> 0.01;
            case "k" -> 1e3;
            case "m" -> 1e6;
            case "bn" -> 1e9;
            default -> 1;
        };
        return m.group(1) != null || m.group(2) != null ? -v : v;
    }

    /** A figure: {value, source[, low, high]} and any {@code extra} keys the caller reads itself. */
    private Figure figure(Node n, String... extra) {
        if (!n.json.isObject()) {
            throw error(n, "say where this figure came from: write {value: " + text(n)
                    + ", source: <paper and paragraph, warehouse query, or assumption>}");
        }
        List<String> keys = new ArrayList<>(List.of("value", "source", "low", "high"));
        keys.addAll(List.of(extra));
        only(n, keys.toArray(String[]::new));
        double v = amount(required(n, "value"));
        String source = text(required(n, "source"));
        if (source.isBlank()) throw error(n.path + "/source", "say where this figure came from (a paper, a warehouse query, or assumption)");
        Node lo = n.get("low");
        Node hi = n.get("high");
        if ((lo == null) != (hi == null)) throw error(lo == null ? n : lo, "a range needs both low and high");
        if (lo == null) return Figure.of(v, source);
        double l = amount(lo);
        double h = amount(hi);
        if (l > v || h < v) throw error(lo, "the range " + text(lo) + " to " + text(hi) + " must contain the value " + text(n.get("value")));
        return new Figure(v, source, l, h);
    }

    private PlacementCategory category(Node n, String key) {
        PlacementCategory c = PlacementCategory.byCode(key);
        if (c == null) {
            throw error(n, "unknown placement category '" + key + "'; the DSG plan's categories are "
                    + String.join(", ", java.util.Arrays.stream(PlacementCategory.values()).map(PlacementCategory::code).toList()));
        }
        return c;
    }

    private Map<PlacementCategory, Figure> byCategory(Node n) {
        only(n, java.util.Arrays.stream(PlacementCategory.values()).map(PlacementCategory::code).toArray(String[]::new));
        Map<PlacementCategory, Figure> m = new EnumMap<>(PlacementCategory.class);
        for (Iterator<String> it = n.json.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            m.put(category(n.get(k), k), figure(n.get(k)));
        }
        return m;
    }

    private Scenario scenario(String name, String text, Node root) {
        only(root, "title", "area", "base_year", "horizon", "seed", "opening_balance", "funding",
                "schools_block_transfer", "other_spend", "demand", "placements", "unit_costs", "cost_inflation",
                "calibrate", "mitigations");
        String title = root.get("title") == null ? name : text(root.get("title"));
        String area = text(required(root, "area"));
        if (!area.matches("E0[6-9]\\d{6}|E10\\d{6}")) throw error(root.get("area"), "expected an LA's GSS code such as E06000058, not '" + area + "'");
        FinancialYear base = year(required(root, "base_year"));
        int horizon = integer(required(root, "horizon"), 1, Scenario.MAX_HORIZON);
        long seed = root.get("seed") == null ? 1 : integer(root.get("seed"), 0, Integer.MAX_VALUE);
        Figure opening = figure(required(root, "opening_balance"));

        Node funding = required(root, "funding");
        only(funding, "high_needs_block", "growth");
        Figure hnb = figure(required(funding, "high_needs_block"));
        Figure growth = figure(required(funding, "growth"));

        Figure schoolsBlock = Figure.of(0, "no transfer");
        Figure sbGrowth = Figure.of(0, "no transfer");
        TreeMap<FinancialYear, Figure> share = new TreeMap<>();
        Node sbt = root.get("schools_block_transfer");
        if (sbt != null) {
            only(sbt, "schools_block", "growth", "share");
            schoolsBlock = figure(required(sbt, "schools_block"));
            sbGrowth = figure(required(sbt, "growth"));
            Node s = required(sbt, "share");
            if (!s.json.isObject()) throw error(s, "expected one line per financial year from which a share applies, e.g. 2024-25: {value: 0.5%, source: …}");
            for (Iterator<String> it = s.json.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                Node y = s.get(k);
                FinancialYear fy = FinancialYear.parse(k);
                if (fy == null) throw error(y, "expected a financial year such as 2025-26, not '" + k + "'");
                share.put(fy, figure(y));
            }
        }
        Figure other = root.get("other_spend") == null ? Figure.of(0, "none stated") : figure(root.get("other_spend"));

        Node d = required(root, "demand");
        String from = text(required(d, "from"));
        Demand demand;
        Figure cease = null;
        switch (from) {
            case "growth_rate" -> {
                only(d, "from", "ehcps", "growth", "cease_rate");
                Node e = required(d, "ehcps");
                Figure ehcps = figure(e, "january");
                int january = integer(required(e, "january"), 2000, 2100);
                Node g = required(d, "growth");
                Figure rate = figure(g, "over_years");
                if (g.get("over_years") != null) rate = perYear(rate, integer(g.get("over_years"), 1, 30));
                demand = new Demand.GrowthRate(ehcps, january, rate);
            }
            case "model" -> {
                only(d, "from", "model", "origin", "cease_rate");
                demand = new Demand.Model(text(required(d, "model")), integer(required(d, "origin"), 2000, 2100));
            }
            case "forecast_run" -> {
                only(d, "from", "run", "origin", "cease_rate");
                Node r = d.get("run");
                Long run = r == null || text(r).equals("latest") ? null : (long) integer(r, 1, Integer.MAX_VALUE);
                Integer origin = d.get("origin") == null ? null : integer(d.get("origin"), 2000, 2100);
                demand = new Demand.ForecastRun(run, origin);
            }
            default -> throw error(d.get("from"), "expected growth_rate, model or forecast_run, not '" + from + "'");
        }
        Node c = d.get("cease_rate");
        if (c != null && !(c.json.isTextual() && text(c).equals("warehouse"))) cease = figure(c);

        Map<PlacementCategory, Figure> mix = null;
        Integer mixJanuary = null;
        Node p = root.get("placements");
        if (p != null) {
            only(p, "from", "january", "shares");
            String pf = p.get("from") == null ? "warehouse" : text(p.get("from"));
            if (pf.equals("warehouse")) {
                if (p.get("shares") != null) throw error(p.get("shares"), "give shares or from: warehouse, not both");
                mixJanuary = p.get("january") == null ? null : integer(p.get("january"), 2000, 2100);
            } else if (pf.equals("shares")) {
                mix = byCategory(required(p, "shares"));
                double sum = mix.values().stream().mapToDouble(Figure::value).sum();
                if (mix.size() != PlacementCategory.values().length) throw error(p.get("shares"), "give a share for each of the 7 categories (0 for none)");
                if (Math.abs(sum - 1) > 0.005) throw error(p.get("shares"), String.format("the shares add up to %.1f%%, not 100%%", sum * 100));
            } else {
                throw error(p.get("from"), "expected warehouse or shares, not '" + pf + "'");
            }
        }

        Map<PlacementCategory, Figure> unitCosts = byCategory(required(root, "unit_costs"));
        for (PlacementCategory pc : PlacementCategory.values()) {
            if (!unitCosts.containsKey(pc)) throw error(root.get("unit_costs"), "no unit cost for " + pc.code() + " (" + pc.label() + ")");
        }
        Map<PlacementCategory, Figure> inflation = new EnumMap<>(PlacementCategory.class);
        Node ci = root.get("cost_inflation");
        if (ci != null) {
            List<String> keys = new ArrayList<>(List.of("all"));
            for (PlacementCategory pc : PlacementCategory.values()) keys.add(pc.code());
            only(ci, keys.toArray(String[]::new));
            Figure all = ci.get("all") == null ? Figure.of(0, "none stated") : figure(ci.get("all"));
            for (PlacementCategory pc : PlacementCategory.values()) {
                inflation.put(pc, ci.get(pc.code()) == null ? all : figure(ci.get(pc.code())));
            }
        } else {
            for (PlacementCategory pc : PlacementCategory.values()) inflation.put(pc, Figure.of(0, "none stated"));
        }

        Scenario.Calibration calibration = null;
        Node cal = root.get("calibrate");
        if (cal != null) {
            only(cal, "in_year_balance", "keep");
            Set<PlacementCategory> keep = EnumSet.noneOf(PlacementCategory.class);
            Node k = cal.get("keep");
            if (k != null) {
                if (!k.json.isArray()) throw error(k, "expected a list of categories, e.g. [independent_special]");
                for (int i = 0; i < k.json.size(); i++) {
                    Node item = new Node(k.json.get(i), k.path + "/" + i);
                    keep.add(category(item, text(item)));
                }
            }
            calibration = new Scenario.Calibration(figure(required(cal, "in_year_balance")), keep);
        }

        List<Mitigation> mitigations = new ArrayList<>();
        Node ms = root.get("mitigations");
        if (ms != null) {
            if (!ms.json.isArray()) throw error(ms, "expected a list of mitigations, each starting '- name: …'");
            for (int i = 0; i < ms.json.size(); i++) mitigations.add(mitigation(new Node(ms.json.get(i), ms.path + "/" + i)));
        }
        return new Scenario(name, title, area, base, horizon, opening, hnb, growth, schoolsBlock, sbGrowth, share,
                other, demand, cease, mix, mixJanuary, unitCosts, inflation, calibration, List.copyOf(mitigations), seed,
                text, sha256(text));
    }

    /** A growth over {@code years} years as a yearly rate, range included. */
    private static Figure perYear(Figure total, int years) {
        java.util.function.DoubleUnaryOperator f = g -> Math.pow(1 + g, 1.0 / years) - 1;
        String src = total.source() + String.format(" (%s over %d years = %.2f%% a year)",
                pct(total.value()), years, f.applyAsDouble(total.value()) * 100);
        return total.hasRange() ? new Figure(f.applyAsDouble(total.value()), src, f.applyAsDouble(total.low()),
                f.applyAsDouble(total.high())) : Figure.of(f.applyAsDouble(total.value()), src);
    }

    private static String pct(double v) {
        return String.format("%.4g%%", v * 100).replaceAll("\\.?0+%$", "%");
    }

    private Mitigation mitigation(Node n) {
        String type = text(required(n, "type"));
        String name = n.get("name") == null ? type : text(n.get("name"));
        FinancialYear start = year(required(n, "start"));
        int ramp = n.get("ramp_years") == null ? 1 : integer(n.get("ramp_years"), 1, 15);
        switch (type) {
            case "local_places" -> {
                only(n, "name", "type", "start", "ramp_years", "places_per_year", "max_places", "cost_per_place",
                        "replaces", "counts_as");
                PlacementCategory replaces = n.get("replaces") == null ? PlacementCategory.INDEPENDENT_SPECIAL
                        : category(n.get("replaces"), text(n.get("replaces")));
                PlacementCategory countsAs = n.get("counts_as") == null ? PlacementCategory.MAINTAINED_SPECIAL
                        : category(n.get("counts_as"), text(n.get("counts_as")));
                return new Mitigation.LocalPlaces(name, start, ramp, figure(required(n, "places_per_year")),
                        figure(required(n, "max_places")), figure(required(n, "cost_per_place")), replaces, countsAs);
            }
            case "invest_to_save" -> {
                only(n, "name", "type", "start", "ramp_years", "yearly_cost", "new_plans_reduction", "mainstream_shift");
                Figure reduction = n.get("new_plans_reduction") == null ? null : figure(n.get("new_plans_reduction"));
                Figure shift = n.get("mainstream_shift") == null ? null : figure(n.get("mainstream_shift"));
                if (reduction == null && shift == null) throw error(n, "say what the fund is assumed to do: new_plans_reduction and/or mainstream_shift");
                return new Mitigation.InvestToSave(name, start, ramp, figure(required(n, "yearly_cost")), reduction, shift);
            }
            case "mainstream_shift" -> {
                only(n, "name", "type", "start", "ramp_years", "share");
                return new Mitigation.MainstreamShift(name, start, ramp, figure(required(n, "share")));
            }
            case "cease_rate" -> {
                only(n, "name", "type", "start", "ramp_years", "change");
                return new Mitigation.CeaseRateChange(name, start, ramp, figure(required(n, "change")));
            }
            default -> throw error(n.get("type"), "expected local_places, invest_to_save, mainstream_shift or cease_rate, not '" + type + "'");
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
