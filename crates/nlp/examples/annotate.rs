//! Prints the analysis of text from standard input, one token a line (like CoNLL-U).
use std::io::Read;

fn main() {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).expect("reading standard input");
    let analyzer = dyad_nlp::Analyzer::shipped().expect("shipped models");
    for s in analyzer.analyze(&text) {
        for (i, t) in s.tokens.iter().enumerate() {
            let ent = s.entities.iter().find(|e| e.start <= i && i < e.end).map_or("", |e| e.label.as_str());
            println!("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}", i + 1, t.text, t.lemma, t.upos, t.xpos, t.head.map_or(0, |h| h + 1), t.deprel, ent);
        }
        println!();
    }
}
