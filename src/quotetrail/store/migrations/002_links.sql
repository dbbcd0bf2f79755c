-- quotetrail store, schema version 2: linking across articles (quotetrail.link).
-- Every table here is derived from articles/statements/mentions and kept up to date batch by
-- batch by quotetrail.link.link_articles; the *_keys / *_bands / story_terms tables are the
-- indexes that make one batch cost O(batch) instead of O(store).

CREATE TABLE entities (
    id           VARCHAR PRIMARY KEY,
    name         VARCHAR NOT NULL,
    kind         VARCHAR NOT NULL,             -- person | actor | organization | place
    roles        VARCHAR[] NOT NULL DEFAULT [],
    affiliations VARCHAR[] NOT NULL DEFAULT []
);
CREATE TABLE entity_keys (              -- blocking keys: "s:putin", "p:kabu", "r:president|russia", "a:russia"
    key       VARCHAR NOT NULL,
    entity_id VARCHAR NOT NULL
);
CREATE INDEX entity_keys_key ON entity_keys (key);
CREATE TABLE entity_merges (            -- one row per alias: where it was first seen and why it was merged
    entity_id  VARCHAR NOT NULL,
    alias      VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    reason     VARCHAR NOT NULL
);
CREATE INDEX entity_merges_entity ON entity_merges (entity_id);
CREATE TABLE entity_mentions (          -- how often each entity is named, per article
    article_id VARCHAR NOT NULL,
    entity_id  VARCHAR NOT NULL,
    mentions   INTEGER NOT NULL
);
CREATE INDEX entity_mentions_entity ON entity_mentions (entity_id);
CREATE TABLE statement_entities (
    statement_id   VARCHAR PRIMARY KEY,
    article_id     VARCHAR NOT NULL,
    entity_id      VARCHAR NOT NULL,        -- the speaker
    affiliation_id VARCHAR,                 -- the country or body the speaker speaks for
    block          VARCHAR NOT NULL         -- entity|day, the statement-matching blocking key
);
CREATE INDEX statement_entities_block ON statement_entities (block);
CREATE INDEX statement_entities_entity ON statement_entities (entity_id);
CREATE INDEX statement_entities_affiliation ON statement_entities (affiliation_id);
CREATE TABLE statement_links (
    statement_id VARCHAR NOT NULL,
    other_id     VARCHAR NOT NULL,
    score        DOUBLE NOT NULL,
    reason       VARCHAR NOT NULL
);
CREATE INDEX statement_links_statement ON statement_links (statement_id);
CREATE TABLE article_signatures (
    article_id VARCHAR PRIMARY KEY,
    signature  UBIGINT[] NOT NULL           -- MinHash of word 5-shingles
);
CREATE TABLE article_bands (
    band       VARCHAR NOT NULL,            -- LSH band key
    article_id VARCHAR NOT NULL
);
CREATE INDEX article_bands_band ON article_bands (band);
CREATE TABLE near_duplicates (
    article_id   VARCHAR PRIMARY KEY,
    duplicate_of VARCHAR NOT NULL,
    similarity   DOUBLE NOT NULL
);
CREATE TABLE stories (
    id          VARCHAR PRIMARY KEY,
    title       VARCHAR,
    title_score DOUBLE NOT NULL DEFAULT -1,
    first       DATE,
    last        DATE,
    size        INTEGER NOT NULL
);
CREATE TABLE story_terms (              -- a story's centroid, heaviest terms first
    story_id VARCHAR NOT NULL,
    term     VARCHAR NOT NULL,
    weight   DOUBLE NOT NULL,
    rank     INTEGER NOT NULL
);
CREATE INDEX story_terms_term ON story_terms (term);
CREATE INDEX story_terms_story ON story_terms (story_id);
CREATE TABLE story_members (
    article_id VARCHAR PRIMARY KEY,
    story_id   VARCHAR NOT NULL,
    score      DOUBLE NOT NULL
);
CREATE INDEX story_members_story ON story_members (story_id);
CREATE TABLE term_df (
    term VARCHAR PRIMARY KEY,
    df   INTEGER NOT NULL
);
