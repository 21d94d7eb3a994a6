package org.sendscope.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The session {@code synth sen2} generates on: an existing one (a test's), else one started on the
 * master given (default {@code local[*]}) on the loopback interface, without the web UI, Spark's log
 * at WARN (docs/build-notes).
 */
final class SynthSession {
    private static boolean started;

    private SynthSession() {
    }

    static synchronized SparkSession start(String master) {
        if (SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined()) {
            started = false;
            return SparkSession.active();
        }
        String m = master != null ? master : "local[*]";
        SparkSession.Builder b = SparkSession.builder().appName("sendscope synth").master(m)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/sendscope-spark-warehouse");
        if (m.startsWith("local") || m.contains("//127.0.0.1")) {
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        SparkSession s = b.getOrCreate();
        s.sparkContext().setLogLevel("WARN");
        started = true;
        return s;
    }

    static synchronized void stop(SparkSession s) {
        if (started) s.stop();
        started = false;
    }
}
