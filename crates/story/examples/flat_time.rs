//! Flat-time check: feeds 10,000 articles, perturbed copies of the dev corpus with their
//! codings, into one StoryIndex and prints the mean time per article for every 1,000.
//! The curve must stay flat: adding an article must not cost more as the index grows.
//!
//! Each synthetic article takes a dev text, drops about a fifth of its words, adds words
//! of its own synthetic story (new stories open all along, five articles each) and is
//! published on a date that advances through the run, as a news feed would.
//!
//! usage: cargo run --release -p dyad-story --example flat_time -- [DOCS.jsonl] [N] [MIX%]
mod common;

use chrono::{Duration, NaiveDate};
use dyad_story::StoryIndex;
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
    let base = common::code_corpus(&path);
    if base.is_empty() {
        eprintln!("no documents in {}", path.display());
        std::process::exit(1);
    }
    let mut rng = Lcg(42);
    let start_day = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    // Build every article first so that only the index is timed.
    let articles: Vec<(dyad_code::CodedDocument, String)> = (0..n)
        .map(|k| {
            let (coded, text) = &base[k % base.len()];
            let story = k / 5;
            let mut words: Vec<String> = Vec::new();
            for w in text.split_whitespace() {
                match rng.next() % 100 {
                    r if r < 20 => {}
                    r if r < 20 + mix => words.push(format!("topic{story}w{}", rng.next() % 8)),
                    _ => words.push(w.to_string()),
                }
            }
            let mut coded = coded.clone();
            coded.doc.id = format!("s{k:05}");
            coded.doc.published = Some((start_day + Duration::days((k / 30) as i64)).format("%Y-%m-%d").to_string());
            (coded, words.join(" "))
        })
        .collect();

    let mut index = StoryIndex::default();
    let mut block = Instant::now();
    let total = Instant::now();
    println!("articles | µs per article (this block) | stories | copies");
    let mut copies = 0usize;
    for (k, (coded, text)) in articles.into_iter().enumerate() {
        if index.add(coded, &text).duplicate_of.is_some() {
            copies += 1;
        }
        if (k + 1) % 1000 == 0 {
            let per = block.elapsed().as_secs_f64() * 1e6 / 1000.0;
            println!("{:>8} | {per:>10.1} | {} | {copies}", k + 1, index.stories().count());
            block = Instant::now();
        }
    }
    println!("total {:.2}s for {n} articles", total.elapsed().as_secs_f64());
}
