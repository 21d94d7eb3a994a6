package org.sendscope.spark;

/** How a job's outputs are written: Parquet (the default, what a cluster keeps) or CSV with a header. */
public enum OutputFormat {
    parquet, csv
}
