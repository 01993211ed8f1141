//! Stories in the store: each document's story and near-duplicate mark, and the
//! clustering state, kept in step one article at a time.
//!
//! The state of the [`Clusterer`] lives in four tables (`story_terms`, `stories`,
//! `story_postings`, `story_docs`) and grows by a few rows per article, written in the
//! transaction that stores the article. A later run restores the clusterer from them
//! (reading, no re-clustering) and goes on exactly where the last one stopped. The
//! `articles` counter of `story_meta` tells a process that another one has added
//! articles since it loaded the state, so that it reloads before assigning more.
use crate::error::StoreError;
use crate::store::Store;
use chrono::NaiveDate;
use dyad_code::CodedDocument;
use dyad_story::index::{SeenSnapshot, StorySnapshot};
use dyad_story::minhash::HASHES;
use dyad_story::{Article, Assignment, Clusterer, Config, Delta, Signature, Snapshot, Story, StoryId};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::{BTreeMap, HashMap};

/// Documents assigned per transaction when catching up on unassigned ones.
const CATCH_UP_BATCH: usize = 256;

/// What a catch-up did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Assigned {
    pub documents: usize,
    pub opened: usize,
    pub copies: usize,
}

/// Story counts of a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StoryStats {
    pub stories: usize,
    /// Documents marked as near-duplicates (wire copies) of another.
    pub copies: usize,
    /// Stored documents not yet assigned to a story (stored before stories existed).
    pub unassigned: usize,
}

fn date_str(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn centroid_blob(entries: &[(u32, f32)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(entries.len() * 8);
    for (t, w) in entries {
        out.extend_from_slice(&t.to_le_bytes());
        out.extend_from_slice(&w.to_le_bytes());
    }
    out
}

fn centroid_of(blob: &[u8]) -> Vec<(u32, f32)> {
    blob.chunks_exact(8)
        .map(|c| (u32::from_le_bytes([c[0], c[1], c[2], c[3]]), f32::from_le_bytes([c[4], c[5], c[6], c[7]])))
        .collect()
}

fn signature_blob(s: &Signature) -> Vec<u8> {
    s.hashes().iter().flat_map(|h| h.to_le_bytes()).collect()
}

fn signature_of(blob: &[u8]) -> Option<Signature> {
    if blob.len() != HASHES * 8 {
        return None;
    }
    let mut hashes = [0u64; HASHES];
    for (h, c) in hashes.iter_mut().zip(blob.chunks_exact(8)) {
        let mut b = [0u8; 8];
        b.copy_from_slice(c);
        *h = u64::from_le_bytes(b);
    }
    Some(Signature::from_hashes(hashes))
}

fn parse_date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

/// Articles counted into the stored state.
pub(crate) fn stored_articles(conn: &Connection) -> rusqlite::Result<u32> {
    let n: Option<i64> =
        conn.query_row("SELECT value FROM story_meta WHERE key = 'articles'", [], |r| r.get(0)).optional()?;
    Ok(n.unwrap_or(0).clamp(0, u32::MAX as i64) as u32)
}

/// Why a stored state cannot be restored.
fn corrupt(what: String) -> rusqlite::Error {
    rusqlite::Error::ToSqlConversionFailure(what.into())
}

/// Reads the whole clustering state.
pub(crate) fn load(conn: &Connection) -> rusqlite::Result<Snapshot> {
    let mut snap = Snapshot { docs: stored_articles(conn)?, ..Snapshot::default() };
    let mut stmt = conn.prepare("SELECT id, term, df FROM story_terms ORDER BY id")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if id != snap.terms.len() as i64 {
            return Err(corrupt(format!("story term {id} out of sequence")));
        }
        snap.terms.push((r.get(1)?, r.get::<_, i64>(2)?.clamp(0, u32::MAX as i64) as u32));
    }
    let mut stmt = conn.prepare("SELECT id, first_date, last_date, centroid FROM stories ORDER BY id")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if id != snap.stories.len() as i64 + 1 {
            return Err(corrupt(format!("story {id} out of sequence")));
        }
        let dates = parse_date(r.get(1)?).zip(parse_date(r.get(2)?));
        let centroid = centroid_of(&r.get::<_, Vec<u8>>(3)?);
        snap.stories.push(StorySnapshot { centroid, dates });
    }
    let mut stmt = conn.prepare("SELECT term, story FROM story_postings ORDER BY seq")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        snap.postings.push((r.get::<_, i64>(0)? as u32, StoryId(r.get::<_, i64>(1)? as u32)));
    }
    let mut stmt = conn.prepare(
        "SELECT s.doc_hash, s.story, s.duplicate_of, s.signature FROM story_docs s
         WHERE s.signature IS NOT NULL ORDER BY s.seq",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let Some(signature) = signature_of(&r.get::<_, Vec<u8>>(3)?) else { continue };
        snap.seen.push(SeenSnapshot {
            key: r.get(0)?,
            story: StoryId(r.get::<_, i64>(1)? as u32),
            duplicate_of: r.get(2)?,
            signature,
        });
    }
    Ok(snap)
}

/// What the articles of one transaction changed in the story state, gathered so that
/// each term's count and each story's centroid is written once per transaction rather
/// than once per article (a batch of articles shares most of its terms).
#[derive(Default)]
pub(crate) struct Pending {
    df: HashMap<u32, u32>,
    stories: BTreeMap<u32, PendingStory>,
}

/// One story's latest centroid (none when only wire copies joined it) and dates.
type PendingStory = (Option<Vec<(u32, f32)>>, Option<(NaiveDate, NaiveDate)>);

/// Writes one article's assignment, its new terms and index entries inside the caller's
/// transaction, and gathers the rest of its [`Delta`] into `pending`.
pub(crate) fn write(
    conn: &Connection,
    pending: &mut Pending,
    hash: &str,
    seq: u32,
    a: &Assignment,
    d: Delta,
) -> rusqlite::Result<()> {
    let mut new_term = conn.prepare_cached("INSERT INTO story_terms (id, term, df) VALUES (?1, ?2, 0)")?;
    for (t, term) in &d.new_terms {
        new_term.execute(params![t, term])?;
    }
    for t in d.counted {
        *pending.df.entry(t).or_insert(0) += 1;
    }
    let story = a.story.0;
    let entry = pending.stories.entry(story).or_default();
    if d.centroid.is_some() {
        entry.0 = d.centroid;
    }
    entry.1 = d.dates;
    let mut post = conn.prepare_cached("INSERT INTO story_postings (term, story) VALUES (?1, ?2)")?;
    for t in &d.indexed {
        post.execute(params![t, story])?;
    }
    conn.prepare_cached(
        "INSERT INTO story_docs (doc_hash, seq, story, duplicate_of, similarity, signature)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        hash,
        seq,
        story,
        a.duplicate_of,
        f64::from(a.similarity),
        d.signature.as_ref().map(signature_blob),
    ])?;
    Ok(())
}

/// Writes the gathered term counts and story centroids, and the article counter.
pub(crate) fn flush(conn: &Connection, pending: Pending, articles: u32) -> rusqlite::Result<()> {
    let mut count = conn.prepare_cached("UPDATE story_terms SET df = df + ?2 WHERE id = ?1")?;
    for (t, n) in pending.df {
        count.execute([t, n])?;
    }
    for (story, (centroid, dates)) in pending.stories {
        let (first, last) = match dates {
            Some((a, b)) => (Some(date_str(a)), Some(date_str(b))),
            None => (None, None),
        };
        match centroid {
            Some(c) => {
                conn.prepare_cached(
                    "INSERT INTO stories (id, first_date, last_date, centroid) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (id) DO UPDATE SET first_date = ?2, last_date = ?3, centroid = ?4",
                )?
                .execute(params![story, first, last, centroid_blob(&c)])?;
            }
            None => {
                conn.prepare_cached("UPDATE stories SET first_date = ?2, last_date = ?3 WHERE id = ?1")?
                    .execute(params![story, first, last])?;
            }
        }
    }
    set_articles(conn, articles)
}

fn set_articles(conn: &Connection, n: u32) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO story_meta (key, value) VALUES ('articles', ?1) ON CONFLICT (key) DO UPDATE SET value = ?1",
    )?
    .execute([n])?;
    Ok(())
}

/// The clusterer in step with the stored state: `cached` when nobody has added articles
/// since it was loaded, else restored afresh. Call inside a write transaction.
pub(crate) fn in_step(conn: &Connection, cached: Option<Clusterer>) -> rusqlite::Result<Clusterer> {
    let stored = stored_articles(conn)?;
    match cached {
        Some(c) if c.articles() == stored => Ok(c),
        _ => Ok(Clusterer::restore(Config::default(), load(conn)?)),
    }
}

impl Store {
    /// Assigns every stored document that has no story yet (documents stored by a dyad
    /// before stories were kept), oldest first, a transaction per few hundred.
    pub fn assign_stories(&mut self) -> Result<Assigned, StoreError> {
        let mut done = Assigned::default();
        loop {
            let n = self.assign_some(&mut done).map_err(|e| {
                self.clusterer = None;
                self.sqlite("assigning stored documents to stories", e)
            })?;
            if n == 0 {
                return Ok(done);
            }
        }
    }

    fn assign_some(&mut self, done: &mut Assigned) -> rusqlite::Result<usize> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut clusterer = in_step(&tx, self.clusterer.take())?;
        let todo: Vec<(String, String, String)> = {
            let mut stmt = tx.prepare(
                "SELECT d.hash, d.text, d.coded FROM documents d
                 WHERE NOT EXISTS (SELECT 1 FROM story_docs s WHERE s.doc_hash = d.hash)
                 ORDER BY d.ingested_at, d.hash LIMIT ?1",
            )?;
            let rows = stmt.query_map([CATCH_UP_BATCH as i64], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let mut pending = Pending::default();
        for (hash, text, coded) in &todo {
            let coded: CodedDocument = serde_json::from_str(coded)
                .map_err(|e| corrupt(format!("document {hash}: coded record unreadable: {e}")))?;
            let (a, d) = clusterer.add_with_delta(hash, &coded, text);
            write(&tx, &mut pending, hash, clusterer.articles(), &a, d)?;
            done.documents += 1;
            done.opened += usize::from(a.opened);
            done.copies += usize::from(a.duplicate_of.is_some());
        }
        flush(&tx, pending, clusterer.articles())?;
        tx.commit()?;
        self.clusterer = Some(clusterer);
        Ok(todo.len())
    }

    /// How many stories, wire copies and unassigned documents the store holds.
    pub fn story_stats(&self) -> Result<StoryStats, StoreError> {
        let count = |sql: &str| -> Result<usize, StoreError> {
            self.conn
                .query_row(sql, [], |r| r.get::<_, i64>(0))
                .map(|n| n as usize)
                .map_err(|e| self.sqlite("counting stories", e))
        };
        Ok(StoryStats {
            stories: count("SELECT count(*) FROM stories")?,
            copies: count("SELECT count(*) FROM story_docs WHERE duplicate_of IS NOT NULL")?,
            unassigned: count(
                "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM story_docs s WHERE s.doc_hash = d.hash)",
            )?,
        })
    }

    /// Every story with its articles (in the order they joined), by story number.
    pub fn stories(&self) -> Result<Vec<Story>, StoreError> {
        self.read_stories(None)
    }

    /// One story with its articles, if there is a story with that number.
    pub fn story(&self, id: StoryId) -> Result<Option<Story>, StoreError> {
        Ok(self.read_stories(Some(id))?.pop())
    }

    fn read_stories(&self, only: Option<StoryId>) -> Result<Vec<Story>, StoreError> {
        let op = || match only {
            Some(id) => format!("reading story {}", id.0),
            None => "reading stories".to_string(),
        };
        let sql = "SELECT s.story, d.hash, d.coded, o.id FROM story_docs s
                   JOIN documents d ON d.hash = s.doc_hash
                   LEFT JOIN documents o ON o.hash = s.duplicate_of
                   WHERE ?1 IS NULL OR s.story = ?1
                   ORDER BY s.story, s.seq";
        type Row = (i64, String, String, Option<String>);
        let read = || -> rusqlite::Result<Vec<Row>> {
            let mut stmt = self.conn.prepare(sql)?;
            let rows = stmt.query_map([only.map(|s| i64::from(s.0))], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
            rows.collect()
        };
        let rows = read().map_err(|e| self.sqlite(op(), e))?;
        let mut out: Vec<Story> = Vec::new();
        for (story, hash, coded, original) in rows {
            let coded: CodedDocument = serde_json::from_str(&coded).map_err(|source| StoreError::Json {
                path: self.path.clone(),
                op: format!("{}: document {hash}", op()),
                source,
            })?;
            let id = StoryId(story as u32);
            if out.last().is_none_or(|s| s.id != id) {
                out.push(Story { id, articles: Vec::new() });
            }
            if let Some(s) = out.last_mut() {
                s.articles.push(Article { coded, duplicate_of: original });
            }
        }
        Ok(out)
    }
}
