-- Every stored forecast with its run's origin and time; forecast_runs has the run's inputs and settings.
CREATE OR REPLACE VIEW forecasts AS
SELECT f.run_id, r.created_at, r.measure, r.origin, f.area_code, f.area_name, f.target_year, f.horizon,
       f.model, f.selection, f.breakdown, f.point, f.lo80, f.hi80, f.lo95, f.hi95, f.mc_mean, f.mc_std_error,
       f.parameters
FROM forecast_fact f
JOIN forecast_run r USING (run_id);

CREATE OR REPLACE VIEW forecast_runs AS
SELECT run_id, created_at, measure, origin, horizon, model, inputs, parameters, command
FROM forecast_run;

-- The rows of the latest run for each origin.
CREATE OR REPLACE VIEW forecasts_latest AS
SELECT * FROM forecasts
WHERE run_id IN (SELECT max(run_id) FROM forecast_run GROUP BY measure, origin);
