//! Tokenizer agreement with UD English EWT and tokenizer speed.
//!
//! `cargo run --release -p dyad-nlp --example tokenize_eval [path/to/en_ewt-ud-test.conllu]`
//!
//! Token F1: gold words located in each `# text` line by their characters, compared by
//! character offsets with our tokens of the same line. Sentence F1: each document's
//! sentences joined (by a space, or a blank line at `# newpar`), split again, and
//! compared by character ranges. Speed: words per second over the whole file's text.
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        format!("{}/../../../shared/data/ud/en_ewt-ud-test.conllu", env!("CARGO_MANIFEST_DIR"))
    });
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
    let docs = read_docs(&raw);

    let (mut tp, mut gold_n, mut pred_n) = (0usize, 0usize, 0usize);
    let mut mismatches = Vec::new();
    for doc in &docs {
        for s in &doc.sentences {
            let gold = locate(&s.text, &s.forms);
            let pred: Vec<(usize, usize)> = dyad_nlp::tokenize::tokens(&s.text).iter().map(|t| (t.start, t.end)).collect();
            let hits = pred.iter().filter(|p| gold.contains(p)).count();
            tp += hits;
            gold_n += s.forms.len();
            pred_n += pred.len();
            if hits != pred.len() && mismatches.len() < 40 {
                let chars: Vec<char> = s.text.chars().collect();
                let show = |v: &[(usize, usize)]| v.iter().map(|&(a, b)| chars[a..b].iter().collect::<String>()).collect::<Vec<_>>().join(" ");
                mismatches.push(format!("  gold: {}\n  ours: {}", show(&gold), show(&pred)));
            }
        }
    }
    let f1 = |tp: usize, g: usize, p: usize| {
        let (pr, rc) = (tp as f64 / p.max(1) as f64, tp as f64 / g.max(1) as f64);
        (pr * 100.0, rc * 100.0, 200.0 * pr * rc / (pr + rc).max(1e-9))
    };
    if std::env::var_os("SHOW").is_some() {
        for m in &mismatches {
            println!("{m}\n");
        }
    }
    let (p, r, f) = f1(tp, gold_n, pred_n);
    println!("tokens: gold {gold_n}, ours {pred_n}, P {p:.2} R {r:.2} F1 {f:.2}");

    let (mut stp, mut sg, mut sp) = (0usize, 0usize, 0usize);
    let mut words = 0usize;
    let mut all_text = String::new();
    for doc in &docs {
        let mut text = String::new();
        let mut gold = Vec::new();
        for s in &doc.sentences {
            if !text.is_empty() {
                text.push_str(if s.new_par { "\n\n" } else { " " });
            }
            let start = text.chars().count();
            text.push_str(&s.text);
            gold.push((start, text.chars().count()));
            words += s.forms.len();
        }
        let pred: Vec<(usize, usize)> = dyad_nlp::tokenize::sentences(&text).iter().map(|s| (s.start, s.end)).collect();
        stp += pred.iter().filter(|p| gold.contains(p)).count();
        sg += gold.len();
        sp += pred.len();
        all_text.push_str(&text);
        all_text.push_str("\n\n");
    }
    let (p, r, f) = f1(stp, sg, sp);
    println!("sentences: gold {sg}, ours {sp}, P {p:.2} R {r:.2} F1 {f:.2}");

    let rounds = 20;
    let t0 = Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        n += dyad_nlp::tokenize::sentences(&all_text).len();
    }
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "speed: {:.2} M words/s ({} words x {rounds} rounds, {n} sentences, {secs:.3}s, sentences() incl. Token strings)",
        (words * rounds) as f64 / secs / 1e6,
        words
    );
}

struct Sent {
    text: String,
    forms: Vec<String>,
    new_par: bool,
}

struct Doc {
    sentences: Vec<Sent>,
}

fn read_docs(raw: &str) -> Vec<Doc> {
    let mut docs: Vec<Doc> = Vec::new();
    let mut cur = Sent { text: String::new(), forms: Vec::new(), new_par: false };
    let mut pending_par = false;
    for line in raw.lines() {
        if line.starts_with("# newdoc") {
            docs.push(Doc { sentences: Vec::new() });
            pending_par = true;
        } else if line.starts_with("# newpar") {
            pending_par = true;
        } else if let Some(t) = line.strip_prefix("# text = ") {
            cur.text = t.to_string();
            cur.new_par = pending_par;
            pending_par = false;
        } else if line.is_empty() {
            if !cur.forms.is_empty() {
                if docs.is_empty() {
                    docs.push(Doc { sentences: Vec::new() });
                }
                let done = std::mem::replace(&mut cur, Sent { text: String::new(), forms: Vec::new(), new_par: false });
                docs.last_mut().expect("a document").sentences.push(done);
            }
        } else if !line.starts_with('#') {
            let mut cols = line.split('\t');
            let id = cols.next().unwrap_or("");
            if id.contains('-') || id.contains('.') {
                continue;
            }
            cur.forms.push(cols.next().unwrap_or("").to_string());
        }
    }
    docs
}

/// Character offsets of each gold word in `text`, found left to right.
fn locate(text: &str, forms: &[String]) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    for f in forms {
        let fc: Vec<char> = f.chars().collect();
        let mut j = i;
        while j < chars.len() && chars[j].is_whitespace() {
            j += 1;
        }
        if chars.len() >= j + fc.len() && chars[j..j + fc.len()] == fc[..] {
            out.push((j, j + fc.len()));
            i = j + fc.len();
        }
    }
    out
}
