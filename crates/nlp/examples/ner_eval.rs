//! Scores the shipped entity model on UNER English EWT test and PUD (PER/ORG/LOC,
//! GPE counted as LOC) and on the Worldwide newswire set (Person, Location,
//! Organization, NORP, Date; Location = our LOC + GPE), and measures speed.
//!
//! `cargo run --release -p dyad-nlp --example ner_eval` (`NER_MODEL=file` for another model)
use dyad_nlp::ner::{self, data, Label, NerModel};
use std::time::Instant;

fn as_loc(l: Label) -> Option<Label> {
    Some(if l == Label::Gpe { Label::Loc } else { l })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");
    // NER_MODEL=path scores another model file instead of the shipped one.
    let loaded;
    let model = match std::env::var("NER_MODEL") {
        Ok(p) => {
            loaded = NerModel::load(&std::fs::read(p)?)?;
            &loaded
        }
        Err(_) => NerModel::shipped().map_err(|e| e.to_string())?,
    };
    let ppl = [Label::Per, Label::Org, Label::Loc];
    let dev = std::fs::read_to_string(format!("{shared}/uner/en_ewt-ud-dev.iob2"))?;
    let (gold, _) = data::read_uner(&dev, data::uner_label)?;
    println!("UNER EWT dev (tuning set), sentence by sentence:\n{}", ner::evaluate(model, &gold, as_loc, &ppl));
    for file in ["en_ewt-ud-test.iob2", "en_pud-ud-test.iob2"] {
        let input = std::fs::read_to_string(format!("{shared}/uner/{file}"))?;
        let (gold, skipped) = data::read_uner(&input, data::uner_label)?;
        let scores = ner::evaluate(model, &gold, as_loc, &ppl);
        println!("UNER {file}, sentence by sentence ({} sentences, {skipped} skipped), PER/ORG/LOC with GPE as LOC:\n{scores}", gold.len());
        let (docs, _) = data::read_uner_documents(&input, data::uner_label)?;
        let scores = ner::evaluate(model, &docs, as_loc, &ppl);
        println!("UNER {file}, by document ({} documents, sentences joined by blank lines):\n{scores}", docs.len());
    }

    let mut paths: Vec<_> = std::fs::read_dir(format!("{shared}/worldwide-newswire/annotated"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    paths.sort();
    let mut gold = Vec::new();
    for p in &paths {
        gold.extend(data::read_newswire(&std::fs::read_to_string(p)?, data::newswire_label)?);
    }
    let five = [Label::Per, Label::Org, Label::Loc, Label::Norp, Label::Date];
    let words: usize = gold.iter().map(|g| g.text.split_whitespace().count()).sum();
    let t0 = Instant::now();
    let scores = ner::evaluate(model, &gold, as_loc, &five);
    let secs = t0.elapsed().as_secs_f64();
    println!("Worldwide newswire ({} files, {} documents), LOC = LOC+GPE:\n{scores}", paths.len(), gold.len());
    println!("speed: {:.0} words/s (tokenize + split + part-of-speech tags + entities, {words} words in {secs:.2}s)", words as f64 / secs);
    Ok(())
}
