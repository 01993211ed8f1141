//! Event coding: every interaction between two political actors a document reports,
//! coded in CAMEO and PLOVER with its modality, attribution, date and place.
//!
//! For each token that heads a pattern of `verbs.tsv` (a verb, or an event noun such as
//! "visit" or "strikes"), the parse gives its source (subject, passive agent, possessor)
//! and target (the pattern's slot, else object or prepositional phrase), each resolved to
//! an actor ([`actors`]); [`crate::modality`] reads how sure the text is of it and
//! [`crate::dates`] when it happened. The same event told twice in a document is kept once.
pub mod actors;
mod arguments;
mod parse;
mod patterns;

use crate::dates::{self, EventDate, Tense, TimeExpr};
use crate::entities::DocumentEntities;
use crate::knowledge::{Knowledge, PatternPos};
use crate::modality;
use crate::record::{ActorRef, Attribution, Event, Location, Modality, Quote};
use actors::Context;
use chrono::NaiveDate;
use dyad_nlp::{AnnotatedSentence, Token};
use parse::{children, clause, has_rel, noun_phrase, surface, with_conjuncts};

/// What the coder reads of a document.
pub struct Input<'a> {
    pub text: &'a str,
    pub sentences: &'a [AnnotatedSentence],
    pub entities: &'a DocumentEntities,
    pub quotes: &'a [Quote],
    pub published: Option<NaiveDate>,
}

/// Codes the events of one document.
pub fn code(knowledge: &Knowledge, input: &Input<'_>) -> Vec<Event> {
    let reference = input.published.or_else(|| latest_date_in(input));
    let cx = Context { knowledge, entities: input.entities, date: reference.unwrap_or_else(today) };
    let mut events: Vec<Dated> = Vec::new();
    for (si, (sentence, text)) in input.sentences.iter().zip(sentence_texts(input)).enumerate() {
        for p in 0..sentence.tokens.len() {
            for event in code_predicate(&cx, input, si, sentence, &text, p, reference) {
                merge(&mut events, event);
            }
        }
    }
    events.into_iter().map(|d| d.event).collect()
}

/// An event and whether the text dated it (or it fell back to the reference date).
struct Dated {
    event: Event,
    explicit: bool,
}

/// Adds an event unless the document already told it: the same actors and CAMEO root
/// on a compatible date (the same, one more precise than the other, or one of them
/// undated in the text). A retelling with a date the first telling lacked lends it.
fn merge(events: &mut Vec<Dated>, new: Dated) {
    let same = |a: &Event, b: &Event| a.source.actor == b.source.actor && a.target.actor == b.target.actor && a.root == b.root;
    let compatible = |a: &Dated, b: &Dated| {
        let (x, y) = (a.event.date.as_deref().unwrap_or(""), b.event.date.as_deref().unwrap_or(""));
        !a.explicit || !b.explicit || x.starts_with(y) || y.starts_with(x)
    };
    match events.iter_mut().find(|d| same(&d.event, &new.event) && compatible(d, &new)) {
        Some(old) if !old.explicit && new.explicit => {
            old.event.date = new.event.date;
            old.explicit = true;
        }
        Some(_) => {}
        None => events.push(new),
    }
}

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// With no publication date, relative dates resolve against the latest full date the
/// text gives.
fn latest_date_in(input: &Input<'_>) -> Option<NaiveDate> {
    sentence_texts(input)
        .flat_map(|s| dates::find(&s, None, Tense::Past))
        .filter_map(|t| NaiveDate::from_ymd_opt(t.date.year, t.date.month?, t.date.day?))
        .max()
}

/// The text of each sentence, in order, found in one pass over the document (sentence
/// offsets count characters, not bytes; sentences come in order and do not overlap).
fn sentence_texts<'a>(input: &'a Input<'a>) -> impl Iterator<Item = String> + 'a {
    let text = input.text;
    let mut bytes = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).enumerate();
    let mut last = (0, 0);
    let mut byte_at = move |char_index: usize| {
        if char_index != last.0 {
            last = bytes.find(|&(c, _)| c == char_index).unwrap_or((char_index, text.len()));
        }
        last.1
    };
    input.sentences.iter().map(move |s| {
        let start = byte_at(s.start);
        let end = byte_at(s.end);
        text[start..end].to_string()
    })
}

#[allow(clippy::too_many_arguments)]
fn code_predicate(
    cx: &Context<'_>,
    input: &Input<'_>,
    si: usize,
    sentence: &AnnotatedSentence,
    text: &str,
    p: usize,
    reference: Option<NaiveDate>,
) -> Vec<Dated> {
    let tokens = &sentence.tokens;
    let Some(m) = patterns::best_match(cx.knowledge, tokens, p) else { return Vec::new() };
    let Some(info) = cx.knowledge.cameo(m.pattern.code.as_str()) else { return Vec::new() };
    let noun = m.pattern.pos == PatternPos::Noun;

    let (mut sources, mut targets) = if noun {
        let targets = match m.target {
            Some(t) => with_conjuncts(tokens, t),
            None => arguments::noun_targets(tokens, p),
        };
        (arguments::noun_sources(tokens, p), targets)
    } else if arguments::is_passive(tokens, p) {
        // The pattern's slot after the verb would take the agent: the act's target is
        // the passive subject instead.
        (arguments::verb_sources(tokens, p), arguments::passive_subjects(tokens, p))
    } else {
        let targets = match m.target {
            Some(t) => with_conjuncts(tokens, t),
            None if m.pattern.has_target() => Vec::new(),
            None => arguments::verb_targets(tokens, p),
        };
        (arguments::verb_sources(tokens, p), targets)
    };
    let root = info.code.root_code().to_string();
    // Meetings, shared intentions and agreements between conjoined subjects are mutual.
    let mutual = matches!(root.as_str(), "03" | "04" | "05");
    if noun && sources.is_empty() {
        sources = arguments::between(tokens, p);
    }
    let sources = resolve_all(cx, si, tokens, &sources);
    let targets = resolve_all(cx, si, tokens, &std::mem::take(&mut targets));
    let mut pairs: Vec<(ActorRef, ActorRef)> = Vec::new();
    for s in &sources {
        for t in &targets {
            pairs.push((s.clone(), t.clone()));
        }
    }
    // "Putin and Kim held talks": a mutual act between the conjoined sources, both ways.
    if targets.is_empty() && mutual && sources.len() >= 2 {
        for s in &sources {
            for t in &sources {
                pairs.push((s.clone(), t.clone()));
            }
        }
    }
    pairs.retain(|(s, t)| s.name != t.name || s.actor != t.actor);
    if pairs.is_empty() && cx.knowledge.codes_one_sided() {
        pairs = actors::one_sided(&sources, &targets);
    }
    if pairs.is_empty() {
        return Vec::new();
    }

    // An event noun takes the modality of the verb it hangs on ("plans a visit").
    let modal_head = if noun && (has_rel(&tokens[p], "obj") || has_rel(&tokens[p], "nsubj")) { tokens[p].head.unwrap_or(p) } else { p };
    let reading = modality::read(tokens, modal_head);
    let (modality, attribution) = attribute(cx, input, si, sentence, reading);
    // A stated intention to act is CAMEO's intent (03) or threat (13) class.
    let info = patterns::as_intent(cx.knowledge, info, modality);
    let root = info.code.root_code().to_string();
    let tense = if matches!(modality, Modality::Planned | Modality::Possible) { Tense::Future } else { Tense::Past };
    let (date, explicit) = match event_date(tokens, text, sentence.start, modal_head, reference, tense) {
        Some(d) => (Some(d), true),
        None => (reference.map(EventDate::day), false),
    };
    let location = location(cx, tokens, p);
    let sentence_text = text.trim_end().to_string();

    pairs
        .into_iter()
        .map(|(source, target)| Dated {
            explicit,
            event: Event {
            source,
            target,
            cameo: info.code.as_str().to_string(),
            root: root.clone(),
            quad_class: info.quad_class.number(),
            goldstein: info.goldstein as f32,
            plover: info.plover.map(|p| p.as_str().to_string()).unwrap_or_default(),
            modality,
            attribution: attribution.clone(),
            date: date.map(|d| d.to_string()),
            location: location.clone(),
            sentence: sentence_text.clone(),
            span: [sentence.start, sentence.end],
            },
        })
        .collect()
}

fn resolve_all(cx: &Context<'_>, si: usize, tokens: &[Token], heads: &[usize]) -> Vec<ActorRef> {
    heads
        .iter()
        .flat_map(|&h| actors::pair(cx, si, tokens, h).unwrap_or_else(|| actors::resolve(cx, si, tokens, h).into_iter().collect()))
        .collect()
}

/// The modality with whose word it rests on. An event stated inside someone's quote is
/// their claim.
fn attribute(
    cx: &Context<'_>,
    input: &Input<'_>,
    si: usize,
    sentence: &AnnotatedSentence,
    reading: modality::Reading,
) -> (Modality, Option<Attribution>) {
    let tokens = &sentence.tokens;
    match reading.modality {
        Modality::Claimed | Modality::Denied => {
            let attribution = reading.source.map(|s| {
                let (start, end) = noun_phrase(tokens, s);
                let text = surface(tokens, start, end);
                let name = cx.entities.entity_of(si, start, end).and_then(|id| cx.entities.get(id)).map(|e| e.name.clone());
                Attribution { name: name.or_else(|| Some(text.clone())), text }
            });
            (reading.modality, attribution)
        }
        Modality::Asserted => {
            let quoted = input.quotes.iter().find(|q| q.span[0] <= sentence.start && sentence.end <= q.span[1] + 1);
            match quoted {
                Some(q) => (
                    Modality::Claimed,
                    Some(Attribution { text: q.speaker.text.clone(), name: q.speaker.name.clone() }),
                ),
                None => (Modality::Asserted, None),
            }
        }
        other => (other, None),
    }
}

/// The date the text gives the event: a time expression in the predicate's own clause,
/// else in the clause it depends on ("announced on Oct. 13 that ... had delivered").
fn event_date(
    tokens: &[Token],
    text: &str,
    offset: usize,
    predicate: usize,
    reference: Option<NaiveDate>,
    tense: Tense,
) -> Option<EventDate> {
    let found: Vec<TimeExpr> = dates::find(text, reference, tense);
    let mut current = predicate;
    for _ in 0..2 {
        let own = clause(tokens, current);
        if let Some(t) = found.iter().find(|t| own.iter().any(|&i| tokens[i].start < t.end + offset && t.start + offset < tokens[i].end)) {
            return Some(t.date);
        }
        match tokens[current].head {
            Some(h) if ["ccomp", "xcomp", "advcl", "conj"].iter().any(|r| has_rel(&tokens[current], r)) => current = h,
            _ => break,
        }
    }
    None
}

/// Where the event happened: a place in an "in"/"at" phrase of the predicate, or the
/// place the pattern's target names ("arrived in Pyongyang").
fn location(cx: &Context<'_>, tokens: &[Token], p: usize) -> Option<Location> {
    for c in children(tokens, p) {
        let case = parse::case_of(tokens, c);
        if !matches!(case.as_deref(), Some("in" | "at" | "to")) {
            continue;
        }
        let (start, end) = noun_phrase(tokens, c);
        let name = surface(tokens, start, end);
        let name = name.trim_start_matches("the ").to_string();
        if let Some(city) = cx.knowledge.city(&name) {
            return Some(Location {
                name: city.name.clone(),
                country: city.country.map(|c| c.as_str().to_string()),
                lat: Some(city.position.lat),
                lon: Some(city.position.lon),
            });
        }
        if let Some(country) = cx.knowledge.country_by_name(&name) {
            return Some(Location {
                name: country.name.clone(),
                country: Some(country.code.as_str().to_string()),
                lat: country.position.map(|p| p.lat),
                lon: country.position.map(|p| p.lon),
            });
        }
    }
    None
}
