-- Trend, RAG and benchmark rules shared by the analysis views. The Java classes in
-- org.sendscope.analysis (Tolerance, DirectionOfTravel, Rag, QuartileBands, Ranking, Periods)
-- implement the same rules; tests check that both agree. Decisions: docs/decisions/0050, 0051.

-- +1 when a rise is better, -1 when a fall is better, 0 for a neutral measure.
CREATE OR REPLACE MACRO polarity_sign(polarity) AS
    CASE polarity WHEN 'higher_is_better' THEN 1 WHEN 'lower_is_better' THEN -1 ELSE 0 END;

-- Percentages move in points; everything else relative to its size.
CREATE OR REPLACE MACRO unit_in_points(unit) AS lower(coalesce(unit, '')) IN ('percent', 'percentage', '%');

-- The largest change that is still 'flat': 0.5 points for a percentage, 1% of the earlier value otherwise.
CREATE OR REPLACE MACRO flat_tolerance(unit, previous) AS
    CASE WHEN unit_in_points(unit) THEN 0.5 ELSE 0.01 * abs(previous) END;

-- How far short of target is still amber: 5 points for a percentage, 10% of the target otherwise.
CREATE OR REPLACE MACRO amber_band(unit, target) AS
    CASE WHEN unit_in_points(unit) THEN 5.0 ELSE 0.10 * abs(target) END;

-- improving / worsening / flat, or rising / falling / flat for a neutral measure; NULL without both values.
CREATE OR REPLACE MACRO direction_of_travel(previous, current, polarity, unit) AS
    CASE
        WHEN previous IS NULL OR current IS NULL OR isnan(previous) OR isnan(current) THEN NULL
        WHEN abs(current - previous) <= flat_tolerance(unit, previous) + 1e-9 THEN 'flat'
        WHEN polarity_sign(polarity) = 0 THEN CASE WHEN current > previous THEN 'rising' ELSE 'falling' END
        WHEN (current - previous) * polarity_sign(polarity) > 0 THEN 'improving'
        ELSE 'worsening'
    END;

-- green at or beyond target, amber within the band short of it, red beyond; NULL if not judged.
CREATE OR REPLACE MACRO rag_rating(value, target, polarity, unit) AS
    CASE
        WHEN value IS NULL OR target IS NULL OR isnan(value) OR isnan(target) OR polarity_sign(polarity) = 0 THEN NULL
        WHEN (target - value) * polarity_sign(polarity) <= 1e-9 THEN 'green'
        WHEN (target - value) * polarity_sign(polarity) <= amber_band(unit, target) + 1e-9 THEN 'amber'
        ELSE 'red'
    END;

-- How far one period of a kind is from the next: a year for yearly kinds, a month, a quarter.
-- NULL for kinds without a fixed step (terms, half terms, dates): their previous period is the last one published.
CREATE OR REPLACE MACRO period_step(kind) AS
    CASE kind
        WHEN 'census_january' THEN INTERVAL 1 YEAR
        WHEN 'calendar_year'  THEN INTERVAL 1 YEAR
        WHEN 'academic_year'  THEN INTERVAL 1 YEAR
        WHEN 'financial_year' THEN INTERVAL 1 YEAR
        WHEN 'multi_year'     THEN INTERVAL 1 YEAR
        WHEN 'month'          THEN INTERVAL 1 MONTH
        WHEN 'quarter'        THEN INTERVAL 3 MONTH
        ELSE NULL
    END;

-- True when the period starting at previous_start comes straight before the one starting at this_start.
CREATE OR REPLACE MACRO consecutive_periods(kind, previous_start, this_start) AS
    previous_start IS NOT NULL AND (period_step(kind) IS NULL
        OR CAST(previous_start + period_step(kind) AS DATE) = this_start);

-- LAIT's quartile band of a value given the cut points: ranges [min,q1] (q1,q2] (q2,q3] (q3,max],
-- a value on a cut point in the lower range; A is the best range (the highest for neutral measures).
CREATE OR REPLACE MACRO quartile_band(value, q1, q2, q3, polarity) AS
    CASE WHEN value IS NULL OR q1 IS NULL THEN NULL ELSE
        chr(64 + CASE WHEN polarity = 'lower_is_better'
                      THEN (CASE WHEN value <= q1 THEN 1 WHEN value <= q2 THEN 2 WHEN value <= q3 THEN 3 ELSE 4 END)
                      ELSE 5 - (CASE WHEN value <= q1 THEN 1 WHEN value <= q2 THEN 2 WHEN value <= q3 THEN 3 ELSE 4 END)
                 END)
    END;
