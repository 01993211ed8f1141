//! Matching the verb and noun patterns of `verbs.tsv` against a predicate's clause.
use super::parse::{clause, is_nominal, lemma};
use crate::knowledge::{Knowledge, PatternPos, PatternToken, VerbPattern};
use dyad_nlp::Token;

/// A pattern matched at a predicate.
#[derive(Debug, Clone)]
pub struct Match<'k> {
    pub pattern: &'k VerbPattern,
    /// The head of the noun phrase in the pattern's target slot, when it has one.
    pub target: Option<usize>,
}

/// How many clause tokens may stand between two pattern words ("launched a wave of
/// missile strikes on").
const MAX_GAP: usize = 4;

/// The most specific pattern of `knowledge` that matches at token `predicate`.
pub fn best_match<'k>(knowledge: &'k Knowledge, tokens: &[Token], predicate: usize) -> Option<Match<'k>> {
    let t = &tokens[predicate];
    let pos = match t.upos.as_str() {
        "VERB" => PatternPos::Verb,
        "NOUN" => PatternPos::Noun,
        _ => return None,
    };
    let head_lemma = lemma(t);
    let candidates: Vec<&VerbPattern> = knowledge.verbs_for(&head_lemma).filter(|p| p.pos == pos).collect();
    if candidates.is_empty() {
        return None;
    }
    let region: Vec<usize> = clause(tokens, predicate).into_iter().filter(|&i| i > predicate).collect();
    let mut best: Option<Match<'k>> = None;
    for pattern in candidates {
        if let Some(m) = match_one(pattern, tokens, &region) {
            let better = match &best {
                None => true,
                Some(b) => {
                    (pattern.specificity(), m.target.is_some()) > (b.pattern.specificity(), b.target.is_some())
                }
            };
            if better {
                best = Some(m);
            }
        }
    }
    best
}

/// Matches the words after the pattern's head, in order, against the clause tokens
/// after the predicate.
fn match_one<'k>(pattern: &'k VerbPattern, tokens: &[Token], region: &[usize]) -> Option<Match<'k>> {
    let mut at = 0; // next position in `region`
    let mut target = None;
    let mut seen_head = false;
    for token in &pattern.tokens {
        match token {
            PatternToken::Word { optional: false, .. } if !seen_head => seen_head = true,
            PatternToken::Word { alternatives, optional } => {
                let found = region[at..]
                    .iter()
                    .take(MAX_GAP + 1)
                    .position(|&i| alternatives.iter().any(|a| *a == lemma(&tokens[i]) || *a == tokens[i].text.to_lowercase()));
                match found {
                    Some(k) => at += k + 1,
                    None if *optional => {}
                    None => return None,
                }
            }
            PatternToken::Target => {
                let k = region[at..].iter().take(MAX_GAP + 1).position(|&i| is_nominal(&tokens[i]))?;
                let mut head = region[at + k];
                // Climb from a name's first word to the head of its phrase ("North" → "Korea").
                while let Some(h) = tokens[head].head {
                    let rel = tokens[head].deprel.as_str();
                    if h > head && matches!(rel.split(':').next(), Some("compound" | "flat" | "amod" | "det" | "nummod")) {
                        head = h;
                    } else {
                        break;
                    }
                }
                target = Some(head);
                at = region.iter().position(|&i| i == head).map_or(at + k + 1, |p| p + 1);
            }
        }
    }
    Some(Match { pattern, target })
}
