-- question: How many EHC plans does the LA maintain, how fast is that growing, and how does it compare?
-- parameters: $area the LA (GSS code); $as_of the date the answer is as at
-- sources: SEN2 EHC plans as at January (dfe-ehcp: ehc_plans; derived ehc_plans_growth_1y_pct, every
--   LA, England, statistical neighbours); the LA's own count of EHC plans (ehc_plans_local: kpis and paper loaders, monthly
--   or termly) where loaded. The school census count of pupils with an EHCP is a different measure
--   and is not shown beside these.
-- answer: {say_title} ({basis}, {period_label}): {say_value}{say_compared}.
SELECT 'SEN2, January census' AS basis, b.title AS say_title, b.measure, b.period_label, b.value,
       say(b.value, b.unit) AS say_value, b.england, b.sn_mean, b.rank, b.n_ranked,
       coalesce(' — ' || nullif(say_benchmarks(b.england, b.sn_mean, b.sn_n, b.rank, b.n_ranked, b.quartile, b.unit, b.polarity), ''), '') AS say_compared,
       b.source, b.vintage, b.load_id
FROM latest_benchmarks($area, CAST($as_of AS DATE), ['ehc_plans', 'ehc_plans_growth_1y_pct'], 'census_january') b
UNION ALL
SELECT 'local scorecard', t.title, t.measure, t.period_label, t.value,
       say_trend(t.value, t.status, t.unit, t.previous_label, t.previous_value, t.direction_of_travel, t.target, t.rag),
       NULL, NULL, NULL, NULL, '', t.source, t.vintage, t.load_id
FROM latest_trend($area, CAST($as_of AS DATE), ['ehc_plans_local'], NULL) t
WHERE t.period_kind IN ('month', 'term', 'half_term')
ORDER BY basis DESC, measure;
