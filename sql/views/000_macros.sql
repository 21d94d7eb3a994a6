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

-- Which figure wins (docs/decisions/0126-which-figure-wins.md). The class of a loader's figures:
-- official statistics (the DfE's releases), management information (an LA's own scorecards and
-- trackers), transcribed (figures copied from a committee paper's text, or anything else), and
-- synthetic (the demo's made-up LA, whatever loader wrote it).
CREATE OR REPLACE MACRO source_class(loader, vintage) AS
    CASE WHEN vintage = 'synthetic' THEN 'synthetic'
         WHEN loader IN ('dfe-ehcp', 'lait', 'neighbours', 'dsg') THEN 'official'
         WHEN loader IN ('kpis', 'actions') THEN 'management_information'
         ELSE 'transcribed' END;

-- 1 wins over 2 over 3 over 4.
CREATE OR REPLACE MACRO source_class_rank(cls) AS
    CASE cls WHEN 'official' THEN 1 WHEN 'management_information' THEN 2 WHEN 'transcribed' THEN 3 ELSE 4 END;

-- A release label as a date: '2024-07-24' itself, '2025-05' its first day, '2022' 1 January (only the
-- order of releases within a class is read from it); NULL for a label that is not a date.
CREATE OR REPLACE MACRO release_date_of(vintage) AS
    CASE WHEN regexp_full_match(vintage, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN TRY_CAST(vintage AS DATE)
         WHEN regexp_full_match(vintage, '[0-9]{4}-[0-9]{2}') THEN TRY_CAST(vintage || '-01' AS DATE)
         WHEN regexp_full_match(vintage, '[0-9]{4}') THEN make_date(CAST(vintage AS INTEGER), 1, 1) END;
