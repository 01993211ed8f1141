//! Reading and writing CoNLL-U (Universal Dependencies) files.
use std::fmt::Write as _;

/// One syntactic word of a CoNLL-U sentence. Multiword-token lines (`1-2`) and empty
/// nodes (`1.1`) are skipped on reading: dyad tags and parses syntactic words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// 1-based head index; 0 is the root.
    pub head: usize,
    pub deprel: String,
    /// `SpaceAfter=No` in MISC.
    pub space_after: bool,
}

/// A CoNLL-U sentence: its words and, when given, its `# text` and `# sent_id`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    pub id: Option<String>,
    pub text: Option<String>,
    pub words: Vec<Word>,
}

#[derive(Debug, thiserror::Error)]
#[error("CoNLL-U line {line}: {reason}")]
pub struct ConlluError {
    pub line: usize,
    pub reason: String,
}

/// Parses a whole CoNLL-U document.
pub fn parse(input: &str) -> Result<Vec<Sentence>, ConlluError> {
    let mut sentences = Vec::new();
    let mut current = Sentence::default();
    for (i, line) in input.lines().enumerate() {
        let line_no = i + 1;
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !current.words.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim_start();
            if let Some(t) = comment.strip_prefix("text =") {
                current.text = Some(t.trim().to_string());
            } else if let Some(id) = comment.strip_prefix("sent_id =") {
                current.id = Some(id.trim().to_string());
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(ConlluError { line: line_no, reason: format!("expected 10 columns, found {}", cols.len()) });
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let head = if cols[6] == "_" {
            0
        } else {
            cols[6].parse().map_err(|_| ConlluError { line: line_no, reason: format!("bad head {:?}", cols[6]) })?
        };
        current.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            space_after: !cols[9].split('|').any(|m| m == "SpaceAfter=No"),
        });
    }
    if !current.words.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

/// Writes sentences as CoNLL-U.
pub fn write(sentences: &[Sentence]) -> String {
    let mut out = String::new();
    for s in sentences {
        if let Some(id) = &s.id {
            let _ = writeln!(out, "# sent_id = {id}");
        }
        if let Some(text) = &s.text {
            let _ = writeln!(out, "# text = {text}");
        }
        for (i, w) in s.words.iter().enumerate() {
            let or_ = |v: &str| if v.is_empty() { "_".to_string() } else { v.to_string() };
            let misc = if w.space_after { "_" } else { "SpaceAfter=No" };
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t{}",
                i + 1,
                w.form,
                or_(&w.lemma),
                or_(&w.upos),
                or_(&w.xpos),
                or_(&w.feats),
                w.head,
                or_(&w.deprel),
                misc
            );
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = t-1\n# text = Putin didn't go.\n1\tPutin\tPutin\tPROPN\tNNP\tNumber=Sing\t3\tnsubj\t_\t_\n2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    #[test]
    fn skips_multiword_lines_and_keeps_syntax() {
        let s = parse(SAMPLE).unwrap();
        assert_eq!(s.len(), 1);
        let forms: Vec<_> = s[0].words.iter().map(|w| w.form.as_str()).collect();
        assert_eq!(forms, ["Putin", "did", "n't", "go", "."]);
        assert_eq!(s[0].words[3].head, 0);
        assert_eq!(s[0].words[0].deprel, "nsubj");
        assert!(!s[0].words[3].space_after);
        assert_eq!(s[0].text.as_deref(), Some("Putin didn't go."));
    }

    #[test]
    fn round_trips_through_write() {
        let s = parse(SAMPLE).unwrap();
        assert_eq!(parse(&write(&s)).unwrap(), s);
    }

    #[test]
    fn reports_the_line_of_a_bad_row() {
        let err = parse("1\tPutin\n").unwrap_err();
        assert_eq!(err.line, 1);
    }
}
