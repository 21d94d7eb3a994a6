package org.sendscope.spark;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The jobs {@code sendscope spark JOB} knows, by name. One line per job. */
public final class SparkJobs {
    private static final Map<String, SparkJob> JOBS = new LinkedHashMap<>();

    static {
        add(new ComparisonsJob());
        add(new TrendsJob());
        add(new ForecastJob());
        add(new SimulateJob());
        add(new AggregateJob());
    }

    private SparkJobs() {
    }

    private static void add(SparkJob job) {
        JOBS.put(job.name(), job);
    }

    /** The job called {@code name}, or null. */
    public static SparkJob named(String name) {
        return JOBS.get(name);
    }

    /** Every job, in the order listed above. */
    public static Collection<SparkJob> all() {
        return Collections.unmodifiableCollection(JOBS.values());
    }
}
