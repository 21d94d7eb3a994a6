-- question: What percentage of new EHC plans were issued within 20 weeks this academic year, with and without exceptions, and how does that compare?
-- parameters: $area the LA (GSS code); $as_of the date the answer is as at: the local figure is the
--   latest month of the academic year (from September) that contains it, the published comparison
--   the latest SEN2 calendar year ending by then
-- sources: the LA's SEND scorecard / improvement-plan KPI tables (kpis loader: monthly, academic year
--   to date); SEN2 "Education, health and care plans" (dfe-ehcp: calendar year, every LA, England,
--   statistical neighbours)
-- answer: {say_title}, {basis} {period_label}: {say_value}{say_compared}.
WITH ay AS (
    SELECT CAST($as_of AS DATE) AS as_of,
           make_date(year(CAST($as_of AS DATE)) - CASE WHEN month(CAST($as_of AS DATE)) < 9 THEN 1 ELSE 0 END, 9, 1) AS ay_start
),
measures_asked AS (SELECT ['ehc_20wk_pct_incl_exc', 'ehc_20wk_pct_excl_exc'] AS m)
SELECT 'this academic year to date (local scorecard)' AS basis, l.title AS say_title, l.measure, l.period_label, l.value,
       say_trend(l.value, l.status, l.unit, l.previous_label, l.previous_value, l.direction_of_travel, l.target, l.rag) AS say_value,
       CAST(NULL AS DOUBLE) AS england, CAST(NULL AS DOUBLE) AS sn_mean, CAST(NULL AS BIGINT) AS rank,
       '' AS say_compared, l.target, l.rag, l.source, l.vintage, l.load_id
FROM ay, measures_asked, latest_trend($area, (SELECT as_of FROM ay), (SELECT m FROM measures_asked), 'month') l
WHERE l.period_start >= ay.ay_start
UNION ALL
SELECT 'latest published calendar year (SEN2)', b.title, b.measure, b.period_label, b.value, say(b.value, b.unit),
       b.england, b.sn_mean, b.rank,
       coalesce(' — ' || nullif(say_benchmarks(b.england, b.sn_mean, b.sn_n, b.rank, b.n_ranked, b.quartile, b.unit, b.polarity), ''), ''),
       NULL, NULL, b.source, b.vintage, b.load_id
FROM latest_benchmarks($area, (SELECT as_of FROM ay), (SELECT m FROM measures_asked), 'calendar_year') b
ORDER BY basis DESC, measure DESC;
