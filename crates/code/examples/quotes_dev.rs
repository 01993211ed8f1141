//! Runs entity resolution and quote finding over a JSONL file of documents (the dev
//! corpus: `id`, `text`, `published`, `outlet`) and prints one output-contract record
//! per document, with `entities` and `quotes` filled and nothing else.
//!
//! usage: cargo run --release -p dyad-code --example quotes_dev -- DOCS.jsonl [--analyze] > OUT.jsonl
//!
//! Without `--analyze` only the tokenizer runs (entities from capitalised runs); with it
//! the shipped tagger, parser and entity tagger run first.
use chrono::NaiveDate;
use dyad_code::record::{CodedDocument, DocRecord};
use dyad_code::{entities, quotes};
use std::io::{BufRead, Write};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "../shared/corpus/dev/docs.jsonl".into());
    let analyzer = if std::env::args().any(|a| a == "--analyze") {
        match dyad_nlp::Analyzer::shipped() {
            Ok(a) => Some(a),
            Err(e) => {
                eprintln!("cannot load the shipped models: {e}");
                std::process::exit(1);
            }
        }
    } else {
        None
    };
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("cannot open {path}: {e}");
            std::process::exit(1);
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let started = std::time::Instant::now();
    let (mut docs, mut chars) = (0usize, 0usize);
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let Ok(line) = line else { break };
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("{path}:{}: {e}", n + 1);
                continue;
            }
        };
        let text = v["text"].as_str().unwrap_or("");
        let id = v["id"].as_str().unwrap_or("").to_string();
        let published = v["published"].as_str().and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
        let outlet = v["outlet"].as_str();
        let sentences = match analyzer {
            Some(a) => a.analyze(text),
            None => dyad_nlp::tokenize::sentences(text),
        };
        let ents = entities::resolve(&sentences, text, published, outlet);
        let qs = quotes::find(text, &sentences, &ents);
        if std::env::var("DEBUG_DOC").is_ok_and(|d| d == id) {
            for (i, e) in ents.entities.iter().enumerate() {
                eprintln!("E{i} {} {:?} actor={:?} n={} desc={:?} aliases={:?}", e.name, e.label, e.actor, e.mentions, e.description, e.aliases);
            }
            for s in &sentences {
                let words: Vec<String> = s.tokens.iter().enumerate().map(|(ti, t)| {
                    let m = ents.mentions.iter().find(|m| m.sentence == sentences.iter().position(|x| x.start == s.start).unwrap_or(0) && m.start == ti);
                    match m { Some(m) => format!("[E{}:{}", m.entity, t.text), None => t.text.clone() }
                }).collect();
                eprintln!("S| {}", words.join(" "));
            }
        }
        docs += 1;
        chars += text.chars().count();
        let rec = CodedDocument {
            doc: DocRecord {
                id,
                source: v["url"].as_str().unwrap_or("").to_string(),
                title: None,
                outlet: outlet.map(str::to_string),
                byline: None,
                published: published.map(|d| d.to_string()),
                language: "en".into(),
                text_chars: text.chars().count(),
            },
            entities: ents.records(),
            events: Vec::new(),
            quotes: qs,
        };
        if let Ok(s) = serde_json::to_string(&rec) {
            let _ = writeln!(out, "{s}");
        }
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!("{docs} documents, {chars} characters in {secs:.3} s ({:.0} docs/s)", docs as f64 / secs.max(1e-9));
}
