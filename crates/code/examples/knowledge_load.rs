//! Measures how long the built-in knowledge tables take to parse and index, and how fast
//! name lookups are. Run: `cargo run --release -p dyad-code --example knowledge_load`.
use std::time::Instant;

use chrono::NaiveDate;
use dyad_code::knowledge::{Knowledge, Tables, EMBEDDED};

fn main() {
    let runs = 20;
    let start = Instant::now();
    let mut sizes = (0, 0, 0);
    for _ in 0..runs {
        let mut tables = Tables::default();
        for (file, text) in EMBEDDED {
            tables.read(file, text).expect("built-in tables parse");
        }
        let k = Knowledge::build(tables).expect("built-in tables index");
        sizes = (k.tables.people.len(), k.tables.verbs.len(), k.tables.cities.len());
    }
    let per_load = start.elapsed().as_secs_f64() / runs as f64;
    let bytes: usize = EMBEDDED.iter().map(|(_, t)| t.len()).sum();
    println!(
        "parse+index of {} KB of tables: {:.2} ms per load ({} people rows, {} verb patterns, {} places)",
        bytes / 1024,
        per_load * 1e3,
        sizes.0,
        sizes.1,
        sizes.2
    );

    let k = Knowledge::embedded();
    let date = NaiveDate::from_ymd_opt(2024, 6, 18).unwrap();
    let names = ["Putin", "Kim Jong-un", "Kremlin", "Houthis", "NATO", "Zelenskyy", "Sudzha", "nobody at all", "Russian", "Tô Lâm"];
    let n = 200_000;
    let start = Instant::now();
    let mut hits = 0usize;
    for i in 0..n {
        if k.resolve(names[i % names.len()], date).is_some() {
            hits += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!("resolve(name, date): {:.0} lookups/s ({hits} of {n} resolved)", n as f64 / secs);
}
