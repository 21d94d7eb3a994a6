package org.sendscope.ingest.finance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sendscope.ingest.areas.AreaCodes;
import org.sendscope.ingest.areas.EnglishRegions;
import org.sendscope.ingest.areas.LocalAuthority;
import org.sendscope.ingest.sheets.SheetCells;
import org.sendscope.ingest.sheets.Worksheet;
import org.sendscope.period.DfePeriods;
import org.sendscope.period.Period;

/**
 * One sheet of {@code DSG_by_year_dr.xlsx}: {@code la_code} (an LA number, {@code ENGLAND}, a
 * region, or a class of authority), {@code la_name}, {@code Total DSG allocation (£s)},
 * {@code time_period} (201920). The class-of-authority totals (London boroughs, metropolitan,
 * unitary, upper tier) are not areas and are skipped; the London boroughs' total equals the London
 * region's and is written once.
 */
final class DsgAllocationSheet {
    static final String VALUE_COLUMN = "Total DSG allocation (£s)";
    static final String[] HEADER = {"la_code", "la_name", VALUE_COLUMN, "time_period"};
    static final Set<String> AUTHORITY_CLASSES = Set.of("METROPOLITAN AUTHORITIES", "UNITARY AUTHORITIES",
            "UPPER TIER AUTHORITIES");

    private DsgAllocationSheet() {
    }

    static List<DsgObservation> read(SheetCells cells, AreaCodes areas, Set<String> unknownAreas) {
        Worksheet sheet = cells.sheet();
        Map<String, Integer> h = cells.header(sheet.firstRow(), HEADER);
        Map<String, DsgObservation> byArea = new LinkedHashMap<>();
        for (int r = sheet.firstRow() + 1; r <= sheet.lastRow(); r++) {
            final int row = r;
            String key = cells.text(row, h.get("la_code"));
            if (key == null) continue;
            if (AUTHORITY_CLASSES.contains(key.toUpperCase(java.util.Locale.ROOT))) {
                cells.value(row, h.get(VALUE_COLUMN));
                continue;
            }
            String tp = cells.text(row, h.get("time_period"));
            Period period = DfePeriods.financialYear(tp);
            if (period == null) throw cells.refused(row, h.get("time_period"), tp, "not a financial year such as 201920");
            String code;
            String name;
            String level;
            if (key.matches("\\d{3}")) {
                LocalAuthority la = areas.byNumber(Integer.parseInt(key)).orElse(null);
                if (la == null) {
                    unknownAreas.add(key + " " + cells.text(row, h.get("la_name")));
                    continue;
                }
                code = la.code();
                name = Objects.requireNonNullElse(cells.text(row, h.get("la_name")), la.name());
                level = "local_authority";
            } else {
                var above = EnglishRegions.byName(key).orElseThrow(() -> cells.refused(row, h.get("la_code"), key,
                        "not an LA number, ENGLAND, a region or a class of authority"));
                code = above.code();
                name = above.name();
                level = above.level();
            }
            SheetCells.Value v = cells.plausible(row, h.get(VALUE_COLUMN), cells.value(row, h.get(VALUE_COLUMN)),
                    DsgMeasures.range(DsgMeasures.ALLOCATION));
            DsgObservation o = new DsgObservation(code, name, level, period, v.number(), v.status());
            DsgObservation earlier = byArea.putIfAbsent(code + "|" + period.label(), o);
            if (earlier != null && !Objects.equals(earlier.value(), o.value())) {
                throw cells.refused(row, h.get(VALUE_COLUMN), String.valueOf(v.number()),
                        name + " appears twice in the sheet with different totals (" + earlier.value() + ")");
            }
        }
        return new ArrayList<>(byArea.values());
    }
}
