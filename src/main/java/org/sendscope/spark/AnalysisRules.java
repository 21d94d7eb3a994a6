package org.sendscope.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.sendscope.analysis.Polarity;
import org.sendscope.analysis.Tolerance;

/**
 * The trend, RAG and benchmark rules of {@code sql/views/150_analysis_macros.sql} as Spark columns,
 * with the tolerances from {@link Tolerance} and the polarity codes from {@link Polarity}: the
 * Spark jobs judge exactly as the views do (docs/decisions/0050, 0051).
 */
final class AnalysisRules {
    /** The slack the views allow for rounding when comparing a change with a tolerance or a target. */
    static final double EPSILON = 1e-9;

    private AnalysisRules() {
    }

    /** A measure's polarity, neutral where the catalogue gives none. */
    static Column polarityOrNeutral(Column polarity) {
        return coalesce(polarity, lit(Polarity.NEUTRAL.code()));
    }

    /** +1 when a rise is better, -1 when a fall is better, 0 otherwise (NULL included). */
    static Column polaritySign(Column polarity) {
        return when(polarity.equalTo(Polarity.HIGHER_IS_BETTER.code()), 1)
                .when(polarity.equalTo(Polarity.LOWER_IS_BETTER.code()), -1).otherwise(0);
    }

    /** Percentages move in points. */
    static Column unitInPoints(Column unit) {
        return lower(coalesce(unit, lit(""))).isin("percent", "percentage", "%");
    }

    static Column flatTolerance(Column unit, Column previous) {
        return when(unitInPoints(unit), Tolerance.FLAT_POINTS).otherwise(abs(previous).multiply(Tolerance.FLAT_SHARE));
    }

    static Column amberBand(Column unit, Column target) {
        return when(unitInPoints(unit), Tolerance.AMBER_POINTS).otherwise(abs(target).multiply(Tolerance.AMBER_SHARE));
    }

    private static Column missing(Column x) {
        return x.isNull().or(isnan(x));
    }

    /** improving / worsening / flat, or rising / falling / flat for a neutral measure; NULL without both values. */
    static Column directionOfTravel(Column previous, Column current, Column polarity, Column unit) {
        Column change = current.minus(previous);
        return when(missing(previous).or(missing(current)), lit(null).cast("string"))
                .when(abs(change).leq(flatTolerance(unit, previous).plus(EPSILON)), "flat")
                .when(polaritySign(polarity).equalTo(0), when(current.gt(previous), "rising").otherwise("falling"))
                .when(change.multiply(polaritySign(polarity)).gt(0), "improving")
                .otherwise("worsening");
    }

    /** green at or beyond target, amber within the band short of it, red beyond; NULL if not judged. */
    static Column rag(Column value, Column target, Column polarity, Column unit) {
        Column shortfall = target.minus(value).multiply(polaritySign(polarity));
        return when(missing(value).or(missing(target)).or(polaritySign(polarity).equalTo(0)), lit(null).cast("string"))
                .when(shortfall.leq(EPSILON), "green")
                .when(shortfall.leq(amberBand(unit, target).plus(EPSILON)), "amber")
                .otherwise("red");
    }

    /** Whether a value meets its target; NULL when it is not judged. */
    static Column meetsTarget(Column value, Column target, Column polarity) {
        return when(value.isNull().or(target.isNull()).or(polaritySign(polarity).equalTo(0)), lit(null).cast("boolean"))
                .otherwise(target.minus(value).multiply(polaritySign(polarity)).leq(EPSILON));
    }

    /** The start of the period one step after {@code start} for a kind with a fixed step; NULL otherwise. */
    static Column nextStart(Column kind, Column start) {
        return when(kind.isin("census_january", "calendar_year", "academic_year", "financial_year", "multi_year"),
                        add_months(start, 12))
                .when(kind.equalTo("month"), add_months(start, 1))
                .when(kind.equalTo("quarter"), add_months(start, 3));
    }

    /** True when the period starting at {@code previousStart} comes straight before the one at {@code start}. */
    static Column consecutive(Column kind, Column previousStart, Column start) {
        Column next = nextStart(kind, previousStart);
        return previousStart.isNotNull().and(next.isNull().or(next.equalTo(start)));
    }

    /** LAIT's quartile band A–D (A best; highest first for a neutral measure), NULL without cut points. */
    static Column quartileBand(Column value, Column q1, Column q2, Column q3, Column polarity) {
        Column range = when(value.leq(q1), 1).when(value.leq(q2), 2).when(value.leq(q3), 3).otherwise(4);
        Column best = when(polarity.equalTo(Polarity.LOWER_IS_BETTER.code()), range).otherwise(lit(5).minus(range));
        return when(value.isNull().or(q1.isNull()), lit(null).cast("string"))
                .otherwise(org.apache.spark.sql.functions.element_at(
                        org.apache.spark.sql.functions.array(lit("A"), lit("B"), lit("C"), lit("D")), best));
    }
}
