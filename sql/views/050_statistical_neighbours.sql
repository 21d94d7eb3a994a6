-- All published neighbour lists, current and "Old SNs", every vintage.
CREATE OR REPLACE VIEW statistical_neighbours_all AS
SELECT area_code, rank, neighbour_code, closeness, set_name, vintage, load_id
FROM statistical_neighbour_fact;

-- The current ten neighbours of each LA from the latest vintage.
CREATE OR REPLACE VIEW statistical_neighbours AS
SELECT area_code, rank, neighbour_code, closeness, vintage
FROM statistical_neighbour_fact
WHERE set_name = 'current'
  AND vintage = (SELECT max(vintage) FROM statistical_neighbour_fact WHERE set_name = 'current');
