//! `dyad ingest`, `dyad docs` and `dyad events` end to end, against real databases.
mod common;
use common::*;
use dyad_store::{DocFilter, Store};
use std::path::Path;
use std::time::{Duration, Instant};

/// Every stored document is whole: its event, entity and quote rows are exactly those
/// of its coded record, and SQLite finds the file sound.
fn assert_consistent(db: &Path) -> usize {
    let store = Store::open_existing(db).unwrap();
    assert_eq!(store.check_integrity().unwrap(), Ok(()));
    let docs = store.docs(&DocFilter::default()).unwrap();
    let mut events = 0;
    for row in &docs {
        let full = store.doc(&row.hash).unwrap().expect("listed document is readable");
        assert_eq!(row.events, full.coded.events.len(), "{}: partial events", row.id);
        assert_eq!(full.coded.doc.text_chars, full.text.chars().count(), "{}", row.id);
        assert_eq!(full.coded.doc.id, row.id);
        assert!(!full.text.is_empty(), "{}: empty body stored", row.id);
        events += row.events;
    }
    let stats = store.stats().unwrap();
    assert_eq!(stats.documents, docs.len());
    assert_eq!(stats.events, events, "event rows without their document, or missing");
    docs.len()
}

#[test]
fn ingesting_twice_stores_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let db = db.to_str().unwrap();
    let samples = samples();
    let first = run(&["ingest", samples.to_str().unwrap(), "--db", db]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert_eq!(summary(&first), (10, 0, 0));
    let second = run(&["ingest", samples.to_str().unwrap(), "--db", db]);
    assert!(second.status.success(), "{}", stderr(&second));
    assert_eq!(summary(&second), (0, 10, 0));
    assert_eq!(assert_consistent(Path::new(db)), 10);

    let listed = run(&["docs", "--db", db, "--format", "jsonl"]);
    assert!(listed.status.success(), "{}", stderr(&listed));
    let docs = json_lines(&listed);
    assert_eq!(docs.len(), 10);
    assert!(docs.iter().all(|d| d["hash"].as_str().unwrap().len() == 64));

    let table = run(&["docs", "--db", db]);
    assert!(table.status.success());
    let text = stdout(&table);
    assert!(text.lines().next().unwrap().starts_with("HASH"), "{text}");
    assert_eq!(text.lines().count(), 11, "{text}");
}

#[test]
fn quiet_ingest_prints_nothing_when_all_is_well() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    let out = run(&["--quiet", "ingest", samples().to_str().unwrap(), "--db", db.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!((stdout(&out), stderr(&out)), (String::new(), String::new()));
}

#[test]
fn stored_events_are_those_dyad_code_prints_and_filters_select_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.db");
    let db = db.to_str().unwrap();
    let samples = samples();
    let coded = json_lines(&run(&["code", samples.to_str().unwrap()]));
    let ingest = run(&["ingest", samples.to_str().unwrap(), "--db", db]);
    assert!(ingest.status.success(), "{}", stderr(&ingest));

    let all = run(&["events", "--db", db, "--format", "jsonl"]);
    assert!(all.status.success(), "{}", stderr(&all));
    let expected: usize = coded.iter().map(|d| d["events"].as_array().unwrap().len()).sum();
    assert_eq!(json_lines(&all).len(), expected);

    let involves = |e: &serde_json::Value, prefix: &str| {
        ["source", "target"].iter().any(|side| e[side]["actor"].as_str().is_some_and(|a| a.starts_with(prefix)))
    };
    let rus = json_lines(&run(&["events", "--db", db, "--format", "jsonl", "--actor", "rus"]));
    let expected_rus = coded
        .iter()
        .flat_map(|d| d["events"].as_array().unwrap())
        .filter(|e| involves(e, "RUS"))
        .count();
    assert_eq!(rus.len(), expected_rus);
    assert!(rus.iter().all(|e| involves(e, "RUS")));

    let table = run(&["events", "--db", db, "--modality", "denied", "--since", "2024-01"]);
    assert!(table.status.success(), "{}", stderr(&table));
    assert!(stdout(&table).starts_with("DATE"));

    let bad_date = run(&["events", "--db", db, "--since", "last week"]);
    assert_eq!(bad_date.status.code(), Some(2));
    assert!(stderr(&bad_date).contains("YYYY"), "{}", stderr(&bad_date));
}

#[test]
fn listing_a_missing_database_fails_naming_it_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("absent.db");
    for cmd in ["docs", "events"] {
        let out = run(&[cmd, "--db", db.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        assert!(stderr(&out).contains("absent.db"), "{}", stderr(&out));
        assert!(!db.exists(), "{cmd} created the database");
    }
}

#[test]
fn a_run_with_failures_stores_the_good_documents_and_stays_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    let good = std::fs::read_to_string(samples().join("red-sea-ship-attack.txt")).unwrap();
    std::fs::write(inputs.join("a-good.txt"), &good).unwrap();
    std::fs::write(inputs.join("b-empty.txt"), "").unwrap();
    std::fs::write(inputs.join("c-bad.txt"), b"Houthi rebels \xff\xfe claimed an attack.\n").unwrap();
    let jsonl = format!(
        "{}\nnot json at all\n",
        serde_json::json!({"id": "wire-1", "text": good.replace("Tuesday", "Wednesday")})
    );
    std::fs::write(inputs.join("d-wire.jsonl"), jsonl).unwrap();
    let db = dir.path().join("f.db");
    let args = ["ingest", inputs.to_str().unwrap(), "--db", db.to_str().unwrap()];

    let out = run(&args);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(summary(&out), (2, 0, 3));
    let err = stderr(&out);
    for name in ["b-empty.txt", "c-bad.txt", "d-wire.jsonl:2"] {
        assert!(err.lines().any(|l| l.starts_with("dyad: ") && l.contains(name)), "{name} not named in:\n{err}");
    }
    assert_eq!(assert_consistent(&db), 2);

    let again = run(&args);
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(summary(&again), (0, 2, 3));
    assert_eq!(assert_consistent(&db), 2);
}

#[cfg(unix)]
#[test]
fn a_killed_run_leaves_whole_documents_and_the_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("first"), dir.path().join("second"));
    generate_reports(&first, "a", 300);
    generate_reports(&second, "b", 100);
    // A named pipe nobody writes to: reading it blocks, so the run is certainly
    // still going (one batch committed, the rest pending) when it is killed.
    let stuck = dir.path().join("stuck.txt");
    let made = std::process::Command::new("mkfifo").arg(&stuck).status().unwrap();
    assert!(made.success(), "mkfifo failed");
    let db = dir.path().join("k.db");

    let mut child = dyad()
        .args(["ingest", first.to_str().unwrap(), stuck.to_str().unwrap(), second.to_str().unwrap()])
        .args(["--db", db.to_str().unwrap()])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    let stored = loop {
        assert!(child.try_wait().unwrap().is_none(), "ingest ended before it was killed");
        assert!(Instant::now() < deadline, "no batch committed within two minutes");
        if db.exists() {
            if let Ok(store) = Store::open_existing(&db) {
                let n = store.stats().map(|s| s.documents).unwrap_or(0);
                if n > 0 {
                    break n;
                }
            }
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(stored < 400, "everything was stored before the kill");

    let kept = assert_consistent(&db);
    assert!(kept >= stored && kept < 400, "{kept} documents after the kill");

    let rerun = run(&["ingest", first.to_str().unwrap(), second.to_str().unwrap(), "--db", db.to_str().unwrap()]);
    assert!(rerun.status.success(), "{}", stderr(&rerun));
    assert_eq!(summary(&rerun), (400 - kept, kept, 0));
    assert_eq!(assert_consistent(&db), 400);
}
