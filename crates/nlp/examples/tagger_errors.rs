//! Prints the most frequent UPOS confusions of a tagger model on EWT dev, split into
//! words seen and unseen in training: where to look when improving the tagger.
//!
//! cargo run --release -p dyad-nlp --example tagger_errors -- [MODEL]
use dyad_nlp::conllu;
use dyad_nlp::tagger::Tagger;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

fn read(name: &str) -> Vec<conllu::Sentence> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ud").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    conllu::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn main() {
    let tagger = match std::env::args().nth(1) {
        Some(p) => Tagger::load(std::fs::File::open(&p).expect("model file")).expect("model"),
        None => Tagger::load_embedded().expect("embedded model"),
    };
    let train = read("en_ewt-ud-train.conllu");
    let seen: HashSet<&str> = train.iter().flat_map(|s| &s.words).map(|w| w.form.as_str()).collect();
    let gold = read("en_ewt-ud-dev.conllu");
    let mut pred = gold.clone();
    tagger.tag_conllu(&mut pred);
    let mut conf: HashMap<(bool, String, String), usize> = HashMap::new();
    let mut words: HashMap<(String, String, String), usize> = HashMap::new();
    let (mut unseen, mut unseen_ok) = (0, 0);
    for (g, p) in gold.iter().zip(&pred) {
        for (gw, pw) in g.words.iter().zip(&p.words) {
            let known = seen.contains(gw.form.as_str());
            if !known {
                unseen += 1;
                unseen_ok += (gw.upos == pw.upos) as usize;
            }
            if gw.upos != pw.upos {
                *conf.entry((known, gw.upos.clone(), pw.upos.clone())).or_default() += 1;
                *words.entry((gw.form.clone(), gw.upos.clone(), pw.upos.clone())).or_default() += 1;
            }
        }
    }
    println!("unseen words: {unseen}, UPOS {:.2}%", 100.0 * unseen_ok as f64 / unseen.max(1) as f64);
    let mut c: Vec<_> = conf.into_iter().collect();
    c.sort_by_key(|e| std::cmp::Reverse(e.1));
    for ((known, g, p), n) in c.iter().take(30) {
        println!("{n:5}  {} gold {g:6} predicted {p}", if *known { "seen  " } else { "unseen" });
    }
    let mut lemmas: HashMap<(String, String, String, String), usize> = HashMap::new();
    for (g, p) in gold.iter().zip(&pred) {
        for (gw, pw) in g.words.iter().zip(&p.words) {
            if gw.lemma != pw.lemma {
                let key = (gw.form.clone(), gw.upos.clone(), gw.lemma.clone(), pw.lemma.clone());
                *lemmas.entry(key).or_default() += 1;
            }
        }
    }
    let mut l: Vec<_> = lemmas.into_iter().collect();
    l.sort_by_key(|e| std::cmp::Reverse(e.1));
    println!("lemma errors:");
    for ((f, u, g, p), n) in l.iter().take(40) {
        println!("{n:5}  {f:15} {u:6} gold {g:15} predicted {p}");
    }
    let mut w: Vec<_> = words.into_iter().collect();
    w.sort_by_key(|e| std::cmp::Reverse(e.1));
    for ((f, g, p), n) in w.iter().take(40) {
        println!("{n:5}  {f:15} gold {g:6} predicted {p}");
    }
}
