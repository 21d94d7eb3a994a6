-- question: What is the backlog of EHC needs assessments: how many are waiting over 20 weeks, and over 30 weeks?
-- parameters: $area the LA (GSS code); $as_of the date the answer is as at (latest month ending by then)
-- sources: the LA's SEND scorecard / improvement-plan KPI tables (kpis loader: ehc_assessments_over_20wk,
--   ehc_assessments_over_30wk, ehc_assessments_open), targets from kpi_targets
-- answer: {title}, {period_label}: {say_trend}.
SELECT measure, title, period_label, value, status, previous_label, previous_value, direction_of_travel, target, rag,
       say_trend(value, status, unit, previous_label, previous_value, direction_of_travel, target, rag) AS say_trend,
       source, vintage, load_id
FROM latest_trend($area, CAST($as_of AS DATE),
                  ['ehc_assessments_over_20wk', 'ehc_assessments_over_30wk', 'ehc_assessments_open'], NULL)
ORDER BY measure DESC;
