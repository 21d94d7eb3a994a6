CREATE OR REPLACE VIEW loads AS
SELECT load_id, source, file_name, sha256, started_at, finished_at, rows_loaded, rows_rejected,
       status, message, vintage, scope
FROM load_log;

CREATE OR REPLACE VIEW load_rejects AS
SELECT load_id, file_name, line, field, raw_value, reason
FROM load_reject_log;

CREATE OR REPLACE VIEW load_parts AS
SELECT load_id, part, rows_loaded
FROM load_part_log;
