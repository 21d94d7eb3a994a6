package org.sendscope.ingest.kpi;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.function.Predicate;
import org.sendscope.ingest.LoadRun;
import org.sendscope.ingest.Plausibility;
import org.sendscope.period.Period;

/**
 * The values, targets, new measures and refusals read from one file, held until the whole file is
 * read and then written in the load's transaction. A value read twice (the same KPI, area and
 * period in two tables of one paper) is kept once: the more precise figure when the two agree to
 * the coarser one's precision, otherwise the first, and the second is refused with both values
 * in the reason.
 */
public final class KpiStore {

    /** One value (or status) for one area, measure and period. */
    public record Observation(String areaCode, String areaName, String level, String measure, Period period,
                              Double value, String status, long line, String table) {
        String key() {
            return areaCode + "|" + measure + "|" + period.kindCode() + "|" + period.start() + "|" + period.end();
        }
    }

    /** A target and/or required direction for a KPI over the span of a table. */
    public record Target(String measure, String areaCode, Double target, String targetStatus, String targetAsWritten,
                         String direction, String directionAsWritten, Period validFrom, Period validTo, long line,
                         String table) {
    }

    /** A refused cell. */
    public record Reject(long line, String field, String raw, String reason, String table) {
    }

    private final Map<String, Observation> observations = new LinkedHashMap<>();
    private final List<Target> targets = new ArrayList<>();
    private final Map<String, KpiMeasure> newMeasures = new LinkedHashMap<>();
    private final List<Reject> rejects = new ArrayList<>();
    private final Map<String, int[]> perTable = new LinkedHashMap<>();
    private Function<String, String> unitOf = code -> null;
    private LocalDate latestStart;
    private Predicate<String> knownArea = code -> true;

    /**
     * Checks every value before it is kept: within its measure's range (plausibility.tsv, by the
     * unit {@code unitOf} gives), for a period that starts no later than {@code latestStart}, and
     * for an area {@code knownArea} accepts. A value that fails is refused with its cell (a
     * load_rejects row); the rest of the file loads.
     */
    void checking(Function<String, String> unitOf, LocalDate latestStart, Predicate<String> knownArea) {
        this.unitOf = unitOf;
        this.latestStart = latestStart;
        this.knownArea = knownArea;
    }

    /** Why a value may not be kept, or null. */
    private String implausible(Observation o) {
        if (!knownArea.test(o.areaCode())) {
            return "area " + o.areaCode() + " is not in areas (no load has named it): check the code";
        }
        if (o.value() == null) return null;
        KpiMeasure defined = newMeasures.get(o.measure());
        String unit = defined != null ? defined.unit() : unitOf.apply(o.measure());
        var breach = Plausibility.bundled().rangeOf(o.measure(), unit).breach(o.value());
        if (breach.isPresent()) return breach.get();
        if (latestStart != null && o.period().start().isAfter(latestStart)) {
            return "a value for " + o.period().label() + ", which starts after " + latestStart
                    + " (the file's publication date): a reported value describes the past";
        }
        return null;
    }

    void add(Observation o) {
        String why = implausible(o);
        if (why != null) {
            reject(o.line(), o.measure() + " " + o.period().label(), o.value() == null ? o.status()
                    : Plausibility.text(o.value()), why, o.table());
            return;
        }
        Observation was = observations.get(o.key());
        if (was != null && oneRowPerKey != null && java.util.Objects.equals(was.table(), o.table())) {
            String raw = o.value() != null ? BigDecimal.valueOf(o.value()).stripTrailingZeros().toPlainString() : o.status();
            throw new org.sendscope.ingest.LoadException(oneRowPerKey, o.line(), o.period().label(), raw,
                    "the same KPI, area and period as line " + was.line() + " (" + o.measure() + ", " + o.areaCode()
                            + ", " + o.period().label() + "): each once in a scorecard; remove one of the two rows");
        }
        if (was == null) {
            observations.put(o.key(), o);
            count(o.table())[o.value() == null ? 1 : 0]++;
            return;
        }
        if (was.value() != null && o.value() != null) {
            if (agree(was.value(), o.value())) {
                if (decimals(o.value()) > decimals(was.value())) observations.put(o.key(), o);
                count(o.table())[3]++;
                return;
            }
            reject(o.line(), o.measure() + " " + o.period().label(), String.valueOf(o.value()),
                    "conflicts with " + was.value() + " for the same KPI, area and period at line " + was.line(), o.table());
            return;
        }
        if (was.value() == null && o.value() != null) {
            observations.put(o.key(), o);
            count(o.table())[0]++;
            count(was.table())[1]--;
            reject(was.line(), was.measure() + " " + was.period().label(), was.status(), "status '" + was.status()
                    + "' superseded by the value " + o.value() + " for the same KPI, area and period at line " + o.line(),
                    was.table());
            return;
        }
        if (was.value() != null) {
            reject(o.line(), o.measure() + " " + o.period().label(), o.status(), "status '" + o.status()
                    + "' where line " + was.line() + " gives the value " + was.value() + " for the same KPI, area and period",
                    o.table());
            return;
        }
        count(o.table())[3]++; // the same status again
    }

    void target(Target t) {
        if (t.target() != null) {
            KpiMeasure defined = newMeasures.get(t.measure());
            String unit = defined != null ? defined.unit() : unitOf.apply(t.measure());
            var breach = Plausibility.bundled().rangeOf(t.measure(), unit).breach(t.target());
            if (breach.isPresent()) {
                // the target's number is refused; the required direction beside it still stands
                reject(t.line(), t.measure() + " target", t.targetAsWritten(), breach.get(), t.table());
                t = new Target(t.measure(), t.areaCode(), null, null, null, t.direction(), t.directionAsWritten(),
                        t.validFrom(), t.validTo(), t.line(), t.table());
                if (t.direction() == null && t.directionAsWritten() == null) return;
            }
        }
        targets.add(t);
    }

    void measure(KpiMeasure m) {
        newMeasures.putIfAbsent(m.code(), m);
    }

    void reject(long line, String field, String raw, String reason, String table) {
        rejects.add(new Reject(line, field, raw, reason, table));
        count(table)[2]++;
    }

    private int[] count(String table) {
        return perTable.computeIfAbsent(table == null ? "" : table, t -> new int[4]);
    }

    /** Set for a scorecard: its file name, for the refusal. */
    private String oneRowPerKey;

    /**
     * From now on a KPI, area and period met twice in one table refuses the file: in a scorecard
     * a person keeps, that is a row pasted twice, not a table a paper repeats.
     */
    void refuseRepeatsWithinTable(String fileName) {
        this.oneRowPerKey = fileName;
    }

    /** Per table: values read, statuses read, cells refused, duplicates of a value read elsewhere. */
    public Map<String, int[]> perTable() {
        return perTable;
    }

    public List<Observation> observations() {
        return List.copyOf(observations.values());
    }

    public List<Target> targets() {
        return targets;
    }

    public List<Reject> rejects() {
        return rejects;
    }

    /** Refusals grouped by reason, with the bracketed detail taken out so that like counts with like. */
    public Map<String, Integer> rejectsByReason() {
        Map<String, Integer> m = new TreeMap<>();
        for (Reject r : rejects) m.merge(r.reason().replaceAll("'[^']*'", "'…'").replaceAll("\\d+(\\.\\d+)?", "N"), 1, Integer::sum);
        return m;
    }

    private static boolean agree(double a, double b) {
        int d = Math.min(decimals(a), decimals(b));
        double tolerance = 0.5 * Math.pow(10, -d) + 1e-9;
        return Math.abs(a - b) <= tolerance;
    }

    private static int decimals(double v) {
        return Math.max(0, BigDecimal.valueOf(v).stripTrailingZeros().scale());
    }

    /** Writes everything into the warehouse as part of {@code run}; returns the rows written. */
    public long write(LoadRun run, String source, String vintage, String fileName) throws SQLException {
        long rows = 0;
        try (PreparedStatement p = run.connection().prepareStatement("INSERT INTO measure_fact (measure, title, unit, "
                + "polarity, source, definition, comparable_with, topic, load_id) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)")) {
            for (KpiMeasure m : newMeasures.values()) {
                p.setString(1, m.code());
                p.setString(2, m.title());
                p.setString(3, m.unit());
                p.setString(4, m.polarity());
                p.setString(5, source);
                p.setString(6, m.definition());
                p.setString(7, m.topic());
                p.setLong(8, run.loadId());
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = run.connection().prepareStatement("INSERT INTO observation_fact VALUES "
                + "(?, ?, ?, ?, 'total', ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Observation o : observations.values()) {
                p.setString(1, o.areaCode());
                p.setString(2, o.areaName());
                p.setString(3, o.level());
                p.setString(4, o.measure());
                p.setString(5, o.period().kindCode());
                p.setString(6, o.period().label());
                p.setDate(7, Date.valueOf(o.period().start()));
                p.setDate(8, Date.valueOf(o.period().end()));
                if (o.value() == null) p.setNull(9, Types.DOUBLE);
                else p.setDouble(9, o.value());
                p.setString(10, o.status());
                p.setString(11, source);
                p.setString(12, vintage);
                p.setLong(13, run.loadId());
                p.addBatch();
                rows++;
            }
            p.executeBatch();
        }
        try (PreparedStatement p = run.connection().prepareStatement("INSERT INTO kpi_target_fact (measure, area_code, "
                + "target, target_status, target_as_written, direction, direction_as_written, valid_from, valid_to, "
                + "period_label, source, vintage, file_name, line, load_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Target t : targets) {
                p.setString(1, t.measure());
                p.setString(2, t.areaCode());
                if (t.target() == null) p.setNull(3, Types.DOUBLE);
                else p.setDouble(3, t.target());
                p.setString(4, t.targetStatus());
                p.setString(5, t.targetAsWritten());
                p.setString(6, t.direction());
                p.setString(7, t.directionAsWritten());
                p.setDate(8, t.validFrom() == null ? null : Date.valueOf(t.validFrom().start()));
                p.setDate(9, t.validTo() == null ? null : Date.valueOf(t.validTo().end()));
                p.setString(10, t.validFrom() == null ? null
                        : t.validFrom().label() + (t.validTo() == t.validFrom() ? "" : " – " + t.validTo().label()));
                p.setString(11, source);
                p.setString(12, vintage);
                p.setString(13, fileName);
                p.setLong(14, t.line());
                p.setLong(15, run.loadId());
                p.addBatch();
                rows++;
            }
            p.executeBatch();
        }
        for (Reject r : rejects) run.reject(fileName, r.line(), r.field(), r.raw(), r.reason());
        return rows;
    }
}
