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

-- DfE's year labels, the rule of org.sendscope.period.DfePeriods (docs/decisions/0120; a test checks
-- that both read every label of the published files alike): 2022 is one year; 202122, 2021-22 and
-- 2021/22 one year spanning two, the last two digits following the first year. NULL: not a label.
CREATE OR REPLACE MACRO dfe_first_year(tp) AS
    CASE WHEN regexp_full_match(trim(tp), '[0-9]{4}') THEN TRY_CAST(trim(tp) AS INTEGER)
         WHEN regexp_full_match(trim(tp), '[0-9]{4}[-/]?[0-9]{2}')
              AND (TRY_CAST(left(trim(tp), 4) AS INTEGER) + 1) % 100 = TRY_CAST(right(trim(tp), 2) AS INTEGER)
         THEN TRY_CAST(left(trim(tp), 4) AS INTEGER) END;

-- True for a label that spans two years (202122), false for one year (2022), NULL for no label.
CREATE OR REPLACE MACRO dfe_spans_two_years(tp) AS
    CASE WHEN dfe_first_year(tp) IS NOT NULL THEN length(trim(tp)) > 4 END;

-- A count as at January: 2022 -> January 2022; 202122 -> January 2022.
CREATE OR REPLACE MACRO dfe_census_year(tp) AS
    dfe_first_year(tp) + CASE WHEN dfe_spans_two_years(tp) THEN 1 ELSE 0 END;

-- A flow over a year: 2021 is calendar year 2021, 202021 academic year 2020/21.
CREATE OR REPLACE MACRO dfe_flow_kind(tp) AS
    CASE WHEN dfe_spans_two_years(tp) THEN 'academic_year' WHEN NOT dfe_spans_two_years(tp) THEN 'calendar_year' END;
CREATE OR REPLACE MACRO dfe_flow_start(tp) AS
    CASE WHEN dfe_spans_two_years(tp) THEN make_date(dfe_first_year(tp), 9, 1) ELSE make_date(dfe_first_year(tp), 1, 1) END;
CREATE OR REPLACE MACRO dfe_flow_end(tp) AS
    CASE WHEN dfe_spans_two_years(tp) THEN make_date(dfe_first_year(tp) + 1, 8, 31) ELSE make_date(dfe_first_year(tp), 12, 31) END;

-- A finance file's spanning year (201920, 2019-20) as a financial year, April to March; NULL otherwise.
CREATE OR REPLACE MACRO dfe_financial_start(tp) AS
    CASE WHEN dfe_spans_two_years(tp) THEN make_date(dfe_first_year(tp), 4, 1) END;
CREATE OR REPLACE MACRO dfe_financial_end(tp) AS
    CASE WHEN dfe_spans_two_years(tp) THEN make_date(dfe_first_year(tp) + 1, 3, 31) END;

-- Which figure wins (docs/decisions/0126-which-figure-wins.md). The class of a loader's figures:
-- official statistics (the DfE's releases), management information (an LA's own scorecards and
-- trackers), transcribed (figures copied from a committee paper's text, or anything else), and
-- synthetic (the demo's made-up LA, whatever loader wrote it).
CREATE OR REPLACE MACRO source_class(loader, vintage) AS
    CASE WHEN vintage = 'synthetic' THEN 'synthetic'
         WHEN loader IN ('dfe-ehcp', 'lait', 'neighbours', 'dsg', 'ees') THEN 'official'
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
