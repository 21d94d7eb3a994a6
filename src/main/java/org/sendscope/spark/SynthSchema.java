package org.sendscope.spark;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructType;

/**
 * The person-year table of {@link SynthRecords} as a Spark schema (kept apart so the vocabulary
 * and the DuckDB reference load without Spark).
 */
public final class SynthSchema {
    /** The person-year table's columns: {@code synthetic} first, so no one mistakes a row for a child. */
    public static final StructType RECORDS = new StructType()
            .add("synthetic", DataTypes.BooleanType, false, syntheticMetadata())
            .add("record", DataTypes.StringType, false)
            .add("child_id", DataTypes.StringType, false)
            .add("area_code", DataTypes.StringType, false)
            .add("year", DataTypes.IntegerType, false)
            .add("age", DataTypes.StringType)
            .add("placement", DataTypes.StringType)
            .add("outcome", DataTypes.StringType)
            .add("reason", DataTypes.StringType);

    private SynthSchema() {
    }

    /** Field metadata Spark keeps in every Parquet file's footer: the label in the file itself. */
    static Metadata syntheticMetadata() {
        return new MetadataBuilder().putString("comment", SynthRecords.LABEL).putBoolean("synthetic", true).build();
    }
}
