//! Scoring from raw text, as in the CoNLL 2018 shared task: the `# text` lines of the
//! gold file are joined into one running text (a space between sentences, a blank
//! line at `# newpar` and `# newdoc`), dyad tokenizes, splits, tags and parses
//! it, and gold and predicted words are matched by their character spans. Every metric
//! is an F1 over words: a predicted word counts for UPOS only when its span matches a
//! gold word's and its tag is right; for UAS when its head's span matches too.
//!
//! Gold words that are parts of a multiword token whose form does not appear
//! letter for letter in the text (rare in English) get no span and count as missed.
use dyad_nlp::conllu::Sentence;
use dyad_nlp::eval::Counts;
use dyad_nlp::parser::{Parser, Scratch};
use dyad_nlp::tagger::Tagger;
use dyad_nlp::tokenize;
use std::collections::HashMap;
use std::fmt;

#[derive(Debug, thiserror::Error)]
pub enum RawError {
    #[error("sentence {index} ({id}) has no `# text` line, so it cannot be scored from raw text")]
    NoText { index: usize, id: String },
}

#[derive(Debug, Clone, Default)]
pub struct RawScores {
    pub tokens: Counts,
    pub sentences: Counts,
    pub upos: Counts,
    pub xpos: Counts,
    pub lemma: Counts,
    pub uas: Counts,
    pub las: Counts,
}

impl fmt::Display for RawScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<9} {:>7} {:>9} {:>7} {:>7} {:>7} {:>7}",
            "metric", "gold", "predicted", "correct", "P", "R", "F1"
        )?;
        for (name, s) in [
            ("Tokens", self.tokens),
            ("Sentences", self.sentences),
            ("UPOS", self.upos),
            ("XPOS", self.xpos),
            ("Lemma", self.lemma),
            ("UAS", self.uas),
            ("LAS", self.las),
        ] {
            writeln!(
                f,
                "{:<9} {:>7} {:>9} {:>7} {:>7.2} {:>7.2} {:>7.2}",
                name,
                s.gold,
                s.pred,
                s.tp,
                100.0 * s.precision(),
                100.0 * s.recall(),
                100.0 * s.f1()
            )?;
        }
        Ok(())
    }
}

type Span = (usize, usize);
/// Per gold sentence, the span of each word (`None`: not found in the text).
type WordSpans = Vec<Vec<Option<Span>>>;

/// For each sentence of a CoNLL-U file, whether a `# newpar` or `# newdoc` comment
/// comes before it: there the running text gets a blank line instead of a space, as
/// in the documents the sentences came from.
pub fn paragraph_starts(conllu: &str) -> Vec<bool> {
    let mut starts = Vec::new();
    let (mut pending, mut in_sentence) = (false, false);
    for line in conllu.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            in_sentence = false;
        } else if line.starts_with("# newpar") || line.starts_with("# newdoc") {
            pending = true;
        } else if !line.starts_with('#') && !in_sentence {
            in_sentence = true;
            starts.push(pending);
            pending = false;
        }
    }
    starts
}

/// The running text and, per gold sentence, the character span of each word.
/// `breaks[i]`: sentence `i` starts a paragraph.
fn gold_text(
    gold: &[Sentence],
    breaks: &[bool],
) -> Result<(Vec<char>, WordSpans), RawError> {
    let mut text: Vec<char> = Vec::new();
    let mut spans = Vec::with_capacity(gold.len());
    for (index, s) in gold.iter().enumerate() {
        let t = s.text.as_deref().ok_or_else(|| RawError::NoText {
            index: index + 1,
            id: s.id.clone().unwrap_or_default(),
        })?;
        if !text.is_empty() {
            if breaks.get(index).copied().unwrap_or(false) {
                text.extend(['\n', '\n']);
            } else {
                text.push(' ');
            }
        }
        let base = text.len();
        let chars: Vec<char> = t.chars().collect();
        let mut cursor = 0;
        let mut words = Vec::with_capacity(s.words.len());
        for w in &s.words {
            let form: Vec<char> = w.form.chars().collect();
            let found = find_near(&chars, cursor, &form);
            if let Some(at) = found {
                cursor = at + form.len();
            }
            words.push(found.map(|at| (base + at, base + at + form.len())));
        }
        text.extend(chars);
        spans.push(words);
    }
    Ok((text, spans))
}

/// Where `form` starts in `chars` at or shortly after `from` (past whitespace and a
/// few skipped characters).
fn find_near(chars: &[char], from: usize, form: &[char]) -> Option<usize> {
    if form.is_empty() {
        return None;
    }
    let last = (from + 8).min(chars.len().saturating_sub(form.len()));
    (from..=last).find(|&at| chars.get(at..at + form.len()) == Some(form))
}

pub fn evaluate(
    gold: &[Sentence],
    breaks: &[bool],
    tagger: &Tagger,
    parser: &Parser,
) -> Result<RawScores, RawError> {
    let (chars, gold_spans) = gold_text(gold, breaks)?;
    let text: String = chars.iter().collect();
    let mut predicted = tokenize::sentences(&text);
    let mut scratch = Scratch::default();
    for s in &mut predicted {
        tagger.tag(&mut s.tokens);
        parser.parse_with(&mut s.tokens, &mut scratch);
    }

    let mut scores = RawScores::default();
    // Predicted words by span: (sentence, token).
    let mut by_span: HashMap<Span, (usize, usize)> = HashMap::new();
    for (si, s) in predicted.iter().enumerate() {
        for (ti, t) in s.tokens.iter().enumerate() {
            by_span.insert((t.start, t.end), (si, ti));
        }
    }
    let n_pred: usize = predicted.iter().map(|s| s.tokens.len()).sum();
    let n_gold: usize = gold.iter().map(|s| s.words.len()).sum();
    for m in [
        &mut scores.tokens,
        &mut scores.upos,
        &mut scores.xpos,
        &mut scores.lemma,
        &mut scores.uas,
        &mut scores.las,
    ] {
        m.gold = n_gold;
        m.pred = n_pred;
    }
    let pred_sentences: std::collections::HashSet<Span> =
        predicted.iter().map(|s| (s.start, s.end)).collect();
    scores.sentences.gold = gold.len();
    scores.sentences.pred = predicted.len();

    for (s, spans) in gold.iter().zip(&gold_spans) {
        let first = spans.iter().flatten().next();
        let last = spans.iter().flatten().last();
        if let (Some(a), Some(b)) = (first, last) {
            if pred_sentences.contains(&(a.0, b.1)) {
                scores.sentences.tp += 1;
            }
        }
        for (w, span) in s.words.iter().zip(spans) {
            let Some(&(si, ti)) = span.as_ref().and_then(|sp| by_span.get(sp)) else {
                continue;
            };
            let t = &predicted[si].tokens[ti];
            scores.tokens.tp += 1;
            scores.upos.tp += usize::from(t.upos == w.upos);
            scores.xpos.tp += usize::from(t.xpos == w.xpos);
            scores.lemma.tp += usize::from(t.lemma == w.lemma);
            let gold_head = if w.head == 0 {
                None
            } else {
                spans.get(w.head - 1).copied().flatten()
            };
            let pred_head = t.head.map(|h| {
                let h = &predicted[si].tokens[h];
                (h.start, h.end)
            });
            let head_right = match (w.head, t.head) {
                (0, None) => true,
                (0, Some(_)) | (_, None) => false,
                _ => gold_head.is_some() && gold_head == pred_head,
            };
            if head_right {
                scores.uas.tp += 1;
                scores.las.tp += usize::from(universal(&t.deprel) == universal(&w.deprel));
            }
        }
    }
    Ok(scores)
}

fn universal(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_nlp::conllu;

    #[test]
    fn gold_words_get_spans_in_the_joined_text() {
        let gold = conllu::parse(concat!(
            "# text = I don't know.\n",
            "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n",
            "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n",
            "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n",
            "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n",
            "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n",
            "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n",
            "# text = Yes.\n",
            "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n",
            "2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n",
        ))
        .unwrap();
        let (text, spans) = gold_text(&gold, &[false, false]).unwrap();
        let text: String = text.iter().collect();
        assert_eq!(text, "I don't know. Yes.");
        let words: Vec<&str> = gold
            .iter()
            .flat_map(|s| s.words.iter().map(|w| w.form.as_str()))
            .collect();
        let found: Vec<String> = spans
            .iter()
            .flatten()
            .map(|sp| {
                sp.map(|(a, b)| text.chars().skip(a).take(b - a).collect())
                    .unwrap_or_default()
            })
            .collect();
        assert_eq!(found, words);
        assert_eq!(spans[1][0], Some((14, 17)));
    }

    #[test]
    fn paragraphs_start_at_newpar_and_newdoc() {
        let text = "# newdoc id = a\n# newpar\n# text = A\n1\tA\n\n# text = B\n1\tB\n2\tC\n\n# newpar\n1\tD\n\n";
        assert_eq!(paragraph_starts(text), vec![true, false, true]);
        let gold = conllu::parse(concat!(
            "# text = Yes.\n1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n",
            "# text = No\n1\tNo\tno\tINTJ\tUH\t_\t0\troot\t_\t_\n\n",
        ))
        .unwrap();
        let (text, spans) = gold_text(&gold, &[false, true]).unwrap();
        assert_eq!(text.iter().collect::<String>(), "Yes.\n\nNo");
        assert_eq!(spans[1][0], Some((6, 8)));
    }

    #[test]
    fn a_sentence_without_text_is_an_error() {
        let gold = conllu::parse("1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n\n").unwrap();
        assert!(matches!(
            gold_text(&gold, &[]),
            Err(RawError::NoText { index: 1, .. })
        ));
    }
}
