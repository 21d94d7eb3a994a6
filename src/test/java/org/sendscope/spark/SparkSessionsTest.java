package org.sendscope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.sendscope.testing.LocalSpark;

/** The settings sendscope gives a session (docs/decisions/0211), and where it leaves Spark's own. */
class SparkSessionsTest {

    @Test
    void aLocalMasterSplitsWorkIntoFourTasksPerThread() {
        Map<String, String> s = SparkSessions.settings("local[2]");
        assertEquals("8", s.get("spark.sql.shuffle.partitions"));
        assertEquals("8", s.get("spark.sql.files.minPartitionNum"));
        assertEquals("4", SparkSessions.settings("local").get("spark.sql.shuffle.partitions"));
        assertEquals(Integer.toString(4 * Runtime.getRuntime().availableProcessors()),
                SparkSessions.settings("local[*]").get("spark.sql.shuffle.partitions"));
        assertEquals("12", SparkSessions.settings("local[3,2]").get("spark.sql.files.minPartitionNum"));
        assertEquals("262144", Long.toString(org.apache.spark.network.util.JavaUtils.byteStringAsBytes(
                s.get("spark.sql.files.openCostInBytes"))));
        assertEquals("127.0.0.1", s.get("spark.driver.bindAddress"));
        // the comparisons' 2,337 periods of neighbours' values stay in one hash map per task (0217)
        assertTrue(Integer.parseInt(s.get("spark.sql.objectHashAggregate.sortBased.fallbackThreshold")) >= 2337);
    }

    @Test
    void aClusterKeepsItsOwnPartitionsButGetsTheMethodLimit() {
        Map<String, String> s = SparkSessions.settings("spark://10.0.0.5:7077");
        assertNull(s.get("spark.sql.shuffle.partitions"));
        assertNull(s.get("spark.sql.files.minPartitionNum"));
        assertNull(s.get("spark.sql.files.openCostInBytes"));
        assertNull(s.get("spark.sql.objectHashAggregate.sortBased.fallbackThreshold"));
        assertFalse(s.containsKey("spark.driver.host"));
        assertEquals("8000", s.get("spark.sql.codegen.hugeMethodLimit"));
        assertEquals("127.0.0.1", SparkSessions.settings("spark://127.0.0.1:7077").get("spark.driver.host"));
    }

    @Test
    void aLocalMasterKeepsSparksMethodLimitOnlyWhereHotSpotCompilesHugeMethods() {
        // the build's test JVM is started with -XX:-DontCompileHugeMethods, as the launcher's is
        assertTrue(SparkSessions.compilesHugeMethods(), "surefire's argLine should turn DontCompileHugeMethods off");
        assertEquals("65535", SparkSessions.settings("local[2]").get("spark.sql.codegen.hugeMethodLimit"));
    }

    @Test
    void aSettingGivenAsASystemPropertyIsLeftToSpark() {
        String key = "spark.sql.shuffle.partitions";
        String before = System.getProperty(key);
        System.setProperty(key, "3");
        try {
            assertFalse(SparkSessions.settings("local[2]").containsKey(key));
            assertEquals("8", SparkSessions.settings("local[2]").get("spark.sql.files.minPartitionNum"));
        } finally {
            if (before == null) System.clearProperty(key);
            else System.setProperty(key, before);
        }
    }

    @Test
    void theTestsSessionRunsWithTheSameSettings() {
        SparkSession s = LocalSpark.session();
        assertEquals("8", s.conf().get("spark.sql.shuffle.partitions"));
        assertEquals("8", s.conf().get("spark.sql.files.minPartitionNum"));
        assertEquals("65535", s.conf().get("spark.sql.codegen.hugeMethodLimit"));
    }
}
