-- High Needs Block / DSG deficit scenarios (sendscope scenario run|compare): one row per run with the
-- scenario file's text and checksum, the forecast run its demand came from and the simulation seed;
-- one row per run and financial year; one per run, year, DSG placement category and age group.
-- No load_id on purpose (as forecasts): a run records what it read instead.
CREATE SEQUENCE IF NOT EXISTS scenario_run_seq START 1;

CREATE TABLE scenario_run (
    run_id                      BIGINT PRIMARY KEY,
    created_at                  TIMESTAMP NOT NULL,
    scenario                    VARCHAR NOT NULL,   -- file name without .yaml
    title                       VARCHAR,
    area_code                   VARCHAR NOT NULL,
    base_year                   VARCHAR NOT NULL,   -- financial year, 2024-25
    horizon                     INTEGER NOT NULL,
    file_name                   VARCHAR,
    scenario_text               VARCHAR NOT NULL,   -- the file as read
    sha256                      VARCHAR NOT NULL,   -- of scenario_text
    forecast_run_id             BIGINT,             -- forecast_run the demand came from (NULL for a growth rate)
    demand_source               VARCHAR NOT NULL,
    mix_source                  VARCHAR NOT NULL,
    cease_rate                  DOUBLE,
    calibration_factor          DOUBLE,             -- applied to the calibrated unit costs (1 = none)
    simulations                 INTEGER NOT NULL,   -- 0 = deterministic only
    seed                        BIGINT NOT NULL,
    first_in_year_balance       VARCHAR,            -- financial year, NULL when never within the horizon
    safety_valve_met            BOOLEAN NOT NULL,
    safety_valve_shortfall_gbp  DOUBLE,
    year5_cumulative_gbp        DOUBLE,
    override_end_cumulative_gbp DOUBLE,             -- at 31 March 2026
    inputs                      VARCHAR NOT NULL,   -- JSON: unit costs after calibration, mix, knobs
    command                     VARCHAR
);

CREATE TABLE scenario_year_fact (
    run_id                 BIGINT NOT NULL,
    financial_year         VARCHAR NOT NULL,
    year_index             INTEGER NOT NULL,        -- 1 = base year
    ehcps                  DOUBLE NOT NULL,
    hnb_funding_gbp        DOUBLE NOT NULL,
    transfer_gbp           DOUBLE NOT NULL,
    funding_gbp            DOUBLE NOT NULL,
    spend_gbp              DOUBLE NOT NULL,
    in_year_balance_gbp    DOUBLE NOT NULL,
    cumulative_balance_gbp DOUBLE NOT NULL,
    p10_cumulative_gbp     DOUBLE,
    p50_cumulative_gbp     DOUBLE,
    p90_cumulative_gbp     DOUBLE,
    p_in_year_balance      DOUBLE
);

CREATE TABLE scenario_category_fact (
    run_id         BIGINT NOT NULL,
    financial_year VARCHAR NOT NULL,
    category       VARCHAR NOT NULL,   -- DSG plan category code (mainstream, independent_special, ...)
    age_group      VARCHAR NOT NULL,   -- 'total' or an age breakdown (age:5-10)
    ehcps          DOUBLE,
    spend_gbp      DOUBLE              -- on the category total rows only
);
