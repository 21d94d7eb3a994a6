-- question: How large is the DSG deficit as a share of income, against statistical neighbours and England?
-- parameters: $area the LA (GSS code); $as_of the date the answer is as at (latest financial year ending by then)
-- sources: DfE DSG cumulative balance as % of total income by LA (dsg loader:
--   dsg_cumulative_balance_pct_income, financial year; negative is a deficit) and total DSG
--   allocations (dsg_allocation); statistical_neighbours. Rank 1 = the healthiest balance.
-- answer: {say_title} ({period_label}): {say_value}{say_compared}.
SELECT b.title AS say_title, b.measure, b.period_label, b.value,
       CASE WHEN b.measure = 'dsg_cumulative_balance_pct_income' AND b.value < 0
            THEN 'a cumulative deficit of ' || say(-b.value, b.unit) || ' of income'
            WHEN b.measure = 'dsg_cumulative_balance_pct_income'
            THEN 'a cumulative surplus of ' || say(b.value, b.unit) || ' of income'
            ELSE '£' || say(b.value, b.unit) END AS say_value,
       b.england, b.sn_mean, b.sn_median, b.sn_n, b.rank, b.n_ranked, b.quartile,
       CASE WHEN b.measure = 'dsg_cumulative_balance_pct_income'
            THEN coalesce(' — ' || nullif(say_benchmarks(b.england, b.sn_mean, b.sn_n, b.rank, b.n_ranked, b.quartile, b.unit, b.polarity), ''), '')
                 || CASE WHEN b.change_previous IS NOT NULL
                         THEN '; ' || say_change(b.change_previous, b.unit) || ' on ' || b.previous_label ELSE '' END
            ELSE '' END AS say_compared,
       b.source, b.vintage, b.load_id
FROM latest_benchmarks($area, CAST($as_of AS DATE), ['dsg_cumulative_balance_pct_income', 'dsg_allocation'],
                       'financial_year') b
ORDER BY b.measure DESC;
