//! Cleans text files and prints the body and metadata: for looking at what the cleaner
//! keeps and drops. usage: clean_text FILE...
fn main() {
    for path in std::env::args().skip(1) {
        let Ok(raw) = std::fs::read_to_string(&path) else {
            eprintln!("{path}: cannot read");
            continue;
        };
        let a = dyad_doc::clean::text::analyze(&raw);
        let m = dyad_doc::meta::from_analysis(&a, &raw);
        println!("=== {path}\n{m:?}");
        for u in &a.units {
            println!("{:>9?} | {}", u.class, u.text.chars().take(110).collect::<String>());
        }
    }
}
