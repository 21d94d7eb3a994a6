-- Each load's release as a date beside its label (load_log.vintage): which figure wins between two
-- releases of a class is the newer release date, never the larger label (docs/decisions/0126).
-- A table of its own rather than a load_log column, so that rows written into load_log with its
-- twelve columns (fixtures, older tools) keep working; loads without a row here are dated from
-- their label by release_date_of() (sql/views/000_macros.sql).
CREATE TABLE load_release_log (
    load_id      BIGINT PRIMARY KEY,
    release_date DATE                  -- NULL when the label is not a date (e.g. 'synthetic')
);
