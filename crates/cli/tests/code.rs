//! `dyad code` and `dyad text` end to end.
mod common;
use common::*;
use std::io::Write;

const DOC_FIELDS: [&str; 8] = ["id", "source", "title", "outlet", "byline", "published", "language", "text_chars"];

/// The sample corpus: five .txt, two .html, one .jsonl of three records.
const SAMPLE_DOCS: usize = 10;

#[test]
fn code_prints_one_contract_object_per_sample_document() {
    let out = run(&["code", samples().to_str().unwrap()]);
    assert!(out.status.success(), "exit {:?}: {}", out.status, stderr(&out));
    assert_eq!(stderr(&out), "", "nothing on stderr when all is well");
    let docs = json_lines(&out);
    assert_eq!(docs.len(), SAMPLE_DOCS);
    let mut ids = std::collections::HashSet::new();
    for d in &docs {
        let doc = d["doc"].as_object().expect("a doc object");
        for f in DOC_FIELDS {
            assert!(doc.contains_key(f), "doc lacks {f}: {d}");
        }
        assert!(doc["text_chars"].as_u64().unwrap() > 200, "{d}");
        assert_eq!(doc["language"], "en");
        for part in ["entities", "events", "quotes"] {
            assert!(d[part].is_array(), "{part} missing: {d}");
        }
        assert!(ids.insert(doc["id"].as_str().unwrap().to_string()), "duplicate id in {d}");
    }
    for id in ["india-china-border-talks", "japan-korea-summit", "nato-air-defence", "ethiopia-somalia-ankara"] {
        assert!(ids.contains(id), "{id} missing from {ids:?}");
    }
}

#[test]
fn code_keeps_input_order_whatever_the_number_of_threads() {
    let dir = tempfile::tempdir().unwrap();
    // More documents than one batch, so order must survive batching too.
    generate_reports(dir.path(), "r", 300);
    let run_with = |threads: &str| {
        let out = dyad()
            .env("RAYON_NUM_THREADS", threads)
            .args(["code", dir.path().to_str().unwrap()])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    let one = run_with("1");
    let ids: Vec<String> = one
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["doc"]["id"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = (0..300).map(|i| format!("r{i:04}")).collect();
    assert_eq!(ids, expected);
    assert_eq!(run_with("4"), one);
}

#[test]
fn code_reads_standard_input() {
    let body = std::fs::read(samples().join("eu-iran-sanctions.txt")).unwrap();
    let mut child = dyad()
        .args(["code", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&body).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 1);
    assert!(docs[0]["doc"]["text_chars"].as_u64().unwrap() > 200);
}

/// A directory with one good article and one of each kind of bad input.
fn bad_inputs(dir: &std::path::Path) -> Vec<&'static str> {
    let good = std::fs::read_to_string(samples().join("erdogan-zelensky-istanbul.txt")).unwrap();
    std::fs::write(dir.join("good.txt"), &good).unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    let mut binary = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0".to_vec();
    binary.extend((0..2000u32).map(|i| (i * 7 % 256) as u8));
    std::fs::write(dir.join("binary.txt"), binary).unwrap();
    let mut latin1 = good.as_bytes()[..400].to_vec();
    latin1.extend(b"\n\nThe minister said the caf\xe9 talks in Bras\xedlia went well.\n");
    std::fs::write(dir.join("latin1.txt"), latin1).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(good.repeat(20).as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    std::fs::write(dir.join("truncated.txt.gz"), &gz[..gz.len() / 2]).unwrap();
    let record = |id: &str, text: &str| serde_json::json!({"id": id, "text": text}).to_string();
    let jsonl = format!(
        "{}\n{{\"id\": \"broken\", \"text\": \"Kim Jong Un met\n{}\n",
        record("first", &good.replace("Erdogan", "Turkish President Erdogan")),
        record("third", &good.replace("Istanbul", "Ankara")),
    );
    std::fs::write(dir.join("mixed.jsonl"), jsonl).unwrap();
    vec!["binary.txt", "empty.txt", "latin1.txt", "mixed.jsonl:2", "truncated.txt.gz"]
}

#[test]
fn bad_inputs_are_reported_one_line_each_and_the_good_ones_still_printed() {
    let dir = tempfile::tempdir().unwrap();
    let bad = bad_inputs(dir.path());
    let out = run(&["code", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let ids: Vec<String> = json_lines(&out)
        .iter()
        .map(|d| d["doc"]["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["good", "first", "third"]);
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), bad.len(), "one line per bad input:\n{err}");
    for name in bad {
        assert_eq!(
            lines.iter().filter(|l| l.starts_with("dyad: ") && l.contains(name)).count(),
            1,
            "{name} not named once in:\n{err}"
        );
    }
}

#[test]
fn a_missing_file_is_reported_and_the_others_still_coded() {
    let sample = samples().join("eu-iran-sanctions.txt");
    let out = run(&["code", "/nonexistent/nowhere.txt", sample.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json_lines(&out).len(), 1);
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("dyad: ") && err.contains("/nonexistent/nowhere.txt"), "{err}");
}

#[test]
fn text_prints_the_cleaned_body_that_code_measures() {
    let file = samples().join("north-korea-missile-test.txt");
    let out = run(&["text", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("North Korea fired a short-range ballistic missile"), "{text}");
    assert!(!text.contains("* indicates required"), "page junk left in:\n{text}");
    assert!(!text.trim_start().starts_with('{'), "JSON instead of text");
    let coded = json_lines(&run(&["code", file.to_str().unwrap()]));
    assert_eq!(coded[0]["doc"]["text_chars"].as_u64().unwrap() as usize, text.trim_end().chars().count());
}

#[test]
fn text_of_a_bad_file_fails_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("nothing.txt");
    std::fs::write(&empty, "").unwrap();
    let out = run(&["text", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
    assert!(stderr(&out).contains("nothing.txt"), "{}", stderr(&out));
}

#[test]
fn the_dev_corpus_codes_without_errors() {
    let Some(docs) = shared("corpus/dev/docs.jsonl") else { return };
    let out = run(&["code", docs.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let coded = json_lines(&out);
    assert_eq!(coded.len(), 30);
    assert_eq!(coded[0]["doc"]["id"], "d01");
}

/// The events `dyad code` prints for document `id` when given `lines` as one JSONL file.
fn events_of(lines: &[&str], id: &str) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("docs.jsonl");
    std::fs::write(&path, lines.join("\n")).unwrap();
    let out = run(&["code", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let coded = json_lines(&out);
    let doc = coded.iter().find(|d| d["doc"]["id"] == id).expect("the document is coded");
    doc["events"].as_array().cloned().unwrap_or_default()
}

#[test]
fn an_undated_report_reads_its_weekdays_against_the_other_reports_of_its_story() {
    let Some(docs) = shared("corpus/dev/docs.jsonl") else { return };
    let all = std::fs::read_to_string(docs).unwrap();
    let line = |id: &str| all.lines().find(|l| l.contains(&format!("\"id\": \"{id}\""))).unwrap_or_else(|| panic!("{id} is in the dev corpus"));
    // d30 (Anadolu, no date): "Putin on Wednesday accused Kyiv ...". d02 (Politico) reports
    // the same Kursk incursion and is dated Wednesday 7 August 2024.
    let accusation = |events: &[serde_json::Value]| {
        events.iter().find(|e| e["source"]["country"] == "RUS" && e["target"]["country"] == "UKR" && e["root"] == "11").cloned()
    };
    let alone = events_of(&[line("d30")], "d30");
    let alone = accusation(&alone).expect("Putin's accusation is coded");
    assert!(alone["date"].is_null(), "no date to read Wednesday against: {alone}");
    let together = events_of(&[line("d02"), line("d30")], "d30");
    assert_eq!(accusation(&together).expect("Putin's accusation is coded")["date"], "2024-08-07");
}
