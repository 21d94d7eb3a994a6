-- The parts (files) of each load and how many values each gave, kept when the load is superseded,
-- so that a later load of the same scope that lacks a file, or gives far fewer values from it, can
-- say so instead of removing them silently (docs/decisions/0081-no-silent-shrink.md).
-- load_log.status is now one of: loading (only inside the load's own transaction), loaded,
-- superseded, refused (the input was refused; nothing kept) or failed (an error; nothing kept).
CREATE TABLE load_part_log (
    load_id     BIGINT NOT NULL,
    part        VARCHAR NOT NULL,      -- e.g. 'caseload.csv'
    rows_loaded BIGINT NOT NULL        -- values (observations) written from it
);
