//! The store against real SQLite files in temporary directories.
use chrono::NaiveDate;
use dyad_code::{ActorRef, CodedDocument, Event, Modality};
use dyad_doc::{Document, Format, GivenMeta, RawDocument};
use dyad_store::{DocFilter, EventFilter, Insertion, Store, StoreError};

fn document(id: &str, body: &str, published: Option<&str>) -> Document {
    dyad_doc::prepare(RawDocument {
        id: id.to_string(),
        source: format!("{id}.txt"),
        format: Format::Text,
        content: body.to_string(),
        given: GivenMeta {
            outlet: Some("Test Wire".into()),
            title: Some(format!("Title of {id}")),
            published: published.map(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").unwrap()),
            ..GivenMeta::default()
        },
    })
}

fn actor(code: &str, text: &str) -> ActorRef {
    ActorRef {
        text: text.into(),
        actor: Some(code.into()),
        country: Some(code[..3].into()),
        name: None,
    }
}

fn event(src: &str, tgt: &str, cameo: &str, modality: Modality, date: Option<&str>, sentence: &str) -> Event {
    Event {
        source: actor(src, src),
        target: actor(tgt, tgt),
        cameo: cameo.into(),
        root: cameo[..2].into(),
        quad_class: 1,
        goldstein: 1.9,
        plover: "CONSULT".into(),
        modality,
        attribution: None,
        date: date.map(str::to_string),
        location: None,
        sentence: sentence.into(),
        span: [0, sentence.chars().count()],
    }
}

fn coded(doc: &Document, events: Vec<Event>) -> CodedDocument {
    let mut c = dyad_code::code_document(doc);
    c.events = events;
    c
}

const PUTIN: &str = "Russian President Vladimir Putin arrived in Pyongyang on Tuesday for talks with Kim Jong Un.";
const SANCTIONS: &str = "Washington said it would impose new sanctions on Moscow over the arms deal.";

#[test]
fn the_same_article_is_stored_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("d.db")).unwrap();
    let doc = document("a", PUTIN, Some("2024-06-19"));
    let c = coded(&doc, vec![event("RUSGOV", "PRKGOV", "042", Modality::Asserted, Some("2024-06-18"), PUTIN)]);
    assert!(!store.has(&doc.content_hash).unwrap());
    assert_eq!(store.insert(&doc, &c).unwrap(), Insertion::Inserted);
    assert!(store.has(&doc.content_hash).unwrap());
    assert_eq!(store.insert(&doc, &c).unwrap(), Insertion::AlreadyPresent);
    // The same body under another id and source is the same article.
    let copy = document("a-copy", PUTIN, None);
    assert_eq!(copy.content_hash, doc.content_hash);
    assert_eq!(store.insert_batch([(&copy, &c), (&doc, &c)]).unwrap(), vec![Insertion::AlreadyPresent; 2]);
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.events), (1, 1));
}

#[test]
fn a_batch_reports_each_document_and_duplicates_within_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("d.db")).unwrap();
    let a = document("a", PUTIN, None);
    let b = document("b", SANCTIONS, None);
    let (ca, cb) = (coded(&a, vec![]), coded(&b, vec![]));
    let got = store.insert_batch([(&a, &ca), (&b, &cb), (&a, &ca)]).unwrap();
    assert_eq!(got, vec![Insertion::Inserted, Insertion::Inserted, Insertion::AlreadyPresent]);
    let present = store.present([a.content_hash.as_str(), "0000", b.content_hash.as_str()]).unwrap();
    assert_eq!(present.len(), 2);
    assert!(!present.contains("0000"));
}

#[test]
fn documents_round_trip_and_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.db");
    let doc = document("a", PUTIN, Some("2024-06-19"));
    let c = coded(&doc, vec![event("RUSGOV", "PRKGOV", "042", Modality::Asserted, Some("2024-06-18"), PUTIN)]);
    Store::open(&path).unwrap().insert(&doc, &c).unwrap();

    let store = Store::open_existing(&path).unwrap();
    let stored = store.doc(&doc.content_hash).unwrap().expect("stored document");
    assert_eq!(stored.coded, c);
    assert_eq!(stored.text, doc.text);
    assert_eq!(stored.row.published.as_deref(), Some("2024-06-19"));
    assert_eq!(stored.row.outlet.as_deref(), Some("Test Wire"));
    assert_eq!(stored.row.events, 1);
    assert_eq!(stored.row.text_chars, doc.text.chars().count());
    assert!(stored.row.ingested_at.starts_with("20"), "{}", stored.row.ingested_at);
    assert!(store.doc("ffff").unwrap().is_none());
    assert_eq!(store.check_integrity().unwrap(), Ok(()));
}

#[test]
fn events_filter_by_actor_code_modality_and_overlapping_dates() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("d.db")).unwrap();
    let a = document("a", PUTIN, Some("2024-06-19"));
    let b = document("b", SANCTIONS, Some("2024-06-20"));
    let ca = coded(
        &a,
        vec![
            event("RUSGOV", "PRKGOV", "042", Modality::Asserted, Some("2024-06-18"), PUTIN),
            event("PRKGOV", "RUSMIL", "057", Modality::Planned, Some("2024-06"), PUTIN),
        ],
    );
    let cb = coded(&b, vec![event("USAGOV", "RUSGOV", "163", Modality::Claimed, Some("2024"), SANCTIONS)]);
    store.insert_batch([(&a, &ca), (&b, &cb)]).unwrap();

    let ids = |f: EventFilter| -> Vec<String> {
        store.events(&f).unwrap().into_iter().map(|e| format!("{}:{}", e.doc_id, e.event.cameo)).collect()
    };
    assert_eq!(ids(EventFilter::default()), ["b:163", "a:057", "a:042"]);
    assert_eq!(ids(EventFilter { actor: Some("RUS".into()), ..Default::default() }).len(), 3);
    assert_eq!(ids(EventFilter { source: Some("PRK".into()), ..Default::default() }), ["a:057"]);
    assert_eq!(ids(EventFilter { target: Some("RUSGOV".into()), ..Default::default() }), ["b:163"]);
    assert_eq!(ids(EventFilter { actor: Some("USA".into()), ..Default::default() }), ["b:163"]);
    assert_eq!(ids(EventFilter { cameo: Some("04".into()), ..Default::default() }), ["a:042"]);
    assert_eq!(ids(EventFilter { root: Some("16".into()), ..Default::default() }), ["b:163"]);
    assert_eq!(ids(EventFilter { modality: Some(Modality::Planned), ..Default::default() }), ["a:057"]);
    let since = Some("2024-06-19".parse().unwrap());
    assert_eq!(ids(EventFilter { since, ..Default::default() }), ["b:163", "a:057"]);
    let until = Some("2024-05".parse().unwrap());
    assert_eq!(ids(EventFilter { until, ..Default::default() }), ["b:163"]);
    assert_eq!(ids(EventFilter { doc: Some("a".into()), ..Default::default() }), ["a:057", "a:042"]);
    let hash_prefix = Some(b.content_hash[..10].to_string());
    assert_eq!(ids(EventFilter { doc: hash_prefix, ..Default::default() }), ["b:163"]);
    assert_eq!(ids(EventFilter { limit: Some(1), ..Default::default() }).len(), 1);

    let row = &store.events(&EventFilter { root: Some("04".into()), ..Default::default() }).unwrap()[0];
    assert_eq!(row.event, ca.events[0]);
    assert_eq!((row.doc_hash.as_str(), row.seq), (a.content_hash.as_str(), 0));
}

#[test]
fn docs_filter_by_outlet_date_and_id() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("d.db")).unwrap();
    let a = document("a", PUTIN, Some("2024-06-19"));
    let b = document("b", SANCTIONS, None);
    let c = document("c", "Kim Jong Un met Putin in Vladivostok in 2019.", Some("2019-04-25"));
    for d in [&a, &b, &c] {
        store.insert(d, &coded(d, vec![])).unwrap();
    }
    let ids = |f: DocFilter| -> Vec<String> { store.docs(&f).unwrap().into_iter().map(|d| d.id).collect() };
    assert_eq!(ids(DocFilter::default()), ["c", "a", "b"]);
    assert_eq!(ids(DocFilter { since: Some("2024".parse().unwrap()), ..Default::default() }), ["a"]);
    assert_eq!(ids(DocFilter { until: Some("2023-12-31".parse().unwrap()), ..Default::default() }), ["c"]);
    assert_eq!(ids(DocFilter { outlet: Some("Test Wire".into()), ..Default::default() }).len(), 3);
    assert!(ids(DocFilter { outlet: Some("Other".into()), ..Default::default() }).is_empty());
    assert_eq!(ids(DocFilter { doc: Some("b".into()), ..Default::default() }), ["b"]);
}

#[test]
fn a_missing_database_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nothing.db");
    let err = Store::open_existing(&path).err().expect("missing database");
    assert!(matches!(err, StoreError::Missing { .. }));
    assert!(err.to_string().contains("nothing.db"), "{err}");
    assert!(!path.exists(), "open_existing created a file");
}

#[test]
fn a_file_that_is_not_a_database_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, "these are my notes, not a database ".repeat(100)).unwrap();
    let err = Store::open(&path).err().expect("not a database");
    let msg = err.to_string();
    assert!(msg.contains("notes.db"), "{msg}");
}

#[test]
fn a_database_from_a_newer_dyad_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.db");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("INSERT INTO schema_version (version) VALUES (?1)", [dyad_store::schema::CURRENT + 1])
        .unwrap();
    drop(conn);
    let err = Store::open(&path).err().expect("newer schema");
    assert!(matches!(err, StoreError::TooNew { .. }), "{err}");
}

#[test]
fn an_uncommitted_batch_is_invisible_to_readers() {
    // WAL: a reader sees whole batches only; here the writer's transaction is open
    // while another connection counts rows.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.db");
    let store = Store::open(&path).unwrap();
    let mut writer = rusqlite::Connection::open(&path).unwrap();
    let tx = writer.transaction().unwrap();
    tx.execute(
        "INSERT INTO documents (hash, id, source, language, text, text_chars, coded) VALUES ('h', 'x', 'x', 'en', 't', 1, '{}')",
        [],
    )
    .unwrap();
    assert_eq!(store.stats().unwrap().documents, 0);
    drop(tx); // rolled back, as when a run is killed
    assert_eq!(store.stats().unwrap().documents, 0);
}
