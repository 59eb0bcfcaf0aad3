/**
 * SQLite schema as numbered migrations (applied in order, each in its own transaction; the version is kept in
 * PRAGMA user_version). Never edit a released migration: add the next one.
 *
 * Articles keep the original text and a JSON blob of their analysis layers (for `show`); the layers are also
 * spread over relational tables for querying (mentions → entities, times, amounts, roles, events). Full-text
 * search runs on a contentless FTS5 table fed with Marsad's own analyzed terms: light stems and folded
 * (unstemmed) forms for title and body, so variants meet and exact forms rank higher.
 */
export const MIGRATIONS: string[] = [
  // 1: the initial schema
  `
  CREATE TABLE articles (
    rowid        INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL,
    text         TEXT NOT NULL,
    url          TEXT,
    source       TEXT,
    source_key   TEXT,
    author       TEXT,
    place        TEXT,
    category     TEXT,
    origin       TEXT,
    published    TEXT,
    pub_day      TEXT,
    ingested_at  TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    minhash      BLOB,
    near_dup_of  INTEGER REFERENCES articles(rowid),
    near_sim     REAL,
    words        INTEGER NOT NULL DEFAULT 0,
    ents         BLOB,
    layers       BLOB NOT NULL
  );
  CREATE INDEX articles_pub_day ON articles(pub_day);
  CREATE INDEX articles_source ON articles(source_key);
  CREATE INDEX articles_near ON articles(near_dup_of) WHERE near_dup_of IS NOT NULL;
  CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;

  CREATE TABLE entities (
    rowid      INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    type       TEXT NOT NULL,
    canonical  TEXT,
    mentions   INTEGER NOT NULL DEFAULT 0,
    articles   INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT,
    last_seen  TEXT
  );
  CREATE INDEX entities_type ON entities(type, mentions DESC);

  CREATE TABLE aliases (
    entity INTEGER NOT NULL REFERENCES entities(rowid),
    alias  TEXT NOT NULL,
    folded TEXT NOT NULL,
    count  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entity, alias)
  ) WITHOUT ROWID;
  CREATE INDEX aliases_folded ON aliases(folded);

  CREATE TABLE mentions (
    article  INTEGER NOT NULL REFERENCES articles(rowid),
    entity   INTEGER NOT NULL REFERENCES entities(rowid),
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    sentence INTEGER,
    text     TEXT NOT NULL
  );
  CREATE INDEX mentions_article ON mentions(article);
  CREATE INDEX mentions_entity ON mentions(entity, article);

  CREATE TABLE article_entities (
    article INTEGER NOT NULL,
    entity  INTEGER NOT NULL,
    count   INTEGER NOT NULL,
    PRIMARY KEY (article, entity)
  ) WITHOUT ROWID;
  CREATE INDEX article_entities_entity ON article_entities(entity, article);

  CREATE TABLE times (
    article     INTEGER NOT NULL REFERENCES articles(rowid),
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    sentence    INTEGER,
    text        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    value       TEXT NOT NULL,
    granularity TEXT,
    resolved    INTEGER NOT NULL,
    sort_day    TEXT,
    sent_start  INTEGER,
    sent_end    INTEGER
  );
  CREATE INDEX times_article ON times(article);
  CREATE INDEX times_day ON times(sort_day) WHERE sort_day IS NOT NULL;

  CREATE TABLE amounts (
    article  INTEGER NOT NULL REFERENCES articles(rowid),
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    kind     TEXT NOT NULL,
    value    REAL,
    currency TEXT,
    unit     TEXT
  );
  CREATE INDEX amounts_article ON amounts(article);

  CREATE TABLE roles (
    article INTEGER NOT NULL REFERENCES articles(rowid),
    entity  INTEGER REFERENCES entities(rowid),
    title   TEXT NOT NULL,
    of      TEXT,
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    text    TEXT NOT NULL
  );
  CREATE INDEX roles_entity ON roles(entity);
  CREATE INDEX roles_article ON roles(article);

  CREATE TABLE events (
    rowid    INTEGER PRIMARY KEY,
    article  INTEGER NOT NULL REFERENCES articles(rowid),
    type     TEXT NOT NULL,
    cameo    TEXT,
    status   TEXT,
    actor    INTEGER REFERENCES entities(rowid),
    target   INTEGER REFERENCES entities(rowid),
    place    INTEGER REFERENCES entities(rowid),
    time     TEXT,
    sort_day TEXT,
    sentence INTEGER,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    sent_start INTEGER,
    sent_end   INTEGER,
    data     TEXT NOT NULL
  );
  CREATE INDEX events_article ON events(article);
  CREATE INDEX events_day ON events(sort_day);
  CREATE INDEX events_type ON events(type);
  CREATE INDEX events_actor ON events(actor);
  CREATE INDEX events_target ON events(target);
  CREATE INDEX events_place ON events(place);

  CREATE TABLE ingest_log (
    key      TEXT PRIMARY KEY,
    at       TEXT NOT NULL,
    articles INTEGER,
    note     TEXT
  );

  CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
  );

  -- Pre-analyzed terms, space-separated; unicode61 only splits them on the spaces (terms are letters/digits).
  CREATE VIRTUAL TABLE fts USING fts5(
    title_stem, title_norm, body_stem, body_norm,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
  );
  `,
  // 2: cross-article entity resolution (src/store/entitylink.ts). An entity's own key is entities.id; the other
  // canonical keys bound to it (الكاظمي → the entity of مصطفى الكاظمي) are in entity_keys. Entities are filed
  // under src/link's blockingKeys to find merge candidates; existing ones are filed by backfillEntityKeys (JS:
  // the blocking keys come from the linker's data).
  `
  CREATE TABLE entity_keys (
    key    TEXT PRIMARY KEY,
    entity INTEGER NOT NULL REFERENCES entities(rowid)
  ) WITHOUT ROWID;
  CREATE INDEX entity_keys_entity ON entity_keys(entity);
  CREATE TABLE entity_blocks (
    block  TEXT NOT NULL,
    entity INTEGER NOT NULL REFERENCES entities(rowid),
    PRIMARY KEY (block, entity)
  ) WITHOUT ROWID;

  -- indexes no query uses (layers are read by article through the JSON blob, entities through
  -- article_entities): each cost a B-tree write per mention/time/amount/role at ingest
  DROP INDEX IF EXISTS mentions_entity;
  DROP INDEX IF EXISTS times_article;
  DROP INDEX IF EXISTS amounts_article;
  DROP INDEX IF EXISTS roles_article;
  `,
  // 3: no schema change. A one-word club's canonical key keeps its article from here on («الفتح» is not «فتح»);
  // bindClubKeys (JS, src/store/entitylink.ts) binds the new key to an entity stored under the old one when its name
  // is written with the article (the channel «الجزيرة»), so new mentions join it.
  `SELECT 1;`,
  // 4: no schema change. Linking keys fold Persian ی ک ھ as ي ك ه from here on (some sources write Arabic with them);
  // bindFoldedKeys (JS, src/store/entitylink.ts) binds the new key of an entity stored under a key with those letters,
  // so new mentions in either spelling join it.
  `SELECT 1;`,
  // 5: an event's time is a period (a week, a season, a decade): end_day is its last day, so a date filter takes the
  // events whose period overlaps it, not only those that start in it. eventPeriods (JS, src/store/sqlite.ts) fills it
  // and re-reads sort_day, which a decade or a century did not have (it fell back to the publication day).
  `ALTER TABLE events ADD COLUMN end_day TEXT;`,
  // 6: no schema change. «الله» keeps its article in linking keys from here on (ORG:حزب الله, not ORG:حزب له);
  // bindAllahKeys (JS, src/store/entitylink.ts) gives an entity stored under the old key the new one.
  `SELECT 1;`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
