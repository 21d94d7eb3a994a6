-- question: What share of EHC plans are in mainstream settings, against statistical neighbours and England?
-- parameters: $area the LA (GSS code); $as_of the date the answer is as at
-- sources: SEN2 caseload by placement as at January (dfe-ehcp; derived measure ehc_plans_mainstream_pct =
--   placement:mainstream / all plans, every LA, England, statistical neighbours); the LA's scorecard
--   "% of EHCPs in Mainstream" (kpis loader, monthly) where loaded
-- answer: {say_title} ({basis}, {period_label}): {say_value}{say_compared}.
SELECT 'SEN2, January census' AS basis, b.title AS say_title, b.measure, b.period_label, b.value,
       say(b.value, b.unit) AS say_value, b.england, b.sn_mean, b.sn_n, b.rank, b.n_ranked, b.quartile,
       coalesce(' — ' || nullif(say_benchmarks(b.england, b.sn_mean, b.sn_n, b.rank, b.n_ranked, b.quartile, b.unit, b.polarity), ''), '') AS say_compared,
       b.source, b.vintage, b.load_id
FROM latest_benchmarks($area, CAST($as_of AS DATE), ['ehc_plans_mainstream_pct'], 'census_january') b
UNION ALL
SELECT 'local scorecard', t.title, t.measure, t.period_label, t.value,
       say_trend(t.value, t.status, t.unit, t.previous_label, t.previous_value, t.direction_of_travel, t.target, t.rag),
       NULL, NULL, NULL, NULL, NULL, NULL, '', t.source, t.vintage, t.load_id
FROM latest_trend($area, CAST($as_of AS DATE), ['ehc_plans_mainstream_pct'], 'month') t;
