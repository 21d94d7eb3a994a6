package org.sendscope.ingest.dfe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.LoadResult;
import org.sendscope.testing.SharedData;
import org.sendscope.testing.WarehouseFingerprint;
import org.sendscope.warehouse.Warehouse;

/**
 * A new copy of a SEN2 release may not silently remove what the loaded one holds, and a release is
 * known by its content, not its file name. On the real 2025 release; the edited copies are written
 * to a temp folder for this test only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleaseReplacementTest {
    static final String R2022 = "ehc-plans/education-health-and-care-plans_2022.zip";
    static final String R2025 = "ehc-plans/education-health-and-care-plans_2025_to-jan-2023.zip";

    @TempDir
    Path dir;
    Warehouse w;
    LoadResult real;

    @BeforeAll
    void load() {
        w = Warehouse.inMemory();
        real = Sen2Release.load(w, SharedData.dfe(R2025), null);
    }

    @AfterAll
    void close() {
        if (w != null) w.close();
    }

    @Test
    void eachFileOfTheReleaseIsRecordedWithItsValues() {
        // caseload.csv: 809 lines, 808 rows, 41 ehc_plans columns, placement columns on the 'All EHC plans' rows only
        assertEquals(33_128, w.count("SELECT rows_loaded FROM load_parts WHERE load_id = " + real.loadId()
                + " AND part = 'caseload.csv'"));
        assertEquals(33_128, w.count("SELECT count(*) FROM observations WHERE measure = 'ehc_plans' AND vintage = '2025'"));
        assertEquals(8, w.count("SELECT count(*) FROM load_parts WHERE load_id = " + real.loadId()));
    }

    @Test
    void aCaseloadWithAHeaderAndNoRowsIsRefusedNamingWhatWouldGo() throws Exception {
        Path bad = copy("header-only.zip", e -> true, e -> e.endsWith("/caseload.csv") ? headerOnly() : null);
        Map<String, String> before = WarehouseFingerprint.of(w);
        LoadException e = assertThrows(LoadException.class, () -> Sen2Release.load(w, bad, null));
        assertTrue(e.getMessage().contains("33,128 of 33,128 values of caseload.csv"), e.getMessage());
        assertTrue(e.getMessage().contains("measure ehc_plans"), e.getMessage());
        assertTrue(e.getMessage().contains("load " + real.loadId()), e.getMessage());
        assertTrue(e.getMessage().endsWith("pass --replace to replace it anyway"), e.getMessage());
        assertEquals(before, WarehouseFingerprint.of(w));
        assertEquals(1, w.count("SELECT count(*) FROM loads WHERE status = 'refused' AND file_name = '" + bad + "'"));
    }

    @Test
    void aReleaseWithoutRequestsIsRefusedNamingTheFile() throws Exception {
        Path bad = copy("no-requests.zip", e -> !e.endsWith("/requests.csv"), e -> null);
        Map<String, String> before = WarehouseFingerprint.of(w);
        LoadException e = assertThrows(LoadException.class, () -> Sen2Release.load(w, bad, null));
        assertTrue(e.getMessage().contains("lose file requests.csv;"), e.getMessage());
        // requests.csv: 646 rows x 7 mapped columns = 4,522 values, as the issue counted
        assertEquals(4_522, w.count("SELECT rows_loaded FROM load_parts WHERE load_id = " + real.loadId()
                + " AND part = 'requests.csv'"));
        assertTrue(e.getMessage().contains("4,522 of "), e.getMessage());
        assertEquals(before, WarehouseFingerprint.of(w));
    }

    @Test
    void replacingLetsTheSmallerReleaseThrough() throws Exception {
        Path smaller = copy("no-requests-replace.zip", e -> !e.endsWith("/requests.csv"), e -> null);
        try (Warehouse own = Warehouse.inMemory()) {
            LoadResult first = Sen2Release.load(own, SharedData.dfe(R2025), null);
            LoadResult r = new Sen2Loader().replacing(true).load(own, smaller);
            assertEquals("2025", r.vintage());
            assertEquals(0, own.count("SELECT count(*) FROM observations WHERE measure = 'ehc_requests'"));
            assertEquals(1, own.count("SELECT count(*) FROM loads WHERE status = 'superseded' AND load_id = " + first.loadId()));
            // without --replace (the default) the next smaller copy is refused again
            assertThrows(LoadException.class, () -> Sen2Release.load(own,
                    copy("no-caseload.zip", e -> !e.endsWith("/caseload.csv") && !e.endsWith("/requests.csv"), e -> null), null));
        }
    }

    @Test
    void theSameBytesUnderAnotherNameAreTheSameLoad() throws Exception {
        Path renamed = dir.resolve("education-health-and-care-plans_2022.zip");
        Path dateless = dir.resolve("ehcp-release.zip");
        Files.copy(SharedData.dfe(R2025), renamed);
        Files.copy(SharedData.dfe(R2025), dateless);
        for (Path p : new Path[]{renamed, dateless}) {
            LoadResult r = Sen2Release.load(w, p, null);
            assertTrue(r.unchanged(), r.toString());
            assertEquals(real.loadId(), r.loadId());
            assertEquals("2025", r.vintage(), "the vintage comes from the data guidance, not the name " + p.getFileName());
        }
        assertEquals(0, w.count("SELECT count(*) FROM loads WHERE vintage = '2022'"));
    }

    @Test
    void theSameBytesAsAnotherVintageAreRefusedUnlessReplacing() {
        Map<String, String> before;
        try {
            before = WarehouseFingerprint.of(w);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        LoadException e = assertThrows(LoadException.class, () -> Sen2Release.load(w, SharedData.dfe(R2025), "2024"));
        assertTrue(e.getMessage().contains("the same bytes are already loaded as load " + real.loadId()), e.getMessage());
        assertTrue(e.getMessage().contains("pass --replace to move them to dfe-ehcp|2024"), e.getMessage());
        try {
            assertEquals(before, WarehouseFingerprint.of(w));
        } catch (Exception x) {
            throw new AssertionError(x);
        }
    }

    @Test
    void theVintageIsTheReportingYearTheDataGuidanceStates() throws Exception {
        // data-guidance.txt line 2: "2022 Reporting year" (2022 release), "Reporting year 2025" (2025 release)
        assertEquals("2022", Sen2Release.vintageOf(entry(R2022, "data-guidance/data-guidance.txt"), null));
        assertEquals("2025", Sen2Release.vintageOf(entry(R2025, "data-guidance/data-guidance.txt"), null));
        // without guidance: the latest January of the caseload (time_period 202223 = January 2023)
        assertEquals("2023", Sen2Release.vintageOf(null, entry(R2025, "data/caseload.csv")));
        assertEquals("2022", Sen2Release.vintageOf(null, entry(R2022, "data/sen2_age_caseload.csv")));
    }

    private Path entry(String zip, String name) throws IOException {
        Path out = Files.createTempFile(dir, "entry-", ".txt");
        try (ZipFile z = new ZipFile(SharedData.dfe(zip).toFile()); InputStream in = z.getInputStream(z.getEntry(name))) {
            Files.write(out, in.readAllBytes());
        }
        return out;
    }

    private static UnaryOperator<String> headerOnly() {
        return t -> t.substring(0, t.indexOf('\n') + 1);
    }

    /** A copy of the 2025 release keeping the entries {@code keep} accepts, each edited by {@code edit} when it gives one. */
    private Path copy(String name, Predicate<String> keep, java.util.function.Function<String, UnaryOperator<String>> edit)
            throws IOException {
        Path out = dir.resolve(name);
        try (ZipFile in = new ZipFile(SharedData.dfe(R2025).toFile());
             ZipOutputStream zo = new ZipOutputStream(Files.newOutputStream(out))) {
            Enumeration<? extends ZipEntry> es = in.entries();
            while (es.hasMoreElements()) {
                ZipEntry e = es.nextElement();
                if (!keep.test(e.getName())) continue;
                zo.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream is = in.getInputStream(e)) {
                    byte[] bytes = is.readAllBytes();
                    UnaryOperator<String> f = edit.apply(e.getName());
                    if (f != null) bytes = f.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    zo.write(bytes);
                }
                zo.closeEntry();
            }
        }
        return out;
    }
}
