package org.sendscope.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.sendscope.spark.SynthTargets.AreaTargets;
import org.sendscope.warehouse.Warehouse;
import org.sendscope.warehouse.WarehouseException;

/**
 * {@code sendscope synth sen2} on Spark: every LA's synthetic children generated in parallel (one
 * LA per task, seeded by the LA, so the rows do not depend on the partitioning), written as
 * Parquet to {@code OUT/sen2_records/} with {@code OUT/synth.json} beside it: the label, the seed,
 * the scale, the years and LAs, the row count and the warehouse loads the targets came from.
 */
public final class SynthSen2 {
    /** What was written: rows, LAs, and the published cells the generator could not give back. */
    public record Result(long rows, int areas, long overfullDimensions, String dataset) {
    }

    /** A run's settings, as typed. */
    public record Settings(long seed, double scale, int from, int to, int partitions) {
    }

    private SynthSen2() {
    }

    /** The records of {@code areas}, as a Dataset over {@code partitions} tasks (nothing written). */
    public static Dataset<Row> records(SparkSession spark, List<AreaTargets> areas, long seed, double scale,
            int partitions) {
        Map<String, AreaTargets> byCode = new LinkedHashMap<>();
        for (AreaTargets a : areas) byCode.put(a.areaCode(), a);
        Broadcast<Map<String, AreaTargets>> targets = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(byCode);
        List<String> codes = new ArrayList<>(byCode.keySet());
        return spark.createDataset(codes, Encoders.STRING()).repartition(Math.max(1, partitions))
                .flatMap((FlatMapFunction<String, Row>) code -> SynthGenerator
                        .generate(targets.value().get(code), seed, scale).iterator(), Encoders.row(SynthSchema.RECORDS))
                // the encoder drops field metadata; put the label back so every Parquet footer carries it
                .withMetadata("synthetic", SynthSchema.syntheticMetadata());
    }

    /** Generates and writes the records and the manifest to {@code out}. */
    public static Result write(SparkSession spark, List<AreaTargets> areas, Settings s, Map<String, Object> provenance,
            String out) {
        String dataset = new Path(out, SynthRecords.DATASET).toString();
        records(spark, areas, s.seed(), s.scale(), s.partitions()).write().mode(SaveMode.Overwrite).parquet(dataset);
        long rows = spark.read().parquet(dataset).count();
        long overfull = 0;
        for (AreaTargets a : areas) for (SynthTargets.Target t : a.targets()) overfull += t.overfull(s.scale());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("synthetic", true);
        m.put("label", SynthRecords.LABEL);
        m.put("generator", "sendscope synth sen2");
        m.put("created", Instant.now().toString());
        m.put("seed", s.seed());
        m.put("scale", s.scale());
        m.put("years", s.from() + "-" + s.to());
        m.put("areas", areas.stream().map(AreaTargets::areaCode).toList());
        m.put("rows", rows);
        m.put("dimensions_published_above_their_total", overfull);
        m.putAll(provenance);
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path p = new Path(out, SynthRecords.MANIFEST);
        try (OutputStream o = p.getFileSystem(conf).create(p, true)) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(o, m);
        } catch (IOException e) {
            throw new JobException("cannot write " + p + ": " + e.getMessage());
        }
        return new Result(rows, areas.size(), overfull, dataset);
    }

    /**
     * The whole command behind plain types (so {@code sendscope synth --help} needs no Spark): reads
     * the targets, starts a session on {@code master}, writes, and prints what it did.
     */
    public static Result run(Warehouse w, String warehouseFile, java.util.Set<String> areas, Settings s, String master,
            String out, java.io.PrintWriter say) {
        List<AreaTargets> targets = SynthTargets.read(w, areas, s.from(), s.to());
        if (targets.isEmpty()) {
            throw new JobException("no published SEN2 figures for " + (areas.isEmpty() ? "any LA" : areas)
                    + " in " + s.from() + "-" + s.to() + " in the warehouse (load them: sendscope load dfe-ehcp …)");
        }
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>();
        for (AreaTargets a : targets) for (SynthTargets.Target t : a.targets()) years.add(t.year());
        List<Integer> missing = new ArrayList<>();
        // a range typed by the user (not "all") is checked year by year
        if (s.to() - s.from() < 100) for (int y = s.from(); y <= s.to(); y++) if (!years.contains(y)) missing.add(y);
        if (!missing.isEmpty()) say.printf("no published SEN2 figures for %s in the warehouse: those years are left out%n", missing);
        Map<String, Object> provenance = provenance(w, warehouseFile);
        try (SparkSessions.Started started = SparkSessions.start(master)) {
            Result r = write(started.session(), targets, s, provenance, out);
            say.printf("%,d synthetic person-year records of %d LAs, %d-%d, seed %d, scale %s: %s%n", r.rows(), r.areas(),
                    years.first(), years.last(), s.seed(), s.scale(), r.dataset());
            if (r.overfullDimensions() > 0) {
                say.printf("%,d published breakdowns add up to more than their total: their last cells are short%n",
                        r.overfullDimensions());
            }
            say.flush();
            return r;
        }
    }

    /** Where the targets came from: the warehouse file and its SEN2 loads in force (file, SHA-256, release). */
    public static Map<String, Object> provenance(Warehouse w, String file) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("warehouse", file);
        List<Map<String, Object>> loads = new ArrayList<>();
        try (Statement s = w.connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT load_id, file_name, sha256, vintage FROM loads "
                        + "WHERE status = 'loaded' AND source = 'dfe-ehcp' ORDER BY load_id")) {
            while (rs.next()) {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("load_id", rs.getLong(1));
                l.put("file_name", rs.getString(2));
                l.put("sha256", rs.getString(3));
                l.put("vintage", rs.getString(4));
                loads.add(l);
            }
        } catch (SQLException e) {
            throw new WarehouseException("reading the warehouse's loads: " + e.getMessage(), e);
        }
        m.put("loads", loads);
        return m;
    }
}
