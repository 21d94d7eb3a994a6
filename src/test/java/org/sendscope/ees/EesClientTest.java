package org.sendscope.ees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EES client against a local server answering per the API's schemas (no internet): paging,
 * versions and changes, metadata, the user agent, 429 with Retry-After, a timeout, truncated
 * downloads refused, the cache kept and checked.
 */
class EesClientTest {
    private static EesTestServer server;
    private static final List<Duration> pauses = new ArrayList<>();
    private static EesClient client;

    @BeforeAll
    static void start() {
        server = new EesTestServer();
        client = new EesClient(server.base(), new EesClient.Settings(Duration.ofSeconds(5), 3, Duration.ofMillis(250),
                Duration.ofSeconds(30), "sendscope/test"), pauses::add);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void publicationsArePagedThroughAndSearched() {
        List<Publication> all = client.publications("test fixture");
        assertEquals(List.of("Education, health and care plans (test fixture)", "Special educational needs in England (test fixture)",
                "Pupil absence in schools in England (test fixture)"), all.stream().map(Publication::title).toList());
        // the server gives 2 a page: the third came from page 2
        assertTrue(server.requests.stream().anyMatch(r -> r[0].contains("publications?search=test+fixture&page=2")));
        assertEquals(List.of(EesTestServer.PUBLICATION), client.publications("education health").stream().map(Publication::id).toList());
        assertTrue(server.requests.stream().allMatch(r -> "sendscope/test".equals(r[1])), "every request names sendscope");
    }

    @Test
    void dataSetsVersionsChangesAndMeta() {
        List<DataSet> sets = client.dataSets(EesTestServer.PUBLICATION);
        assertEquals(1, sets.size());
        assertEquals("EHC plan timeliness by sex and age (test fixture)", sets.get(0).title());
        assertEquals("2.0", sets.get(0).latestVersion().version());
        assertEquals("2022 to 2023", sets.get(0).latestVersion().timePeriods().toString());
        assertEquals(List.of("2.0", "1.0"), client.versions(EesTestServer.DATA_SET).stream().map(DataSetVersion::version).toList());
        DataSetVersion v1 = client.version(EesTestServer.DATA_SET, "1.0");
        assertEquals(8, v1.totalResults());
        assertEquals("Reporting year 2025", v1.release().title());
        assertEquals(List.of(
                "major: geographic level removed: Parliamentary constituency",
                "major: indicator removed: New EHC plans issued within 20 weeks (plans_issued_within_20_weeks)",
                "major: locations of level removed: Parliamentary constituency",
                "minor: filter changed: Age group (age_group) -> Age band (age_group)",
                "minor: option of filter Age band added: Age 5 to 10",
                "minor: time period added: 2023 (CY)"), client.changes(EesTestServer.DATA_SET, "2.0").summary());
        assertEquals(List.of(), client.changes(EesTestServer.DATA_SET, "1.0").summary());
        DataSetMeta meta = client.meta(EesTestServer.DATA_SET, "1.0");
        assertEquals(List.of("sex", "age_group"), meta.filters().stream().map(DataSetMeta.Filter::column).toList());
        DataSetMeta.Indicator pc = meta.indicator("pc_plans_issued_within_20_weeks").orElseThrow();
        assertEquals("%", pc.unit());
        assertEquals(1, pc.decimalPlaces());
        assertEquals(List.of("NAT", "REG", "LA", "PCON"), meta.geographicLevels().stream().map(DataSetMeta.GeographicLevel::code).toList());
    }

    @Test
    void aMissingDataSetIsNotFoundInOneLine() {
        EesException e = assertThrows(EesException.class, () -> client.dataSet("00000000-0000-4000-8000-000000000000"));
        assertTrue(e.getMessage().endsWith("data-sets/00000000-0000-4000-8000-000000000000: not found (HTTP 404: Not Found): "
                + "check the id and version"), e.getMessage());
        assertThrows(EesException.class, () -> client.dataSet("../publications"), "an id is never a path");
    }

    @Test
    void aRateLimitIsWaitedOutAsRetryAfterAsks() {
        pauses.clear();
        DataSet d = client.dataSet(EesTestServer.RATE_LIMITED);
        assertEquals(EesTestServer.RATE_LIMITED, d.id());
        assertEquals(2, server.hits("data-sets/" + EesTestServer.RATE_LIMITED));
        assertEquals(List.of(Duration.ofSeconds(1)), pauses, "Retry-After: 1, not the back-off of 250 ms");
    }

    @Test
    void aServerErrorIsTriedAgainAfterAGrowingPause() {
        pauses.clear();
        assertEquals(EesTestServer.FLAKY, client.dataSet(EesTestServer.FLAKY).id());
        assertEquals(3, server.hits("data-sets/" + EesTestServer.FLAKY));
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500)), pauses);
    }

    @Test
    void aSlowAnswerTimesOutAndIsTriedAgainWithBackOff() {
        List<Duration> waits = new ArrayList<>();
        EesClient impatient = new EesClient(server.base(), new EesClient.Settings(Duration.ofMillis(300), 2,
                Duration.ofMillis(250), Duration.ofSeconds(30), "sendscope/test"), waits::add);
        EesException e = assertThrows(EesException.class, () -> impatient.dataSet(EesTestServer.SLOW));
        assertTrue(e.getMessage().endsWith(": no answer within 300 ms (2 attempts)"), e.getMessage());
        assertEquals(List.of(Duration.ofMillis(250)), waits);
        assertEquals(2, server.hits("data-sets/" + EesTestServer.SLOW));
    }

    @Test
    void aCsvCutShortMidRowIsRefusedAndNothingKept(@TempDir Path dir) {
        EesCache cache = new EesCache(dir);
        EesException e = assertThrows(EesException.class, () -> cache.fetch(client, EesTestServer.CUT_CSV, "1.0"));
        assertTrue(e.getMessage().contains("the download is incomplete: its last line has no line break"), e.getMessage());
        Path folder = cache.folder(EesTestServer.CUT_CSV, "1.0");
        assertFalse(Files.exists(folder.resolve("data.csv")));
        assertFalse(Files.exists(folder.resolve("data.csv.part")));
        assertTrue(cache.find(EesTestServer.CUT_CSV, "1.0").isEmpty());
    }

    @Test
    void aGzipStreamCutShortIsRefusedAndNothingKept(@TempDir Path dir) {
        EesCache cache = new EesCache(dir);
        EesException e = assertThrows(EesException.class, () -> cache.fetch(client, EesTestServer.CUT_GZIP, "1.0"));
        assertTrue(e.getMessage().contains("incomplete") || e.getMessage().contains("broke off"), e.getMessage());
        assertFalse(Files.exists(cache.folder(EesTestServer.CUT_GZIP, "1.0").resolve("data.csv")));
    }

    @Test
    void aFetchedVersionIsKeptVerifiedAndNotFetchedAgain(@TempDir Path dir) throws Exception {
        EesCache cache = new EesCache(dir);
        EesCache.CachedVersion v = cache.fetch(client, EesTestServer.DATA_SET, "1.0");
        byte[] fixture = EesTestServer.bytes("data-1.0.csv");
        assertEquals(8, v.rows());
        assertEquals(org.sendscope.ingest.SourceFile.sha256(fixture), v.sha256(), "the CSV as published, gzip undone");
        assertEquals(new String(fixture, java.nio.charset.StandardCharsets.UTF_8), Files.readString(v.csv()));
        assertEquals(dir.resolve(EesTestServer.DATA_SET).resolve("1.0"), v.folder());
        int downloads = server.hits("data-sets/" + EesTestServer.DATA_SET + "/csv");
        cache.fetch(client, EesTestServer.DATA_SET, "1.0");
        assertEquals(downloads, server.hits("data-sets/" + EesTestServer.DATA_SET + "/csv"), "a cached version is not fetched again");
        Files.writeString(v.csv(), Files.readString(v.csv()).replace("60000", "60001"));
        EesException e = assertThrows(EesException.class, () -> cache.find(EesTestServer.DATA_SET, "1.0"));
        assertTrue(e.getMessage().contains("has changed since it was fetched"), e.getMessage());
    }

    @Test
    void versionNumbersOrderAsNumbers() {
        assertTrue(VersionNumber.isNewer("1.10", "1.9"));
        assertTrue(VersionNumber.isNewer("2.0", "1.10"));
        assertFalse(VersionNumber.isNewer("2.0", "2.0.0"));
    }
}
