-- quotetrail store, schema version 1.
-- Later versions are files in migrations/ named NNN_what.sql (NNN = the version they produce);
-- Store.open applies the ones above the stored version, in order, each in one transaction.

CREATE TABLE meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

CREATE TABLE articles (
    id                 VARCHAR PRIMARY KEY,
    title              VARCHAR,
    outlet             VARCHAR,
    published          DATE,
    published_time     VARCHAR,
    published_inferred BOOLEAN NOT NULL DEFAULT FALSE,
    url                VARCHAR,
    source_path        VARCHAR NOT NULL,
    language           VARCHAR NOT NULL,
    dateline           VARCHAR,
    text               VARCHAR NOT NULL,
    removed            VARCHAR NOT NULL DEFAULT '[]',  -- JSON list of {text, rule}
    ingested_at        TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE statements (
    id                  VARCHAR PRIMARY KEY,
    article_id          VARCHAR NOT NULL,
    kind                VARCHAR NOT NULL,
    quote               VARCHAR NOT NULL,
    sentence            VARCHAR NOT NULL,
    span_start          INTEGER NOT NULL,
    span_end            INTEGER NOT NULL,
    cue                 VARCHAR,
    speaker_id          VARCHAR,
    speaker_name        VARCHAR,
    speaker_mention     VARCHAR,
    speaker_kind        VARCHAR,
    speaker_role        VARCHAR,
    speaker_affiliation VARCHAR,
    said_on             DATE,
    said_on_assumed     BOOLEAN NOT NULL DEFAULT TRUE,
    about               VARCHAR[] NOT NULL DEFAULT [],
    stance              VARCHAR NOT NULL DEFAULT '{}',  -- JSON {target: {label, score, ...}}
    also_in             VARCHAR[] NOT NULL DEFAULT []
);

CREATE TABLE mentions (
    article_id VARCHAR NOT NULL,
    text       VARCHAR NOT NULL,
    label      VARCHAR NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL
);

CREATE INDEX statements_article ON statements (article_id);
CREATE INDEX mentions_article ON mentions (article_id);
