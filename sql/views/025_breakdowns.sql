-- Every breakdown the warehouse knows: its dimension, value, group, age limits and DSG plan category
-- (sql/README.md; docs/decisions/0002, 0121).
CREATE OR REPLACE VIEW breakdowns AS
SELECT breakdown, dimension, dimension_value, dimension_group, dimension_value = dimension_group AS is_group,
       age_from, age_to, dsg_category, label
FROM breakdown_ref;
