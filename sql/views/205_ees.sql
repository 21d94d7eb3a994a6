-- The EES data sets in force and the breakdowns their loads wrote (docs/decisions/0206).
CREATE OR REPLACE VIEW ees_data_sets AS
SELECT e.data_set_id, e.data_set_title, e.version, e.published, e.release_title, e.base_url, e.csv_sha256,
       e.csv_rows, e.rows_kept_out, e.note, e.load_id, l.finished_at AS loaded_at
FROM ees_load_fact e JOIN load_log l USING (load_id)
WHERE l.status = 'loaded';

CREATE OR REPLACE VIEW ees_breakdowns AS
SELECT b.data_set_id, b.breakdown, b.dimension, b.dimension_value, b.filter_column, b.filter_label, b.option_label,
       b.in_reference, b.load_id
FROM ees_breakdown_fact b JOIN load_log l USING (load_id)
WHERE l.status = 'loaded';
