//! Clusters the dev corpus into stories with the real pipeline (read, prepare, code), in
//! file order, and scores the clustering against the `story` field: adjusted Rand index,
//! pairwise precision and recall, the clusters, and the sensitivity to the threshold.
//!
//! usage: cargo run --release -p dyad-story --example cluster_dev -- [DOCS.jsonl]
mod common;

use dyad_story::{Config, StoryIndex};
use std::path::PathBuf;

fn run(coded: &[(dyad_code::CodedDocument, String)], config: Config) -> (Vec<u32>, StoryIndex) {
    let mut index = StoryIndex::new(config);
    let labels = coded.iter().map(|(c, t)| index.add(c.clone(), t).story.0).collect();
    (labels, index)
}

fn main() {
    let path = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "../shared/corpus/dev/docs.jsonl".into()));
    let gold_by_id = common::gold_stories(&path);
    if gold_by_id.is_empty() {
        eprintln!("no documents with a story label in {}", path.display());
        std::process::exit(1);
    }
    let started = std::time::Instant::now();
    let coded = common::code_corpus(&path);
    eprintln!("coded {} documents in {:.1}s", coded.len(), started.elapsed().as_secs_f64());
    let gold: Vec<String> = coded.iter().map(|(c, _)| gold_by_id.get(&c.doc.id).cloned().unwrap_or_default()).collect();
    let events: usize = coded.iter().map(|(c, _)| c.events.len()).sum();
    let entities: usize = coded.iter().map(|(c, _)| c.entities.len()).sum();
    println!("documents {} | coded events {events} | entities {entities}", coded.len());

    let (labels, index) = run(&coded, Config::default());
    let (ari, p, r) = common::scores(&gold, &labels);
    println!("default config: ARI {ari:.3} | pairwise precision {p:.3} recall {r:.3} | stories {}", index.stories().count());
    for story in index.stories() {
        let members: Vec<String> = story
            .articles
            .iter()
            .map(|a| {
                let g = gold_by_id.get(&a.coded.doc.id).map(String::as_str).unwrap_or("?");
                let dup = a.duplicate_of.as_deref().map(|o| format!(" copy-of {o}")).unwrap_or_default();
                format!("{}({g}{dup})", a.coded.doc.id)
            })
            .collect();
        println!("  story {:>2}: {}", story.id.0, members.join(" "));
    }

    println!("\nmerged events per story (default config):");
    for story in index.stories() {
        let events = story.events();
        let reports: usize = events.iter().map(|e| e.sources.len()).sum();
        let corroborated = events.iter().filter(|e| e.corroborated()).count();
        let contested = events.iter().filter(|e| e.contested()).count();
        println!("  story {:>2}: {reports} reports -> {} story events, {corroborated} corroborated, {contested} contested", story.id.0, events.len());
    }
    if let Ok(dir) = std::env::var("BRIEF_DIR") {
        for story in index.stories() {
            let base = PathBuf::from(&dir).join(format!("story{}", story.id.0));
            let written = std::fs::write(base.with_extension("md"), dyad_story::brief::markdown(story))
                .and_then(|()| std::fs::write(base.with_extension("html"), dyad_story::brief::html(story)));
            if let Err(e) = written {
                eprintln!("cannot write briefs to {dir}: {e}");
            }
        }
    }

    println!("\nthreshold sensitivity (other settings default):");
    println!("threshold | ARI   | precision | recall | stories");
    for th in [0.05, 0.1, 0.12, 0.13, 0.14, 0.15, 0.16, 0.17, 0.18, 0.2, 0.25, 0.3] {
        let (labels, index) = run(&coded, Config { threshold: th, ..Config::default() });
        let (ari, p, r) = common::scores(&gold, &labels);
        println!("{th:>9.2} | {ari:.3} | {p:>9.3} | {r:>6.3} | {}", index.stories().count());
    }

    println!("\norder robustness (default config; the file order is arbitrary, so other orders must score alike):");
    let n = coded.len();
    let mut orders: Vec<(String, Vec<usize>)> = vec![("reversed".to_string(), (0..n).rev().collect())];
    for shift in [7, 13, 19, 23] {
        orders.push((format!("rotated by {shift}"), (0..n).map(|i| (i + shift) % n).collect()));
    }
    for (name, order) in orders {
        let docs: Vec<_> = order.iter().map(|&i| coded[i].clone()).collect();
        let g: Vec<String> = order.iter().map(|&i| gold[i].clone()).collect();
        let (labels, _) = run(&docs, Config::default());
        let (ari, p, r) = common::scores(&g, &labels);
        println!("{name:>16}: ARI {ari:.3} | P {p:.3} | R {r:.3}");
    }

    println!("\nablation (default threshold):");
    for (name, config) in [
        ("text only", Config { entity_weight: 0.0, event_weight: 0.0, ..Config::default() }),
        ("text + entities", Config { event_weight: 0.0, ..Config::default() }),
        ("all (default)", Config::default()),
    ] {
        let (labels, _) = run(&coded, config);
        let (ari, p, r) = common::scores(&gold, &labels);
        println!("{name:>16}: ARI {ari:.3} | P {p:.3} | R {r:.3}");
    }
}
