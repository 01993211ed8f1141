//! The database schema, as numbered migrations applied in order.
//!
//! `schema_version` records each applied migration. A migration is never edited once
//! released: changes go into a new one appended to [`MIGRATIONS`].
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

/// Migration `i` (0-based) brings the schema to version `i + 1`.
pub const MIGRATIONS: &[&str] = &[V1, V2];

/// The schema version this build writes.
pub const CURRENT: i64 = MIGRATIONS.len() as i64;

const V1: &str = r#"
CREATE TABLE documents (
    hash        TEXT PRIMARY KEY,          -- BLAKE3 of the cleaned body, hex
    id          TEXT NOT NULL,             -- file stem or JSONL id
    source      TEXT NOT NULL,             -- path or URL
    title       TEXT,
    outlet      TEXT,
    byline      TEXT,
    published   TEXT,                      -- YYYY-MM-DD
    language    TEXT NOT NULL,
    text        TEXT NOT NULL,             -- the cleaned body
    text_chars  INTEGER NOT NULL,
    coded       TEXT NOT NULL,             -- the output-contract JSON
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_id ON documents (id);

CREATE TABLE events (
    doc_hash       TEXT NOT NULL REFERENCES documents (hash) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,       -- position in the document's event list
    source_text    TEXT NOT NULL,
    source_actor   TEXT,
    source_country TEXT,
    target_text    TEXT NOT NULL,
    target_actor   TEXT,
    target_country TEXT,
    cameo          TEXT NOT NULL,
    root           TEXT NOT NULL,
    quad_class     INTEGER NOT NULL,
    goldstein      REAL NOT NULL,
    plover         TEXT NOT NULL,
    modality       TEXT NOT NULL,
    date           TEXT,                   -- YYYY-MM-DD, YYYY-MM or YYYY
    sentence       TEXT NOT NULL,
    span_start     INTEGER NOT NULL,
    span_end       INTEGER NOT NULL,
    json           TEXT NOT NULL,          -- the event as in the output contract
    PRIMARY KEY (doc_hash, seq)
) WITHOUT ROWID;
CREATE INDEX events_source_actor ON events (source_actor);
CREATE INDEX events_target_actor ON events (target_actor);
CREATE INDEX events_root ON events (root);
CREATE INDEX events_date ON events (date);

CREATE TABLE entities (
    doc_hash TEXT NOT NULL REFERENCES documents (hash) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    name     TEXT NOT NULL,
    label    TEXT NOT NULL,
    actor    TEXT,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (doc_hash, seq)
) WITHOUT ROWID;
CREATE INDEX entities_actor ON entities (actor);

CREATE TABLE quotes (
    doc_hash     TEXT NOT NULL REFERENCES documents (hash) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    speaker_text TEXT NOT NULL,
    speaker_name TEXT,
    kind         TEXT NOT NULL,
    text         TEXT NOT NULL,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    PRIMARY KEY (doc_hash, seq)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker_name ON quotes (speaker_name);
"#;

/// Stories: each document's story and near-duplicate mark, and the clustering state
/// (`dyad_story::Clusterer`) that later articles are assigned with. Documents stored
/// under V1 have no `story_docs` row until `dyad ingest` (or `dyad stories`) assigns them.
const V2: &str = r#"
CREATE TABLE story_terms (
    id   INTEGER PRIMARY KEY,              -- the clusterer's term id, from 0
    term TEXT NOT NULL,                    -- word, '@e:' entity, '@a:' actor, '@v:' event
    df   INTEGER NOT NULL                  -- articles that contain it
);

CREATE TABLE stories (
    id         INTEGER PRIMARY KEY,        -- story number, from 1, in order of opening
    first_date TEXT,                       -- publication dates of its articles, YYYY-MM-DD
    last_date  TEXT,
    centroid   BLOB NOT NULL               -- (term id u32, weight f32) little-endian pairs, by term
);

CREATE TABLE story_postings (
    seq   INTEGER PRIMARY KEY,             -- order of addition
    term  INTEGER NOT NULL,
    story INTEGER NOT NULL
);

CREATE TABLE story_docs (
    doc_hash     TEXT PRIMARY KEY REFERENCES documents (hash) ON DELETE CASCADE,
    seq          INTEGER NOT NULL UNIQUE,  -- order of assignment, from 1
    story        INTEGER NOT NULL,
    duplicate_of TEXT,                     -- hash of the original, for a wire copy
    similarity   REAL NOT NULL,            -- cosine with the story joined, Jaccard for a copy
    signature    BLOB                      -- MinHash, 64 u64 little-endian
);
CREATE INDEX story_docs_story ON story_docs (story, seq);

CREATE TABLE story_meta (
    key   TEXT PRIMARY KEY,                -- 'articles': articles counted into the state
    value INTEGER NOT NULL
);
"#;

/// Outcome of [`migrate`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Migrated {
    /// The schema was already current.
    Current,
    /// Migrations ran from `from` to [`CURRENT`].
    Upgraded { from: i64 },
    /// The database was written by a newer dyad.
    TooNew { found: i64 },
}

/// Brings the schema up to [`CURRENT`], each migration in its own transaction.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<Migrated> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_version (
             version    INTEGER PRIMARY KEY,
             applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
         );",
    )?;
    let found = version(conn)?;
    if found > CURRENT {
        return Ok(Migrated::TooNew { found });
    }
    if found == CURRENT {
        return Ok(Migrated::Current);
    }
    // IMMEDIATE takes the write lock before reading the version again, so two
    // processes opening a new database at once do not both run a migration.
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let now = version(&tx)?;
        if now >= CURRENT {
            break;
        }
        tx.execute_batch(MIGRATIONS[now as usize])?;
        tx.execute("INSERT INTO schema_version (version) VALUES (?1)", [now + 1])?;
        tx.commit()?;
    }
    Ok(Migrated::Upgraded { from: found })
}

/// The schema version of a database (0 for a new one).
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    let v: Option<i64> = conn
        .query_row("SELECT max(version) FROM schema_version", [], |r| r.get(0))
        .optional()?
        .flatten();
    Ok(v.unwrap_or(0))
}
