package org.sendscope.finance;

/** Where a scenario's EHC plan numbers come from. */
public sealed interface Demand {

    /**
     * A fixed yearly growth rate, as a spreadsheet would type it.
     *
     * @param ehcps   plans as at January {@code january}
     * @param january the census year of {@code ehcps}
     * @param growth  yearly growth as a fraction (0.062 for 6.2 %), with its range if stated
     */
    record GrowthRate(Figure ehcps, int january, Figure growth) implements Demand {
    }

    /**
     * A forecast run stored in the warehouse ({@code forecasts}); {@code runId} null means the
     * latest run from {@code origin} (any origin when that is null too) that covers the area.
     */
    record ForecastRun(Long runId, Integer origin) implements Demand {
    }

    /** A sendscope forecasting model (or {@code auto}) fitted at January {@code origin} when the scenario runs. */
    record Model(String model, int origin) implements Demand {
    }
}
