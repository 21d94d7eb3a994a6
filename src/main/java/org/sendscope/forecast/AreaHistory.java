package org.sendscope.forecast;

import java.util.Map;

/**
 * What the models may see of one local authority: its January stock of EHC plans, the calendar-year
 * flows (new plans, requests, ceased plans — a flow of calendar year Y belongs to January Y+1), and
 * the stock by age band. {@code reportedFrom} is the first January the area reported under its own
 * code; earlier stock values were linked from its predecessors (docs/decisions/0041).
 *
 * @param code       GSS code
 * @param name       area name
 * @param regionCode region GSS code, may be null
 * @param stock      EHC plans as at January, by year
 * @param newPlans   new EHC plans in the calendar year
 * @param requests   requests for an EHC needs assessment in the calendar year
 * @param ceased     EHC plans ceased in the calendar year
 * @param ageBands   stock by age band ({@code under_5}, {@code 5-10}, …), by January
 * @param reportedFrom first January reported under this code (Integer.MIN_VALUE if unknown)
 * @param placements stock by placement group ({@code mainstream}, {@code special}, …), by January
 */
public record AreaHistory(String code, String name, String regionCode, YearSeries stock, YearSeries newPlans,
        YearSeries requests, YearSeries ceased, Map<String, YearSeries> ageBands, int reportedFrom,
        Map<String, YearSeries> placements) {

    /** An area without placement series. */
    public AreaHistory(String code, String name, String regionCode, YearSeries stock, YearSeries newPlans,
            YearSeries requests, YearSeries ceased, Map<String, YearSeries> ageBands, int reportedFrom) {
        this(code, name, regionCode, stock, newPlans, requests, ceased, ageBands, reportedFrom, Map.of());
    }

    /** An area with only a stock series (for models and tests that need nothing else). */
    public static AreaHistory ofStock(String code, YearSeries stock) {
        return new AreaHistory(code, code, null, stock, YearSeries.empty(), YearSeries.empty(), YearSeries.empty(),
                Map.of(), stock.isEmpty() ? Integer.MIN_VALUE : stock.firstYear());
    }

    /** The stock's unbroken run of values ending at January {@code origin}. */
    public double[] stockRun(int origin) {
        return stock.runEndingAt(origin);
    }
}
