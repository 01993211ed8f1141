//! Flat-time check of stories kept in the store: feeds 10,000 articles (perturbed copies
//! of the dev corpus with their codings, as `dyad-story`'s `flat_time` example builds
//! them) into a SQLite store in batches of 256, as `dyad ingest` does, and prints the
//! mean time per article for every 1,000: storing the document and its rows, assigning
//! it to a story and writing the clustering state's changes. Then it times reopening
//! the store and restoring the clusterer from the tables (what a later ingest does once).
//!
//! usage: cargo run --release -p dyad-store --example story_ingest_time -- [DOCS.jsonl] [N] [MIX%]
use chrono::{Duration, NaiveDate};
use dyad_code::CodedDocument;
use dyad_doc::Document;
use dyad_store::Store;
use std::path::PathBuf;
use std::time::Instant;

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

fn main() {
    let path = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "../shared/corpus/dev/docs.jsonl".into()));
    let n: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    // Percent of words replaced by words of the article's synthetic story: at 10 the
    // copies stay with their dev story (few stories); at 50 most synthetic stories
    // stand apart, so thousands of stories compete for each article.
    let mix: u64 = std::env::args().nth(3).and_then(|s| s.parse().ok()).unwrap_or(10).min(80);
    let mut base: Vec<(Document, CodedDocument)> = Vec::new();
    for input in dyad_doc::read::discover(&[&path]) {
        let Ok(input) = input else { continue };
        for raw in dyad_doc::read::documents(&input).flatten() {
            let doc = dyad_doc::prepare(raw);
            let coded = dyad_code::code_document(&doc);
            base.push((doc, coded));
        }
    }
    if base.is_empty() {
        eprintln!("no documents in {}", path.display());
        std::process::exit(1);
    }
    let mut rng = Lcg(42);
    let start_day = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    let articles: Vec<(Document, CodedDocument)> = (0..n)
        .map(|k| {
            let (doc, coded) = &base[k % base.len()];
            let story = k / 5;
            let mut words: Vec<String> = Vec::new();
            for w in doc.text.split_whitespace() {
                match rng.next() % 100 {
                    r if r < 20 => {}
                    r if r < 20 + mix => words.push(format!("topic{story}w{}", rng.next() % 8)),
                    _ => words.push(w.to_string()),
                }
            }
            let published = start_day + Duration::days((k / 30) as i64);
            let mut doc = doc.clone();
            doc.id = format!("s{k:05}");
            doc.text = words.join(" ");
            doc.content_hash = format!("{k:064x}");
            doc.published = Some(published);
            let mut coded = coded.clone();
            coded.doc.id.clone_from(&doc.id);
            coded.doc.published = Some(published.format("%Y-%m-%d").to_string());
            coded.doc.text_chars = doc.text.chars().count();
            (doc, coded)
        })
        .collect();

    let dir = std::env::temp_dir().join(format!("dyad-story-ingest-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let db = dir.join("t.db");
    let mut store = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
    // The clustering alone, in memory, on the same articles: the rest of the time per
    // article is SQLite's (the document, its rows and the story state's changes).
    let mut clusterer = dyad_story::Clusterer::default();
    let mut cluster_us = Vec::new();
    let mut t = Instant::now();
    for (k, (doc, coded)) in articles.iter().enumerate() {
        let _ = clusterer.add_with_delta(&doc.content_hash, coded, &doc.text);
        if (k + 1) % 1024 == 0 || k + 1 == n {
            cluster_us.push(t.elapsed().as_secs_f64() * 1e6 / ((k % 1024) + 1) as f64);
            t = Instant::now();
        }
    }
    println!("articles | µs per article, stored (this block) | of which clustering in memory | stories");
    let total = Instant::now();
    let mut block = Instant::now();
    let mut in_block = 0usize;
    for (i, batch) in articles.chunks(256).enumerate() {
        store.insert_batch(batch.iter().map(|(d, c)| (d, c))).unwrap_or_else(|e| panic!("{e}"));
        in_block += batch.len();
        let done = ((i + 1) * 256).min(n);
        if done % 1024 == 0 || done == n {
            let per = block.elapsed().as_secs_f64() * 1e6 / in_block as f64;
            in_block = 0;
            let stats = store.story_stats().unwrap_or_else(|e| panic!("{e}"));
            let c = cluster_us.get(i / 4).copied().unwrap_or(0.0);
            println!("{done:>8} | {per:>10.1} | {c:>10.1} | {}", stats.stories);
            block = Instant::now();
        }
    }
    println!("total {:.2}s for {n} articles", total.elapsed().as_secs_f64());
    drop(store);

    // A later run: reopen, restore the clusterer (on the first insert) and add one more.
    let started = Instant::now();
    let mut store = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
    let (mut doc, mut coded) = articles[0].clone();
    doc.content_hash = format!("{:064x}", n + 1);
    doc.id = "late".into();
    coded.doc.id = "late".into();
    store.insert(&doc, &coded).unwrap_or_else(|e| panic!("{e}"));
    println!("reopen + restore + one article: {:.1} ms", started.elapsed().as_secs_f64() * 1e3);
    let size = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
    println!("database {:.1} MB", size as f64 / 1e6);
    let _ = std::fs::remove_dir_all(&dir);
}
