-- Shared SQL helpers for loaders and views. Government Statistical Service markers are statuses,
-- never zeros: c suppressed, x not available, z not applicable, u low reliability, low rounds to
-- zero, ':' and '..' not available, '-' nil or not applicable in older tables.

-- A number as published: digits with an optional sign, decimal point and exponent, or commas that
-- separate thousands (1,234). A decimal comma (1,5), NaN, infinities and overflows are not numbers.
-- The pattern is org.sendscope.ingest.Numbers.PATTERN (a test keeps the two the same).
CREATE OR REPLACE MACRO gss_number(raw) AS
    CASE WHEN regexp_full_match(trim(raw), '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?|[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
              AND isfinite(TRY_CAST(replace(trim(raw), ',', '') AS DOUBLE))
         THEN TRY_CAST(replace(trim(raw), ',', '') AS DOUBLE) END;

-- 'reported' for a number, the marker itself for a marker, NULL for anything else (a bad value).
CREATE OR REPLACE MACRO gss_status(raw) AS
    CASE
        WHEN gss_number(raw) IS NOT NULL THEN 'reported'
        WHEN trim(raw) IN ('c', 'x', 'z', 'u', 'low', ':', '..', '-') THEN trim(raw)
        WHEN lower(trim(raw)) = 'low' THEN 'low'
        ELSE NULL
    END;

-- The number in a cell, NULL for a marker.
CREATE OR REPLACE MACRO gss_value(raw) AS gss_number(raw);

-- DfE time_period as a January census (2022 -> January 2022; 202122 -> January 2022).
CREATE OR REPLACE MACRO dfe_census_year(tp) AS
    CASE WHEN length(trim(tp)) = 6 THEN CAST(substr(trim(tp), 1, 4) AS INTEGER) + 1
         ELSE CAST(trim(tp) AS INTEGER) END;
