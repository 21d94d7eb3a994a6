package org.sendscope.report.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.interactions.Actions;
import org.sendscope.testing.SharedWarehouse;
import org.sendscope.warehouse.Warehouse;

/**
 * BCP's scorecard as at 31 March 2024, built from the shared papers, releases and plans, opened from
 * disk in Debian's Chromium: no WCAG 2.2 A/AA violation by axe-core on any page; the keyboard alone
 * reaches every link and details element, with focus visible; the page reflows at 320 CSS px and at
 * 400 % zoom without scrolling sideways; and a screenshot of the summary at 1280 px for a person to
 * look at ({@code target/scorecard/summary-1280.png}).
 */
@ExtendWith(SharedWarehouse.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorecardBrowserTest {
    static final Path SITE = Path.of("target/scorecard/bcp-2024-03-31");
    Chromium chromium;
    ScorecardReport.Published published;

    @BeforeAll
    void build(@SharedWarehouse.Copy(SharedWarehouse.Contents.NOTEBOOKS) Path warehouse) throws Exception {
        chromium = Chromium.start();
        try (Warehouse w = Warehouse.openReadOnly(warehouse)) {
            published = ScorecardReport.publish(w, "E06000058", LocalDate.of(2024, 3, 31), "bcp-send-improvement-2023-26",
                    null, DisclosureControl.DEFAULT_THRESHOLD, SITE);
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (chromium != null) chromium.close();
    }

    @Test
    void noPageHasAWcag22AOrAaViolation() {
        List<String> failures = new ArrayList<>();
        for (Path page : published.pages()) {
            chromium.open(page);
            for (String v : chromium.axeViolations()) failures.add(SITE.relativize(page) + ": " + v);
        }
        assertEquals(List.of(), failures, "axe-core on " + published.pages().size() + " pages");
        // the summary, a page per KPI of the kpi_scorecard answer (123 for BCP as at 31 March 2024)
        assertEquals(published.kpis() + 1, published.pages().size());
    }

    @Test
    void theKeyboardAloneReachesEveryLinkAndDetailsWithFocusVisible() {
        for (Path page : List.of(SITE.resolve("index.html"), SITE.resolve("kpi/ehc_20wk_pct_incl_exc.html"))) {
            chromium.viewport(1280, 1024, 1);
            chromium.open(page);
            @SuppressWarnings("unchecked")
            List<String> wanted = (List<String>) chromium.driver.executeScript(
                    "return Array.from(document.querySelectorAll('a[href], summary')).map((e, i) => {"
                            + " e.dataset.scTab = String(i); return String(i); });");
            Set<String> reached = new LinkedHashSet<>();
            List<String> invisible = new ArrayList<>();
            Actions keys = new Actions(chromium.driver);
            for (int i = 0; i < wanted.size() + 40; i++) {
                keys.sendKeys(Keys.TAB).perform();
                // the focused element's mark, and whether its focus shows (outline, box shadow or GOV.UK's yellow)
                @SuppressWarnings("unchecked")
                List<Object> focus = (List<Object>) chromium.driver.executeScript("const e = document.activeElement;"
                        + "const s = getComputedStyle(e);"
                        + "return [e.dataset.scTab || null, (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)"
                        + " || s.boxShadow !== 'none' || s.backgroundColor === 'rgb(255, 221, 0)',"
                        + " e.tagName + ' ' + e.textContent.trim().slice(0, 40)];");
                String id = (String) focus.get(0);
                if (id == null) continue;
                if (!reached.add(id)) break;
                if (!Boolean.TRUE.equals(focus.get(1))) invisible.add((String) focus.get(2));
            }
            assertEquals(new LinkedHashSet<>(wanted), reached, page + ": tab order reaches every link and summary");
            assertEquals(List.of(), invisible, page + ": focus visible");
        }
    }

    @Test
    void reflowsAt320CssPixelsAndAt400PercentZoom() {
        for (double zoom : new double[] {1, 4}) {
            for (Path page : List.of(SITE.resolve("index.html"), SITE.resolve("kpi/annual_review_backlog.html"))) {
                chromium.viewport(320, zoom == 1 ? 640 : 256, zoom);
                chromium.open(page);
                @SuppressWarnings("unchecked")
                Map<String, Object> r = (Map<String, Object>) chromium.driver.executeScript(
                        "const w = document.documentElement.clientWidth; const bad = [];"
                                + "for (const e of document.querySelectorAll('h1,h2,h3,p,li,dt,dd,summary,caption')) {"
                                + "  if (e.closest('.sc-table-wrap')) continue;"
                                + "  const b = e.getBoundingClientRect(); if (b.right > w + 1 || b.left < -1) bad.push(e.tagName + ': ' + e.textContent.trim().slice(0, 40)); }"
                                + "return {inner: window.innerWidth, scroll: document.documentElement.scrollWidth, width: w, bad: bad.slice(0, 5)};");
                String where = page.getFileName() + " at zoom " + zoom;
                assertEquals(320L, ((Number) r.get("inner")).longValue(), where + ": CSS viewport");
                assertTrue(((Number) r.get("scroll")).longValue() <= ((Number) r.get("width")).longValue(),
                        where + ": no sideways scrolling, " + r);
                assertEquals(List.of(), r.get("bad"), where + ": text inside the viewport");
            }
        }
    }

    @Test
    void aScreenshotOfTheSummaryAt1280Pixels() throws Exception {
        chromium.viewport(1280, 1600, 1);
        chromium.open(SITE.resolve("index.html"));
        byte[] png = chromium.driver.getScreenshotAs(OutputType.BYTES);
        Path shot = Path.of("target/scorecard/summary-1280.png");
        Files.write(shot, png);
        assertTrue(png.length > 10_000, "a real picture: " + png.length + " bytes");
        // the PNG header's width field
        int width = ((png[16] & 0xff) << 24) | ((png[17] & 0xff) << 16) | ((png[18] & 0xff) << 8) | (png[19] & 0xff);
        assertEquals(1280, width);
        try (Stream<Path> s = Files.list(SITE.resolve("kpi"))) {
            assertEquals(published.kpis(), s.count());
        }
    }
}
