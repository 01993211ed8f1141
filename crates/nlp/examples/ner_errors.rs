//! Prints entity errors of a model on UNER EWT dev, to study them.
//!
//! `cargo run --release -p dyad-nlp --example ner_errors [model.bin.gz] [n]`
use dyad_nlp::ner::{data, NerModel};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let model = match args.next() {
        Some(p) => NerModel::load(&std::fs::read(p)?)?,
        None => NerModel::shipped().map_err(|e| e.to_string())?.clone(),
    };
    let n: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(40);
    let file = std::env::var("NER_FILE").unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/uner/en_ewt-ud-dev.iob2").into());
    // NER_FILE ending in .tsv is read as Worldwide newswire (all five types shown).
    let gold = if file.ends_with(".tsv") {
        data::read_newswire(&std::fs::read_to_string(&file)?, data::newswire_label)?
    } else {
        data::read_uner(&std::fs::read_to_string(&file)?, data::uner_label)?.0
    };
    let mut shown = 0;
    for g in &gold {
        let chars: Vec<char> = g.text.chars().collect();
        let show = |v: &[(usize, usize, dyad_nlp::ner::Label)]| {
            v.iter().map(|&(s, e, l)| format!("[{} {}]", chars[s..e].iter().collect::<String>(), l.as_str())).collect::<Vec<_>>().join(" ")
        };
        let pred = model.tag_text(&g.text);
        let keep_all = file.ends_with(".tsv");
        let pred_cmp: Vec<_> = pred.iter().copied().filter(|p| keep_all || !matches!(p.2.as_str(), "NORP" | "DATE")).map(|(s, e, l)| (s, e, if l.as_str() == "GPE" { dyad_nlp::ner::Label::Loc } else { l })).collect();
        if pred_cmp != g.spans {
            println!("{}\n  gold: {}\n  pred: {}", g.text, show(&g.spans), show(&pred));
            shown += 1;
            if shown >= n {
                break;
            }
        }
    }
    Ok(())
}
