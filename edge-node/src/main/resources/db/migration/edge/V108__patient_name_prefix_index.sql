-- Name-prefix search that does not grow with the table (issue 21). V100's text_pattern_ops index
-- served LIKE 'pa%' but not ORDER BY name_key, id (the default collation orders differently), so
-- every search read and sorted all matches: a parallel sequential scan at 500k patients. In the
-- "C" collation byte order is code-point order, so one btree serves both the prefix range
-- (name_key >= 'pa' AND name_key < 'pb') and the keyset order (name_key, id): a search reads
-- only the rows of the page it returns.
CREATE INDEX patients_name_key_c ON patients (name_key COLLATE "C", id);
DROP INDEX patients_name_key;
