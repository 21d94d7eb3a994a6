package org.sendscope.report.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disclosure control on cases where a naive page would disclose: small counts, a rate from a small
 * count, a hidden part that the total and the other parts give back, a year-to-date series whose
 * step between two shown values is a small count, and a rate beside a hidden count. The site is
 * written, and the CSV and pages are read back as a reader would, trying each attack.
 */
class DisclosureControlTest {
    static final String LA = "E06000058";
    final DisclosureControl control = new DisclosureControl(5, DisclosureRules.standard());

    static Figure value(String measure, String unit, String label, int month, Double v) {
        return figure(measure, unit, Figure.Role.VALUE, "total", label, month, v);
    }

    static Figure figure(String measure, String unit, Figure.Role role, String breakdown, String label, int month, Double v) {
        return new Figure(measure, measure.replace('_', ' '), unit, LA, "BCP", role, breakdown, "half_term", label,
                LocalDate.of(2023, 9, 30).plusMonths(month), v, v == null ? "tbc" : "reported", "paper:test.txt",
                "2024-07-24", 1L);
    }

    @Test
    void countsBelowTheThresholdAreHiddenZerosAndFivesAreShown() {
        Figure three = value("complaints", "count", "HT1", 0, 3.0);
        Figure zero = value("complaints", "count", "HT2", 2, 0.0);
        Figure five = value("complaints", "count", "HT3", 4, 5.0);
        Figure pct = value("views_in_plan_pct", "percent", "HT1", 0, 3.0);  // a percentage of 3 is not a count
        control.apply(List.of(three, zero, five, pct));
        assertEquals(Figure.Suppression.PRIMARY, three.suppression());
        assertFalse(zero.isSuppressed());
        assertFalse(five.isSuppressed());
        assertFalse(pct.isSuppressed());
        assertEquals("c", three.shownStatus());
        assertEquals("", three.csvValue());
        assertEquals("c", three.text());
    }

    @Test
    void aRateFromASmallCountIsHiddenEvenWhenTheCountIsNotShown() {
        // excluded_ehcp_primary 2 at HT3 23/24 and its rate 0.2, as BCP's July 2024 agenda pack has them
        Figure count = figure("excluded_ehcp_primary", "count", Figure.Role.CONTEXT, "total", "HT3 23/24", 4, 2.0);
        Figure rate = value("excluded_ehcp_primary_rate", null, "HT3 23/24", 4, 0.2);
        Figure pct = value("mediations_la_favour_pct", "percent", "HT3 23/24", 4, 75.0);
        Figure n = figure("mediations_la_favour_pct_n", null, Figure.Role.CONTEXT, "total", "HT3 23/24", 4, 3.0);
        control.apply(List.of(count, rate, pct, n));
        assertTrue(rate.isSuppressed());
        assertTrue(pct.isSuppressed(), "75% of 4 is 3");
    }

    @Test
    void aRateShownBesideAHiddenCountIsHidden() {
        // 5 then 7 in a year-to-date series: the 7 is hidden (a rise of 2), so its rate must go too
        Figure ht2 = value("excluded_primary", "count", "HT2 23/24", 2, 5.0);
        Figure ht3 = value("excluded_primary", "count", "HT3 23/24", 4, 7.0);
        Figure rate = value("excluded_primary_rate", null, "HT3 23/24", 4, 0.03);
        control.apply(List.of(ht2, ht3, rate));
        assertFalse(ht2.isSuppressed());
        assertEquals(Figure.Suppression.SECONDARY, ht3.suppression());
        assertEquals(Figure.Suppression.SECONDARY, rate.suppression());
    }

    @Test
    void noHiddenPartCanBeWorkedOutFromTheTotal() {
        // total 25 = 3 + 10 + 12: hiding the 3 alone gives it back as 25 - 10 - 12
        List<Figure> g1 = group("ehc_plans", 25, 3, 10, 12);
        control.apply(g1);
        assertHidden(g1, false, true, true, false);
        // total 34 = 2 + 2 + 30: the two hidden cells add to 4, so each is known to be small; the 30 goes too
        List<Figure> g2 = group("ehc_plans_new", 34, 2, 2, 30);
        control.apply(g2);
        assertHidden(g2, false, true, true, true);
        // a hidden total (4 = 1 + 3) with its parts hidden as well
        List<Figure> g3 = group("ehc_requests", 4, 1, 3);
        control.apply(g3);
        assertHidden(g3, true, true, true);
    }

    @Test
    void aRunningTotalDoesNotGiveAwayOnePeriodsSmallCount() {
        Figure a = value("excluded_secondary", "count", "HT1 23/24", 0, 20.0);
        Figure b = value("excluded_secondary", "count", "HT2 23/24", 2, 23.0);  // +3: hidden
        Figure c = value("excluded_secondary", "count", "HT3 23/24", 4, 26.0);  // +6 on the 20 shown: shown
        Figure d = value("excluded_secondary", "count", "HT4 23/24", 6, 27.0);  // +1: hidden
        control.apply(List.of(d, c, b, a));
        assertFalse(a.isSuppressed());
        assertTrue(b.isSuppressed());
        assertFalse(c.isSuppressed());
        assertTrue(d.isSuppressed());
    }

    @Test
    void thePublishedSiteAndCsvDiscloseNothingANaivePageWould(@TempDir Path dir) throws Exception {
        List<Figure> parts = group("ehc_plans", 25, 3, 10, 12);
        Figure total = parts.get(0);
        KpiRow byAge = new KpiRow("ehc_plans", total, null, List.of(total), null, null, null, null, List.of(),
                parts.subList(1, parts.size()));
        List<Figure> ytd = List.of(value("excluded_primary", "count", "HT1 23/24", 0, 5.0),
                value("excluded_primary", "count", "HT2 23/24", 2, 7.0),
                value("excluded_primary", "count", "HT3 23/24", 4, 12.0));
        KpiRow running = new KpiRow("excluded_primary", ytd.get(2), ytd.get(1), ytd, 0.0, "red", "worsening", "down",
                List.of(), List.of());
        Figure rate = value("excluded_primary_rate", null, "HT2 23/24", 2, 0.03);
        KpiRow rateRow = new KpiRow("excluded_primary_rate", rate, null, List.of(rate), null, null, null, null, List.of(),
                List.of());
        Figure small = value("complaints", "count", "HT3 23/24", 4, 2.0);
        Figure before = value("complaints", "count", "HT2 23/24", 2, 2.0);
        KpiRow complaints = new KpiRow("complaints", small, before, List.of(before, small), 0.0, "red", "flat", "down",
                List.of(), List.of());
        Scorecard card = new Scorecard(LA, "BCP", LocalDate.of(2024, 3, 31), "2024-04-01T00:00:00Z", "test", 5,
                List.of(new PriorityGroup("4. Inclusion", "priority-1", List.of(byAge, running, rateRow, complaints))),
                null, List.of(), List.of());
        control.apply(card.allFigures());
        // a page from an earlier build of the folder, of a KPI this scorecard does not have, does not stay
        Files.createDirectories(dir.resolve("kpi"));
        Files.writeString(dir.resolve("kpi/ehc_requests.html"), "<p>3 requests</p>");
        new ScorecardSite().write(card, dir);
        assertFalse(Files.exists(dir.resolve("kpi/ehc_requests.html")));

        List<CSVRecord> csv;
        try (Reader r = Files.newBufferedReader(dir.resolve("scorecard.csv"))) {
            csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
        assertEquals(card.shownFigures().size(), csv.size());
        for (CSVRecord rec : csv) {
            // a hidden headline is not rated or compared either
            if ("c".equals(rec.get("status"))) assertEquals("", rec.get("rag") + rec.get("direction_of_travel"), rec.toString());
            if ("c".equals(rec.get("status"))) assertEquals("", rec.get("value"), rec.toString());
            // no count from 1 to 4 is published
            if ("count".equals(rec.get("unit")) && !rec.get("value").isEmpty()) {
                double v = Double.parseDouble(rec.get("value"));
                assertFalse(v > 0 && v < 5, "a small count published: " + rec);
            }
        }
        // attack 1: a total less its shown parts
        Map<String, String> ageCells = new LinkedHashMap<>();
        for (CSVRecord rec : csv) if (rec.get("measure").equals("ehc_plans")) ageCells.put(rec.get("breakdown"), rec.get("value"));
        long hidden = ageCells.values().stream().filter(String::isEmpty).count();
        assertTrue(hidden == 0 || hidden >= 2, "one hidden cell in a total is given back: " + ageCells);
        // attack 2: the step between two shown values of a running total
        List<Double> shownYtd = new ArrayList<>();
        for (CSVRecord rec : csv) {
            if (rec.get("measure").equals("excluded_primary") && !rec.get("value").isEmpty()) {
                shownYtd.add(Double.parseDouble(rec.get("value")));
            }
        }
        for (int i = 1; i < shownYtd.size(); i++) {
            double step = shownYtd.get(i) - shownYtd.get(i - 1);
            assertFalse(step > 0 && step < 5, "a step of " + step + " in " + shownYtd);
        }
        assertEquals(List.of(5.0, 12.0), shownYtd);
        // attack 3: the rate of a hidden count
        CSVRecord r = csv.stream().filter(x -> x.get("measure").equals("excluded_primary_rate")).findFirst().orElseThrow();
        assertEquals("c", r.get("status"));

        // the pages: the hidden figure is 'c' with its note, its point is not drawn, nothing rates or compares it
        String page = Files.readString(dir.resolve("kpi/complaints.html"));
        assertTrue(page.contains("<span class=\"sc-suppressed\">c</span>"));
        assertFalse(page.contains("<circle"), "a hidden figure's height would give it away");
        assertFalse(page.contains("sc-rag--red"), "a RAG rating narrows a hidden figure down");
        assertFalse(page.contains("Flat on"), "'flat' on a shown figure would give the hidden one");
        String index = Files.readString(dir.resolve("index.html"));
        assertTrue(index.contains("id=\"suppression\""));
        String ytdPage = Files.readString(dir.resolve("kpi/excluded_primary.html"));
        assertEquals(2, ytdPage.split("<circle", -1).length - 1, "the two shown points of the running total");
    }

    /** A total and its parts by age (each part a breakdown of the total's period). */
    static List<Figure> group(String measure, double total, double... parts) {
        List<Figure> out = new ArrayList<>();
        out.add(figure(measure, "count", Figure.Role.VALUE, "total", "2023", 4, total));
        int i = 0;
        for (double p : parts) out.add(figure(measure, "count", Figure.Role.BREAKDOWN, "age:" + (i++), "2023", 4, p));
        return out;
    }

    static void assertHidden(List<Figure> g, boolean... hidden) {
        for (int i = 0; i < g.size(); i++) assertEquals(hidden[i], g.get(i).isSuppressed(), g.get(i).toString());
    }
}
