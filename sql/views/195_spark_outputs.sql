-- Spark job runs loaded back (sendscope load spark DIR) and their rows; docs/decisions/0193.
CREATE OR REPLACE VIEW spark_runs AS
SELECT r.load_id, r.run_id, r.job, r.started_at, r.finished_at, r.spark_version, r.master, r.input, r.settings,
       r.input_files, l.file_name AS output_folder, l.sha256, l.finished_at AS loaded_at,
       (SELECT count(*) FROM spark_output_row o WHERE o.load_id = r.load_id) AS rows
FROM spark_run r JOIN load_log l ON l.load_id = r.load_id AND l.status = 'loaded';

CREATE OR REPLACE VIEW spark_outputs AS
SELECT r.job, r.run_id, o.output, o.row_no, o.record, o.load_id
FROM spark_output_row o JOIN spark_run r USING (load_id)
JOIN load_log l ON l.load_id = o.load_id AND l.status = 'loaded';
