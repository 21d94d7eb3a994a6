-- Every predecessor -> successor pair, a split LA once per successor (areas.successor_code names only
-- the first): the successions the EHC plan forecasts follow (forecast/PanelLoader), as a view so that
-- the Parquet export carries them to the Spark jobs.
CREATE OR REPLACE VIEW area_successions AS
SELECT area_code, successor_code FROM areas WHERE successor_code IS NOT NULL
UNION
SELECT area_code, successor_code FROM area_split;
