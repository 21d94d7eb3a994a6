package org.sendscope.finance;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * A High Needs Block scenario as a finance officer writes it (see {@link ScenarioFile} for the file):
 * who, from when and for how long, the money, the demand, the placement mix and unit costs, and the
 * mitigations. Every figure carries its source.
 *
 * @param name            the file's name without {@code .yaml}
 * @param title           a line saying what the scenario is
 * @param area            GSS code of the LA
 * @param baseYear        the first financial year modelled
 * @param horizon         years modelled (1-15)
 * @param openingBalance  cumulative DSG balance at 31 March before the base year (a deficit is negative)
 * @param hnbFunding      High Needs Block funding in the base year
 * @param fundingGrowth   its yearly growth (fraction)
 * @param schoolsBlock    schools block in the base year (the transfer is a percentage of it)
 * @param schoolsBlockGrowth its yearly growth
 * @param transferShare   share of the schools block moved to high needs, from each year on (fraction)
 * @param otherSpend      high needs spend not tied to EHC plans in the base year (base-year prices)
 * @param demand          where the plans come from
 * @param ceaseRate       share of plans ceasing each year; null: from the warehouse (SEN2 ceased plans)
 * @param mix             placement shares by category; null: from the warehouse's SEN2 placements
 * @param mixJanuary      the January the warehouse mix is read from (null: the latest)
 * @param unitCosts       yearly cost of a plan in each category, base-year prices
 * @param costInflation   yearly cost inflation per category (fraction)
 * @param calibration     null, or the base year's in-year balance the unit costs are scaled to reach
 * @param mitigations     in the file's order
 * @param seed            random seed of the simulation
 * @param text            the file as read
 * @param sha256          its checksum
 */
public record Scenario(String name, String title, String area, FinancialYear baseYear, int horizon,
        Figure openingBalance, Figure hnbFunding, Figure fundingGrowth, Figure schoolsBlock, Figure schoolsBlockGrowth,
        NavigableMap<FinancialYear, Figure> transferShare, Figure otherSpend, Demand demand, Figure ceaseRate,
        Map<PlacementCategory, Figure> mix, Integer mixJanuary, Map<PlacementCategory, Figure> unitCosts,
        Map<PlacementCategory, Figure> costInflation, Calibration calibration, List<Mitigation> mitigations,
        long seed, String text, String sha256) {

    /** The most a scenario may run for (the DSG plan template's 15 years). */
    public static final int MAX_HORIZON = 15;

    /**
     * Scale the unit costs of every category not in {@code keep} by one factor so that the base
     * year's in-year balance (mitigations off) equals {@code inYearBalance}.
     */
    public record Calibration(Figure inYearBalance, java.util.Set<PlacementCategory> keep) {
    }

    /** The financial year {@code i} years after the base year. */
    public FinancialYear year(int i) {
        return baseYear.plus(i);
    }

    /** The year-5 financial year (the Safety Valve test's last year). */
    public FinancialYear yearFive() {
        return baseYear.plus(4);
    }

    /** The same scenario with other mitigations. */
    public Scenario withMitigations(List<Mitigation> m) {
        return new Scenario(name, title, area, baseYear, horizon, openingBalance, hnbFunding, fundingGrowth,
                schoolsBlock, schoolsBlockGrowth, transferShare, otherSpend, demand, ceaseRate, mix, mixJanuary,
                unitCosts, costInflation, calibration, List.copyOf(m), seed, text, sha256);
    }
}
