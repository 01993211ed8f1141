//! Shared by the examples: reading and coding a corpus with the real pipeline, and
//! clustering scores.
#![allow(dead_code)]
use dyad_code::CodedDocument;
use std::collections::HashMap;
use std::path::Path;

/// Reads every document of `path` with `dyad_doc::read`, prepares and codes it; returns
/// the codings with their cleaned texts, in file order.
pub fn code_corpus(path: &Path) -> Vec<(CodedDocument, String)> {
    let mut out = Vec::new();
    for input in dyad_doc::read::discover(&[path]) {
        let input = match input {
            Ok(i) => i,
            Err(e) => {
                eprintln!("{e}");
                continue;
            }
        };
        for raw in dyad_doc::read::read_input(&input) {
            match raw {
                Ok(raw) => {
                    let doc = dyad_doc::prepare(raw);
                    let coded = dyad_code::code_document(&doc);
                    out.push((coded, doc.text));
                }
                Err(e) => eprintln!("{e}"),
            }
        }
    }
    out
}

/// The `story` field of each line of a JSONL file, by `id`.
pub fn gold_stories(path: &Path) -> HashMap<String, String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| Some((v["id"].as_str()?.to_string(), v["story"].as_str()?.to_string())))
        .collect()
}

fn choose2(n: usize) -> f64 {
    (n * n.saturating_sub(1)) as f64 / 2.0
}

/// Adjusted Rand index and pairwise precision and recall of `pred` against `gold`
/// (parallel label slices).
pub fn scores(gold: &[String], pred: &[u32]) -> (f64, f64, f64) {
    let mut cells: HashMap<(&str, u32), usize> = HashMap::new();
    let mut rows: HashMap<&str, usize> = HashMap::new();
    let mut cols: HashMap<u32, usize> = HashMap::new();
    for (g, p) in gold.iter().zip(pred) {
        *cells.entry((g.as_str(), *p)).or_default() += 1;
        *rows.entry(g.as_str()).or_default() += 1;
        *cols.entry(*p).or_default() += 1;
    }
    let same_both: f64 = cells.values().map(|&n| choose2(n)).sum();
    let same_gold: f64 = rows.values().map(|&n| choose2(n)).sum();
    let same_pred: f64 = cols.values().map(|&n| choose2(n)).sum();
    let total = choose2(gold.len());
    let expected = same_gold * same_pred / total;
    let max = (same_gold + same_pred) / 2.0;
    let ari = if max == expected { 1.0 } else { (same_both - expected) / (max - expected) };
    let precision = if same_pred == 0.0 { 1.0 } else { same_both / same_pred };
    let recall = if same_gold == 0.0 { 1.0 } else { same_both / same_gold };
    (ari, precision, recall)
}
