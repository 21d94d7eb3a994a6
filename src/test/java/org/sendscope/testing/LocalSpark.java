package org.sendscope.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.sendscope.spark.SparkBacktestBench;

/**
 * One local, loopback-only Spark session for the whole test run (a session takes 4–8 s to start
 * here): the first test that asks starts it, and it stops when the test JVM exits. Tests must not
 * stop it.
 */
public final class LocalSpark {
    private static SparkSession session;

    private LocalSpark() {
    }

    /** The run's session: two threads, no web UI, its SQL warehouse folder in a temporary folder. */
    public static synchronized SparkSession session() {
        if (session == null) {
            try {
                Path dir = Files.createTempDirectory("sendscope-spark-");
                session = SparkBacktestBench.localSession(2, dir.resolve("spark-warehouse").toString());
                Runtime.getRuntime().addShutdownHook(new Thread(session::stop, "stop-spark"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot create Spark's temporary folder", e);
            }
        }
        return session;
    }
}
