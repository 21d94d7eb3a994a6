-- The "statistical neighbours" column of a scrutiny table: for each LA and each published value
-- (measure, breakdown, period), the mean over its current ten statistical neighbours (latest
-- release, view statistical_neighbours) of the values those neighbours reported. Markers are not
-- values: neighbours_reported says how many of the ten the mean is over.
-- Computed at load time into mart_statistical_neighbour_averages (warehouse/Marts; docs/decisions/0125).
CREATE OR REPLACE MACRO statistical_neighbour_averages_of(measure_list) AS TABLE
SELECT n.area_code,
       o.measure,
       o.breakdown,
       o.period_kind,
       o.period_start,
       o.period_end,
       min(o.period_label)                AS period_label,
       avg(o.value)                       AS neighbour_mean,
       count(o.value)                     AS neighbours_reported,
       count(*)                           AS neighbours_published,
       min(n.vintage)                     AS neighbours_vintage
FROM statistical_neighbours n
JOIN observations o ON o.area_code = n.neighbour_code
WHERE measure_list IS NULL OR list_contains(measure_list, o.measure)
GROUP BY n.area_code, o.measure, o.breakdown, o.period_kind, o.period_start, o.period_end;

CREATE OR REPLACE TABLE mart_statistical_neighbour_averages AS SELECT * FROM statistical_neighbour_averages_of(NULL) ORDER BY area_code;
CREATE OR REPLACE VIEW statistical_neighbour_averages AS SELECT * FROM mart_statistical_neighbour_averages;
