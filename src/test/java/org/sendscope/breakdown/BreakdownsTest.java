package org.sendscope.breakdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sendscope.finance.AgeGroup;
import org.sendscope.finance.PlacementCategory;
import org.sendscope.forecast.AgeCohortModel;
import org.sendscope.forecast.PlacementShareModel;
import org.sendscope.warehouse.Warehouse;

/** The breakdowns reference: one source for loaders, views, forecasting and finance. */
class BreakdownsTest {

    @Test
    void knowsTheAgeBandsWithTheirLimits() {
        List<Breakdown> bands = Breakdowns.ageBands();
        assertEquals(List.of("age:under_5", "age:5-10", "age:11-15", "age:16-19", "age:20-25"),
                bands.stream().map(Breakdown::code).toList());
        assertEquals(List.of(5, 6, 5, 4, 6), bands.stream().map(Breakdown::ageYears).toList());
        assertEquals("Age 5 to 10", Breakdowns.require("age:5-10").label());
        // a single year of age falls in its band
        assertEquals("11-15", Breakdowns.require("age:13").group());
        assertEquals("under_5", Breakdowns.require("age:2_and_under").group());
        // forecasting and finance read the same bands
        assertEquals(List.of("under_5", "5-10", "11-15", "16-19", "20-25"), AgeCohortModel.BANDS);
        assertEquals("Age 16 to 19", AgeGroup.AGE_16_19.label());
        assertTrue(AgeGroup.AGE_16_19.post16() && !AgeGroup.AGE_11_15.post16());
    }

    @Test
    void placementsKnowTheirGroupAndDsgCategory() {
        // NEET is counted inside educated elsewhere, as the current release counts it (docs/decisions/0216)
        assertEquals(List.of("mainstream", "special", "ap_pru", "fe", "educated_elsewhere", "early_years_non_maintained",
                "other_settings", "unknown"), PlacementShareModel.GROUPS);
        assertEquals("educated_elsewhere", Breakdowns.require("placement:neet").group());
        assertEquals("educated_elsewhere", Breakdowns.require("placement:neet_other_csa").group());
        Breakdown independent = Breakdowns.require("placement:special_independent");
        assertEquals("special", independent.group());
        assertFalse(independent.isGroup());
        assertEquals("independent_special", independent.dsgCategory());
        // the mapping of docs/decisions/0110, now read from the reference
        assertEquals(List.of("placement:mainstream"), PlacementCategory.MAINSTREAM.sen2Groups());
        assertEquals(6, PlacementCategory.RESOURCED_PROVISION.sen2CarvedOut().size());
        assertEquals(List.of("placement:special_independent", "placement:special_non_maintained"),
                PlacementCategory.INDEPENDENT_SPECIAL.sen2CarvedOut());
        assertEquals(List.of("placement:ap_pru"), PlacementCategory.HOSPITAL_AP.sen2Groups());
        assertEquals(List.of("placement:special_hospital_school"), PlacementCategory.HOSPITAL_AP.sen2CarvedOut());
        assertEquals(4, PlacementCategory.OTHER.sen2Groups().size());
        // BCP, January 2023: 1,104 in mainstream schools of which 56 in resourced provision or SEN units
        var byCategory = PlacementCategory.fromSen2(b -> switch (b) {
            case "placement:mainstream" -> 1104;
            case "placement:mainstream_academy_resourced_provision" -> 31;
            case "placement:mainstream_academy_sen_unit" -> 25;
            case "placement:special" -> 1266;
            case "placement:special_independent", "placement:special_non_maintained" -> 190;
            default -> Double.NaN;
        });
        assertEquals(1048, byCategory.get(PlacementCategory.MAINSTREAM), 1e-9);
        assertEquals(56, byCategory.get(PlacementCategory.RESOURCED_PROVISION), 1e-9);
        assertEquals(886, byCategory.get(PlacementCategory.MAINTAINED_SPECIAL), 1e-9);
        assertEquals(380, byCategory.get(PlacementCategory.INDEPENDENT_SPECIAL), 1e-9);
    }

    @Test
    void theWarehouseViewHoldsTheSameRows() throws Exception {
        try (Warehouse w = Warehouse.inMemory(); Statement s = w.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT breakdown, dimension, dimension_value, dimension_group, age_from, "
                     + "age_to, dsg_category, label FROM breakdowns ORDER BY breakdown")) {
            List<Breakdown> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new Breakdown(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Integer) rs.getObject(5), (Integer) rs.getObject(6), rs.getString(7), rs.getString(8)));
            }
            List<Breakdown> expected = new ArrayList<>(Breakdowns.all());
            expected.sort(java.util.Comparator.comparing(Breakdown::code));
            assertEquals(expected, rows);
            assertEquals(125, rows.size());
            assertEquals(8, w.count("SELECT count(*) FROM breakdowns WHERE dimension = 'placement' AND is_group"));
        }
    }
}
