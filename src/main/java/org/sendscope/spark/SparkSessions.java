package org.sendscope.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The session a {@code sendscope spark} command runs on: the master given ({@code local[*]},
 * {@code spark://HOST:PORT}), or the one {@code spark-submit} set; on the loopback interface for a
 * local or 127.0.0.1 master (docs/build-notes), without the web UI, Spark's log at WARN, and the
 * settings of {@link #settings} (docs/decisions/0211).
 */
public final class SparkSessions {
    /** Tasks per thread on a local master: enough to even out skewed tasks, few enough to stay cheap. */
    static final int TASKS_PER_THREAD = 4;
    /**
     * The longest generated method Spark keeps whole-stage compiled where HotSpot does not compile
     * a method longer than 8,000 bytes of bytecode (its default): Spark's own limit (65,535) lets it
     * run such a method interpreted.
     */
    static final int HUGE_METHOD_LIMIT = 8000;
    /** Spark's own limit, kept where the JVM compiles huge methods too ({@code -XX:-DontCompileHugeMethods}). */
    static final int SPARK_HUGE_METHOD_LIMIT = 65535;
    /**
     * The cost Spark counts for opening a file when it splits a read, on a local master: its
     * default (4 MiB) kept a Parquet file of less than that (the export's
     * {@code analysis_observations}) one task however many threads were idle.
     */
    static final String LOCAL_OPEN_COST = "256k";
    /**
     * The groups a task keeps in an object aggregation's hash map (collect_list, percentile) before
     * it sorts them instead, on a local master: Spark's default (128) sorted the comparisons' 2,337
     * periods of neighbours' values by their five key columns (docs/decisions/0217).
     */
    static final String LOCAL_OBJECT_AGGREGATE_GROUPS = "4096";

    private SparkSessions() {
    }

    /** Whether a session is already running in this JVM (a test's, or spark-submit's). */
    public static boolean running() {
        return SparkSession.getDefaultSession().isDefined() || SparkSession.getActiveSession().isDefined();
    }

    /**
     * The session for {@code master} (null: what spark-submit configured, else {@code local[*]}),
     * and whether this call started it (only then should the caller stop it).
     */
    public static Started start(String master) {
        boolean already = running();
        String m = master != null ? master : System.getProperty("spark.master", "local[*]");
        String dir = System.getProperty("spark.sql.warehouse.dir");
        SparkSession s = build(m, dir != null ? dir : System.getProperty("java.io.tmpdir") + "/sendscope-spark-warehouse");
        return new Started(s, !already);
    }

    /** A session for {@code master} with {@link #settings}, its SQL warehouse folder given, logging at WARN. */
    public static SparkSession build(String master, String warehouseDir) {
        SparkSession.Builder b = SparkSession.builder().appName("sendscope").master(master)
                .config("spark.sql.warehouse.dir", warehouseDir);
        settings(master).forEach(b::config);
        SparkSession s = b.getOrCreate();
        s.sparkContext().setLogLevel("WARN");
        return s;
    }

    /**
     * What sendscope sets on a session for {@code master}, each only where neither a system
     * property nor spark-submit's {@code --conf} (which arrives as one) has set it: no web UI; the
     * loopback interface for a local or 127.0.0.1 master; on a local master, shuffles and file reads
     * split into {@value #TASKS_PER_THREAD} tasks per thread (Spark's 200 shuffle partitions cost
     * more in scheduling than the work on these sizes, and one task per file left a thread idle),
     * a small file counted as cheap to open ({@value #LOCAL_OPEN_COST}) so that it splits too, up
     * to {@value #LOCAL_OBJECT_AGGREGATE_GROUPS} groups a task in an object aggregation's hash map, and
     * the generated-method limit of {@link #hugeMethodLimit}; on any other master the limit
     * {@value #HUGE_METHOD_LIMIT} (its executors' JVMs are not known here).
     */
    static Map<String, String> settings(String master) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("spark.ui.enabled", "false");
        if (loopback(master)) {
            s.put("spark.driver.host", "127.0.0.1");
            s.put("spark.driver.bindAddress", "127.0.0.1");
        }
        int threads = localThreads(master);
        if (threads > 0) {
            String tasks = Integer.toString(TASKS_PER_THREAD * threads);
            s.put("spark.sql.shuffle.partitions", tasks);
            s.put("spark.sql.files.minPartitionNum", tasks);
            s.put("spark.sql.files.openCostInBytes", LOCAL_OPEN_COST);
            s.put("spark.sql.objectHashAggregate.sortBased.fallbackThreshold", LOCAL_OBJECT_AGGREGATE_GROUPS);
        }
        s.put("spark.sql.codegen.hugeMethodLimit", Integer.toString(threads > 0 ? hugeMethodLimit() : HUGE_METHOD_LIMIT));
        s.keySet().removeIf(k -> System.getProperty(k) != null);
        return s;
    }

    /**
     * The generated-method limit for code run in this JVM: Spark's own where HotSpot compiles huge
     * methods (the launcher and the tests start it with {@code -XX:-DontCompileHugeMethods}, docs/decisions/0213),
     * else {@value #HUGE_METHOD_LIMIT}, so that no generated method runs interpreted.
     */
    static int hugeMethodLimit() {
        return compilesHugeMethods() ? SPARK_HUGE_METHOD_LIMIT : HUGE_METHOD_LIMIT;
    }

    /** Whether HotSpot compiles methods of more than 8,000 bytes of bytecode in this JVM. */
    static boolean compilesHugeMethods() {
        try {
            com.sun.management.HotSpotDiagnosticMXBean hotspot = java.lang.management.ManagementFactory
                    .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return hotspot != null && "false".equals(hotspot.getVMOption("DontCompileHugeMethods").getValue());
        } catch (RuntimeException e) {
            return false; // not HotSpot, or the option is unknown: assume the default
        }
    }

    /** The threads of a local master ({@code local}, {@code local[N]}, {@code local[*]}), else 0. */
    static int localThreads(String master) {
        if (master.equals("local")) return 1;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("local\\[(\\d+|\\*)(,\\d+)?]").matcher(master);
        if (!m.matches()) return 0;
        return m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(m.group(1));
    }

    static boolean loopback(String master) {
        return master.startsWith("local") || master.contains("//127.0.0.1") || master.contains("//localhost");
    }

    /** A session and whether it was started here. */
    public record Started(SparkSession session, boolean owned) implements AutoCloseable {
        @Override
        public void close() {
            if (owned) session.stop();
        }
    }
}
