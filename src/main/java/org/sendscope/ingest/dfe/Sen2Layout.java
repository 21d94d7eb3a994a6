package org.sendscope.ingest.dfe;

import java.util.List;
import org.sendscope.ingest.dfe.Sen2File.RowBreakdown;
import org.sendscope.ingest.dfe.Sen2File.Timing;

/**
 * The two layouts in which DfE has published the SEN2 "Education, health and care plans" release:
 * the aggregate collection's files up to reporting year 2022, and the person-level collection's
 * files from reporting year 2023 on (here the 2025 release).
 */
enum Sen2Layout {
    RELEASE_2022(List.of(
            new Sen2File("sen2_age_caseload", Timing.CENSUS, RowBreakdown.AGE_BAND),
            new Sen2File("sen2_estab_caseload", Timing.CENSUS, RowBreakdown.ESTABLISHMENT),
            new Sen2File("sen2_age_new_plans", Timing.FLOW, RowBreakdown.AGE_BAND),
            new Sen2File("sen2_estab_new_plans", Timing.FLOW, RowBreakdown.ESTABLISHMENT),
            new Sen2File("sen2_mi", Timing.FLOW, RowBreakdown.NONE),
            new Sen2File("sen2_wbp_residential_dmo", Timing.CENSUS, RowBreakdown.NONE))),
    CURRENT(List.of(
            new Sen2File("caseload", Timing.CENSUS, RowBreakdown.TOPIC),
            new Sen2File("newplans", Timing.FLOW, RowBreakdown.TOPIC),
            new Sen2File("requests", Timing.FLOW, RowBreakdown.TOPIC),
            new Sen2File("assessments", Timing.FLOW, RowBreakdown.TOPIC),
            new Sen2File("timeliness_20_week", Timing.FLOW, RowBreakdown.TOPIC),
            new Sen2File("ceased_plans", Timing.FLOW, RowBreakdown.TOPIC),
            new Sen2File("personal_budgets", Timing.CENSUS, RowBreakdown.TOPIC),
            new Sen2File("residential_settings", Timing.CENSUS, RowBreakdown.TOPIC)));

    private final List<Sen2File> files;

    Sen2Layout(List<Sen2File> files) {
        this.files = files;
    }

    List<Sen2File> files() {
        return files;
    }

    /** The layout whose headline caseload file is among {@code names} (file names without .csv). */
    static Sen2Layout detect(java.util.Collection<String> names) {
        if (names.contains("sen2_age_caseload")) return RELEASE_2022;
        if (names.contains("caseload")) return CURRENT;
        return null;
    }
}
