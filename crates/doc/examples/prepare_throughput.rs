//! Throughput of reading + cleaning + metadata (`prepare`) on text files, one core.
//!
//! usage: prepare_throughput FILE_OR_DIR... — every `.txt` found is prepared over and
//! over for about two seconds; prints documents per second.
use dyad_doc::read::{discover, read_input};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let raws: Vec<_> = discover(&args)
        .into_iter()
        .filter_map(Result::ok)
        .flat_map(|i| read_input(&i))
        .filter_map(Result::ok)
        .collect();
    if raws.is_empty() {
        eprintln!("usage: prepare_throughput FILE_OR_DIR...   (no readable documents given)");
        std::process::exit(2);
    }
    let bytes: usize = raws.iter().map(|r| r.content.len()).sum();
    let start = Instant::now();
    let (mut docs, mut rounds, mut kept) = (0usize, 0usize, 0usize);
    while start.elapsed() < Duration::from_secs(2) {
        for raw in &raws {
            let doc = dyad_doc::prepare(raw.clone());
            kept += doc.text.len();
            docs += 1;
        }
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} documents ({} KB) x {rounds} rounds: {:.0} documents/s, {:.1} MB/s in, {:.0}% of the text kept",
        raws.len(),
        bytes / 1024,
        docs as f64 / secs,
        (bytes * rounds) as f64 / secs / 1e6,
        100.0 * kept as f64 / (bytes * rounds) as f64
    );
}
