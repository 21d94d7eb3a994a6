-- question: What percentage of decisions whether to assess are made within the statutory six weeks, and how does that compare?
-- parameters: $area the LA (GSS code); $as_of the date the answer is as at
-- sources: the LA's SEND scorecard (kpis loader: ehc_6wk_decision_pct, monthly); SEN2 (dfe-ehcp:
--   ehc_request_decision_6wk_pct, calendar year, every LA, England, statistical neighbours)
-- answer: {say_title} ({basis}, {period_label}): {say_value}{say_compared}.
SELECT 'local scorecard, latest month' AS basis, t.title AS say_title, t.measure, t.period_label, t.value,
       say_trend(t.value, t.status, t.unit, t.previous_label, t.previous_value, t.direction_of_travel, t.target, t.rag) AS say_value,
       CAST(NULL AS DOUBLE) AS england, CAST(NULL AS DOUBLE) AS sn_mean, CAST(NULL AS BIGINT) AS rank,
       '' AS say_compared, t.source, t.vintage, t.load_id
FROM latest_trend($area, CAST($as_of AS DATE), ['ehc_6wk_decision_pct'], 'month') t
UNION ALL
SELECT 'SEN2, calendar year', b.title, b.measure, b.period_label, b.value, say(b.value, b.unit), b.england,
       b.sn_mean, b.rank,
       coalesce(' — ' || nullif(say_benchmarks(b.england, b.sn_mean, b.sn_n, b.rank, b.n_ranked, b.quartile, b.unit, b.polarity), ''), ''),
       b.source, b.vintage, b.load_id
FROM latest_benchmarks($area, CAST($as_of AS DATE), ['ehc_request_decision_6wk_pct'], 'calendar_year') b
UNION ALL
-- SEN2 has published this measure as 'x' (not available) for every LA so far: say so rather than nothing.
SELECT 'SEN2, calendar year', v.title, v.measure, v.period_label, v.value, 'not published (' || v.status || ')',
       NULL, NULL, NULL, '', v.source, v.vintage, v.load_id
FROM latest_values($area, CAST($as_of AS DATE), ['ehc_request_decision_6wk_pct'], 'calendar_year') v
WHERE v.value IS NULL;
