//! Counts entity errors by kind on the Worldwide newswire set (or a UNER file given
//! as NER_FILE): wrong label on the right span, boundary errors, missed and spurious
//! spans, with the most frequent words of each kind, to see where the tagger loses.
//!
//! `cargo run --release -p dyad-nlp --example ner_confusion [model.bin.gz] [top]`
use dyad_nlp::ner::{data, Label, NerModel};
use std::collections::HashMap;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let model = match args.next().filter(|a| a != "-") {
        Some(p) => NerModel::load(&std::fs::read(p)?)?,
        None => NerModel::shipped().map_err(|e| e.to_string())?.clone(),
    };
    let top: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(15);
    let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");
    let gold: Vec<data::Gold> = match std::env::var("NER_FILE") {
        Ok(f) => data::read_uner_documents(&std::fs::read_to_string(f)?, data::uner_label)?.0,
        Err(_) => {
            let mut paths: Vec<_> = std::fs::read_dir(format!("{shared}/worldwide-newswire/annotated"))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
                .collect();
            paths.sort();
            let mut g = Vec::new();
            for p in &paths {
                g.extend(data::read_newswire(&std::fs::read_to_string(p)?, data::newswire_label)?);
            }
            g
        }
    };
    let loc = |l: Label| if l == Label::Gpe { Label::Loc } else { l };
    let mut kinds: HashMap<String, HashMap<String, usize>> = HashMap::new();
    let mut add = |kind: String, text: String| *kinds.entry(kind).or_default().entry(text).or_default() += 1;
    for g in &gold {
        let chars: Vec<char> = g.text.chars().collect();
        let text = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
        let pred: Vec<_> = model.tag_text(&g.text).into_iter().map(|(s, e, l)| (s, e, loc(l))).collect();
        for &(s, e, l) in &g.spans {
            if pred.contains(&(s, e, l)) {
                continue;
            }
            if let Some(&(_, _, pl)) = pred.iter().find(|p| p.0 == s && p.1 == e) {
                add(format!("label {} as {}", l.as_str(), pl.as_str()), text(s, e));
            } else if let Some(&(ps, pe, pl)) = pred.iter().find(|p| p.0 < e && s < p.1) {
                add(format!("boundary {} (pred {})", l.as_str(), pl.as_str()), format!("{} | {}", text(s, e), text(ps, pe)));
            } else {
                add(format!("missed {}", l.as_str()), text(s, e));
            }
        }
        for &(s, e, l) in &pred {
            if !g.spans.iter().any(|q| q.0 < e && s < q.1) {
                add(format!("spurious {}", l.as_str()), text(s, e));
            }
        }
    }
    let mut ks: Vec<_> = kinds.iter().map(|(k, v)| (v.values().sum::<usize>(), k)).collect();
    ks.sort_unstable_by(|a, b| b.cmp(a));
    for (n, k) in ks {
        let mut words: Vec<_> = kinds[k].iter().collect();
        words.sort_unstable_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let shown: Vec<String> = words.iter().take(top).map(|(w, c)| format!("{w} ({c})")).collect();
        println!("{n:6} {k}: {}", shown.join("; "));
    }
    Ok(())
}
