package org.sendscope.spark;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reading a job's inputs and checking its files, through Hadoop's file system so that a local
 * folder and a cluster's {@code hdfs://} folder are read the same way.
 */
final class JobFiles {
    private JobFiles() {
    }

    /** {@code DIR/name.parquet}, else {@code DIR/name/} (Spark's part files); a missing one is the user's mistake. */
    static Dataset<Row> readParquet(SparkSession spark, String dir, String name) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        for (String candidate : new String[] {name + ".parquet", name}) {
            Path p = new Path(dir, candidate);
            try {
                if (p.getFileSystem(conf).exists(p)) return spark.read().parquet(p.toString());
            } catch (IOException e) {
                throw new JobException("cannot read " + p + ": " + e.getMessage());
            }
        }
        throw new JobException("no " + name + ".parquet in " + dir
                + " (the job reads the warehouse's Parquet export: sendscope export parquet " + dir + ")");
    }

    /** Whether a folder exists (an input folder that is not there is refused before Spark starts work). */
    static boolean exists(Configuration conf, String dir) {
        try {
            Path p = new Path(dir);
            return p.getFileSystem(conf).exists(p);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The SHA-256 of a file, hex, and its size in bytes. */
    static String[] sha256(Configuration conf, String file) throws IOException {
        Path p = new Path(file);
        FileSystem fs = p.getFileSystem(conf);
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long bytes = 0;
        try (InputStream in = fs.open(p)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
                bytes += n;
            }
        }
        return new String[] {HexFormat.of().formatHex(md.digest()), Long.toString(bytes)};
    }
}
