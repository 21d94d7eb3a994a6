-- question: How many disagreements went to mediation and to the SEND tribunal, and how is that changing?
-- parameters: $area the LA (GSS code); $as_of the date the answer is as at
-- sources: SEN2 (dfe-ehcp: ehc_mediations and ehc_tribunals_after_mediation to 2021 in the 2022
--   release; mediations and tribunals related to requests and to assessments from the 2025 release),
--   the LA's SEND scorecard (kpis loader: mediations, cumulative in the calendar year)
-- answer: {say_title} ({basis}, {period_label}): {say_value}{say_compared}.
SELECT 'SEN2, calendar year' AS basis, b.title AS say_title, b.measure, b.period_label, b.value,
       say(b.value, b.unit) AS say_value, b.previous_label, b.change_previous, b.england, b.sn_mean,
       CASE WHEN b.change_previous IS NOT NULL
            THEN ' (' || say_change(b.change_previous, b.unit)
                 || ' on ' || b.previous_label || ')' ELSE '' END
       || coalesce(' — ' || nullif(say_benchmarks(b.england, b.sn_mean, b.sn_n, NULL, NULL, NULL, b.unit, b.polarity), ''), '') AS say_compared,
       b.source, b.vintage, b.load_id
FROM latest_benchmarks($area, CAST($as_of AS DATE),
                       ['ehc_mediations', 'ehc_tribunals_after_mediation', 'ehc_requests_mediation',
                        'ehc_requests_tribunal', 'ehc_assessments_mediation', 'ehc_assessments_tribunal'], 'calendar_year') b
UNION ALL
SELECT 'local scorecard', t.title, t.measure, t.period_label, t.value,
       say_trend(t.value, t.status, t.unit, t.previous_label, t.previous_value, t.direction_of_travel, t.target, t.rag),
       NULL, NULL, NULL, NULL, '', t.source, t.vintage, t.load_id
FROM latest_trend($area, CAST($as_of AS DATE), ['mediations', 'mediations_la_favour_pct'], 'month') t
ORDER BY basis DESC, measure;
