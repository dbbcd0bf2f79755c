-- quotetrail store, schema version 10: a statement's reports in other articles (`also_in`,
-- `linked`) are kept as JSON text, as its `stance` is. The link stage rewrites both for every
-- statement a batch links or touches, and DuckDB updates a list column by deleting the row and
-- inserting it again, index entries and all: 2,000 statements of a 181,554-statement store took
-- 1.4-1.7 s as lists and 0.02 s as text (docs/scaling.md). The export still writes lists.
-- DuckDB alters a column only of a table no index depends on: the article index is dropped and
-- made again around the change.
DROP INDEX IF EXISTS statements_article;
ALTER TABLE statements ALTER COLUMN also_in SET DATA TYPE VARCHAR USING to_json(also_in)::VARCHAR;
ALTER TABLE statements ALTER COLUMN linked SET DATA TYPE VARCHAR USING to_json(linked)::VARCHAR;
ALTER TABLE statements ALTER COLUMN also_in SET DEFAULT '[]';
ALTER TABLE statements ALTER COLUMN linked SET DEFAULT '[]';
CREATE INDEX statements_article ON statements(article_id);
