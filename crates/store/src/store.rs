//! Opening a store and writing documents into it.
use crate::error::StoreError;
use crate::schema::{self, Migrated};
use dyad_code::{CodedDocument, Modality, QuoteKind};
use dyad_doc::Document;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Transaction};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// An open dyad database.
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) path: PathBuf,
    /// The story clusterer as of the last write, kept between batches; reloaded when
    /// another process has written since, or after a failed write.
    pub(crate) clusterer: Option<dyad_story::Clusterer>,
}

/// What [`Store::insert`] did with a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Insertion {
    Inserted,
    /// A document with the same content hash was stored before; nothing was written.
    AlreadyPresent,
}

/// Row counts of a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stats {
    pub documents: usize,
    pub events: usize,
    pub entities: usize,
    pub quotes: usize,
}

impl Store {
    /// Opens the database at `path`, creating it if needed, and brings its schema up
    /// to date.
    pub fn open(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        Self::open_with(path.as_ref(), OpenFlags::default())
    }

    /// Opens an existing database; a missing file is [`StoreError::Missing`] rather
    /// than a new empty database.
    pub fn open_existing(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let path = path.as_ref();
        if !path.exists() {
            return Err(StoreError::Missing { path: path.to_path_buf() });
        }
        let flags = OpenFlags::default() - OpenFlags::SQLITE_OPEN_CREATE;
        Self::open_with(path, flags)
    }

    fn open_with(path: &Path, flags: OpenFlags) -> Result<Store, StoreError> {
        let conn = Connection::open_with_flags(path, flags).map_err(|source| StoreError::Sqlite {
            path: path.to_path_buf(),
            op: "opening the database".into(),
            source,
        })?;
        let mut store = Store { conn, path: path.to_path_buf(), clusterer: None };
        // WAL: readers never block the writer and a killed writer loses only its open
        // transaction. NORMAL sync is safe with WAL (a power cut may lose the last
        // commits, never consistency). A 64 MB page cache keeps ingest time per article
        // from climbing as the file outgrows SQLite's default 2 MB
        // (docs/benchmarks-story.md).
        store
            .conn
            .execute_batch(
                "PRAGMA journal_mode = WAL;
                 PRAGMA synchronous = NORMAL;
                 PRAGMA foreign_keys = ON;
                 PRAGMA busy_timeout = 10000;
                 PRAGMA cache_size = -65536;",
            )
            .map_err(|e| store.sqlite("setting up the connection", e))?;
        match schema::migrate(&mut store.conn).map_err(|e| store.sqlite("migrating the schema", e))? {
            Migrated::TooNew { found } => {
                return Err(StoreError::TooNew {
                    path: store.path.clone(),
                    found,
                    known: schema::CURRENT,
                })
            }
            Migrated::Upgraded { from } => {
                tracing::debug!(path = %store.path.display(), from, to = schema::CURRENT, "schema migrated")
            }
            Migrated::Current => {}
        }
        Ok(store)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn sqlite(&self, op: impl Into<String>, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite { path: self.path.clone(), op: op.into(), source }
    }

    /// Stores one document and its coded record in one transaction.
    pub fn insert(&mut self, doc: &Document, coded: &CodedDocument) -> Result<Insertion, StoreError> {
        Ok(self.insert_batch([(doc, coded)])?[0])
    }

    /// Stores documents in one transaction; each document is all-or-nothing and one
    /// already stored is left untouched. Each new document is assigned to a story (its
    /// row and the clustering state written in the same transaction). Returns what
    /// happened to each, in order.
    pub fn insert_batch<'a>(
        &mut self,
        items: impl IntoIterator<Item = (&'a Document, &'a CodedDocument)>,
    ) -> Result<Vec<Insertion>, StoreError> {
        let cached = self.clusterer.take();
        let (done, clusterer) = self.insert_batch_with(items, cached)?;
        self.clusterer = Some(clusterer);
        Ok(done)
    }

    fn insert_batch_with<'a>(
        &mut self,
        items: impl IntoIterator<Item = (&'a Document, &'a CodedDocument)>,
        cached: Option<dyad_story::Clusterer>,
    ) -> Result<(Vec<Insertion>, dyad_story::Clusterer), StoreError> {
        let path = self.path.clone();
        let sqlite = |op: String, source| StoreError::Sqlite { path: path.clone(), op, source };
        // IMMEDIATE: the write lock is taken before the story state is read, so two
        // processes ingesting into one file assign their articles one after the other.
        let mut tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| sqlite("starting a transaction".into(), e))?;
        let mut clusterer =
            crate::stories::in_step(&tx, cached).map_err(|e| sqlite("reading the story state".into(), e))?;
        let mut done = Vec::new();
        let mut pending = crate::stories::Pending::default();
        for (doc, coded) in items {
            let coded_json = serde_json::to_string(coded).map_err(|source| StoreError::Json {
                path: path.clone(),
                op: format!("encoding document {} ({})", doc.id, doc.source),
                source,
            })?;
            let outcome = insert_one(&mut tx, doc, coded, &coded_json)
                .map_err(|e| sqlite(format!("storing document {} ({})", doc.id, doc.source), e))?;
            if outcome == Insertion::Inserted {
                let (a, d) = clusterer.add_with_delta(&doc.content_hash, coded, &doc.text);
                crate::stories::write(&tx, &mut pending, &doc.content_hash, clusterer.articles(), &a, d)
                    .map_err(|e| sqlite(format!("assigning document {} ({}) to a story", doc.id, doc.source), e))?;
            }
            done.push(outcome);
        }
        crate::stories::flush(&tx, pending, clusterer.articles())
            .map_err(|e| sqlite("writing the story state".into(), e))?;
        tx.commit().map_err(|e| sqlite("committing documents".into(), e))?;
        Ok((done, clusterer))
    }

    /// Whether a document with this content hash is stored.
    pub fn has(&self, hash: &str) -> Result<bool, StoreError> {
        self.conn
            .query_row("SELECT 1 FROM documents WHERE hash = ?1", [hash], |_| Ok(()))
            .optional()
            .map(|found| found.is_some())
            .map_err(|e| self.sqlite(format!("looking up document {hash}"), e))
    }

    /// The subset of `hashes` already stored.
    pub fn present<'h>(&self, hashes: impl IntoIterator<Item = &'h str>) -> Result<HashSet<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT 1 FROM documents WHERE hash = ?1")
            .map_err(|e| self.sqlite("looking up documents", e))?;
        let mut found = HashSet::new();
        for hash in hashes {
            let here = stmt
                .exists([hash])
                .map_err(|e| self.sqlite(format!("looking up document {hash}"), e))?;
            if here {
                found.insert(hash.to_string());
            }
        }
        Ok(found)
    }

    /// How many rows each table holds.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        let count = |table: &str| -> Result<usize, StoreError> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get::<_, i64>(0))
                .map(|n| n as usize)
                .map_err(|e| self.sqlite(format!("counting {table}"), e))
        };
        Ok(Stats {
            documents: count("documents")?,
            events: count("events")?,
            entities: count("entities")?,
            quotes: count("quotes")?,
        })
    }

    /// Runs SQLite's own consistency check; `Ok(())` when the file is sound.
    pub fn check_integrity(&self) -> Result<Result<(), String>, StoreError> {
        let verdict: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| self.sqlite("checking integrity", e))?;
        Ok(if verdict == "ok" { Ok(()) } else { Err(verdict) })
    }
}

pub(crate) fn modality_str(m: Modality) -> &'static str {
    match m {
        Modality::Asserted => "asserted",
        Modality::Claimed => "claimed",
        Modality::Denied => "denied",
        Modality::Planned => "planned",
        Modality::Possible => "possible",
        Modality::Negated => "negated",
    }
}

fn insert_one(
    tx: &mut Transaction<'_>,
    doc: &Document,
    coded: &CodedDocument,
    coded_json: &str,
) -> rusqlite::Result<Insertion> {
    let sp = tx.savepoint()?;
    let published = doc.published.map(|d| d.format("%Y-%m-%d").to_string());
    let added = sp.prepare_cached(
        "INSERT INTO documents (hash, id, source, title, outlet, byline, published, language, text, text_chars, coded)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (hash) DO NOTHING",
    )?
    .execute(params![
        doc.content_hash,
        doc.id,
        doc.source,
        doc.title,
        doc.outlet,
        doc.byline,
        published,
        doc.language,
        doc.text,
        doc.text_chars() as i64,
        coded_json,
    ])?;
    if added == 0 {
        return Ok(Insertion::AlreadyPresent);
    }
    {
        let mut stmt = sp.prepare_cached(
            "INSERT INTO events (doc_hash, seq, source_text, source_actor, source_country, target_text,
                 target_actor, target_country, cameo, root, quad_class, goldstein, plover, modality, date,
                 sentence, span_start, span_end, json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
        )?;
        for (seq, e) in coded.events.iter().enumerate() {
            let json = serde_json::to_string(e).map_err(|err| rusqlite::Error::ToSqlConversionFailure(err.into()))?;
            stmt.execute(params![
                doc.content_hash,
                seq as i64,
                e.source.text,
                e.source.actor,
                e.source.country,
                e.target.text,
                e.target.actor,
                e.target.country,
                e.cameo,
                e.root,
                e.quad_class,
                e.goldstein as f64,
                e.plover,
                modality_str(e.modality),
                e.date,
                e.sentence,
                e.span[0] as i64,
                e.span[1] as i64,
                json,
            ])?;
        }
    }
    {
        let mut stmt = sp.prepare_cached(
            "INSERT INTO entities (doc_hash, seq, name, label, actor, mentions) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for (seq, e) in coded.entities.iter().enumerate() {
            stmt.execute(params![doc.content_hash, seq as i64, e.name, e.label, e.actor, e.mentions as i64])?;
        }
    }
    {
        let mut stmt = sp.prepare_cached(
            "INSERT INTO quotes (doc_hash, seq, speaker_text, speaker_name, kind, text, span_start, span_end)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for (seq, q) in coded.quotes.iter().enumerate() {
            let kind = match q.kind {
                QuoteKind::Direct => "direct",
                QuoteKind::Indirect => "indirect",
            };
            stmt.execute(params![
                doc.content_hash,
                seq as i64,
                q.speaker.text,
                q.speaker.name,
                kind,
                q.text,
                q.span[0] as i64,
                q.span[1] as i64,
            ])?;
        }
    }
    sp.commit()?;
    Ok(Insertion::Inserted)
}
