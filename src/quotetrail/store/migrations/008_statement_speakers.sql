-- quotetrail store, schema version 8: each statement's speaker as the link stage resolved it
-- (statement_entities' entity and affiliation), kept on the statement's own row too (issue 20,
-- queries at scale). A speaker page, the speaker and actor filters and positions asked
-- "s.id IN (SELECT statement_id FROM statement_entities WHERE ...)", a join with a million
-- statements for every one of them; on the row it is a filter of one table.
-- links.save_statement_entities sets them and links.forget_statements clears them.
ALTER TABLE statements ADD COLUMN entity_id VARCHAR;
ALTER TABLE statements ADD COLUMN affiliation_id VARCHAR;
UPDATE statements SET entity_id = se.entity_id, affiliation_id = se.affiliation_id
FROM statement_entities se WHERE se.statement_id = statements.id;
