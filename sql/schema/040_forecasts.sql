-- Forecasts (sendscope forecast …): one row per run with its inputs and settings, one row per area,
-- target January and part. No load_id column on purpose: a re-load of SEN2 must not delete
-- forecasts made from the earlier load; a run's inputs record which loads it read instead.
CREATE SEQUENCE IF NOT EXISTS forecast_run_seq START 1;

CREATE TABLE forecast_run (
    run_id      BIGINT PRIMARY KEY,
    created_at  TIMESTAMP NOT NULL,
    measure     VARCHAR NOT NULL,     -- the series forecast: ehc_plans
    origin      INTEGER NOT NULL,     -- the last January used (flows up to the calendar year before)
    horizon     INTEGER NOT NULL,     -- years ahead
    model       VARCHAR NOT NULL,     -- as asked: a model name or 'auto'
    inputs      VARCHAR NOT NULL,     -- JSON: the loads read (load_id, file, sha256, vintage) and the cut-off rules
    parameters  VARCHAR NOT NULL,     -- JSON: engine settings (models, interval window, simulations)
    command     VARCHAR               -- the command line that made it
);

CREATE TABLE forecast_fact (
    run_id       BIGINT NOT NULL,
    area_code    VARCHAR NOT NULL,
    area_name    VARCHAR,
    target_year  INTEGER NOT NULL,    -- the January forecast
    horizon      INTEGER NOT NULL,
    model        VARCHAR NOT NULL,    -- the model that made the point
    selection    VARCHAR NOT NULL,    -- 'given' (named by the user) or 'auto' (chosen by backtest)
    breakdown    VARCHAR NOT NULL,    -- 'total' or a part such as 'age:5-10' (parts sum to the total)
    point        DOUBLE,
    lo80         DOUBLE,
    hi80         DOUBLE,
    lo95         DOUBLE,
    hi95         DOUBLE,
    mc_mean      DOUBLE,              -- Monte Carlo models: mean of the simulations
    mc_std_error DOUBLE,              -- Monte Carlo error of that mean (not an interval)
    parameters   VARCHAR              -- JSON: what the model fitted for this area
);
