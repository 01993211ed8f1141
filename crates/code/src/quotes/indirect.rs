//! Reported speech with a named speaker: "Kirby told reporters (that) ...",
//! "..., Zelensky said on Aug. 13.", "according to TASS, ...". The reported text starts
//! after "that" when there is one. A report that quotes five words or more directly is
//! left to the direct quote.
use super::speaker::{self, Found};
use super::{lexicon, Doc, MIN_DIRECT_WORDS};
use crate::record::{Quote, QuoteKind};
use dyad_nlp::Token;

fn lower(t: &Token) -> String {
    t.text.to_lowercase()
}

fn is_word(t: &Token) -> bool {
    t.text.chars().any(char::is_alphanumeric)
}

fn is_quote_mark(t: &Token) -> bool {
    matches!(t.text.as_str(), "\"" | "“" | "”" | "'" | "‘" | "’")
}

/// A sentence of running text, not a headline, caption or cut-off line.
fn is_running(toks: &[Token]) -> bool {
    toks.iter().rev().find(|t| !is_quote_mark(t) && t.text != ")").is_some_and(|t| matches!(t.text.as_str(), "." | "!" | "?" | "…"))
}

pub(crate) fn find(doc: &Doc) -> Vec<Quote> {
    let mut out = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let toks = &s.tokens;
        // The last sentence may be cut off mid-word.
        if !is_running(toks) && si + 1 < doc.sentences.len() {
            continue;
        }
        let mut end = toks.len();
        while end > 0 && (matches!(toks[end - 1].text.as_str(), "." | "!" | "?" | "…") || is_quote_mark(&toks[end - 1])) {
            end -= 1;
        }
        let mut taken: Vec<usize> = Vec::new();
        let mut found_here: Vec<(usize, Quote, usize, usize)> = Vec::new();
        for j in 0..end {
            if doc.in_quote(si, j).is_some() {
                continue;
            }
            let l = lower(&toks[j]);
            // "Biden Warns Houthis ...": a capitalised verb belongs to a headline.
            let headline = j > 0 && toks[j].text.chars().next().is_some_and(char::is_uppercase);
            let q = if headline {
                None
            } else if l == "according" && toks.get(j + 1).is_some_and(|t| t.text == "to") {
                according_to(doc, si, j, end)
            } else if lexicon::is_reporting_verb(&l) {
                reported(doc, si, j, end)
            } else {
                None
            };
            if let Some((found, a, b)) = q {
                if taken.contains(&a) {
                    continue;
                }
                if let Some(q) = make(doc, si, &found, a, b) {
                    taken.push(a);
                    for &other in &found.also {
                        if let Some(e) = doc.entities.get(other) {
                            let mut q2 = q.clone();
                            q2.speaker.name = Some(e.name.clone());
                            q2.speaker.description = e.description.clone();
                            found_here.push((j, q2, a, b));
                        }
                    }
                    found_here.push((j, q, a, b));
                }
            }
        }
        // "Syrskyi reported the capture ..., Zelensky said": the report inside another
        // report is not listed on its own.
        let outer: Vec<(usize, usize)> = found_here.iter().filter(|(j, _, a, b)| *a == 0 && *b <= *j).map(|(_, _, a, b)| (*a, *b)).collect();
        for (j, q, _, _) in found_here {
            if outer.iter().any(|&(a, b)| a <= j && j < b) {
                continue;
            }
            out.push(q);
        }
    }
    out
}

/// The quote for reported tokens `a..b`, unless they are empty, open with a direct
/// quote or hold one of five words or more.
fn make(doc: &Doc, si: usize, found: &Found, a: usize, b: usize) -> Option<Quote> {
    let toks = &doc.sentences[si].tokens;
    let mut a = a;
    while a < b && matches!(toks[a].text.as_str(), "," | ":" | "—" | "–") {
        a += 1;
    }
    let mut b = b;
    while b > a && matches!(toks[b - 1].text.as_str(), "," | ":" | "—" | "–" | ";") {
        b -= 1;
    }
    if b <= a || toks[a..b].iter().filter(|t| is_word(t)).count() < 3 {
        return None;
    }
    for k in a..b {
        if let Some(g) = doc.in_quote(si, k) {
            if doc.segments[g].words >= MIN_DIRECT_WORDS {
                return None;
            }
        }
    }
    if is_quote_mark(&toks[a]) && doc.in_quote(si, a).is_some_and(|g| doc.segments[g].open == toks[a].start && doc.segments[g].words >= MIN_DIRECT_WORDS) {
        return None;
    }
    let span = [toks[a].start, toks[b - 1].end];
    let text = doc.text(span[0], span[1]);
    let e = doc.entities.get(found.entity)?;
    Some(Quote {
        speaker: crate::record::Speaker {
            text: found.text.clone(),
            name: Some(e.name.clone()),
            description: found.description.clone().or_else(|| e.description.clone()),
        },
        text,
        kind: QuoteKind::Indirect,
        span,
    })
}

/// "According to TASS, ..." and "..., according to TASS."
fn according_to(doc: &Doc, si: usize, j: usize, end: usize) -> Option<(Found, usize, usize)> {
    let toks = &doc.sentences[si].tokens;
    let mut k = j + 2;
    while k < end && matches!(lower(&toks[k]).as_str(), "the" | "a") {
        k += 1;
    }
    let m = doc.entities.mention_starting_at(si, k)?;
    let e = doc.entities.get(m.entity)?;
    if !speaker::speaker_ok(e) {
        return None;
    }
    let found = Found { entity: m.entity, text: crate::entities::surface_of(&toks[m.name_start..m.end]), description: None, at: j, also: Vec::new() };
    let first_word = (0..j).find(|&i| is_word(&toks[i]));
    if first_word.is_none() {
        // Opening the sentence: the report follows the comma after the source.
        let comma = (m.end..end).find(|&i| toks[i].text == ",")?;
        return Some((found, comma + 1, end));
    }
    if j > 0 && toks[j - 1].text == "," {
        return Some((found, 0, j - 1));
    }
    None
}

/// "X said (that) ...", "X told reporters (that) ...", "..., X said."
fn reported(doc: &Doc, si: usize, j: usize, end: usize) -> Option<(Found, usize, usize)> {
    let toks = &doc.sentences[si].tokens;
    let before = speaker::subject_before(doc, si, j, 0);
    let inverted = before.is_none();
    let found = before.or_else(|| speaker::subject_after(doc, si, j))?;
    let phrase_start = found.at.min(j);
    // The attribution of a direct quote: `"...," Lam told media after talks`.
    let mut p = phrase_start;
    while p > 0 && toks[p - 1].text == "," {
        p -= 1;
    }
    if p > 0 && is_quote_mark(&toks[p - 1]) {
        return None;
    }
    // The speaker comes after the report: "..., a spokesperson for the Houthis said."
    let comma = (phrase_start.saturating_sub(6)..phrase_start).rev().find(|&i| toks[i].text == "," && doc.in_quote(si, i).is_none()).filter(|&c| {
        (c + 1..phrase_start).all(|i| {
            let l = lower(&toks[i]);
            matches!(l.as_str(), "a" | "an" | "the" | "for" | "of")
                || lexicon::is_role(&l)
                || crate::entities::gazetteer::TITLES.contains(&l.as_str())
                || toks[i].text.chars().next().is_some_and(char::is_uppercase)
        })
    });
    let after_verb = if inverted { after_mention(doc, si, j + 1) } else { j + 1 };
    let tail_end = (after_verb..end).find(|&i| toks[i].text == ",").unwrap_or(end);
    let tail_has_that = (after_verb..tail_end.min(after_verb + 10)).any(|i| lower(&toks[i]) == "that");
    // What may follow the verb of "..., X said": nothing, an adverbial, the hearer.
    let tail_ok = after_verb >= tail_end
        || lexicon::opens_adverbial(&lower(&toks[after_verb]))
        || lexicon::is_telling_verb(&lower(&toks[j]))
        || inverted;
    let tail_short = tail_ok && tail_end.saturating_sub(after_verb) <= 8;
    // A verb that introduces a direct quote later in the sentence reports nothing itself.
    let quotes_after = (j + 1..toks.len()).any(|i| doc.in_quote(si, i).is_some_and(|g| doc.segments[g].words >= MIN_DIRECT_WORDS));
    if let Some(c) = comma {
        if !tail_has_that && tail_short && !quotes_after && toks[..c].iter().filter(|t| is_word(t)).count() >= 4 {
            if is_quote_mark(&toks[0]) || doc.in_quote(si, 0).is_some() {
                return None;
            }
            return Some((found, 0, c));
        }
    }
    if inverted {
        return None;
    }
    // The report follows the verb, after "that" if there is one.
    let mut k = j + 1;
    // "had said then that": adverbs after the verb.
    while k < end && matches!(lower(&toks[k]).as_str(), "then" | "also" | "later" | "earlier" | "again" | "previously" | "repeatedly" | "publicly" | "separately" | "recently" | "further" | "privately" | "openly" | "flatly") {
        k += 1;
    }
    let telling = lexicon::is_telling_verb(&lower(&toks[j]));
    // "that" right after the verb, after the hearer ("told reporters that"), or after
    // an adverbial ("said on Aug. 13 that", "revealed in an interview with ... that").
    let that = (k..end.min(k + 25))
        .take_while(|&i| !matches!(toks[i].text.as_str(), ";" | ":") && !lexicon::is_reporting_verb(&lower(&toks[i])))
        .find(|&i| lower(&toks[i]) == "that" && doc.in_quote(si, i).is_none())
        .filter(|&t| t == k || (telling && t <= k + 10) || lexicon::opens_adverbial(&lower(&toks[k])));
    if let Some(t) = that {
        k = t + 1;
    } else if !lexicon::takes_bare_clause(&lower(&toks[j])) {
        // "declared a partnership", "stressed the importance": no reported clause.
        let opener = toks.get(k).map(lower);
        let clause = lexicon::takes_clause_after_subject(&lower(&toks[j]))
            && (matches!(opener.as_deref(), Some("he" | "she" | "they" | "it" | "we"))
                || doc.entities.mention_starting_at(si, k).is_some_and(|m| toks.get(m.end).is_some_and(|t| t.text.chars().next().is_some_and(char::is_lowercase))));
        if !clause {
            return None;
        }
    } else {
        if lexicon::is_telling_verb(&lower(&toks[j])) {
            // The hearer: "told reporters", "told DW", "told him".
            k = match doc.entities.mention_starting_at(si, k) {
                Some(m) => m.end,
                None => k + 1,
            };
            if k < end && matches!(lower(&toks[k - 1]).as_str(), "media" | "state") {
                k += 1;
            }
        }
        if k < end && lexicon::opens_adverbial(&lower(&toks[k])) {
            // "said on Tuesday the talks ...": skip a short adverbial closed by a comma.
            match (k..end.min(k + 7)).find(|&i| toks[i].text == ",") {
                Some(c) => k = c + 1,
                None => return None,
            }
        }
    }
    while k < end && toks[k].text == "," {
        k += 1;
    }
    if k >= end || lexicon::blocks_clause(&lower(&toks[k])) {
        return None;
    }
    // "added a goal", "wrote 3 books": an object, not a clause.
    let verb = lower(&toks[j]);
    let object = matches!(lower(&toks[k]).as_str(), "a" | "an") || toks[k].text.chars().next().is_some_and(|c| c.is_ascii_digit());
    if object && that.is_none() && !matches!(verb.as_str(), "said" | "says" | "say" | "told" | "tells" | "tell" | "claimed" | "claims") {
        return None;
    }
    Some((found, k, end))
}

/// The first token after the mention starting at `k` (for "said X that ...").
fn after_mention(doc: &Doc, si: usize, k: usize) -> usize {
    let mut k = k;
    let toks = &doc.sentences[si].tokens;
    while k < toks.len() && matches!(lower(&toks[k]).as_str(), "the" | "a") {
        k += 1;
    }
    doc.entities.mention_starting_at(si, k).map(|m| m.end).unwrap_or(k)
}
