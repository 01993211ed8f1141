//! Finding who speaks: the name or pronoun next to a speech verb around a quotation,
//! in the same sentence, the one before it, or the one after it.
use super::lexicon;
use super::Doc;
use crate::entities::{appositive, Label, ResolvedEntity};
use dyad_nlp::Token;

/// A speaker found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub entity: usize,
    /// As written where the speech is attributed ("Ha", "he").
    pub text: String,
    pub description: Option<String>,
    /// Where the speaker's phrase starts in the sentence of the verb.
    pub at: usize,
    /// Persons speaking jointly with `entity` ("Putin and Xi accused ...").
    pub also: Vec<usize>,
}

fn lower(t: &Token) -> String {
    t.text.to_lowercase()
}

fn is_quote_mark(t: &Token) -> bool {
    matches!(t.text.as_str(), "\"" | "“" | "”" | "'" | "‘" | "’" | "«" | "»")
}

/// A speaker the output may name: a person, a body, a country; not a city standing for
/// its government ("Moscow claims"), not a nationality.
pub(crate) fn speaker_ok(e: &ResolvedEntity) -> bool {
    match e.label {
        Label::Per | Label::Org => true,
        // Unknown names only when they are acronyms ("RBC").
        Label::Misc => e.name.len() >= 2 && e.name.chars().all(|c| c.is_uppercase()),
        Label::Gpe => !e.capital && e.actor.as_deref().is_some_and(|a| a.len() == 3),
        _ => false,
    }
}

fn found_at(doc: &Doc, si: usize, end: usize) -> Option<Found> {
    let m = doc.entities.mention_ending_at(si, end)?;
    let e = doc.entities.get(m.entity)?;
    if !speaker_ok(e) {
        return None;
    }
    let toks = &doc.sentences[si].tokens;
    let text = crate::entities::surface_of(&toks[m.name_start..m.end]);
    let description = if e.label == Label::Per { appositive(toks, m.end) } else { None };
    // "Putin and Xi accused ...": both speak.
    let mut also = Vec::new();
    if e.label == Label::Per {
        let person = |id: usize| doc.entities.get(id).is_some_and(|x| x.label == Label::Per) && id != m.entity;
        if m.start > 0 && lower(&toks[m.start - 1]) == "and" {
            if let Some(p) = doc.entities.mention_ending_at(si, m.start - 1).filter(|p| person(p.entity)) {
                also.push(p.entity);
            }
        }
        if toks.get(m.end).is_some_and(|t| lower(t) == "and") {
            if let Some(p) = doc.entities.mention_starting_at(si, m.end + 1).filter(|p| person(p.entity)) {
                also.push(p.entity);
            }
        }
    }
    Some(Found { entity: m.entity, text, description, at: m.start, also })
}

/// Heads of a noun phrase that speaks for the name inside it: "a spokesperson for the
/// Houthis", "Russia's RIA Novosti news agency", "Houthi rebels", "NATO allies".
fn is_voice_head(l: &str) -> bool {
    lexicon::is_role(l)
        || matches!(
            l,
            "agency" | "newspaper" | "broadcaster" | "outlet" | "daily" | "rebels" | "militants" | "allies" | "group"
                | "movement" | "militia" | "channel" | "service" | "office"
        )
}

fn is_time_token(l: &str) -> bool {
    crate::entities::gazetteer::is_time_word(l)
        || (l.chars().any(|c| c.is_ascii_digit()) && l.chars().all(|c| c.is_ascii_digit() || c == ','))
        || matches!(l, "on" | "late" | "early" | "earlier" | "this" | "last" | "week" | "morning" | "evening" | "night" | "afternoon" | "today" | "yesterday")
}

/// The subject of the speech verb at `verb`, looking left, no further than `floor`.
pub(crate) fn subject_before(doc: &Doc, si: usize, verb: usize, floor: usize) -> Option<Found> {
    let toks = &doc.sentences[si].tokens;
    let mut k = verb;
    // Adverbs, auxiliaries and a time phrase between subject and verb:
    // "Kirby reportedly told", "Zelensky on Thursday said".
    while k > floor {
        let l = lower(&toks[k - 1]);
        let timed = is_time_token(&l)
            && (k < verb && l == "on" || toks[..k - 1].iter().rev().take(4).any(|t| matches!(lower(t).as_str(), "on" | "late" | "early" | "last" | "this")));
        if lexicon::is_between(&l) || timed {
            k -= 1;
        } else {
            break;
        }
    }
    if k <= floor || doc.in_quote(si, k - 1).is_some() {
        return None;
    }
    let t = &toks[k - 1];
    let l = lower(t);
    if matches!(l.as_str(), "he" | "she") {
        return pronoun(doc, si, k - 1, &l);
    }
    if l == "," {
        // "John Kirby, spokesperson for the ... Council, described": the name
        // before the appositive, else the name just before the comma.
        let c2 = (floor..k - 1).rev().take(25).find(|&j| toks[j].text == "," || doc.in_quote(si, j).is_some());
        if let Some(c2) = c2.filter(|&j| toks[j].text == ",") {
            if let Some(f) = found_at(doc, si, c2) {
                if doc.entities.get(f.entity).is_some_and(|e| e.label == Label::Per) {
                    let description = Some(crate::entities::surface_of(&toks[c2 + 1..k - 1]));
                    return Some(Found { description, ..f });
                }
            }
        }
        if subject_after(doc, si, verb).is_some_and(|f| doc.entities.get(f.entity).is_some_and(|e| e.label == Label::Per)) {
            // ", says Ian J. Storey, a senior fellow": the speaker follows.
            return None;
        }
        if lower(&toks[verb]).ends_with("ing") {
            // "Iran has condemned ... attacks on Yemen, calling them": the sentence's subject.
            return sentence_subject(doc, si, k - 1);
        }
        if let Some(m) = doc.entities.mention_ending_at(si, k - 1) {
            if m.start > 0 && matches!(lower(&toks[m.start - 1]).as_str(), "in" | "at" | "from" | "near") {
                return noun_phrase_subject(doc, si, m.start - 1, floor);
            }
        }
        return found_at(doc, si, k - 1);
    }
    if matches!(l.as_str(), "and" | "–" | "—" | "by") {
        // "Zelensky arrived in Washington and said", "The White House followed up by saying".
        return sentence_subject(doc, si, k - 1);
    }
    if let Some(m) = doc.entities.mention_ending_at(si, k) {
        // "a spokesperson for the U.S. Embassy in Vietnam told": the place is a modifier.
        if m.start > floor + 1 && matches!(lower(&toks[m.start - 1]).as_str(), "in" | "at" | "from" | "near") {
            if let Some(f) = subject_before(doc, si, m.start - 1, floor) {
                return Some(f);
            }
        }
        // A list member ("by the US, Britain, ... South Korea said") is not the speaker.
        let prev = m.start.checked_sub(1).map(|i| lower(&toks[i]));
        let listed = match prev.as_deref() {
            Some("by" | "with") => true,
            // "the US, Britain, ..., South Korea said": names on both sides of commas.
            Some(",") => doc.entities.mention_ending_at(si, m.start - 1).is_some_and(|p| {
                p.start > 0 && matches!(toks[p.start - 1].text.as_str(), "," | "and")
            }),
            _ => false,
        };
        if listed {
            return None;
        }
        return found_at(doc, si, k);
    }
    noun_phrase_subject(doc, si, k, floor)
}

/// A subject written as a noun phrase: the name inside a phrase that speaks for it, or
/// a description of someone named before ("the Russian leader", "the aide").
fn noun_phrase_subject(doc: &Doc, si: usize, k: usize, floor: usize) -> Option<Found> {
    let toks = &doc.sentences[si].tokens;
    let mut j = k;
    let mut det = false;
    while j > floor && k - j < 8 {
        let t = &toks[j - 1];
        let l = lower(t);
        if matches!(l.as_str(), "the" | "a" | "an") {
            det = true;
            j -= 1;
            break;
        }
        let wordish = t.text.chars().any(char::is_alphanumeric) || matches!(l.as_str(), "'s" | "’s");
        if !wordish || doc.in_quote(si, j - 1).is_some() || lexicon::is_speech_verb(&l) {
            break;
        }
        j -= 1;
    }
    let start = if det { j + 1 } else { j };
    let at_boundary = det || start == 0 || matches!(toks[start - 1].text.as_str(), "," | ";" | ":");
    if !at_boundary || start >= k {
        return None;
    }
    let head = lower(&toks[k - 1]);
    if is_voice_head(&head) {
        let inner = doc
            .entities
            .in_sentence(si)
            .filter(|m| m.start >= start && m.end < k)
            .filter(|m| doc.entities.get(m.entity).is_some_and(|e| speaker_ok(e) || e.label == Label::Norp))
            .last();
        let Some(inner) = inner else {
            // "an embassy spokesperson": the body named before.
            let words: Vec<String> = toks[start..k].iter().map(lower).collect();
            let entity = doc.entities.resolve_nominal(&words, si)?;
            return Some(Found { entity, text: crate::entities::surface_of(&toks[start..k]), description: None, at: start, also: Vec::new() });
        };
        let e = doc.entities.get(inner.entity)?;
        let entity = if e.label == Label::Norp {
            // "Houthi rebels" → the Houthis; "Russian officials" → nobody named.
            let id = doc.entities.by_name(&e.name)?;
            if !doc.entities.get(id).is_some_and(speaker_ok) {
                return None;
            }
            id
        } else {
            inner.entity
        };
        if !doc.entities.get(entity).is_some_and(speaker_ok) {
            return None;
        }
        return Some(Found { entity, text: crate::entities::surface_of(&toks[inner.name_start..inner.end]), description: None, at: start, also: Vec::new() });
    }
    let words: Vec<String> = toks[start..k].iter().map(lower).collect();
    if matches!(head.as_str(), "leaders" | "presidents" | "sides") {
        return pair_before(doc, si, start);
    }
    let entity = doc.entities.resolve_nominal(&words, si)?;
    if !doc.entities.get(entity).is_some_and(speaker_ok) {
        return None;
    }
    Some(Found { entity, text: crate::entities::surface_of(&toks[start.saturating_sub(det as usize)..k]), description: None, at: start, also: Vec::new() })
}

/// "The leaders said": the last two people named together ("Putin and Xi") in this or
/// the six sentences before.
fn pair_before(doc: &Doc, si: usize, before: usize) -> Option<Found> {
    for s in (si.saturating_sub(6)..=si).rev() {
        let toks = &doc.sentences[s].tokens;
        let limit = if s == si { before } else { toks.len() };
        for m in doc.entities.in_sentence(s).filter(|m| m.end < limit && doc.in_quote(s, m.start).is_none()) {
            if toks.get(m.end).is_some_and(|t| lower(t) == "and") {
                if let Some(f) = found_at(doc, s, m.end) {
                    if !f.also.is_empty() {
                        let text = crate::entities::surface_of(&doc.sentences[si].tokens[before.saturating_sub(1)..before + 1]);
                        return Some(Found { text, at: before, ..f });
                    }
                }
            }
        }
    }
    None
}

/// The subject that opens the sentence, for a verb that shares it:
/// "X arrived ... and said", "X urged ... – warning that".
fn sentence_subject(doc: &Doc, si: usize, before: usize) -> Option<Found> {
    let toks = &doc.sentences[si].tokens;
    let opening: Vec<&crate::entities::Mention> = doc
        .entities
        .in_sentence(si)
        .filter(|m| m.start < before && m.start <= 4 && doc.in_quote(si, m.start).is_none())
        .filter(|m| !(0..m.start).any(|i| doc.in_quote(si, i).is_some() || toks[i].text == ","))
        .filter(|m| doc.entities.get(m.entity).is_some_and(speaker_ok))
        .collect();
    let m = opening
        .iter()
        .find(|m| doc.entities.get(m.entity).is_some_and(|e| e.label == Label::Per))
        .or(opening.first())?;
    if !followed_by_verb(toks, m.end) {
        return None;
    }
    found_at(doc, si, m.end)
}

/// The word after a name can be its verb: not a possessive, a preposition or a comma.
fn followed_by_verb(toks: &[Token], end: usize) -> bool {
    let Some(t) = toks.get(end) else { return false };
    let l = lower(t);
    t.text.chars().next().is_some_and(char::is_lowercase)
        && !matches!(
            l.as_str(),
            "of" | "and" | "or" | "in" | "on" | "at" | "to" | "for" | "with" | "from" | "by" | "the" | "a" | "an" | "that"
                | "which" | "who" | "as" | "'s" | "’s"
        )
}

/// The name that opens a clause before a quotation with no speech verb:
/// "Putin lauded the \"...\"", "Iran has condemned ..., calling them \"...\"".
pub(crate) fn clause_subject(doc: &Doc, si: usize, before: usize) -> Option<Found> {
    let toks = &doc.sentences[si].tokens;
    let m = doc
        .entities
        .in_sentence(si)
        .filter(|m| m.end <= before && doc.in_quote(si, m.start).is_none())
        .filter(|m| doc.entities.get(m.entity).is_some_and(speaker_ok))
        .filter(|m| followed_by_verb(toks, m.end))
        .filter(|m| m.start == 0 || !matches!(lower(&toks[m.start - 1]).as_str(), "of" | "in" | "to" | "with" | "from" | "by" | "for" | "on" | "at" | "'s" | "’s" | ","))
        .last()?;
    found_at(doc, si, m.end)
}

/// The speaker after an inverted verb: "says Ha", "said John Kirby, the spokesman",
/// "said Iranian foreign ministry spokesperson Nasser Kanaani in a statement".
pub(crate) fn subject_after(doc: &Doc, si: usize, verb: usize) -> Option<Found> {
    let toks = &doc.sentences[si].tokens;
    if lexicon::is_telling_verb(&lower(&toks[verb])) {
        return None;
    }
    let mut k = verb + 1;
    let limit = (verb + 8).min(toks.len());
    while k < limit {
        let l = lower(&toks[k]);
        if matches!(l.as_str(), "he" | "she") && k == verb + 1 {
            return pronoun(doc, si, k, &l);
        }
        if let Some(m) = doc.entities.mention_starting_at(si, k) {
            let e = doc.entities.get(m.entity)?;
            if e.label == Label::Norp || (e.label != Label::Per && doc.entities.in_sentence(si).any(|n| n.start >= m.end && n.start < limit && doc.entities.get(n.entity).is_some_and(|x| x.label == Label::Per))) {
                k = m.end;
                continue;
            }
            let after = toks.get(m.end).map(lower);
            let closes = after.as_deref().is_none_or(|a| matches!(a, "," | ":" | "." | "in" | "on" | "at" | "\"" | "“" | "”" | "(" | "—" | "–" | "'s" | "’s"));
            if !closes {
                return None;
            }
            return found_at(doc, si, m.end);
        }
        let cap = toks[k].text.chars().next().is_some_and(char::is_uppercase);
        let g = &crate::entities::gazetteer::ORG_WORDS;
        if matches!(l.as_str(), "the" | "a")
            || crate::entities::gazetteer::TITLES.contains(&l.as_str())
            || g.contains(&l.as_str())
            || lexicon::is_role(&l)
            || (cap && doc.entities.mention_at(si, k).is_none())
        {
            k += 1;
            continue;
        }
        return None;
    }
    None
}

/// The person a pronoun stands for: the first person named, outside quotation marks,
/// earlier in the sentence, else in the nearest earlier sentence that names one.
fn pronoun(doc: &Doc, si: usize, at: usize, pron: &str) -> Option<Found> {
    let fits = |e: &ResolvedEntity| e.label == Label::Per && (pron != "he" || e.female != Some(true));
    let text = doc.sentences[si].tokens[at].text.clone();
    // In each sentence: the person who speaks there, else the first not in a possessive.
    let pick = |s: usize, limit: usize| -> Option<usize> {
        let toks = &doc.sentences[s].tokens;
        let cands: Vec<&crate::entities::Mention> = doc
            .entities
            .in_sentence(s)
            .filter(|m| m.end <= limit && doc.in_quote(s, m.name_start).is_none())
            .filter(|m| doc.entities.get(m.entity).is_some_and(fits))
            .collect();
        let speaks = |m: &&crate::entities::Mention| {
            let next = toks.get(m.end).map(lower);
            next.as_deref().is_some_and(lexicon::is_speech_verb)
                || (next.as_deref() == Some(",")
                    && (m.end + 1..toks.len().min(m.end + 25)).any(|i| toks[i].text == "," && toks.get(i + 1).is_some_and(|t| lexicon::is_speech_verb(&lower(t)))))
        };
        let inverted = |m: &&crate::entities::Mention| {
            (m.start.saturating_sub(6)..m.start).rev().take_while(|&i| {
                let l = lower(&toks[i]);
                l == "the" || crate::entities::gazetteer::TITLES.contains(&l.as_str()) || crate::entities::gazetteer::ORG_WORDS.contains(&l.as_str()) || lexicon::is_role(&l) || lexicon::is_speech_verb(&l) || toks[i].text.chars().next().is_some_and(char::is_uppercase)
            }).any(|i| matches!(lower(&toks[i]).as_str(), "said" | "says" | "added" | "adds" | "stated" | "noted" | "explained" | "concluded" | "wrote" | "continued"))
                && toks.get(m.end).is_none_or(|t| matches!(t.text.as_str(), "," | "." | ":" | "in" | "on" | "at"))
        };
        let possessive = |m: &&crate::entities::Mention| toks.get(m.end).is_some_and(|t| matches!(t.text.as_str(), "'s" | "’s"));
        if let Some(m) = cands.iter().find(|m| inverted(m)) {
            return Some(m.entity);
        }
        cands.iter().find(|m| speaks(m)).or_else(|| cands.iter().find(|m| !possessive(m))).or(cands.first()).map(|m| m.entity)
    };
    // "Zelensky, who voiced gratitude for the F-16s, which he said": the relative's antecedent.
    let toks = &doc.sentences[si].tokens;
    let relative = (1..at).rev().find(|&i| lower(&toks[i]) == "who" && toks[i - 1].text == ",").and_then(|i| {
        doc.entities.mention_ending_at(si, i - 1).map(|m| m.entity).filter(|&e| doc.entities.get(e).is_some_and(fits))
    });
    let mut found = relative.or_else(|| pick(si, at));
    let mut s = si;
    while found.is_none() && s > 0 && si - s < 8 {
        s -= 1;
        // Headings and captions between paragraphs name people who do not speak here.
        let running = doc.sentences[s].tokens.iter().rev().find(|t| !is_quote_mark(t)).is_some_and(|t| matches!(t.text.as_str(), "." | "!" | "?" | ":"));
        if running {
            found = pick(s, usize::MAX);
        }
    }
    found.map(|entity| Found { entity, text, description: None, at, also: Vec::new() })
}

/// A speech verb with its speaker within tokens `from..to` of a sentence. The speaker
/// may follow the verb ("says Ha") only when the verb comes first.
fn attribution_in(doc: &Doc, si: usize, from: usize, to: usize, floor: usize) -> Option<Found> {
    let toks = &doc.sentences[si].tokens;
    for (j, tok) in toks.iter().enumerate().take(to).skip(from) {
        if doc.in_quote(si, j).is_some() || is_quote_mark(tok) {
            return None;
        }
        if lexicon::is_speech_verb(&lower(tok)) {
            if let Some(f) = quoting(doc, si, j) {
                return Some(f);
            }
            let before = subject_before(doc, si, j, floor);
            return if j == from { before.or_else(|| subject_after(doc, si, j)) } else { before };
        }
    }
    None
}

/// "Xinhua reported quoting Xi": the one quoted speaks.
fn quoting(doc: &Doc, si: usize, verb: usize) -> Option<Found> {
    let toks = &doc.sentences[si].tokens;
    let next = toks.get(verb + 1).map(lower)?;
    if !matches!(next.as_str(), "quoting" | "citing") {
        return None;
    }
    let m = doc.entities.mention_starting_at(si, verb + 2)?;
    found_at(doc, si, m.end)
}

/// The speaker of quoted segment `g`, from its own sentence or a neighbouring one.
pub(crate) fn of_segment(doc: &Doc, g: usize) -> Option<Found> {
    let seg = &doc.segments[g];
    let (so, to) = doc.token_at(seg.open)?;
    let close = if seg.unclosed { None } else { doc.token_at(seg.close) };
    // After the quote: `"...," Kirby told reporters`, `"...," says Ha`.
    if let Some((sc, tc)) = close {
        let before_close = doc.chars[..seg.close].iter().rev().find(|c| !c.is_whitespace()).copied();
        let toks = &doc.sentences[sc].tokens;
        let next_lower = toks.get(tc + 1).is_some_and(|t| t.text.chars().next().is_some_and(char::is_lowercase));
        let hands_over = matches!(before_close, Some(',' | '?' | '!' | '—' | '–' | '-')) || next_lower || toks.get(tc + 1).is_some_and(|t| t.text == ",");
        if hands_over {
            let mut from = tc + 1;
            while from < toks.len() && toks[from].text == "," {
                from += 1;
            }
            if let Some(f) = attribution_in(doc, sc, from, from + 14, tc + 1) {
                // `he pledged ... "...," The Associated Press reported`: the outlet reports
                // what the speaker before the quote said.
                let media = doc.entities.get(f.entity).and_then(|e| e.actor.as_deref()).is_some_and(|a| a.ends_with("MED"));
                if media {
                    if let Some(b) = before_quote(doc, seg, so, to) {
                        return Some(b);
                    }
                }
                return Some(f);
            }
        }
    }
    if let Some(f) = before_quote(doc, seg, so, to) {
        return Some(f);
    }
    previous_or_next(doc, seg, so, to, close)
}

/// A speech verb before the quote in its sentence, or the clause's subject.
fn before_quote(doc: &Doc, seg: &super::Segment, so: usize, to: usize) -> Option<Found> {
    // Before it, in the same sentence: `Campbell stated: "..."`, `Putin said the ties were "..."`.
    let toks = &doc.sentences[so].tokens;
    let mut j = to;
    let mut distance = 0;
    while j > 0 {
        j -= 1;
        if doc.in_quote(so, j).is_some() {
            continue;
        }
        distance += 1;
        if lexicon::is_speech_verb(&lower(&toks[j])) && distance <= 30 {
            if let Some(f) = quoting(doc, so, j).or_else(|| subject_before(doc, so, j, 0)).or_else(|| subject_after(doc, so, j)) {
                return Some(f);
            }
        }
    }
    if to > 0 && seg.words >= super::MIN_DIRECT_WORDS {
        if let Some(f) = clause_subject(doc, so, to) {
            return Some(f);
        }
    }
    None
}

/// The sentence before the quote when the quote opens its sentence, or the one after it
/// when that is only an attribution.
fn previous_or_next(doc: &Doc, seg: &super::Segment, so: usize, to: usize, close: Option<(usize, usize)>) -> Option<Found> {
    // The sentence before, when the quote opens its sentence: `Biden agreed. "You're ..."`.
    if to == 0 && so > 0 && doc.paragraph(doc.sentences[so - 1].end) == doc.paragraph(seg.open) {
        let prev = &doc.sentences[so - 1].tokens;
        let ends_colon = prev.last().is_some_and(|t| t.text == ":");
        let unquoted = (0..prev.len()).all(|k| doc.in_quote(so - 1, k).is_none());
        if unquoted && (prev.len() <= 10 || ends_colon) {
            let from = if ends_colon { prev.len().saturating_sub(12) } else { 0 };
            if let Some(f) = attribution_in(doc, so - 1, from, prev.len(), 0) {
                return Some(f);
            }
        }
    }
    // The sentence after, when it is only an attribution: `"..." \n He said.`
    if let Some((sc, tc)) = close {
        let toks = &doc.sentences[sc].tokens;
        if tc + 1 >= toks.len() && sc + 1 < doc.sentences.len() {
            let next = &doc.sentences[sc + 1].tokens;
            if next.len() <= 6 && doc.paragraph(doc.sentences[sc + 1].start) == doc.paragraph(seg.close) {
                return attribution_in(doc, sc + 1, 0, next.len(), 0);
            }
        }
    }
    None
}

/// Segment `g` has no attribution of its own and carries on what `prev` said: it runs
/// on across a paragraph break, or follows in the same paragraph.
pub(crate) fn continues(doc: &Doc, prev: usize, g: usize) -> bool {
    let (a, b) = (&doc.segments[prev], &doc.segments[g]);
    if b.continues {
        return true;
    }
    if a.words < super::MIN_DIRECT_WORDS {
        return false;
    }
    if doc.paragraph(a.open) == doc.paragraph(b.open) {
        // Only unattributed quoted sentences in between.
        return true;
    }
    // A quote paragraph after the previous quote was left open, with lines of page
    // residue in between; or right after a paragraph that ended on a quote.
    if !opens_paragraph(doc, b.open) {
        return false;
    }
    // `b` fills its paragraph, and `a` is in the paragraph just before.
    let between = doc.text(a.close + 1, b.open);
    let previous_paragraph = between.split_once('\n').is_some_and(|(_, rest)| rest.trim().is_empty());
    let rest_of_line: String = doc.chars[(b.close + 1).min(doc.chars.len())..].iter().take_while(|c| **c != '\n').collect();
    let fills = !b.unclosed && rest_of_line.trim().chars().all(|c| !c.is_alphanumeric());
    let adjacent = previous_paragraph && fills;
    (a.unclosed && b.open.saturating_sub(a.close) < 400) || adjacent
}

fn opens_paragraph(doc: &Doc, at: usize) -> bool {
    doc.chars[..at].iter().rev().take_while(|c| **c != '\n').all(|c| c.is_whitespace())
}

/// Segment `g` resumes segment `p` after an attribution inside one sentence:
/// `"...," he said, "and ..."`.
pub(crate) fn resumes(doc: &Doc, p: usize, g: usize) -> bool {
    let (a, b) = (&doc.segments[p], &doc.segments[g]);
    if a.unclosed || doc.paragraph(a.close) != doc.paragraph(b.open) {
        return false;
    }
    let gap = doc.text(a.close + 1, b.open);
    let gap = gap.trim();
    let first = doc.chars.get(b.start).copied().unwrap_or(' ');
    gap.ends_with(',') && !gap.contains(['.', '!', '?', ';']) && gap.split_whitespace().count() <= 8 && first.is_lowercase()
}
