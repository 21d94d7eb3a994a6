package org.sendscope.report.scorecard;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a {@link Scorecard} as a static site that needs no network to view: {@code index.html}
 * (the summary), {@code kpi/KEY.html} (one page per KPI with its full series as a table),
 * {@code scorecard.csv} (exactly the figures shown) and {@code assets/} (GOV.UK Frontend's
 * stylesheet, vendored by the build from npm, and sendscope's screen and print styles). Pages are
 * FreeMarker templates with HTML escaping on ({@code templates/*.ftlh}, decision 0180).
 */
public final class ScorecardSite {
    /** The CSV's columns, in order. */
    public static final List<String> CSV_COLUMNS = List.of("measure", "title", "area_code", "area_name", "role", "breakdown",
            "period", "period_kind", "period_end", "value", "unit", "status", "source", "vintage", "load_id", "headline",
            "target", "rag", "direction_of_travel");
    private static final String GOVUK = "govuk/dist/govuk/govuk-frontend.min.css";

    private final Configuration templates;

    public ScorecardSite() {
        templates = new Configuration(Configuration.VERSION_2_3_34);
        templates.setClassForTemplateLoading(ScorecardSite.class, "templates");
        templates.setDefaultEncoding("UTF-8");
        templates.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        templates.setLogTemplateExceptions(false);
        templates.setWrapUncheckedExceptions(true);
        templates.setFallbackOnNullLoopVariable(false);
    }

    /** Writes the site into {@code dir} (created if need be); returns the pages written. */
    public List<Path> write(Scorecard card, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("kpi"));
        Files.createDirectories(dir.resolve("assets"));
        List<Path> pages = new ArrayList<>();
        Map<String, Object> model = new HashMap<>();
        model.put("card", card);
        model.put("charts", charts(card, 160, 40));
        model.put("govukVersion", govukVersion());
        Path index = dir.resolve("index.html");
        render("index.ftlh", model, index);
        pages.add(index);
        Map<String, TrendChart> big = charts(card, 600, 200);
        for (KpiRow row : card.rows()) {
            Map<String, Object> m = new HashMap<>(model);
            m.put("row", row);
            m.put("chart", big.get(row.key()));
            Path page = dir.resolve("kpi").resolve(row.key() + ".html");
            render("kpi.ftlh", m, page);
            pages.add(page);
        }
        // a KPI page left from an earlier build of this folder would be a page of figures this one does not show
        try (var old = Files.newDirectoryStream(dir.resolve("kpi"), "*.html")) {
            for (Path p : old) if (!pages.contains(p)) Files.delete(p);
        }
        writeCsv(card, dir.resolve("scorecard.csv"));
        Files.writeString(dir.resolve("assets/govuk-frontend.min.css"), govukCss(), StandardCharsets.UTF_8);
        copy("assets/scorecard.css", dir.resolve("assets/scorecard.css"));
        copy("assets/print.css", dir.resolve("assets/print.css"));
        return pages;
    }

    private static Map<String, TrendChart> charts(Scorecard card, int w, int h) {
        Map<String, TrendChart> out = new LinkedHashMap<>();
        for (KpiRow r : card.rows()) out.put(r.key(), TrendChart.of(r, w, h));
        return out;
    }

    private void render(String name, Map<String, Object> model, Path to) throws IOException {
        Template t = templates.getTemplate(name);
        try (Writer w = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
            t.process(model, w);
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * One CSV row per figure shown, in page order, a hidden one with an empty value and status
     * {@code c}; the KPI's headline figure also carries the target, RAG and direction of travel the
     * summary shows beside it.
     */
    static void writeCsv(Scorecard card, Path to) throws IOException {
        try (Writer w = Files.newBufferedWriter(to, StandardCharsets.UTF_8);
             CSVPrinter p = CSVFormat.DEFAULT.builder().setHeader(CSV_COLUMNS.toArray(String[]::new))
                     .setRecordSeparator("\n").get().print(w)) {
            for (KpiRow r : card.rows()) {
                List<Figure> shown = new ArrayList<>(r.series());
                shown.addAll(r.comparators());
                shown.addAll(r.breakdowns());
                for (Figure f : shown) {
                    boolean headline = f == r.latest();
                    p.printRecord(f.measure(), f.title(), f.areaCode(), f.areaName(), f.role().code(), f.breakdown(),
                            f.periodLabel(), f.periodKind(), f.periodEnd() == null ? "" : f.periodEnd().toString(),
                            f.csvValue(), f.unit() == null ? "" : f.unit(), f.shownStatus(), f.source(), f.vintage(),
                            f.loadId() == null ? "" : f.loadId().toString(), headline,
                            headline && r.targetText() != null ? plain(r.target()) : "",
                            headline && r.shownRag() != null ? r.shownRag() : "",
                            headline && r.shownTravel() != null ? r.shownTravel() : "");
                }
            }
        }
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * GOV.UK Frontend's stylesheet without its {@code @font-face} rules: the GDS Transport typeface
     * is for GOV.UK only, and the page falls back to Arial as the Frontend's own font stack says.
     */
    static String govukCss() throws IOException {
        try (InputStream in = ScorecardSite.class.getResourceAsStream(GOVUK)) {
            if (in == null) {
                throw new IllegalStateException("GOV.UK Frontend's stylesheet is not in the build: build with "
                        + "'mvn process-classes' (it runs npm install into target/web)");
            }
            String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return css.replaceAll("@font-face\\{[^}]*\\}", "").replaceAll("/\\*# sourceMappingURL=[^*]*\\*/", "");
        }
    }

    /** The vendored GOV.UK Frontend's version, from its package.json. */
    static String govukVersion() {
        try (InputStream in = ScorecardSite.class.getResourceAsStream("govuk/package.json")) {
            if (in == null) return "unknown";
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
            return m.find() ? m.group(1) : "unknown";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = ScorecardSite.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the build");
            Files.write(to, in.readAllBytes());
        }
    }
}
