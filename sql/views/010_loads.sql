CREATE OR REPLACE VIEW loads AS
SELECT l.load_id, l.source, l.file_name, l.sha256, l.started_at, l.finished_at, l.rows_loaded, l.rows_rejected,
       l.status, l.message, l.vintage, l.scope,
       coalesce(r.release_date, release_date_of(l.vintage)) AS release_date,
       source_class(l.source, l.vintage)                    AS source_class
FROM load_log l
LEFT JOIN load_release_log r USING (load_id);

CREATE OR REPLACE VIEW load_rejects AS
SELECT load_id, file_name, line, field, raw_value, reason
FROM load_reject_log;

CREATE OR REPLACE VIEW load_parts AS
SELECT load_id, part, rows_loaded
FROM load_part_log;
