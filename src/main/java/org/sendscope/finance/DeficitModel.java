package org.sendscope.finance;

/**
 * The High Needs Block, year by year. Each financial year: plans that cease leave every category at
 * the cease rate; new plans (what the demand path needs, net of ceasing) arrive in the placement mix,
 * fewer by any reduction and shifted towards mainstream by any shift; local specialist places take
 * children from independent places; spend is plans × unit cost × cost inflation, plus other high
 * needs spend and invest-to-save funds; funding is the HNB grown at its rate plus the schools block
 * transfer. In-year balance = funding − spend; the cumulative balance adds it to the opening one.
 * Without mitigations the plans follow the demand path exactly and keep the placement mix.
 */
public final class DeficitModel {
    private static final int C = PlacementCategory.values().length;
    private static final int MAIN = PlacementCategory.MAINSTREAM.ordinal();
    private static final int SPECIAL = PlacementCategory.MAINTAINED_SPECIAL.ordinal();
    private static final int INDEPENDENT = PlacementCategory.INDEPENDENT_SPECIAL.ordinal();

    private DeficitModel() {
    }

    /**
     * Runs {@code in} with the knobs at {@code v}. A calibrated scenario is calibrated again for
     * {@code v}, so that its base year always reaches the stated balance: the base year's spend is
     * a known budget, and what a range on a unit cost changes is the cost of one placement
     * against another (docs/decisions/0112).
     */
    public static YearResults run(ScenarioInputs in, Knobs.Setting v, boolean mitigations) {
        return run(in, v, mitigations, in.calibrationFor(v));
    }

    static YearResults run(ScenarioInputs in, Knobs.Setting v, boolean mitigations, double k) {
        Scenario s = in.scenario;
        int n = s.horizon();
        YearResults r = new YearResults(in, n);
        double[] path = demandPath(in, v);
        double[] stock = new double[C];
        for (int c = 0; c < C; c++) stock[c] = path[0] * in.mix[c];
        double qBase = v.value(in.ceaseRate);
        double cumulative = v.value(s.openingBalance());
        double avgInflation = 0;
        for (PlacementCategory c : PlacementCategory.values()) avgInflation += v.value(s.costInflation().get(c)) / C;
        double[] m = new double[C];
        for (int t = 0; t < n; t++) {
            FinancialYear fy = s.year(t);
            double reduction = 0, shift = 0, ceaseChange = 0, fund = 0;
            if (mitigations) {
                for (Mitigation mi : s.mitigations()) {
                    double ramp = mi.ramp(fy);
                    if (mi instanceof Mitigation.InvestToSave i) {
                        if (ramp > 0) fund += v.value(i.yearlyCost());
                        if (i.newPlansReduction() != null) reduction += ramp * v.value(i.newPlansReduction());
                        if (i.mainstreamShift() != null) shift += ramp * v.value(i.mainstreamShift());
                    } else if (mi instanceof Mitigation.MainstreamShift ms) {
                        shift += ramp * v.value(ms.share());
                    } else if (mi instanceof Mitigation.CeaseRateChange cr) {
                        ceaseChange += ramp * v.value(cr.change());
                    }
                }
            }
            double q = Math.min(1, Math.max(0, qBase + ceaseChange));
            double newPlans = Math.max(0, path[t + 1] - path[t] * (1 - qBase)) * Math.max(0, 1 - reduction);
            System.arraycopy(in.mix, 0, m, 0, C);
            double specialShare = m[SPECIAL] + m[INDEPENDENT];
            double moved = Math.min(Math.max(0, shift), specialShare);
            if (moved > 0) {
                m[MAIN] += moved;
                m[SPECIAL] -= moved * in.mix[SPECIAL] / specialShare;
                m[INDEPENDENT] -= moved * in.mix[INDEPENDENT] / specialShare;
            }
            double total = 0;
            for (int c = 0; c < C; c++) {
                stock[c] = Math.max(0, stock[c] * (1 - q) + newPlans * m[c]);
                total += stock[c];
            }
            r.ehcps[t] = total;
            double spend = 0;
            for (PlacementCategory pc : PlacementCategory.values()) {
                int c = pc.ordinal();
                double price = v.value(s.unitCosts().get(pc)) * in.factor(pc, k)
                        * Math.pow(1 + v.value(s.costInflation().get(pc)), t);
                r.plans[t][c] = stock[c];
                r.spendByCategory[t][c] = stock[c] * price;
            }
            if (mitigations) {
                for (Mitigation mi : s.mitigations()) {
                    if (!(mi instanceof Mitigation.LocalPlaces l) || mi.ramp(fy) <= 0) continue;
                    int years = fy.startYear() - l.start().startYear() + 1;
                    int from = l.replaces().ordinal();
                    int to = l.countsAs().ordinal();
                    double capacity = Math.min(v.value(l.maxPlaces()), v.value(l.placesPerYear()) * years);
                    double used = Math.max(0, Math.min(capacity, r.plans[t][from]));
                    double fromPrice = r.plans[t][from] > 0 ? r.spendByCategory[t][from] / r.plans[t][from] : 0;
                    double localPrice = v.value(l.costPerPlace()) * Math.pow(1 + v.value(s.costInflation().get(l.countsAs())), t);
                    r.plans[t][from] -= used;
                    r.plans[t][to] += used;
                    r.spendByCategory[t][from] -= used * fromPrice;
                    r.spendByCategory[t][to] += used * localPrice;
                    r.localPlaces[t] += used;
                }
            }
            for (int c = 0; c < C; c++) spend += r.spendByCategory[t][c];
            r.otherSpend[t] = v.value(s.otherSpend()) * Math.pow(1 + avgInflation, t);
            r.fundCost[t] = fund;
            spend += r.otherSpend[t] + fund;
            r.hnb[t] = v.value(s.hnbFunding()) * Math.pow(1 + v.value(s.fundingGrowth()), t);
            Figure share = s.transferShare().floorEntry(fy) == null ? null : s.transferShare().floorEntry(fy).getValue();
            r.transfer[t] = share == null ? 0
                    : v.value(s.schoolsBlock()) * Math.pow(1 + v.value(s.schoolsBlockGrowth()), t) * v.value(share);
            r.funding[t] = r.hnb[t] + r.transfer[t];
            r.spend[t] = spend;
            r.inYear[t] = r.funding[t] - spend;
            cumulative += r.inYear[t];
            r.cumulative[t] = cumulative;
        }
        return r;
    }

    /** Plans at each January, index 0 = the January before the base year's. */
    static double[] demandPath(ScenarioInputs in, Knobs.Setting v) {
        int n = in.scenario.horizon();
        double[] p = new double[n + 1];
        if (in.scenario.demand() instanceof Demand.GrowthRate g) {
            double rate = v.value(g.growth());
            int start = in.scenario.baseYear().startYear() - g.january();
            double first = v.value(g.ehcps()) * Math.pow(1 + rate, start);
            for (int i = 0; i <= n; i++) p[i] = first * Math.pow(1 + rate, i);
        } else {
            double z = in.demandShift == null ? 0 : v.value(in.demandShift);
            for (int i = 0; i <= n; i++) p[i] = in.demand[i] * Math.exp(z * in.demandSigma[i]);
        }
        return p;
    }

    /**
     * The base year without mitigations, before calibration: spend in the categories calibration
     * scales, all other spend, and funding.
     */
    static double[] baseYearSpend(ScenarioInputs in, Knobs.Setting v) {
        YearResults r = run(in, v, false, 1.0);
        double scaled = 0;
        for (PlacementCategory c : PlacementCategory.values()) {
            if (!in.scenario.calibration().keep().contains(c)) scaled += r.spendByCategory[0][c.ordinal()];
        }
        return new double[] {scaled, r.spend[0] - scaled, r.funding[0]};
    }
}
