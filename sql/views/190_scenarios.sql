-- Scenario runs (sendscope scenario run|compare): see sql/README.md.
CREATE OR REPLACE VIEW scenario_runs AS
SELECT run_id, created_at, scenario, title, area_code, base_year, horizon, file_name, sha256, forecast_run_id,
       demand_source, mix_source, cease_rate, calibration_factor, simulations, seed, first_in_year_balance,
       safety_valve_met, safety_valve_shortfall_gbp, year5_cumulative_gbp, override_end_cumulative_gbp, inputs,
       scenario_text, command
FROM scenario_run;

CREATE OR REPLACE VIEW scenario_years AS
SELECT y.run_id, r.scenario, r.area_code, y.financial_year, y.year_index, y.ehcps, y.hnb_funding_gbp,
       y.transfer_gbp, y.funding_gbp, y.spend_gbp, y.in_year_balance_gbp, y.cumulative_balance_gbp,
       y.p10_cumulative_gbp, y.p50_cumulative_gbp, y.p90_cumulative_gbp, y.p_in_year_balance
FROM scenario_year_fact y JOIN scenario_run r USING (run_id);

CREATE OR REPLACE VIEW scenario_placements AS
SELECT c.run_id, r.scenario, r.area_code, c.financial_year, c.category, c.age_group, c.ehcps, c.spend_gbp
FROM scenario_category_fact c JOIN scenario_run r USING (run_id);
