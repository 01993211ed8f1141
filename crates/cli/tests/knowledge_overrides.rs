//! `--actors FILE`: the user's own knowledge tables change how documents are coded.
mod common;
use common::{dyad, json_lines};
use std::io::Write;
use std::process::Stdio;

const ARTICLE: &str = r#"{"id": "visit", "published": "2024-03-04", "text": "Marta Kowalska visited Kyiv on Monday and met Ukrainian officials to discuss air defence."}"#;

fn code_with(args: &[&str]) -> Vec<serde_json::Value> {
    let mut child = dyad()
        .args(args)
        .args(["code", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(ARTICLE.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{out:?}");
    json_lines(&out)
}

fn visits(docs: &[serde_json::Value]) -> Vec<String> {
    docs[0]["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["cameo"] == "042")
        .map(|e| format!("{}>{}", e["source"]["actor"].as_str().unwrap_or("?"), e["target"]["actor"].as_str().unwrap_or("?")))
        .collect()
}

#[test]
fn a_user_people_table_makes_a_new_official_an_actor() {
    // Unknown to the built-in tables: not a political actor, so no event.
    assert!(visits(&code_with(&[])).is_empty());

    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("my-people.tsv");
    std::fs::write(
        &table,
        "person\taliases\tcountry\tactor\trole\toffice\tstart\tend\n\
         Marta Kowalska\tKowalska\tPOL\tPOLGOV\tforeign_minister\tForeign Minister of Poland\t2024-01-01\t\n",
    )
    .unwrap();
    let coded = code_with(&["--actors", table.to_str().unwrap()]);
    assert_eq!(visits(&coded), ["POLGOV>UKR"], "{coded:#?}");
}

#[test]
fn a_broken_user_table_stops_the_run_naming_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("broken.tsv");
    std::fs::write(&table, "person\taliases\tcountry\tactor\trole\toffice\tstart\tend\nSomeone\t\tXX\tNOPE\tnobody\t\t\t\n").unwrap();
    let out = dyad().args(["--actors", table.to_str().unwrap(), "code", "-"]).stdin(Stdio::null()).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.tsv:2"), "{err}");
}
