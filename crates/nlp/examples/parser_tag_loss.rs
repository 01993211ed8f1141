//! Where predicted tags cost the parser: LAS on a set with gold tags and with the
//! shipped tagger's tags, broken down by the gold relation and the gold UPOS of the
//! dependent, and by whether the dependent's / head's UPOS was tagged right.
//!
//! cargo run --release -p dyad-nlp --example parser_tag_loss -- [--model parser.bin.gz]
//!     [--tagger tagger.bin.gz] [--set en_ewt-ud-dev.conllu] [--data ../shared/data/ud]
use dyad_nlp::conllu::{self, Sentence};
use dyad_nlp::parser::{score::tokens_of, Parser, Scratch};
use dyad_nlp::tagger::Tagger;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut data = manifest.join("../../../shared/data/ud");
    let mut model: Option<PathBuf> = None;
    let mut tagger_path: Option<PathBuf> = None;
    let mut set = "en_ewt-ud-dev.conllu".to_string();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--model" => model = Some(value()?.into()),
            "--tagger" => tagger_path = Some(value()?.into()),
            "--data" => data = value()?.into(),
            "--set" => set = value()?,
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let parser = match &model {
        Some(p) => Parser::load(std::fs::File::open(p)?)?,
        None => Parser::load_embedded()?,
    };
    let tagger = match &tagger_path {
        Some(p) => Tagger::load(std::fs::File::open(p)?)?,
        None => Tagger::load_embedded()?,
    };
    let gold: Vec<Sentence> = conllu::parse(&std::fs::read_to_string(data.join(&set))?)?;
    let mut tagged = gold.clone();
    tagger.tag_conllu(&mut tagged);
    let parse = |ss: &[Sentence]| -> Vec<Vec<(usize, String)>> {
        let mut scratch = Scratch::default();
        ss.iter()
            .map(|s| {
                let mut t = tokens_of(s);
                parser.parse_with(&mut t, &mut scratch);
                t.iter().map(|t| (t.head.map_or(0, |h| h + 1), t.deprel.split(':').next().unwrap_or("").to_string())).collect()
            })
            .collect()
    };
    for (what, keep_upos) in [("gold UPOS + predicted XPOS", true), ("predicted UPOS + gold XPOS", false)] {
        let mut mixed = gold.clone();
        for (m, t) in mixed.iter_mut().zip(&tagged) {
            for (w, p) in m.words.iter_mut().zip(&t.words) {
                if keep_upos {
                    w.xpos.clone_from(&p.xpos);
                } else {
                    w.upos.clone_from(&p.upos);
                }
            }
        }
        let a = dyad_nlp::parser::evaluate(&parser, &mixed);
        println!("{what}: UAS {:.2} LAS {:.2}", a.uas(), a.las_universal());
    }
    let pg = parse(&gold);
    let pp = parse(&tagged);
    let uni = |r: &str| r.split(':').next().unwrap_or(r).to_string();
    // key -> (words, correct with gold tags, correct with predicted tags)
    let mut by_rel: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut by_upos: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut by_err: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut confusion: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let (mut n, mut cg, mut cp) = (0usize, 0usize, 0usize);
    for (si, s) in gold.iter().enumerate() {
        for (i, w) in s.words.iter().enumerate() {
            let g = pg[si][i].0 == w.head && pg[si][i].1 == uni(&w.deprel);
            let p = pp[si][i].0 == w.head && pp[si][i].1 == uni(&w.deprel);
            let pw = &tagged[si].words[i];
            let dep_ok = pw.upos == w.upos;
            let head_ok = w.head == 0 || tagged[si].words[w.head - 1].upos == s.words[w.head - 1].upos;
            let near_ok = s.words.iter().zip(&tagged[si].words).enumerate().all(|(j, (a, b))| j.abs_diff(i) > 2 || a.upos == b.upos);
            let err = format!(
                "dep {} / head {} / ±2 {}",
                if dep_ok { "ok" } else { "wrong" },
                if head_ok { "ok" } else { "wrong" },
                if near_ok { "ok" } else { "wrong" }
            );
            for (map, key) in [
                (&mut by_rel, uni(&w.deprel)),
                (&mut by_upos, w.upos.clone()),
                (&mut by_err, err),
                (&mut confusion, if dep_ok { "(right)".to_string() } else { format!("{} -> {}", w.upos, pw.upos) }),
            ] {
                let e = map.entry(key).or_default();
                e.0 += 1;
                e.1 += g as usize;
                e.2 += p as usize;
            }
            n += 1;
            cg += g as usize;
            cp += p as usize;
        }
    }
    println!("{set}: {n} words, LAS gold tags {:.2}, predicted {:.2}, lost {} words", pct(cg, n), pct(cp, n), cg as i64 - cp as i64);
    for (title, map) in [("gold relation", by_rel), ("gold UPOS of dependent", by_upos), ("tag errors", by_err), ("dependent tag confusion", confusion)] {
        println!("\n{title:<28} {:>6} {:>7} {:>7} {:>6}", "words", "LAS g", "LAS p", "lost");
        let mut rows: Vec<_> = map.into_iter().collect();
        rows.sort_by_key(|(_, (_, g, p))| -(*g as i64 - *p as i64));
        for (k, (w, g, p)) in rows.into_iter().take(18) {
            println!("{k:<28} {w:>6} {:>7.2} {:>7.2} {:>6}", pct(g, w), pct(p, w), g as i64 - p as i64);
        }
    }
    Ok(())
}

fn pct(a: usize, b: usize) -> f64 {
    100.0 * a as f64 / b.max(1) as f64
}
