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
    /// Analyse plain text exactly as given, without cleaning it: page junk, headings
    /// and teasers stay in. HTML pages are still cleaned.
    #[arg(long)]
    raw: bool,
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
            let prepared = read.map_err(DocFailure::from).and_then(|raw| match raw.format {
                dyad_doc::Format::Text if args.raw => Ok(as_given(raw)),
                _ => inputs::prepare(raw).map(|(_, doc)| doc),
            });
            let doc = match prepared {
                Ok(doc) => doc,
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

/// A plain-text document analysed as it is: its id and its whole text, line ends
/// normalised so that offsets match what is printed.
fn as_given(raw: dyad_doc::RawDocument) -> dyad_doc::Document {
    let text = raw.content.replace("\r\n", "\n");
    dyad_doc::Document {
        id: raw.id,
        source: raw.source,
        title: None,
        outlet: None,
        byline: None,
        published: None,
        language: "en".to_string(),
        content_hash: String::new(),
        text,
    }
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
