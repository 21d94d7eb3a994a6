package org.sendscope.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.sendscope.spark.SynthRecords.Kind;

/**
 * Which published cells one person-year record counts in, written once as SQL expressions that
 * Spark and DuckDB both read: its kind's {@code total}, a cell for each of its dimension values
 * ({@code age:5-10}, {@code placement:special}, {@code reason:needs_met}), and the measure of its
 * outcome ({@code ehc_requests_refused}, {@code ehc_assessments_plan_issued}). The {@code aggregate}
 * job and its single-machine reference ({@link AggregateDuckDb}) both group by these cells, so
 * they count the same thing by construction and differ only in the engine.
 */
final class AggregateCells {
    private AggregateCells() {
    }

    /** The measure of a record's kind ({@code ehc_plans} for {@code caseload}); NULL for assessments. */
    static String kindMeasure() {
        StringBuilder b = new StringBuilder("CASE record");
        for (Kind k : Kind.values()) if (k.measure != null) b.append(" WHEN '").append(k.code).append("' THEN '").append(k.measure).append("'");
        return b.append(" END").toString();
    }

    /** The period kind of a record's kind. */
    static String periodKind() {
        StringBuilder b = new StringBuilder("CASE record");
        for (Kind k : Kind.values()) b.append(" WHEN '").append(k.code).append("' THEN '").append(k.periodKind).append("'");
        return b.append(" END").toString();
    }

    /** The measure of an outcome, NULL for one no published measure counts. */
    static String outcomeMeasure() {
        String assessed = SynthRecords.OUTCOMES_ASSESSED.stream().map(o -> "'" + o + "'").collect(Collectors.joining(", "));
        return "CASE WHEN record = '" + Kind.REQUEST.code + "' AND outcome = 'refused' THEN '"
                + Kind.REQUEST.outcomeMeasure("refused") + "' WHEN record = '" + Kind.ASSESSMENT.code
                + "' AND outcome IN (" + assessed + ") THEN concat('ehc_assessments_', outcome) END";
    }

    /** Pairs of SQL expressions (measure, breakdown), one per cell a record may count in; a NULL measure: none. */
    static List<String[]> cells() {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {kindMeasure(), "'total'"});
        for (String dim : List.of("age", "placement", "reason")) {
            out.add(new String[] {"CASE WHEN " + dim + " IS NOT NULL AND " + dim + " <> '" + SynthRecords.NOT_PUBLISHED
                    + "' THEN " + kindMeasure() + " END", "concat('" + dim + ":', " + dim + ")"});
        }
        out.add(new String[] {outcomeMeasure(), "'total'"});
        return out;
    }

    /** The cells as Spark SQL: an array of structs (measure, breakdown). */
    static String sparkArray() {
        return cells().stream().map(c -> "named_struct('measure', " + c[0] + ", 'breakdown', " + c[1] + ")")
                .collect(Collectors.joining(", ", "array(", ")"));
    }

    /** The cells as DuckDB SQL: a list of structs (measure, breakdown). */
    static String duckdbList() {
        return cells().stream().map(c -> "{'measure': " + c[0] + ", 'breakdown': " + c[1] + "}")
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
