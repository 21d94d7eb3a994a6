package org.sendscope.ingest.areas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sendscope.ingest.LoadException;
import org.sendscope.testing.SharedWarehouse;
import org.sendscope.testing.SharedWarehouse.Contents;
import org.sendscope.warehouse.Warehouse;

/**
 * LA numbers and names to GSS codes from the warehouse the SEN2 loader filled (both shared releases),
 * as each release's {@code old_la_code} / {@code new_la_code} / {@code la_name} columns give them.
 */
@ExtendWith(SharedWarehouse.class)
class AreaCodesTest {

    @Test
    void theLatestCodeOfAReCodedLaWinsAndTheSuccessionsAboveAll(@SharedWarehouse.Copy(Contents.SEN2) Path sen2)
            throws Exception {
        try (Warehouse w = Warehouse.openReadOnly(sen2)) {
            AreaCodes codes = AreaCodes.of(w.connection());
            // 825 Buckinghamshire: E10000002 in the 2022 release's years to 2019, E06000060 from 2020
            assertEquals("E06000060", codes.byNumber(825).orElseThrow().code());
            // 390 Gateshead E08000020 → E08000037, 929 Northumberland E06000048 → E06000057 (earliest years of 2022 zip)
            assertEquals("E08000037", codes.byNumber(390).orElseThrow().code());
            assertEquals("E06000057", codes.byNumber(929).orElseThrow().code());
            // 839 BCP as SEN2 names it; 835 Dorset county from area_succession (docs/decisions/0003)
            assertEquals("E06000058", codes.byNumber(839).orElseThrow().code());
            assertEquals("E10000009", codes.byNumber(835).orElseThrow().code());
            // a name in the latest year it was used: Dorset is the unitary 838, not the county 835
            assertEquals("E06000059", codes.byName("Dorset").orElseThrow().code());
            assertEquals("E06000060", codes.byName("buckinghamshire").orElseThrow().code());
            assertEquals("E06000058", codes.byName("Bournemouth, Christchurch & Poole").orElseThrow().code());
            assertTrue(codes.byNumber(999).isEmpty());
        }
    }

    @Test
    void withNoSen2ReleaseLoadedAFileThatNamesLasIsRefusedSayingWhichLoadToRunFirst() throws Exception {
        try (Warehouse w = Warehouse.inMemory()) {
            AreaCodes codes = AreaCodes.of(w.connection());
            // England and the regions need no SEN2 release; the hand-written successions are known
            codes.refuseUnknown("sn_may_2025.xlsx", "LA num / SN", java.util.List.of());
            assertEquals("E06000058", codes.byNumber(839).orElseThrow().code());
            LoadException e = assertThrows(LoadException.class,
                    () -> codes.refuseUnknown("sn_may_2025.xlsx", "LA num / SN", java.util.List.of("822", "826")));
            assertTrue(e.getMessage().startsWith("sn_may_2025.xlsx") && e.getMessage().contains(
                    "run `sendscope load dfe-ehcp education-health-and-care-plans_*.zip` first"), e.getMessage());
        }
    }
}
