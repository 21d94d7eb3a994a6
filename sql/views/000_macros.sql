-- Shared SQL helpers for loaders and views. Government Statistical Service markers are statuses,
-- never zeros: c suppressed, x not available, z not applicable, u low reliability, low rounds to
-- zero, ':' and '..' not available, '-' nil or not applicable in older tables.

-- 'reported' for a number, the marker itself for a marker, NULL for anything else (a bad value).
CREATE OR REPLACE MACRO gss_status(raw) AS
    CASE
        WHEN TRY_CAST(replace(trim(raw), ',', '') AS DOUBLE) IS NOT NULL THEN 'reported'
        WHEN trim(raw) IN ('c', 'x', 'z', 'u', 'low', ':', '..', '-') THEN trim(raw)
        WHEN lower(trim(raw)) = 'low' THEN 'low'
        ELSE NULL
    END;

-- The number in a cell, NULL for a marker.
CREATE OR REPLACE MACRO gss_value(raw) AS TRY_CAST(replace(trim(raw), ',', '') AS DOUBLE);

-- DfE time_period as a January census (2022 -> January 2022; 202122 -> January 2022).
CREATE OR REPLACE MACRO dfe_census_year(tp) AS
    CASE WHEN length(trim(tp)) = 6 THEN CAST(substr(trim(tp), 1, 4) AS INTEGER) + 1
         ELSE CAST(trim(tp) AS INTEGER) END;
