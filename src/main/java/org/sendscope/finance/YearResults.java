package org.sendscope.finance;

/**
 * One run of the {@link DeficitModel}: per financial year (index 0 = the base year) the EHC plans by
 * category, spend, funding and balances, and the answers a finance officer asks of them.
 */
public final class YearResults {
    final ScenarioInputs inputs;
    final double[] ehcps;
    final double[][] plans;
    final double[][] spendByCategory;
    final double[] localPlaces;
    final double[] otherSpend;
    final double[] fundCost;
    final double[] hnb;
    final double[] transfer;
    final double[] funding;
    final double[] spend;
    final double[] inYear;
    final double[] cumulative;

    YearResults(ScenarioInputs inputs, int n) {
        this.inputs = inputs;
        int c = PlacementCategory.values().length;
        ehcps = new double[n];
        plans = new double[n][c];
        spendByCategory = new double[n][c];
        localPlaces = new double[n];
        otherSpend = new double[n];
        fundCost = new double[n];
        hnb = new double[n];
        transfer = new double[n];
        funding = new double[n];
        spend = new double[n];
        inYear = new double[n];
        cumulative = new double[n];
    }

    public int years() {
        return ehcps.length;
    }

    public FinancialYear year(int t) {
        return inputs.scenario.year(t);
    }

    public double ehcps(int t) {
        return ehcps[t];
    }

    public double plans(int t, PlacementCategory c) {
        return plans[t][c.ordinal()];
    }

    /** Plans in category {@code c} and age group {@code a} (NaN without an age mix). */
    public double plans(int t, PlacementCategory c, AgeGroup a) {
        return inputs.ageMix == null ? Double.NaN : plans[t][c.ordinal()] * inputs.ageMix[c.ordinal()][a.ordinal()];
    }

    public double spend(int t, PlacementCategory c) {
        return spendByCategory[t][c.ordinal()];
    }

    public double localPlaces(int t) {
        return localPlaces[t];
    }

    public double otherSpend(int t) {
        return otherSpend[t];
    }

    public double fundCost(int t) {
        return fundCost[t];
    }

    public double hnbFunding(int t) {
        return hnb[t];
    }

    public double transfer(int t) {
        return transfer[t];
    }

    public double funding(int t) {
        return funding[t];
    }

    public double spend(int t) {
        return spend[t];
    }

    public double inYearBalance(int t) {
        return inYear[t];
    }

    public double cumulativeBalance(int t) {
        return cumulative[t];
    }

    /** The first year whose in-year balance is zero or better, or -1. */
    public int firstInYearBalance() {
        for (int t = 0; t < inYear.length; t++) if (inYear[t] >= -0.5) return t;
        return -1;
    }

    /** Safety Valve's test: in-year balance within the first five years. */
    public boolean safetyValveMet() {
        int f = firstInYearBalance();
        return f >= 0 && f <= 4;
    }

    /** How far year 5's in-year balance falls short of balance (0 when the test is met; NaN with fewer than 5 years). */
    public double safetyValveShortfall() {
        if (safetyValveMet()) return 0;
        return inYear.length < 5 ? Double.NaN : Math.max(0, -inYear[4]);
    }

    /** The cumulative balance at the end of year 5 (NaN with fewer than 5 years). */
    public double yearFiveBalance() {
        return cumulative.length < 5 ? Double.NaN : cumulative[4];
    }

    /** The cumulative balance at 31 March 2026, the end of the statutory override (NaN outside the years run). */
    public double overrideEndBalance() {
        int t = 2025 - inputs.scenario.baseYear().startYear();
        if (t >= 0 && t < cumulative.length) return cumulative[t];
        if (t == -1) return inputs.scenario.openingBalance().value();
        return Double.NaN;
    }
}
