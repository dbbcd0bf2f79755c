-- quotetrail store, schema version 7: what the statement listings filter and order by, kept on
-- each statement's own row (issue 20, queries at scale). A page of the listing was a join of
-- every statement with its article, its story and its links, sorted whole, with each row's
-- stance JSON parsed for the about and stance filters: over a million statements, seconds.
-- With these columns a page is one table's top-N and the joins touch only its rows.
-- Store.write fills them with each batch (sql.LISTING_COLUMNS, the same expressions as below),
-- and the link stage keeps `linked` with `also_in` (links.save_statement_links).
ALTER TABLE statements ADD COLUMN said DATE;  -- the date it counts under: said_on, else published
ALTER TABLE statements ADD COLUMN outlet VARCHAR;  -- its article's
ALTER TABLE statements ADD COLUMN targets VARCHAR[] DEFAULT [];  -- about and judged, lower-cased
ALTER TABLE statements ADD COLUMN stances STRUCT(target VARCHAR, label VARCHAR)[] DEFAULT [];
ALTER TABLE statements ADD COLUMN linked VARCHAR[] DEFAULT [];  -- its reports elsewhere (ids)
UPDATE statements SET
    said = coalesce(statements.said_on, a.published),
    outlet = a.outlet,
    targets = list_sort(list_distinct(list_transform(
        list_concat(statements.about, json_keys(statements.stance)), lambda x: lower(x)))),
    stances = list_transform(
        map_entries(CAST(statements.stance::JSON AS MAP(VARCHAR, JSON))),
        lambda e: {'target': lower(e.key), 'label': e.value->>'label'})
FROM articles a WHERE a.id = statements.article_id;
UPDATE statements SET linked = coalesce(
    (SELECT list(DISTINCT l.other_id ORDER BY l.other_id) FROM statement_links l
     WHERE l.statement_id = statements.id), []);
