package org.sendscope.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.year;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sendscope.forecast.PanelInputs;
import org.sendscope.forecast.PanelLoader;
import org.sendscope.warehouse.Warehouse;
import org.sendscope.warehouse.WarehouseException;

/**
 * The four inputs of the EHC plan jobs as Datasets: LA series values, areas, statistical neighbours
 * and successions (the same queries {@link PanelLoader} runs).
 *
 * @param series       area_code, area_name, measure, breakdown, dimension, dimension_value, year, value
 * @param areas        area_code, name, region_code
 * @param neighbours   area_code, neighbour_code, rank
 * @param successions  area_code, successor_code
 */
public record EhcpInputs(Dataset<Row> series, Dataset<Row> areas, Dataset<Row> neighbours,
        Dataset<Row> successions) {

    static final StructType SERIES = new StructType()
            .add("area_code", DataTypes.StringType).add("area_name", DataTypes.StringType)
            .add("measure", DataTypes.StringType).add("breakdown", DataTypes.StringType)
            .add("dimension", DataTypes.StringType).add("dimension_value", DataTypes.StringType)
            .add("year", DataTypes.IntegerType).add("value", DataTypes.DoubleType);
    static final StructType AREAS = new StructType()
            .add("area_code", DataTypes.StringType).add("name", DataTypes.StringType)
            .add("region_code", DataTypes.StringType);
    static final StructType NEIGHBOURS = new StructType()
            .add("area_code", DataTypes.StringType).add("neighbour_code", DataTypes.StringType)
            .add("rank", DataTypes.IntegerType);
    static final StructType SUCCESSIONS = new StructType()
            .add("area_code", DataTypes.StringType).add("successor_code", DataTypes.StringType);

    /** Reads the inputs from the warehouse into Datasets of {@code spark}. */
    public static EhcpInputs fromWarehouse(SparkSession spark, Warehouse w) {
        return new EhcpInputs(
                spark.createDataFrame(rows(w, PanelLoader.SERIES_SQL, 8), SERIES),
                spark.createDataFrame(rows(w, PanelLoader.AREAS_SQL, 3), AREAS),
                spark.createDataFrame(rows(w, "SELECT area_code, neighbour_code, rank FROM statistical_neighbours", 3),
                        NEIGHBOURS),
                spark.createDataFrame(rows(w, PanelLoader.SUCCESSIONS_SQL, 2), SUCCESSIONS));
    }

    /**
     * The inputs from the warehouse's Parquet export ({@code sendscope export parquet}): the same
     * rows {@link PanelLoader}'s queries read, from the views observations, breakdowns, areas,
     * statistical_neighbours and area_successions.
     */
    public static EhcpInputs fromExport(SparkSession spark, JobArgs args) {
        Dataset<Row> b = args.read(spark, "breakdowns").select("breakdown", "dimension", "dimension_value", "is_group");
        Column total = col("dimension").equalTo("total");
        Column series = col("measure").equalTo("ehc_plans").and(col("period_kind").equalTo("census_january"))
                .and(total.or(col("dimension").isin("age", "placement").and(col("is_group"))))
                .or(col("measure").isin("ehc_plans_new", "ehc_requests", "ehc_plans_ceased")
                        .and(col("period_kind").equalTo("calendar_year")).and(total));
        Dataset<Row> values = args.read(spark, "observations").join(b, "breakdown")
                .where(col("level").equalTo("local_authority").and(col("value").isNotNull()).and(series))
                .select(col("area_code"), first("area_name").over(Window.partitionBy("area_code")).as("area_name"),
                        col("measure"), col("breakdown"), col("dimension"), col("dimension_value"),
                        year(col("period_start")).as("year"), col("value").cast("double").as("value"));
        return new EhcpInputs(values,
                args.read(spark, "areas").select("area_code", "name", "region_code"),
                args.read(spark, "statistical_neighbours").select(col("area_code"), col("neighbour_code"),
                        col("rank").cast("int").as("rank")),
                args.read(spark, "area_successions").select("area_code", "successor_code"));
    }

    /** The panel these Datasets describe (collected: SEN2 is tens of thousands of rows). */
    PanelInputs collect() {
        PanelInputs in = new PanelInputs();
        for (Row r : areas.collectAsList()) in.area(r.getString(0), r.getString(1), r.getString(2));
        for (Row r : series.orderBy("area_code", "measure", "breakdown", "year").collectAsList()) {
            in.value(r.getString(0), r.getString(1), r.getString(2), r.getString(4), r.getString(5), r.getInt(6),
                    r.getDouble(7));
        }
        for (Row r : neighbours.orderBy("area_code", "rank").collectAsList()) in.neighbour(r.getString(0), r.getString(1));
        for (Row r : successions.orderBy("area_code", "successor_code").collectAsList()) {
            in.succession(r.getString(0), r.getString(1));
        }
        return in;
    }

    private static List<Row> rows(Warehouse w, String sql, int columns) {
        List<Row> out = new ArrayList<>();
        try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Object[] v = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    Object o = rs.getObject(i + 1);
                    v[i] = o instanceof Number n && !(o instanceof Double) && !(o instanceof Integer) ? n.intValue() : o;
                }
                out.add(RowFactory.create(v));
            }
        } catch (SQLException e) {
            throw new WarehouseException("reading job inputs: " + e.getMessage(), e);
        }
        return out;
    }
}
