//! Stories kept in the database by `dyad ingest`, read back by `dyad stories`, `dyad
//! brief`, `dyad docs --story` and `dyad events --story`.
mod common;
use common::{json_lines, run, shared, stderr, stdout};

#[test]
fn ingest_assigns_stories_and_a_later_ingest_extends_them() {
    let Some(seeds) = shared("corpus/seeds") else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let db = db.to_str().unwrap();
    let first = seeds.join("000_d0e567824f4ed22d.txt");
    let out = run(&["ingest", first.to_str().unwrap(), "--db", db]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("stories in"), "{}", stderr(&out));
    // The other two seeds arrive in a second run and join the stored story.
    let out = run(&["ingest", seeds.to_str().unwrap(), "--db", db]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(common::summary(&out), (2, 1, 0));

    let out = run(&["stories", "--db", db, "--format", "jsonl"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stories = json_lines(&out);
    assert_eq!(stories.len(), 1, "{stories:#?}");
    assert_eq!(stories[0]["story"], 1);
    assert_eq!(stories[0]["docs"].as_array().unwrap().len(), 3);
    assert_eq!(stories[0]["docs"][0], "000_d0e567824f4ed22d");
    assert!(stories[0]["events"].as_u64().unwrap() > 0);

    let out = run(&["brief", "1", "--db", db]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    for id in ["000_d0e567824f4ed22d", "002_333977397239f18a", "004_5fc2997a7ef2fa6e"] {
        assert!(md.contains(id), "{id} missing from\n{md}");
    }
    assert!(md.contains("## Denied") && md.contains("## Reported as not happening"), "{md}");
    let html = stdout(&run(&["brief", "1", "--db", db, "--html"]));
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Kyiv Independent"));

    let out = run(&["brief", "2", "--db", db]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no story 2") && stderr(&out).contains("s.db"), "{}", stderr(&out));

    let docs = json_lines(&run(&["docs", "--db", db, "--story", "1", "--format", "jsonl"]));
    assert_eq!(docs.len(), 3);
    assert!(docs.iter().all(|d| d["story"] == 1 && d["duplicate_of"].is_null()));
    let all = json_lines(&run(&["events", "--db", db, "--format", "jsonl"]));
    let of_story = json_lines(&run(&["events", "--db", db, "--story", "1", "--format", "jsonl"]));
    assert_eq!(all.len(), of_story.len());
    assert!(json_lines(&run(&["events", "--db", db, "--story", "7", "--format", "jsonl"])).is_empty());
}

#[test]
fn stories_from_inputs_are_numbered_from_one() {
    let Some(seeds) = shared("corpus/seeds") else { return };
    let out = run(&["stories", "--format", "jsonl", seeds.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stories = json_lines(&out);
    assert_eq!(stories[0]["story"], 1);
    let out = run(&["brief", "0", seeds.to_str().unwrap()]);
    assert!(!out.status.success(), "story 0 does not exist");
}
