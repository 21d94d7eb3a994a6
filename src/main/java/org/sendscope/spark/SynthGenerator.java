package org.sendscope.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.sendscope.spark.SynthRecords.Kind;
import org.sendscope.spark.SynthTargets.AreaTargets;
import org.sendscope.spark.SynthTargets.Cell;
import org.sendscope.spark.SynthTargets.Target;

/**
 * One LA's synthetic children, year by year (docs/decisions/0196). Each kind of record in each year
 * has exactly as many records as its published total, and each dimension's values are dealt out
 * so that every published cell gets exactly its count: the reported cells first, what is left of
 * the total shared evenly among the suppressed cells (or, where none is suppressed,
 * {@link SynthRecords#NOT_PUBLISHED}), then shuffled — each dimension on its own, so the joint
 * spread of age and placement is random. Where a dimension's published cells add up to more than
 * the total (it happens in SEN2), the cells dealt last are short and the run says how many.
 *
 * <p>Children keep their ids from one January to the next: the longest-serving plans cease first,
 * new plans take the next ids and join the following census. The random numbers of each kind and
 * year come from the run's seed, the LA code, the kind and the year alone, so an LA's records do
 * not depend on which other LAs are generated or how Spark partitions them.
 */
public final class SynthGenerator {
    private SynthGenerator() {
    }

    /** The LA's records at {@code scale} (1: the published figures). */
    public static List<Row> generate(AreaTargets area, long seed, double scale) {
        Ids ids = new Ids(area, scale);
        List<Row> out = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, area.records(scale)));
        for (Target t : area.targets()) {
            int n = (int) t.records(scale);
            Map<String, String[]> values = new HashMap<>();
            for (String dim : t.kind().dimensions) {
                List<Cell> cells = t.dimensions().get(dim);
                if (cells == null) continue;
                values.put(dim, deal(cells, n, scale, random(seed, area.areaCode(), t.kind(), t.year(), dim)));
            }
            String[] age = values.get("age");
            String[] placement = values.get("placement");
            String[] outcome = values.get("outcome");
            String[] reason = values.get("reason");
            String code = t.kind().code;
            for (int i = 0; i < n; i++) {
                out.add(RowFactory.create(true, code, ids.of(t.kind(), t.year(), i), area.areaCode(), t.year(),
                        at(age, i), at(placement, i), at(outcome, i), at(reason, i)));
            }
        }
        return out;
    }

    private static String at(String[] values, int i) {
        return values == null ? null : values[i];
    }

    /** The random numbers of one dimension of one kind, year and LA. */
    static SplittableRandom random(long seed, String area, Kind kind, int year, String dimension) {
        long s = seed;
        s = s * 0x9E3779B97F4A7C15L + area.hashCode();
        s = s * 0x9E3779B97F4A7C15L + kind.ordinal();
        s = s * 0x9E3779B97F4A7C15L + year;
        s = s * 0x9E3779B97F4A7C15L + dimension.hashCode();
        return new SplittableRandom(s);
    }

    /** {@code n} values: each reported cell its count, the rest to the suppressed cells, shuffled. */
    static String[] deal(List<Cell> cells, int n, double scale, SplittableRandom random) {
        String[] v = new String[n];
        int pos = 0;
        List<String> suppressed = new ArrayList<>();
        for (Cell c : cells) {
            if (!c.reported()) {
                suppressed.add(c.label());
                continue;
            }
            long k = SynthTargets.scaled(c.count(), scale);
            for (long j = 0; j < k && pos < n; j++) v[pos++] = c.label();
        }
        for (int j = 0; pos < n; j++) v[pos++] = suppressed.isEmpty() ? SynthRecords.NOT_PUBLISHED : suppressed.get(j % suppressed.size());
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String x = v[i];
            v[i] = v[j];
            v[j] = x;
        }
        return v;
    }

    /**
     * Child ids: those on a plan in January {@code Y} are a run of numbers; from one January to the
     * next the lowest (longest-serving) leave and the new plans of the calendar year between join at
     * the top. The ceased plans of a year are the lowest ids of that January, the new plans the ids
     * just above it, and requests and assessments are first those new plans' children, then
     * children who never had a plan ({@code …-aN}).
     */
    private static final class Ids {
        private final String area;
        private final Map<Integer, long[]> january = new HashMap<>();
        private final Map<String, Long> applicants = new HashMap<>();
        private final Map<Integer, Long> newPlanCounts = new HashMap<>();
        private long nextApplicant;

        Ids(AreaTargets a, double scale) {
            this.area = a.areaCode();
            long lo = 0;
            Integer last = null;
            long lastN = 0;
            for (Target t : a.targets()) {
                if (t.kind() != Kind.CASELOAD) continue;
                long n = t.records(scale);
                if (last != null) {
                    Target newPlans = a.of(Kind.NEW_PLAN, t.year() - 1);
                    long joined = newPlans != null ? newPlans.records(scale) : Math.max(0, n - lastN);
                    lo += Math.max(0, Math.min(lastN, lastN + joined - n));
                }
                january.put(t.year(), new long[] {lo, n});
                last = t.year();
                lastN = n;
            }
            for (Target t : a.targets()) {
                if (t.kind() == Kind.NEW_PLAN) newPlanCounts.put(t.year(), t.records(scale));
                if (t.kind() != Kind.CASELOAD) {
                    applicants.put(t.kind() + "|" + t.year(), nextApplicant);
                    nextApplicant += t.records(scale);
                }
            }
        }

        String of(Kind kind, int year, int i) {
            long[] jan = january.get(year);
            return switch (kind) {
                case CASELOAD -> child(jan[0] + i);
                case CEASED -> jan != null ? child(jan[0] + i) : applicant(kind, year, i);
                case NEW_PLAN -> jan != null ? child(jan[0] + jan[1] + i) : applicant(kind, year, i);
                case REQUEST, ASSESSMENT -> {
                    long newPlans = newPlans(year);
                    yield jan != null && i < newPlans ? child(jan[0] + jan[1] + i) : applicant(kind, year, i);
                }
            };
        }

        private long newPlans(int year) {
            return newPlanCounts.getOrDefault(year, 0L);
        }

        private String child(long n) {
            return area + "-" + n;
        }

        private String applicant(Kind kind, int year, int i) {
            Long base = applicants.get(kind + "|" + year);
            return area + "-a" + ((base == null ? 0 : base) + i);
        }
    }
}
