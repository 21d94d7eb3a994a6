-- What `sendscope load spark DIR` brings back from a Spark job's output folder: the run as its
-- manifest (_sendscope_job.json) describes it, and every row of every output, kept as the job wrote
-- it (one JSON object a row: the jobs' outputs have different columns, and a job added later needs
-- no new table). docs/decisions/0193.
CREATE TABLE spark_run (
    load_id       BIGINT NOT NULL,
    run_id        VARCHAR NOT NULL,   -- the job run's own id (from its manifest)
    job           VARCHAR NOT NULL,   -- comparisons, trends, forecast, simulate, …
    started_at    VARCHAR,
    finished_at   VARCHAR,
    spark_version VARCHAR,
    master        VARCHAR,            -- local[2], spark://127.0.0.1:7077, …
    input         VARCHAR,            -- the folder the job read
    settings      VARCHAR,            -- JSON: the job's settings (origin, seed, batches, …)
    input_files   VARCHAR,            -- JSON: every input file with its size and SHA-256
    manifest      VARCHAR NOT NULL    -- the manifest as written
);

CREATE TABLE spark_output_row (
    load_id  BIGINT NOT NULL,
    output   VARCHAR NOT NULL,        -- the output's name (benchmark_comparison, forecasts, simulations, …)
    row_no   BIGINT NOT NULL,         -- 1.. within the output, in the order the files hold the rows
    record   VARCHAR NOT NULL         -- the row as a JSON object, column name to value
);
