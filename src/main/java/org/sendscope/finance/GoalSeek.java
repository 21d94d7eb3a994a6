package org.sendscope.finance;

import java.util.ArrayList;
import java.util.List;

/**
 * The smallest setting of one lever, added on top of the scenario from the year after the base
 * year, that brings in-year balance by a chosen year — found by bisection, since each lever only
 * ever improves the balance — or "not reachable" within the lever's range.
 */
public final class GoalSeek {
    /** A lever a finance officer can pull, with the range it is searched over. */
    public enum Lever {
        MAINSTREAM_SHIFT("mainstream_shift", "share of new plans placed in mainstream instead of special schools", 0, 1),
        LOCAL_PLACES("local_places", "local specialist places opened a year (replacing independent places)", 0, 500),
        NEW_PLANS_REDUCTION("new_plans_reduction", "reduction in new EHC plans", 0, 1),
        CEASE_RATE("cease_rate", "extra share of plans ceasing each year", 0, 0.2),
        TRANSFER("transfer", "extra share of the schools block transferred to high needs", 0, 0.05);

        private final String code;
        private final String meaning;
        private final double min;
        private final double max;

        Lever(String code, String meaning, double min, double max) {
            this.code = code;
            this.meaning = meaning;
            this.min = min;
            this.max = max;
        }

        public String code() {
            return code;
        }

        public String meaning() {
            return meaning;
        }

        public double max() {
            return max;
        }

        public static Lever byCode(String code) {
            for (Lever l : values()) if (l.code.equals(code)) return l;
            return null;
        }
    }

    /**
     * @param value   the lever's setting that reaches balance, NaN when not reachable
     * @param reached the year in-year balance is first reached at that setting, or null
     */
    public record Answer(Lever lever, FinancialYear by, double value, double max, FinancialYear from,
            FinancialYear reached, String note) {
        public boolean reachable() {
            return !Double.isNaN(value);
        }
    }

    private GoalSeek() {
    }

    /** Seeks {@code lever} (searched from 0 to {@code max}, the lever's default range when NaN) to balance by {@code by}. */
    public static Answer seek(ScenarioInputs in, Lever lever, FinancialYear by, double max) {
        Scenario s = in.scenario;
        double hi = Double.isNaN(max) ? lever.max : max;
        FinancialYear from = s.baseYear().plus(1);
        int target = by.startYear() - s.baseYear().startYear();
        if (target < 0 || target >= s.horizon()) {
            throw new ScenarioFileException("--balance-by " + by + " is outside the scenario's years " + s.baseYear()
                    + " to " + s.year(s.horizon() - 1));
        }
        String note = "";
        Figure localCost = null;
        if (lever == Lever.LOCAL_PLACES) {
            for (Mitigation m : s.mitigations()) if (m instanceof Mitigation.LocalPlaces l) localCost = l.costPerPlace();
            if (localCost == null) {
                throw new ScenarioFileException(s.name() + ": the local_places lever needs a local_places mitigation in the "
                        + "scenario to say what a local place costs");
            }
            note = String.format("at £%,.0f a place, as the scenario's local places", localCost.value());
        }
        if (reaches(in, lever, from, 0, target, localCost)) {
            return new Answer(lever, by, 0, hi, from, first(in, lever, from, 0, localCost), "already reached without the lever");
        }
        if (!reaches(in, lever, from, hi, target, localCost)) return new Answer(lever, by, Double.NaN, hi, from, null, note);
        double lo = 0;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (reaches(in, lever, from, mid, target, localCost)) hi = mid;
            else lo = mid;
        }
        return new Answer(lever, by, hi, Double.isNaN(max) ? lever.max : max, from, first(in, lever, from, hi, localCost), note);
    }

    private static boolean reaches(ScenarioInputs in, Lever l, FinancialYear from, double x, int target, Figure cost) {
        int f = run(in, l, from, x, cost).firstInYearBalance();
        return f >= 0 && f <= target;
    }

    private static FinancialYear first(ScenarioInputs in, Lever l, FinancialYear from, double x, Figure cost) {
        YearResults r = run(in, l, from, x, cost);
        return r.firstInYearBalance() < 0 ? null : r.year(r.firstInYearBalance());
    }

    /** The scenario with the lever at {@code x}. */
    static YearResults run(ScenarioInputs in, Lever l, FinancialYear from, double x, Figure localCost) {
        List<Mitigation> ms = new ArrayList<>(in.scenario.mitigations());
        Figure v = Figure.of(x, "goal seek");
        switch (l) {
            case MAINSTREAM_SHIFT -> ms.add(new Mitigation.MainstreamShift("goal seek", from, 1, v));
            case NEW_PLANS_REDUCTION -> ms.add(new Mitigation.InvestToSave("goal seek", from, 1, Figure.of(0, "goal seek"), v, null));
            case CEASE_RATE -> ms.add(new Mitigation.CeaseRateChange("goal seek", from, 1, v));
            case LOCAL_PLACES -> ms.add(new Mitigation.LocalPlaces("goal seek", from, 1, v, Figure.of(1e9, "goal seek"),
                    localCost, PlacementCategory.INDEPENDENT_SPECIAL, PlacementCategory.MAINTAINED_SPECIAL));
            case TRANSFER -> {
                // Added to funding after the run: x of the schools block from the lever's first year.
            }
        }
        ScenarioInputs changed = in.withMitigations(ms);
        if (l == Lever.TRANSFER) return transfer(changed, from, x);
        return DeficitModel.run(changed, changed.knobs.base(), true);
    }

    private static YearResults transfer(ScenarioInputs in, FinancialYear from, double x) {
        YearResults r = DeficitModel.run(in, in.knobs.base(), true);
        Scenario s = in.scenario;
        double cumulative = s.openingBalance().value();
        for (int t = 0; t < r.years(); t++) {
            if (r.year(t).compareTo(from) >= 0) {
                double extra = s.schoolsBlock().value() * Math.pow(1 + s.schoolsBlockGrowth().value(), t) * x;
                r.transfer[t] += extra;
                r.funding[t] += extra;
                r.inYear[t] += extra;
            }
            cumulative += r.inYear[t];
            r.cumulative[t] = cumulative;
        }
        return r;
    }
}
