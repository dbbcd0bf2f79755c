-- quotetrail store, schema version 11: full-text search reads postings (issue 20, queries at
-- scale). Search ranked every statement by scanning and splitting its text on each query: over
-- a million statements a second, the search page four. Now each statement and article keeps its
-- length in words and each of its words a row (word, document, times it occurs), so a query reads
-- the rows of its own words. Store.write fills both with each batch, with the same expressions
-- as below (sql.STATEMENT_TEXT, sql.ARTICLE_TEXT, sql.index_words); a replaced article's rows go
-- with it. Writing them costs a batch about 0.5 s for 1,000 articles (docs/scaling.md).
ALTER TABLE statements ADD COLUMN words INTEGER DEFAULT 0;
ALTER TABLE articles ADD COLUMN words INTEGER DEFAULT 0;
UPDATE statements SET words = len(list_filter(regexp_split_to_array(lower(concat_ws(' ', quote,
    sentence, speaker_name, speaker_role, speaker_affiliation)), '[^\pL\pN]+'), lambda w: w <> ''));
UPDATE articles SET words = len(list_filter(regexp_split_to_array(lower(concat_ws(' ', title,
    text)), '[^\pL\pN]+'), lambda w: w <> ''));
CREATE TABLE statement_terms (term VARCHAR NOT NULL, id VARCHAR NOT NULL, tf INTEGER NOT NULL);
CREATE TABLE article_terms (term VARCHAR NOT NULL, id VARCHAR NOT NULL, tf INTEGER NOT NULL);
INSERT INTO statement_terms
SELECT term, id, count(*) FROM (
    SELECT id, unnest(regexp_split_to_array(lower(concat_ws(' ', quote, sentence, speaker_name,
        speaker_role, speaker_affiliation)), '[^\pL\pN]+')) AS term FROM statements)
WHERE term <> '' GROUP BY term, id;
INSERT INTO article_terms
SELECT term, id, count(*) FROM (
    SELECT id, unnest(regexp_split_to_array(lower(concat_ws(' ', title, text)), '[^\pL\pN]+'))
        AS term FROM articles)
WHERE term <> '' GROUP BY term, id;
