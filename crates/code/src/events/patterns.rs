//! Finding the pattern of `verbs.tsv` that a predicate heads, with its target, by
//! running [`Knowledge::match_pattern`] over the predicate's own clause.
use super::parse::{clause, is_nominal, lemma};
use crate::knowledge::{Knowledge, PatternPos, VerbPattern};
use dyad_nlp::Token;

/// A pattern matched at a predicate.
#[derive(Debug, Clone)]
pub struct Match<'k> {
    pub pattern: &'k VerbPattern,
    /// The head of the noun phrase in the pattern's target slot, when it has one.
    pub target: Option<usize>,
}

/// Modifiers left out of the word sequence a pattern is matched against, so that
/// "held lengthy talks with" and "sent some artillery shells to" read as
/// "hold talks with" and "send shells to".
fn is_modifier(t: &Token) -> bool {
    t.deprel != "compound:prt"
        && matches!(t.deprel.split(':').next(), Some("amod" | "advmod" | "nummod" | "compound" | "punct" | "appos" | "det"))
}

/// The most specific pattern that matches at token `predicate`.
pub fn best_match<'k>(knowledge: &'k Knowledge, tokens: &[Token], predicate: usize) -> Option<Match<'k>> {
    if !matches!(tokens[predicate].upos.as_str(), "VERB" | "NOUN") {
        return None;
    }
    let head = lemma(&tokens[predicate]);
    knowledge.verbs_for(&head).next()?;
    // The clause from the predicate on: its lemma, but nouns as written, since patterns
    // spell them as news does ("hold talks with").
    let positions: Vec<usize> = clause(tokens, predicate)
        .into_iter()
        .filter(|&i| i == predicate || (i > predicate && !is_modifier(&tokens[i])))
        .collect();
    let words: Vec<String> = positions
        .iter()
        .map(|&i| if i != predicate && tokens[i].upos == "NOUN" { tokens[i].text.to_lowercase() } else { lemma(&tokens[i]) })
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let pos = if tokens[predicate].upos == "VERB" { PatternPos::Verb } else { PatternPos::Noun };
    let (pattern, found) = knowledge.match_pattern(&words, 0, Some(pos))?;
    let target = found.target.and_then(|range| {
        let first = positions[range].iter().copied().find(|&i| is_nominal(&tokens[i]))?;
        Some(phrase_head(tokens, first))
    });
    Some(Match { pattern, target })
}

/// Climbs from a name's first word to the head of its phrase ("North" → "Korea").
fn phrase_head(tokens: &[Token], mut at: usize) -> usize {
    while let Some(h) = tokens[at].head {
        let rel = tokens[at].deprel.split(':').next().unwrap_or("");
        if h > at && matches!(rel, "compound" | "flat" | "amod" | "det" | "nummod") {
            at = h;
        } else {
            break;
        }
    }
    at
}
