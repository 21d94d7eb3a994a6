package org.sendscope.ingest.finance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sendscope.ingest.Plausibility;
import org.sendscope.ingest.areas.AreaCodes;
import org.sendscope.ingest.areas.EnglishRegions;
import org.sendscope.ingest.areas.LocalAuthority;
import org.sendscope.ingest.sheets.SheetCells;
import org.sendscope.ingest.sheets.Worksheet;
import org.sendscope.period.DfePeriods;
import org.sendscope.period.Period;

/**
 * The sheet of {@code dsg_deficit_derived.xlsx}: one row per area and financial year with
 * {@code time_period} (201920), {@code geographic_level} (National, Regional, Local authority),
 * {@code region_name}, {@code la_name}, and the DSG cumulative balance as a % of total income. The
 * file names LAs only by name, which {@link AreaCodes#byName} turns into GSS codes.
 */
final class DsgBalanceSheet {
    static final String VALUE_COLUMN = "DSG cumulative balance as a % of the total income";
    static final String[] HEADER = {"time_period", "geographic_level", "region_name", "la_name", VALUE_COLUMN};

    private DsgBalanceSheet() {
    }

    static List<DsgObservation> read(SheetCells cells, AreaCodes areas, Set<String> unknownAreas) {
        Worksheet sheet = cells.sheet();
        Map<String, Integer> h = cells.header(sheet.firstRow(), HEADER);
        Integer fyCol = h.get("financial_year");
        List<DsgObservation> out = new ArrayList<>();
        for (int r = sheet.firstRow() + 1; r <= sheet.lastRow(); r++) {
            final int row = r;
            if (cells.text(row, h.get("time_period")) == null) continue;
            String tp = cells.text(row, h.get("time_period"));
            Period period = DfePeriods.financialYear(tp);
            if (period == null) throw cells.refused(row, h.get("time_period"), tp, "not a financial year such as 201920");
            // an outturn balance is known only once its year has begun (allocations are announced ahead)
            if (period.start().isAfter(Plausibility.latestPeriodStart(null))) {
                throw cells.refused(row, h.get("time_period"), tp, "a financial year that starts after today: "
                        + "a balance describes the past");
            }
            if (fyCol != null) {
                // The file states each year twice; a disagreement means the row is not what it seems.
                String fy = cells.text(row, fyCol);
                Period stated = DfePeriods.financialYear(fy);
                if (stated == null || !stated.start().equals(period.start())) {
                    throw cells.refused(row, fyCol, fy, "does not match time_period " + tp);
                }
                period = stated;
            }
            String level = cells.text(row, h.get("geographic_level"));
            String code;
            String name;
            String warehouseLevel;
            if ("National".equalsIgnoreCase(level)) {
                code = EnglishRegions.ENGLAND;
                name = "England";
                warehouseLevel = "england";
            } else if ("Regional".equalsIgnoreCase(level)) {
                name = cells.text(row, h.get("region_name"));
                var region = EnglishRegions.byName(name).filter(a -> a.level().equals("region"))
                        .orElseThrow(() -> cells.refused(row, h.get("region_name"), cells.text(row, h.get("region_name")),
                                "not an English region"));
                code = region.code();
                warehouseLevel = "region";
            } else if ("Local authority".equalsIgnoreCase(level)) {
                name = cells.text(row, h.get("la_name"));
                LocalAuthority la = name == null ? null : areas.byName(name).orElse(null);
                if (la == null) {
                    if (name == null) throw cells.refused(row, h.get("la_name"), "", "a local-authority row without a name");
                    unknownAreas.add(name + " (row " + (r + 1) + ")");
                    continue;
                }
                code = la.code();
                warehouseLevel = "local_authority";
            } else {
                throw cells.refused(row, h.get("geographic_level"), level, "not National, Regional or Local authority");
            }
            SheetCells.Value v = cells.plausible(row, h.get(VALUE_COLUMN), cells.value(row, h.get(VALUE_COLUMN)),
                    DsgMeasures.range(DsgMeasures.BALANCE_PCT));
            out.add(new DsgObservation(code, name, warehouseLevel, period, v.number(), v.status()));
        }
        return out;
    }
}
