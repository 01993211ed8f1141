//! Matching verb patterns against the lemmas of a clause.
use std::ops::Range;

use super::tables::{PatternPos, PatternToken, VerbPattern};
use super::Knowledge;

/// Determiners the text may have where a pattern has none ("launched *the* strikes on").
const SKIPPABLE: [&str; 9] = ["a", "an", "the", "his", "her", "its", "their", "this", "these"];

/// How far a target slot followed by more pattern words may stretch, in tokens.
const MAX_TARGET: usize = 8;

/// How many modifier words (see [`VerbPattern::match_skipping`]) a target slot may stretch
/// over on top of [`MAX_TARGET`].
const MAX_TARGET_MODIFIERS: usize = 6;

/// Where a pattern matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternMatch {
    /// The tokens the pattern's words covered, from the head to the last matched word.
    pub span: Range<usize>,
    /// The target slot: a closed range when more pattern words follow it, otherwise from its
    /// start to the end of the clause (the caller cuts the noun phrase).
    pub target: Option<Range<usize>>,
}

impl VerbPattern {
    /// Matches the pattern with its head at `lemmas[start]`. Lemmas are lower case.
    pub fn match_at(&self, lemmas: &[&str], start: usize) -> Option<PatternMatch> {
        self.match_skipping(lemmas, &[], start)
    }

    /// Like [`VerbPattern::match_at`], where the words marked in `skippable` (modifiers:
    /// adjectives, compounds, adverbs, numbers) may stand between pattern words without
    /// being spelled in the pattern, yet match a pattern word that names them: "launched
    /// massive strikes on" matches `launch strike/strikes on _`, and "sent new fighter jets
    /// to" matches `send fighter jets to _`. Words past the end of `skippable` are not
    /// skippable.
    pub fn match_skipping(&self, lemmas: &[&str], skippable: &[bool], start: usize) -> Option<PatternMatch> {
        let skip = |i: usize| skippable.get(i).copied().unwrap_or(false);
        let mut pos = start;
        let mut target = None;
        let mut end = start;
        let toks = &self.tokens;
        let mut i = 0;
        while i < toks.len() {
            match &toks[i] {
                PatternToken::Target => {
                    let next_word = toks[i + 1..].iter().find_map(|t| match t {
                        PatternToken::Word { alternatives, optional: false } => Some(alternatives),
                        _ => None,
                    });
                    match next_word {
                        None => {
                            if pos >= lemmas.len() {
                                return None;
                            }
                            target = Some(pos..lemmas.len());
                            break;
                        }
                        Some(alts) => {
                            let modifiers = (pos..lemmas.len().min(pos + MAX_TARGET + MAX_TARGET_MODIFIERS)).filter(|&j| skip(j)).count();
                            let limit = (pos + MAX_TARGET + modifiers.min(MAX_TARGET_MODIFIERS)).min(lemmas.len());
                            let found = (pos + 1..limit).find(|&j| alts.iter().any(|a| a == lemmas[j]))?;
                            target = Some(pos..found);
                            pos = found;
                        }
                    }
                }
                PatternToken::Word { alternatives, optional } => {
                    while pos < lemmas.len() && !alternatives.iter().any(|a| a == lemmas[pos]) && pos > start && (SKIPPABLE.contains(&lemmas[pos]) || skip(pos)) {
                        pos += 1;
                    }
                    if pos < lemmas.len() && alternatives.iter().any(|a| a == lemmas[pos]) {
                        pos += 1;
                        end = pos;
                    } else if !optional {
                        return None;
                    }
                }
            }
            i += 1;
        }
        Some(PatternMatch { span: start..end.max(start + 1), target })
    }
}

impl Knowledge {
    /// The most specific pattern headed by `lemmas[head]` that matches there, among the
    /// verb or the noun patterns (`pos`) or both (`None`).
    pub fn match_pattern(&self, lemmas: &[&str], head: usize, pos: Option<PatternPos>) -> Option<(&VerbPattern, PatternMatch)> {
        self.match_pattern_skipping(lemmas, &[], head, pos)
    }

    /// [`Knowledge::match_pattern`] where the words marked in `skippable` may be passed
    /// over ([`VerbPattern::match_skipping`]).
    pub fn match_pattern_skipping(&self, lemmas: &[&str], skippable: &[bool], head: usize, pos: Option<PatternPos>) -> Option<(&VerbPattern, PatternMatch)> {
        let lemma = lemmas.get(head)?;
        self.verbs_for(lemma)
            .filter(|p| pos.is_none_or(|pos| p.pos == pos))
            .filter_map(|p| p.match_skipping(lemmas, skippable, head).map(|m| (p, m)))
            // On a tie, a pattern whose target slot found words beats one without a slot.
            .max_by_key(|(p, m)| (p.specificity(), m.span.len(), m.target.is_some()))
    }
}
