package org.sendscope.finance;

import java.util.EnumMap;
import java.util.Map;

/**
 * A scenario made ready to run: the demand path and its uncertainty, the placement and age mix,
 * the cease rate, the calibrated unit costs and the knobs, each with where it came from.
 *
 * <p>Index 0 of {@code demand} is the January before the base year's (the stock the base year
 * starts from); index {@code i + 1} is the January of financial year {@code i}.
 */
public final class ScenarioInputs {
    /** z of the 80 % interval's ends in a normal distribution. */
    public static final double Z80 = 1.2815515655446004;

    final Scenario scenario;
    final double[] demand;
    final double[] demandSigma;
    final double[] mix;
    final double[][] ageMix;
    final Figure ceaseRate;
    final Figure demandShift;
    final Long forecastRunId;
    final String demandSource;
    final String mixSource;
    final String ageSource;
    final Knobs knobs = new Knobs();
    double calibrationFactor = 1;

    ScenarioInputs(Scenario scenario, double[] demand, double[] demandSigma, double[] mix, double[][] ageMix,
            Figure ceaseRate, Long forecastRunId, String demandSource, String mixSource, String ageSource) {
        this.scenario = scenario;
        this.demand = demand;
        this.demandSigma = demandSigma;
        this.mix = mix;
        this.ageMix = ageMix;
        this.ceaseRate = ceaseRate;
        this.forecastRunId = forecastRunId;
        this.demandSource = demandSource;
        this.mixSource = mixSource;
        this.ageSource = ageSource;
        boolean uncertain = false;
        for (double s : demandSigma) uncertain |= s > 0;
        this.demandShift = uncertain ? new Figure(0, "the forecast's 80% interval (z of a normal draw)", -Z80, Z80) : null;
        registerKnobs();
        calibrate();
    }

    /**
     * The same inputs with other mitigations (demand, mix and calibration unchanged: the calibration
     * is of the base year without mitigations, so it does not depend on them).
     */
    public ScenarioInputs withMitigations(java.util.List<Mitigation> m) {
        ScenarioInputs c = new ScenarioInputs(scenario.withMitigations(m), demand, demandSigma, mix, ageMix, ceaseRate,
                forecastRunId, demandSource, mixSource, ageSource);
        return c;
    }

    public Scenario scenario() {
        return scenario;
    }

    public Knobs knobs() {
        return knobs;
    }

    public Long forecastRunId() {
        return forecastRunId;
    }

    /** How the plans were projected. */
    public String demandSource() {
        return demandSource;
    }

    public String mixSource() {
        return mixSource;
    }

    /** The factor the calibration applied to unit costs (1 without calibration). */
    public double calibrationFactor() {
        return calibrationFactor;
    }

    /** The base-year unit cost of {@code c} after calibration. */
    public double unitCost(PlacementCategory c) {
        return scenario.unitCosts().get(c).value() * factor(c);
    }

    double factor(PlacementCategory c) {
        return factor(c, calibrationFactor);
    }

    double factor(PlacementCategory c, double k) {
        var cal = scenario.calibration();
        return cal == null || cal.keep().contains(c) ? 1 : k;
    }

    /**
     * The calibration factor for the knobs at {@code v}: the stated one for the stated values, else
     * worked out again (the stated one when {@code v} leaves nothing to calibrate).
     */
    double calibrationFor(Knobs.Setting v) {
        var cal = scenario.calibration();
        if (cal == null) return 1;
        if (v.isBase()) return calibrationFactor;
        double[] parts = DeficitModel.baseYearSpend(this, v);
        double target = parts[2] - v.value(cal.inYearBalance()) - parts[1];
        return parts[0] > 0 && target > 0 ? target / parts[0] : calibrationFactor;
    }

    /** The placement shares by category, in category order. */
    public Map<PlacementCategory, Double> mix() {
        Map<PlacementCategory, Double> m = new EnumMap<>(PlacementCategory.class);
        for (PlacementCategory c : PlacementCategory.values()) m.put(c, mix[c.ordinal()]);
        return m;
    }

    /** Within each category, the share of each age group (null when the warehouse had no age bands). */
    public double[][] ageMix() {
        return ageMix;
    }

    public Figure ceaseRate() {
        return ceaseRate;
    }

    private void registerKnobs() {
        Scenario s = scenario;
        if (s.demand() instanceof Demand.GrowthRate g) knobs.add("demand growth a year", g.growth());
        if (demandShift != null) knobs.add("demand (forecast uncertainty)", demandShift);
        knobs.add("cease rate", ceaseRate);
        knobs.add("HNB funding growth", s.fundingGrowth());
        knobs.add("HNB funding in " + s.baseYear(), s.hnbFunding());
        knobs.add("schools block growth", s.schoolsBlockGrowth());
        s.transferShare().forEach((y, f) -> knobs.add("schools block transfer from " + y, f));
        knobs.add("other high needs spend", s.otherSpend());
        for (PlacementCategory c : PlacementCategory.values()) knobs.add("unit cost: " + c.code(), s.unitCosts().get(c));
        for (PlacementCategory c : PlacementCategory.values()) {
            Figure f = s.costInflation().get(c);
            boolean shared = s.costInflation().values().stream().filter(x -> x == f).count() > 1;
            knobs.add(shared ? "cost inflation" : "cost inflation: " + c.code(), f);
        }
        for (Mitigation m : s.mitigations()) {
            String n = m.name() + ": ";
            if (m instanceof Mitigation.LocalPlaces l) {
                knobs.add(n + "places a year", l.placesPerYear());
                knobs.add(n + "most places", l.maxPlaces());
                knobs.add(n + "cost a place", l.costPerPlace());
            } else if (m instanceof Mitigation.InvestToSave i) {
                knobs.add(n + "yearly cost", i.yearlyCost());
                knobs.add(n + "new plans reduction", i.newPlansReduction());
                knobs.add(n + "mainstream shift", i.mainstreamShift());
            } else if (m instanceof Mitigation.MainstreamShift ms) {
                knobs.add(n + "share of new plans", ms.share());
            } else if (m instanceof Mitigation.CeaseRateChange cr) {
                knobs.add(n + "change", cr.change());
            }
        }
    }

    /** Scales unit costs so the base year's in-year balance, mitigations off, is the stated one. */
    private void calibrate() {
        var cal = scenario.calibration();
        if (cal == null) return;
        Knobs.Setting base = knobs.base();
        double[] parts = DeficitModel.baseYearSpend(this, base);
        double scaled = parts[0];
        double fixed = parts[1];
        double funding = parts[2];
        double target = funding - base.value(cal.inYearBalance()) - fixed;
        if (scaled <= 0 || target <= 0) {
            throw new ScenarioFileException(scenario.name() + ": cannot calibrate unit costs: the base year's funding "
                    + "(£" + Math.round(funding) + ") less the stated balance leaves £" + Math.round(target)
                    + " for the calibrated categories");
        }
        calibrationFactor = target / scaled;
    }
}
