//! Stories kept in the store: every stored article is assigned as it arrives, later runs
//! (and other processes) extend the stored stories exactly as one run would, wire copies
//! are marked, and a database from before stories is caught up.
use dyad_code::CodedDocument;
use dyad_doc::Document;
use dyad_store::{DocFilter, Store};
use dyad_story::{Clusterer, StoryId};
use std::path::{Path, PathBuf};

fn shared(rel: &str) -> Option<PathBuf> {
    let mut dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    while !dir.join("Cargo.lock").exists() {
        dir = dir.parent()?;
    }
    let p = dir.parent()?.join("shared").join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: {} is not here", p.display());
        None
    }
}

fn code(path: &Path) -> Vec<(Document, CodedDocument)> {
    let mut out = Vec::new();
    for input in dyad_doc::read::discover(&[path]) {
        for raw in dyad_doc::read::documents(&input.expect("listing the corpus")) {
            let doc = dyad_doc::prepare(raw.expect("reading a corpus document"));
            let coded = dyad_code::code_document(&doc);
            out.push((doc, coded));
        }
    }
    out
}

/// Story number of each stored document, by content hash, in the order given.
fn stories_of(store: &Store, docs: &[(Document, CodedDocument)]) -> Vec<Option<u32>> {
    let rows = store.docs(&DocFilter::default()).unwrap();
    docs.iter()
        .map(|(d, _)| rows.iter().find(|r| r.hash == d.content_hash).and_then(|r| r.story))
        .collect()
}

#[test]
fn ingesting_in_three_runs_gives_the_stories_of_one_run() {
    let Some(path) = shared("corpus/dev/docs.jsonl") else { return };
    let docs = code(&path);
    let mut whole = Clusterer::default();
    let expected: Vec<Option<u32>> =
        docs.iter().map(|(d, c)| Some(whole.add(&d.content_hash, c, &d.text).story.0)).collect();

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    for part in docs.chunks(docs.len().div_ceil(3)) {
        // A fresh process each time: the clusterer comes back from the tables.
        let mut store = Store::open(&db).unwrap();
        for batch in part.chunks(4) {
            store.insert_batch(batch.iter().map(|(d, c)| (d, c))).unwrap();
        }
    }
    let store = Store::open_existing(&db).unwrap();
    assert_eq!(stories_of(&store, &docs), expected);
    let stats = store.story_stats().unwrap();
    assert_eq!(stats.unassigned, 0);
    assert_eq!(stats.stories, whole.story_count());
    let stories = store.stories().unwrap();
    assert_eq!(stories.iter().map(|s| s.id.0).collect::<Vec<_>>(), (1..=whole.story_count() as u32).collect::<Vec<_>>());
    assert_eq!(stories.iter().map(|s| s.articles.len()).sum::<usize>(), docs.len());
    let one = store.story(StoryId(2)).unwrap().expect("story 2");
    assert_eq!(one, stories[1]);
    assert!(stories.iter().flat_map(|s| s.events()).any(|e| e.corroborated()), "no event corroborated across stored outlets");
}

#[test]
fn two_processes_writing_one_file_extend_the_same_stories() {
    let Some(path) = shared("corpus/seeds") else { return };
    let docs = code(&path);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut a = Store::open(&db).unwrap();
    let mut b = Store::open(&db).unwrap();
    a.insert(&docs[0].0, &docs[0].1).unwrap();
    b.insert(&docs[1].0, &docs[1].1).unwrap();
    a.insert(&docs[2].0, &docs[2].1).unwrap();
    assert_eq!(stories_of(&a, &docs), vec![Some(1); 3], "the seed articles tell one story");
    let story = a.story(StoryId(1)).unwrap().expect("story 1");
    assert_eq!(story.outlets().len(), 3);
    let md = dyad_story::brief::markdown(&story);
    for (d, _) in &docs {
        assert!(md.contains(&format!("({})", d.id)), "{} missing from the brief", d.id);
    }
}

#[test]
fn a_wire_copy_is_marked_with_its_original() {
    let Some(path) = shared("corpus/seeds") else { return };
    let docs = code(&path);
    let (orig, coded) = &docs[0];
    // The same wire story republished by another outlet with a line of its own on top.
    let raw = dyad_doc::RawDocument {
        id: "copy".into(),
        source: "copy.txt".into(),
        format: dyad_doc::Format::Text,
        content: format!("Republished from the wire.\n\n{}", orig.text),
        given: dyad_doc::GivenMeta { outlet: Some("Copy Desk".into()), ..Default::default() },
    };
    let copy = dyad_doc::prepare(raw);
    let copy_coded = dyad_code::code_document(&copy);
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("s.db")).unwrap();
    store.insert(orig, coded).unwrap();
    store.insert(&copy, &copy_coded).unwrap();
    let rows = store.docs(&DocFilter::default()).unwrap();
    let row = rows.iter().find(|r| r.id == "copy").unwrap();
    assert_eq!(row.duplicate_of.as_deref(), Some(orig.content_hash.as_str()));
    assert_eq!(row.story, Some(1));
    assert_eq!(store.story_stats().unwrap().copies, 1);
    let story = store.story(StoryId(1)).unwrap().unwrap();
    assert_eq!(story.articles[1].duplicate_of.as_deref(), Some(orig.id.as_str()));
    // The copy does not make any event independent twice.
    assert!(story.events().iter().all(|e| e.independent_outlets <= 1), "a copy counted as an independent outlet");
}

#[test]
fn a_database_from_before_stories_is_read_and_caught_up() {
    let Some(path) = shared("corpus/seeds") else { return };
    let docs = code(&path);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v1.db");
    {
        // A version-1 database, as the dyad before stories wrote it.
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(dyad_store::schema::MIGRATIONS[0]).unwrap();
        conn.execute_batch("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT 'then'); INSERT INTO schema_version (version) VALUES (1);").unwrap();
        for (d, c) in &docs {
            conn.execute(
                "INSERT INTO documents (hash, id, source, title, outlet, language, text, text_chars, coded) VALUES (?1, ?2, ?3, ?4, ?5, 'en', ?6, ?7, ?8)",
                rusqlite::params![d.content_hash, d.id, d.source, d.title, d.outlet, d.text, d.text_chars() as i64, serde_json::to_string(c).unwrap()],
            )
            .unwrap();
        }
    }
    let mut store = Store::open_existing(&db).unwrap();
    let rows = store.docs(&DocFilter::default()).unwrap();
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.story.is_none()));
    assert_eq!(store.story_stats().unwrap().unassigned, 3);
    let done = store.assign_stories().unwrap();
    assert_eq!((done.documents, done.opened), (3, 1));
    assert_eq!(store.story_stats().unwrap().unassigned, 0);
    assert_eq!(store.story(StoryId(1)).unwrap().unwrap().articles.len(), 3);
    assert_eq!(store.assign_stories().unwrap().documents, 0);
}
