package org.sendscope.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The session a {@code sendscope spark} command runs on: the master given ({@code local[*]},
 * {@code spark://HOST:PORT}), or the one {@code spark-submit} set; on the loopback interface for a
 * local or 127.0.0.1 master (docs/build-notes), without the web UI, Spark's log at WARN.
 */
public final class SparkSessions {
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
        SparkSession.Builder b = SparkSession.builder().appName("sendscope").master(m)
                .config("spark.ui.enabled", "false");
        if (loopback(m)) {
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        if (System.getProperty("spark.sql.warehouse.dir") == null) {
            b.config("spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/sendscope-spark-warehouse");
        }
        SparkSession s = b.getOrCreate();
        s.sparkContext().setLogLevel("WARN");
        return new Started(s, !already);
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
