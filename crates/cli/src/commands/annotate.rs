//! `dyad annotate`: the language analysis of a file (sentences, tokens, tags, lemmas,
//! dependency parse, entities) as CoNLL-U or JSON, for a person to look at.
use super::inputs::{self, DocFailure};
use super::Context;
use crate::report::{self, Outcome};
use anyhow::{anyhow, Context as _};
use std::io::{BufWriter, Write};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Conllu,
    Json,
}

#[derive(clap::Args)]
pub struct Args {
    /// The file to analyse, or `-` for standard input.
    file: PathBuf,
    #[arg(long, value_enum, default_value = "conllu")]
    format: Format,
}

pub fn run(args: Args, _ctx: &Context) -> anyhow::Result<Outcome> {
    let analyzer = dyad_nlp::Analyzer::shipped().map_err(|e| anyhow!("loading the built-in models: {e}"))?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut failed = 0;
    for input in dyad_doc::read::discover(&[args.file]) {
        let docs = match input {
            Ok(input) => dyad_doc::read::read_input(&input),
            Err(e) => vec![Err(e)],
        };
        for read in docs {
            let doc = match read.map_err(DocFailure::from).and_then(inputs::prepare) {
                Ok((_, doc)) => doc,
                Err(problem) => {
                    failed += 1;
                    report::input_failed(&problem);
                    continue;
                }
            };
            let sentences = analyzer.analyze(&doc.text);
            match args.format {
                Format::Json => {
                    let json = serde_json::json!({"doc": doc.id, "sentences": sentences});
                    writeln!(out, "{json}")?;
                }
                Format::Conllu => {
                    writeln!(out, "# newdoc id = {}", doc.id)?;
                    for (i, s) in sentences.iter().enumerate() {
                        write_conllu(&mut out, &doc.text, i, s)?;
                    }
                }
            }
        }
    }
    out.flush().context("writing to standard output")?;
    Ok(Outcome::from_failures(failed))
}

/// One sentence as CoNLL-U, with the entity label (IOB) and character offsets in MISC.
fn write_conllu(out: &mut impl Write, text: &str, index: usize, s: &dyad_nlp::AnnotatedSentence) -> std::io::Result<()> {
    let sentence: String = text.chars().skip(s.start).take(s.end - s.start).collect();
    writeln!(out, "# sent_id = {}", index + 1)?;
    writeln!(out, "# text = {}", sentence.replace('\n', " "))?;
    let or_ = |v: &str| if v.is_empty() { "_".to_string() } else { v.to_string() };
    for (i, t) in s.tokens.iter().enumerate() {
        let entity = s.entities.iter().find(|e| e.start <= i && i < e.end).map(|e| {
            let tag = if e.start == i { "B" } else { "I" };
            format!("|NE={tag}-{}", e.label)
        });
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\tOffsets={}:{}{}",
            i + 1,
            t.text,
            or_(&t.lemma),
            or_(&t.upos),
            or_(&t.xpos),
            t.head.map_or(0, |h| h + 1),
            or_(&t.deprel),
            t.start,
            t.end,
            entity.unwrap_or_default()
        )?;
    }
    writeln!(out)
}
