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
     * The longest generated method Spark keeps whole-stage compiled: HotSpot does not compile a
     * method longer than 8,000 bytes of bytecode, and Spark's own default (65,535) lets it run such
     * a method interpreted.
     */
    static final int HUGE_METHOD_LIMIT = 8000;

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
     * more in scheduling than the work on these sizes, and one task per file left a thread idle);
     * and on every master the generated-method limit {@value #HUGE_METHOD_LIMIT}.
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
        }
        s.put("spark.sql.codegen.hugeMethodLimit", Integer.toString(HUGE_METHOD_LIMIT));
        s.keySet().removeIf(k -> System.getProperty(k) != null);
        return s;
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
