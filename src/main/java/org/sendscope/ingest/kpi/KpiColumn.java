package org.sendscope.ingest.kpi;

import org.sendscope.period.Period;

/**
 * What one column of a scorecard holds, read from its header: the KPI label, its number, the
 * required direction of travel, a period's values, the target, a benchmark (England, a region or
 * the statistical neighbours, with the period the header names, if any), free-text notes (never
 * read, whatever figures they quote) or something else not loaded (the actual direction of travel,
 * which the values themselves show).
 *
 * @param distrust when not null, the header cannot be trusted and every value under it is refused
 *                 with this reason (e.g. a second "Current Month" column, a repeated period)
 */
public record KpiColumn(int index, String header, Role role, Period period, Benchmark benchmark, boolean rate,
                        String distrust) {

    /** What a column is for. */
    public enum Role { LABEL, NUMBER, DIRECTION, PERIOD, TARGET, BENCHMARK, NOTES, IGNORED }

    /** Which comparator a benchmark column reports. */
    public enum Benchmark { ENGLAND, REGION, STATISTICAL_NEIGHBOURS }

    KpiColumn withRole(Role r) {
        return new KpiColumn(index, header, r, period, benchmark, rate, distrust);
    }

    KpiColumn withPeriod(Period p) {
        return new KpiColumn(index, header, role, p, benchmark, rate, distrust);
    }

    KpiColumn withBenchmark(Benchmark b, Period p, boolean isRate) {
        return new KpiColumn(index, header, Role.BENCHMARK, p, b, isRate, distrust);
    }

    KpiColumn distrusted(String reason) {
        return new KpiColumn(index, header, role, period, benchmark, rate, reason);
    }

    /** True for a column whose cells are loaded as values. */
    public boolean holdsValues() {
        return role == Role.PERIOD || role == Role.BENCHMARK;
    }
}
