package org.sendscope.report.scorecard;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven through Debian's chromedriver ({@code .ci/setup} installs both), headless,
 * offline and with a fresh profile; and axe-core, installed from npm by the build into
 * {@code target/web}, for checking pages. Where Chromium is absent a test is skipped, except under
 * {@code CI=true}, where it fails.
 */
final class Chromium implements AutoCloseable {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path AXE = Path.of("target/web/node_modules/axe-core/axe.min.js");
    /** The WCAG 2.2 A and AA rule sets. */
    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Chromium start() throws IOException {
        for (Path p : List.of(BROWSER, DRIVER, AXE)) {
            if (!Files.isExecutable(p) && !Files.isReadable(p)) {
                String why = p + " is absent (.ci/setup installs chromium and chromium-driver; the build installs axe-core)";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("CI=true but " + why);
                assumeTrue(false, "skipped: " + why);
            }
        }
        Path profile = Files.createTempDirectory("sendscope-chromium-");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(BROWSER.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1280,1024", "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver d = new ChromeDriver(service, o);
        d.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        // axe-core goes into every page as it opens, rather than sent over the wire once per page
        d.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", Files.readString(AXE, StandardCharsets.UTF_8)));
        return new Chromium(d, profile);
    }

    /** Opens a file of the site. */
    void open(Path page) {
        driver.get(page.toUri().toString());
    }

    /** The viewport as a device would have it: {@code width} CSS px at the given zoom (device pixels per CSS px). */
    void viewport(int width, int height, double zoom) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", zoom, "mobile", false));
    }

    /** axe-core's WCAG 2.2 A/AA violations on the open page, one line each (empty: none). */
    @SuppressWarnings("unchecked")
    List<String> axeViolations() {
        Object r = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                + ".then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '"
                + " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));", WCAG_TAGS);
        return (List<String>) r;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
