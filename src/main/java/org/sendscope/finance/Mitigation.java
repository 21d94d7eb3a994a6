package org.sendscope.finance;

/**
 * Something the council does to close the gap, from a start year, reaching its full effect after
 * {@code rampYears} years (1 = full effect in the first year).
 */
public sealed interface Mitigation {
    String name();

    FinancialYear start();

    int rampYears();

    /** The share of the full effect reached in {@code year}: 0 before the start, rising by 1/ramp a year to 1. */
    default double ramp(FinancialYear year) {
        int since = year.startYear() - start().startYear() + 1;
        if (since <= 0) return 0;
        return Math.min(1.0, since / (double) Math.max(1, rampYears()));
    }

    /**
     * New local specialist places, {@code placesPerYear} opened each year up to {@code maxPlaces},
     * each taking a child from {@code replaces} (independent special schools) at {@code costPerPlace}
     * instead; the child counts in {@code countsAs} in the plan's pupil tables.
     */
    record LocalPlaces(String name, FinancialYear start, int rampYears, Figure placesPerYear, Figure maxPlaces,
            Figure costPerPlace, PlacementCategory replaces, PlacementCategory countsAs) implements Mitigation {
    }

    /**
     * An invest-to-save fund costing {@code yearlyCost} a year, with its assumed effect: fewer new
     * plans ({@code newPlansReduction}, a fraction) and/or more new plans in mainstream
     * ({@code mainstreamShift}, a fraction of new plans moved from special schools); either may be null.
     */
    record InvestToSave(String name, FinancialYear start, int rampYears, Figure yearlyCost, Figure newPlansReduction,
            Figure mainstreamShift) implements Mitigation {
    }

    /** A fraction {@code share} of new plans placed in mainstream instead of special schools. */
    record MainstreamShift(String name, FinancialYear start, int rampYears, Figure share) implements Mitigation {
    }

    /** The yearly rate at which plans cease, moved by {@code change} (0.01 = one point more ceasing). */
    record CeaseRateChange(String name, FinancialYear start, int rampYears, Figure change) implements Mitigation {
    }
}
