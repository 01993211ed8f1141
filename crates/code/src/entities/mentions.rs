//! Finding name mentions in sentences: the entity tagger's spans where it has run,
//! runs of capitalised words otherwise, each with the titles in front of it split off.
use super::gazetteer::{self, Known};
use super::Label;
use dyad_nlp::{AnnotatedSentence, Token};
use std::collections::HashSet;

/// A name as it occurs in one sentence, before mentions are merged into entities.
#[derive(Debug, Clone)]
pub(crate) struct RawMention {
    pub sentence: usize,
    /// Token range of the whole phrase, titles included.
    pub start: usize,
    pub end: usize,
    /// First token of the name proper (after titles such as "Prime Minister").
    pub name_start: usize,
    pub label: Option<Label>,
    pub known: Option<Known>,
}

impl RawMention {
    pub fn name_tokens<'a>(&self, sentences: &'a [AnnotatedSentence]) -> &'a [Token] {
        &sentences[self.sentence].tokens[self.name_start..self.end]
    }
}

/// The words of a token range joined as they stand in the text.
pub(crate) fn surface(tokens: &[Token]) -> String {
    let mut s = String::new();
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 && t.start > tokens[i - 1].end {
            s.push(' ');
        }
        s.push_str(&t.text);
    }
    s
}

pub(crate) fn lower(t: &Token) -> String {
    t.text.to_lowercase()
}

fn is_capitalised(t: &Token) -> bool {
    let mut cs = t.text.chars();
    match cs.next() {
        Some(c) if c.is_uppercase() => t.text.chars().any(|c| c.is_alphabetic()),
        _ => false,
    }
}

fn in_list(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// Tokens of a sentence that lie on a title-case line (a headline, a navigation line),
/// where capitals say little. Lines are cut at line breaks; a byline ("By ...") is not a
/// headline.
fn title_case_tokens(s: &AnnotatedSentence, newlines: &[usize]) -> Vec<bool> {
    let mut flags = vec![false; s.tokens.len()];
    let mut a = 0;
    while a < s.tokens.len() {
        let mut b = a + 1;
        while b < s.tokens.len() && !newlines.iter().any(|&n| n >= s.tokens[b - 1].end && n < s.tokens[b].start) {
            b += 1;
        }
        let line = &s.tokens[a..b];
        let words: Vec<&Token> = line.iter().filter(|t| t.text.chars().next().is_some_and(char::is_alphabetic)).collect();
        let function = |t: &Token| {
            matches!(
                t.text.as_str(),
                "a" | "an" | "the" | "of" | "on" | "in" | "to" | "and" | "or" | "for" | "with" | "at" | "by" | "as" | "from" | "vs" | "is"
            )
        };
        let byline = words.first().is_some_and(|t| t.text == "By");
        let title = words.len() >= 3 && !byline && words.iter().all(|t| is_capitalised(t) || function(t));
        if title {
            flags[a..b].iter_mut().for_each(|f| *f = true);
        }
        a = b;
    }
    flags
}

/// Finds mentions in every sentence. Uses the tagger's spans where any sentence has
/// them, capitalised runs otherwise.
pub(crate) fn find(sentences: &[AnnotatedSentence], text: &str) -> Vec<RawMention> {
    let tagged = sentences.iter().any(|s| !s.entities.is_empty());
    let newlines: Vec<usize> = text.chars().enumerate().filter(|(_, c)| *c == '\n').map(|(i, _)| i).collect();
    let evidence = Evidence::collect(sentences, newlines);
    let mut out = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let first = out.len();
        from_capitals(si, s, &evidence, &mut out);
        if tagged {
            // The tagger types the runs it agrees with and adds the names runs missed.
            let mut extra = Vec::new();
            from_spans(si, s, &mut extra);
            for e in extra {
                let overlapping: Vec<usize> = (first..out.len()).filter(|&i| out[i].start < e.end && e.start < out[i].end).collect();
                if overlapping.is_empty() {
                    let words_ok = (e.name_start..e.end).all(|k| nameish(si, s, k, &evidence) || matches!(s.tokens[k].text.as_str(), "of" | "the" | "for" | "and"));
                    if e.known.is_some() || (e.label != Some(Label::Norp) && words_ok) {
                        out.push(e);
                    }
                    continue;
                }
                for i in overlapping {
                    let m = &mut out[i];
                    if m.label.is_none() && m.known.is_none() && m.name_start >= e.start && m.end <= e.end {
                        m.label = e.label;
                    }
                }
            }
        }
    }
    out
}

fn from_spans(si: usize, s: &AnnotatedSentence, out: &mut Vec<RawMention>) {
    for e in &s.entities {
        let label = match e.label.as_str() {
            "PER" => Label::Per,
            "ORG" => Label::Org,
            "GPE" => Label::Gpe,
            "LOC" => Label::Loc,
            "NORP" => Label::Norp,
            _ => continue,
        };
        if e.start >= e.end || e.end > s.tokens.len() {
            continue;
        }
        let mut start = e.start;
        // A leading "the" is not part of the name.
        while start < e.end && matches!(lower(&s.tokens[start]).as_str(), "the" | "a" | "an") {
            start += 1;
        }
        let mut end = e.end;
        while end > start && matches!(s.tokens[end - 1].text.as_str(), "'s" | "’s" | "'" | "’" | "," | "." | "\"" | "”") {
            end -= 1;
        }
        if start < end {
            push_run(si, s, start, end, Some(label), out);
        }
    }
}

/// What the whole document says about capitalised words.
struct Evidence {
    /// Lower-cased words seen capitalised away from a sentence start.
    capitalised_inside: HashSet<String>,
    /// Lower-cased words seen in lower case.
    seen_lower: HashSet<String>,
    /// Character offsets of line breaks: a name never runs across one.
    newlines: Vec<usize>,
    /// Per sentence and token: on a title-case line.
    title_case: Vec<Vec<bool>>,
}

impl Evidence {
    fn collect(sentences: &[AnnotatedSentence], newlines: Vec<usize>) -> Self {
        let mut capitalised_inside = HashSet::new();
        let mut seen_lower = HashSet::new();
        let mut title_case = Vec::with_capacity(sentences.len());
        for s in sentences {
            let flags = title_case_tokens(s, &newlines);
            for (i, t) in s.tokens.iter().enumerate() {
                if flags[i] {
                    continue;
                }
                if is_capitalised(t) {
                    let line_start = i > 0 && newlines.iter().any(|&n| n >= s.tokens[i - 1].end && n < t.start);
                    if i > 0 && !is_opening(&s.tokens[i - 1]) && !line_start {
                        capitalised_inside.insert(lower(t));
                    }
                } else if t.text.chars().next().is_some_and(|c| c.is_lowercase()) {
                    seen_lower.insert(t.text.clone());
                }
            }
            title_case.push(flags);
        }
        Evidence { capitalised_inside, seen_lower, newlines, title_case }
    }
}

impl Evidence {
    fn line_break_at_or_in(&self, from: usize, to: usize) -> bool {
        let i = self.newlines.partition_point(|&n| n < from);
        self.newlines.get(i).is_some_and(|&n| n < to)
    }
}

fn is_opening(t: &Token) -> bool {
    matches!(t.text.as_str(), "\"" | "“" | "‘" | "'" | "(" | "[" | "—" | "–" | "-" | ":")
}

/// Can token `i` be (part of) a name?
fn nameish(si: usize, s: &AnnotatedSentence, i: usize, ev: &Evidence) -> bool {
    let t = &s.tokens[i];
    if !is_capitalised(t) {
        return false;
    }
    let l = lower(t);
    if gazetteer::is_time_word(&l) {
        return false;
    }
    // "Iran-backed", "Russian-born", "U.S.-led": adjectives.
    if let Some((_, tail)) = t.text.rsplit_once('-') {
        let adjective = matches!(
            tail,
            "backed" | "aligned" | "led" | "based" | "born" | "allied" | "controlled" | "occupied" | "held" | "run" | "owned"
                | "made" | "style" | "friendly" | "speaking" | "funded" | "supported" | "linked" | "affiliated" | "era" | "type"
                | "sanctioned" | "approved" | "themed" | "inspired" | "focused" | "related" | "specific" | "wide"
        );
        if adjective && gazetteer::lookup(&t.text).is_none() {
            return false;
        }
    }
    // "Putin-Kim vision", "Israel-Hamas war": names joined into an adjective.
    if t.text.contains('-') && gazetteer::lookup(&t.text).is_none() {
        let parts: Vec<&str> = t.text.split('-').collect();
        if parts.len() > 1
            && parts.iter().all(|p| p.chars().next().is_some_and(char::is_uppercase) && (ev.capitalised_inside.contains(&p.to_lowercase()) || gazetteer::lookup(p).is_some()))
        {
            return false;
        }
    }
    // "WORLD": a section label in capitals, a common word.
    if t.text.chars().count() > 3 && t.text.chars().all(|c| !c.is_lowercase()) && ev.seen_lower.contains(&l) && gazetteer::lookup(&t.text).is_none() {
        return false;
    }
    let at_start = i == 0 || is_opening(&s.tokens[i - 1]) || ev.line_break_at_or_in(s.tokens[i - 1].end, t.start);
    let title_case = ev.title_case.get(si).and_then(|f| f.get(i)).copied().unwrap_or(false);
    if at_start || title_case {
        if in_list(gazetteer::NOT_NAMES, &l) && gazetteer::lookup(&t.text).is_none() {
            return false;
        }
        if gazetteer::lookup(&t.text).is_some() || t.upos == "PROPN" {
            return true;
        }
        if ev.seen_lower.contains(&l) && !ev.capitalised_inside.contains(&l) {
            return false;
        }
        // "Besides", "Politically", "Speaking": adverbs and participles open sentences.
        let chars = l.chars().count();
        if !ev.capitalised_inside.contains(&l) && chars >= 5 && (l.ends_with("ly") || l.ends_with("ing") || l.ends_with("ed") || l.ends_with("es")) {
            return false;
        }
        if s.tokens.get(i + 1).is_some_and(|n| crate::quotes::is_speech_verb(&lower(n))) {
            return true;
        }
        // A sentence-initial word is a name only if the document capitalises it
        // elsewhere, or it opens a longer run.
        return ev.capitalised_inside.contains(&l) || s.tokens.get(i + 1).is_some_and(|n| is_capitalised(n) && !in_list(gazetteer::NOT_NAMES, &lower(n)));
    }
    l != "i"
}

fn from_capitals(si: usize, s: &AnnotatedSentence, ev: &Evidence, out: &mut Vec<RawMention>) {
    let toks = &s.tokens;
    let mut i = 0;
    while i < toks.len() {
        if !nameish(si, s, i, ev) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end < toks.len() && nameish(si, s, end, ev) && toks[end].start == toks[end - 1].end + 1 && !ev.line_break_at_or_in(toks[end - 1].end, toks[end].start) {
                end += 1;
                continue;
            }
            // "Ministry of Defence", "Great Hall of the People": a connector inside an
            // organisation or place name.
            if end + 1 < toks.len() && matches!(toks[end].text.as_str(), "of" | "for") {
                let has_head = toks[start..end].iter().any(|t| {
                    let l = lower(t);
                    in_list(gazetteer::ORG_WORDS, &l) || in_list(gazetteer::LOC_WORDS, &l)
                }) || toks[start..end].iter().all(|t| in_list(gazetteer::TITLES, &lower(t)));
                let mut k = end + 1;
                if toks[k].text == "the" {
                    k += 1;
                }
                if has_head && k < toks.len() && nameish(si, s, k, ev) && !gazetteer::is_time_word(&lower(&toks[k])) {
                    end = k + 1;
                    continue;
                }
            }
            break;
        }
        if ev.title_case.get(si).and_then(|f| f.get(start)).copied().unwrap_or(false) {
            // Headlines: only the words the gazetteer or the body of the text vouch for.
            for (k, tok) in toks.iter().enumerate().take(end).skip(start) {
                let l = lower(tok);
                if gazetteer::lookup(&tok.text).is_some() || (ev.capitalised_inside.contains(&l) && !in_list(gazetteer::TITLES, &l)) {
                    push_run(si, s, k, k + 1, None, out);
                }
            }
        } else {
            push_run(si, s, start, end, None, out);
        }
        i = end;
    }
}

/// Splits titles and leading country words off a run and records what is left.
fn push_run(si: usize, s: &AnnotatedSentence, start: usize, end: usize, label: Option<Label>, out: &mut Vec<RawMention>) {
    let toks = &s.tokens;
    let last = lower(&toks[end - 1]);
    let headed = in_list(gazetteer::ORG_WORDS, &last) || in_list(gazetteer::LOC_WORDS, &last) || in_list(gazetteer::REGION_WORDS, &last);
    let whole = surface(&toks[start..end]);
    // "UK-US strikes": two countries in one token.
    if end == start + 1 && whole.contains('-') && gazetteer::lookup(&whole).is_none() {
        let parts: Vec<Option<Known>> = whole.split('-').map(gazetteer::lookup).collect();
        if parts.len() > 1 && parts.iter().all(|k| matches!(k, Some(Known::Country(_)))) {
            for known in parts {
                out.push(RawMention { sentence: si, start, end, name_start: start, label: Some(Label::Gpe), known });
            }
            return;
        }
    }
    let known = gazetteer::lookup(&whole);
    if known.is_some() || headed || matches!(label, Some(Label::Org | Label::Gpe | Label::Loc | Label::Norp)) {
        let label = label.or(match known {
            Some(Known::Country(_)) | Some(Known::Capital(..)) => Some(Label::Gpe),
            Some(Known::Demonym(_)) => Some(Label::Norp),
            _ => None,
        });
        out.push(RawMention { sentence: si, start, end, name_start: start, label, known });
        return;
    }
    // Leading titles and the country words before them ("U.S. President", "Russian
    // Foreign Minister") are description.
    let mut k = start;
    let mut titled = false;
    while k < end {
        let l = lower(&toks[k]);
        let is_title = (in_list(gazetteer::TITLES, &l) && !matches!(l.as_str(), "us" | "u.s." | "uk"))
            || (k > start && matches!(l.as_str(), "of" | "the"));
        // A country or nationality of one or two words before a title.
        let country_len = [2usize, 1].into_iter().find(|&n| {
            k + n < end
                && match gazetteer::lookup(&surface(&toks[k..k + n])) {
                    Some(Known::Country(_)) => in_list(gazetteer::TITLES, &lower(&toks[k + n])),
                    // "Russian Kursk", "Ukrainian President": a nationality never begins a name.
                    Some(Known::Demonym(_)) => true,
                    _ => false,
                }
        });
        if let Some(n) = country_len {
            let known = gazetteer::lookup(&surface(&toks[k..k + n]));
            let label = Some(match known {
                Some(Known::Demonym(_)) => Label::Norp,
                _ => Label::Gpe,
            });
            out.push(RawMention { sentence: si, start: k, end: k + n, name_start: k, label, known });
            k += n;
        } else if is_title {
            titled = true;
            k += 1;
        } else {
            break;
        }
    }
    if k >= end {
        return;
    }
    // Titles in lower case just before the run: "spokesperson John Kirby".
    let mut t = start;
    while t > 0 && in_list(gazetteer::TITLES, &lower(&toks[t - 1])) && toks[t - 1].text.chars().next().is_some_and(char::is_lowercase) {
        t -= 1;
        titled = true;
    }
    let name = surface(&toks[k..end]);
    let known = gazetteer::lookup(&name);
    let label = label.or(if titled { Some(Label::Per) } else { None });
    out.push(RawMention { sentence: si, start: t.min(start), end, name_start: k, label, known });
}
