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
mod denials;
mod intent;
mod parse;
mod patterns;

use crate::dates::{self, EventDate, Tense, TimeExpr};
use crate::entities::DocumentEntities;
use crate::knowledge::{CameoInfo, Knowledge, PatternPos};
use crate::modality;
use crate::record::{ActorRef, Attribution, Event, Location, Modality, Quote, QuoteKind};
use actors::Context;
use chrono::{Datelike, NaiveDate, Weekday};
use dyad_nlp::{AnnotatedSentence, Token};
use parse::{case_of, children, clause, has_rel, is_nominal, lemma, noun_phrase, surface, with_conjuncts};

/// What the coder reads of a document.
pub struct Input<'a> {
    pub text: &'a str,
    pub sentences: &'a [AnnotatedSentence],
    pub entities: &'a DocumentEntities,
    pub quotes: &'a [Quote],
    pub published: Option<NaiveDate>,
    /// For a document with no publication date: the caller's best estimate of when it
    /// was written (the publication date of other reports of the same story).
    pub anchor: Option<NaiveDate>,
}

/// Codes the events of one document.
pub fn code(knowledge: &Knowledge, input: &Input<'_>) -> Vec<Event> {
    let texts: Vec<String> = sentence_texts(input).collect();
    let reference = reference_date(input, &texts);
    let cx = Context { knowledge, entities: input.entities, date: reference.unwrap_or_else(today) };
    let mut events: Vec<Dated> = Vec::new();
    let mut together: Vec<ActorRef> = Vec::new();
    for (si, (sentence, text)) in input.sentences.iter().zip(&texts).enumerate() {
        let mut group = None;
        for p in 0..sentence.tokens.len() {
            let told = Told { together: &together, events: &events };
            let found = code_predicate(&cx, input, si, sentence, text, p, reference, &told);
            let named = distinct_sources(&found);
            if named.len() >= 2 {
                group = Some(named);
            }
            for event in found {
                merge(&mut events, event);
            }
        }
        if let Some(group) = group {
            together = group;
        }
        let lookback_start = input.sentences[si.saturating_sub(denials::LOOKBACK)].start;
        for event in denials::code(&cx, si, sentence, text, lookback_start, &events) {
            merge(&mut events, event);
        }
    }
    // An undated report's news day is read against the day it was taken to be written.
    if let Some(written) = input.published.or(reference) {
        date_by_news_day(&texts, &mut events, written);
    }
    events.into_iter().map(|d| d.event).collect()
}

/// Events the text does not date happened on the report's news day: the latest day,
/// within three days before publication, that the report names outside sentences that
/// look ahead ("Iran condemned the strikes", in a Saturday report of what happened "on
/// Friday"). With no such day, the publication day itself.
fn date_by_news_day(texts: &[String], events: &mut [Dated], published: NaiveDate) {
    let published_day = EventDate::day(published).to_string();
    let news_day = named_days(texts, Some(published))
        .map(|(day, _)| day)
        .filter(|&day| day <= published && published - day <= chrono::Duration::days(3))
        .max();
    let Some(news_day) = news_day else { return };
    for d in events.iter_mut().filter(|d| !d.explicit && d.event.date.as_deref() == Some(published_day.as_str())) {
        d.event.date = Some(EventDate::day(news_day).to_string());
    }
}

/// What the document has told before the predicate being coded.
pub(super) struct Told<'a> {
    /// The last actors a sentence named together ("Putin and Xi accused ..."), whom a
    /// following "They agreed ..." means.
    pub together: &'a [ActorRef],
    pub events: &'a [Dated],
}

/// An event and whether the text dated it (or it fell back to the reference date).
pub(super) struct Dated {
    event: Event,
    explicit: bool,
}

/// Adds an event unless the document already told it: the same actors, CAMEO code and
/// modality (an act done and the same act planned are two events, as are a claim and its
/// denial) on a compatible date (the same, one more precise than the other, or one of
/// them undated in the text). A retelling with a date the first telling lacked lends it.
fn merge(events: &mut Vec<Dated>, new: Dated) {
    let same = |a: &Event, b: &Event| {
        a.source.actor == b.source.actor
            && a.target.actor == b.target.actor
            && a.cameo == b.cameo
            && (a.modality == b.modality || [a.modality, b.modality].contains(&Modality::Possible))
            && (a.span == b.span || !is_verbal_root(&a.root) || same_subject(&a.sentence, &b.sentence))
    };
    // An undated telling is the same act as a dated one near the news day; a dated act
    // months or years before ("Putin visited Beijing in October 2023") is another one.
    let near = |undated: &Dated, dated: &Dated| match (day_of(&undated.event), dated.event.date.as_deref()) {
        (Some(news_day), Some(date)) => match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
            Ok(day) => (day - news_day).num_days().abs() <= 7,
            Err(_) => news_day.to_string().starts_with(date),
        },
        _ => true,
    };
    let compatible = |a: &Dated, b: &Dated| {
        let (x, y) = (a.event.date.as_deref().unwrap_or(""), b.event.date.as_deref().unwrap_or(""));
        match (a.explicit, b.explicit) {
            (true, true) => x.starts_with(y) || y.starts_with(x),
            (false, true) => near(a, b),
            (true, false) => near(b, a),
            (false, false) => true,
        }
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

/// Roots of things said (statements, appeals, intent, demands, criticism, rejection,
/// threats): one side may say several of them to another in one report.
fn is_verbal_root(root: &str) -> bool {
    matches!(root, "01" | "02" | "03" | "05" | "10" | "11" | "12" | "13")
}

/// Whether two sentences telling a verbal act speak of the same thing: most content
/// words of the shorter are in the other. "Putin and Xi accused the U.S. of planning to
/// station missiles" and "They accused the U.S. of seeking to violate the nuclear
/// balance" are two accusations; a headline and the lead telling one condemnation share
/// their words.
fn same_subject(a: &str, b: &str) -> bool {
    fn content(s: &str) -> std::collections::HashSet<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() > 3).map(str::to_lowercase).collect()
    }
    let (a, b) = (content(a), content(b));
    let shared = a.intersection(&b).count();
    let shorter = a.len().min(b.len()).max(1);
    shared * 2 >= shorter
}

/// An event's date as a day, where it is one.
fn day_of(event: &Event) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(event.date.as_deref()?, "%Y-%m-%d").ok()
}

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// The date relative references ("on Thursday") resolve against: the publication date,
/// else the latest day the text itself names or the caller's anchor, whichever is
/// later. Days the text names without a year ("June 20") take the anchor's year, else
/// the latest year the text mentions.
fn reference_date(input: &Input<'_>, texts: &[String]) -> Option<NaiveDate> {
    if input.published.is_some() {
        return input.published;
    }
    let year_hint = input.anchor.or_else(|| {
        let latest_year = texts.iter().flat_map(|s| dates::find(s, None, Tense::Past)).map(|t| t.date.year).max()?;
        NaiveDate::from_ymd_opt(latest_year, 12, 31)
    });
    // Only days written out with their number: with a guessed reference, "Thursday" or
    // "today" would resolve to the guess itself.
    let named_day = named_days(texts, year_hint).filter(|&(_, numbered)| numbered).map(|(day, _)| day).max();
    let reference = match (named_day, input.anchor) {
        (Some(day), Some(anchor)) => Some(day.max(anchor)),
        (day, anchor) => day.or(anchor),
    }?;
    Some(written_before(texts, reference).unwrap_or(reference))
}

/// The day an undated report was written, where it looks ahead to days already behind
/// its guessed reference: a report saying "the Kremlin announced on Monday that Putin
/// will travel on Tuesday", read against the Thursday of its story's first dated report,
/// was written on that Monday. Its day is the latest weekday it names as past, provided
/// every weekday it looks ahead to comes after that day and no later than the guess.
fn written_before(texts: &[String], guess: NaiveDate) -> Option<NaiveDate> {
    let mut latest_past: Option<NaiveDate> = None;
    let mut ahead: Vec<Weekday> = Vec::new();
    for text in texts {
        let cue = future_cue_at(text);
        let chars: Vec<char> = text.chars().collect();
        for t in dates::find(text, Some(guess), Tense::Past) {
            let Some(weekday) = weekday_named(&chars[t.start..t.end]) else { continue };
            match cue {
                Some(cue) if t.start > cue => ahead.push(weekday),
                _ => {
                    let day = NaiveDate::from_ymd_opt(t.date.year, t.date.month?, t.date.day?)?;
                    latest_past = latest_past.max(Some(day));
                }
            }
        }
    }
    let written = latest_past.filter(|&day| day < guess)?;
    let comes_after = |weekday: Weekday| {
        let days = (7 + weekday.num_days_from_monday() - written.weekday().num_days_from_monday()) % 7;
        written + chrono::Duration::days(if days == 0 { 7 } else { days.into() })
    };
    (!ahead.is_empty() && ahead.iter().all(|&w| comes_after(w) <= guess)).then_some(written)
}

/// The weekday a time expression names ("on Monday"), if it names one.
fn weekday_named(expr: &[char]) -> Option<Weekday> {
    let words: String = expr.iter().collect();
    words.split(|c: char| !c.is_alphabetic()).find_map(dates::weekday)
}

/// The days the text names to the day, outside sentences that look ahead, resolved
/// against `reference`, each with whether it is written with its number ("June 20")
/// rather than as a weekday or "yesterday". Days a direct quote names without a number
/// ("this morning") are the speaker's, not the report's, and are left out.
fn named_days(texts: &[String], reference: Option<NaiveDate>) -> impl Iterator<Item = (NaiveDate, bool)> + '_ {
    texts.iter().filter(|s| !speaks_of_the_future(s)).flat_map(move |s| {
        let chars: Vec<char> = s.chars().collect();
        dates::find(s, reference, Tense::Past).into_iter().filter_map(move |t| {
            let day = NaiveDate::from_ymd_opt(t.date.year, t.date.month?, t.date.day?)?;
            let numbered = chars[t.start..t.end].iter().any(|c| c.is_ascii_digit());
            (numbered || !inside_quote(&chars, t.start)).then_some((day, numbered))
        })
    })
}

/// Whether the character at `at` lies inside quotation marks opened earlier in the
/// sentence.
fn inside_quote(chars: &[char], at: usize) -> bool {
    let before = &chars[..at];
    let count = |mark: char| before.iter().filter(|&&c| c == mark).count();
    count('\u{201c}') > count('\u{201d}') || count('"') % 2 == 1
}

/// Whether a sentence looks ahead ("is scheduled to visit ... on June 20"), so that the
/// days it names may be later than the day it was written.
fn speaks_of_the_future(sentence: &str) -> bool {
    future_cue_at(sentence).is_some()
}

/// The character offset of the first word of `sentence` that looks ahead.
fn future_cue_at(sentence: &str) -> Option<usize> {
    const CUES: [&str; 11] =
        ["will", "would", "shall", "scheduled", "expected", "plans", "planned", "upcoming", "next", "due", "later"];
    let mut at = 0;
    for word in sentence.split(|c: char| !c.is_alphanumeric()) {
        if CUES.iter().any(|cue| word.eq_ignore_ascii_case(cue)) {
            return Some(at);
        }
        at += word.chars().count() + 1;
    }
    None
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
    told: &Told<'_>,
) -> Vec<Dated> {
    let tokens = &sentence.tokens;
    let Some(m) = patterns::best_match(cx.knowledge, tokens, p) else { return Vec::new() };
    let Some(act) = cx.knowledge.cameo(m.pattern.code.as_str()) else { return Vec::new() };
    let noun = m.pattern.pos == PatternPos::Noun;
    // "ready to work with Russia": the expression of intent is the event.
    let intent = intent::intent_head(tokens, p).and_then(|h| Some((h, intent::intent_code(cx.knowledge, act)?)));
    let info = intent.map_or(act, |(_, code)| code);

    let (sources, mut targets) = if noun {
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
            // "warned that UK-US strikes will not go unpunished": what a criticism,
            // rejection or threat is about, when it comes as a clause.
            None if matches!(info.code.root(), 11..=13) => arguments::complement_subjects(tokens, p),
            None if m.pattern.has_target() => Vec::new(),
            // "Biden said ...": a statement is an interaction only with an addressee its
            // pattern names ("comment on _", "said to _").
            None if info.code.root() == 1 => Vec::new(),
            None => arguments::verb_targets(tokens, p),
        };
        (arguments::verb_sources(tokens, p), targets)
    };
    let root = info.code.root_code().to_string();
    // Meetings, shared intentions and agreements between conjoined subjects are mutual.
    // Done with each other: consultations, cooperation, and acts called joint ("in a
    // joint patrol", "a joint declaration").
    let called_joint = noun && parse::called_joint(tokens, p);
    let hostile = info.code.root() >= 14;
    let mutual = matches!(root.as_str(), "03" | "04" | "05") || (called_joint && !hostile);
    let mut sources_found = resolve_all(cx, si, tokens, &sources, told);
    if sources_found.is_empty() && sources.len() == 1 && names_a_group(tokens, sources[0]) {
        sources_found = told.together.to_vec();
    }
    // "talks between Putin and Xi": the sides of an act done between them.
    let mut sides = 0;
    if noun && sources_found.is_empty() {
        sources_found = resolve_all(cx, si, tokens, &arguments::between(tokens, p), told);
        sides = sources_found.len();
    }
    let sources = sources_found;
    // "the Israel-Hamas war", "US-China talks": one word naming the two sides. ("US-UK
    // strikes in Yemen" are done together, to Yemen.)
    if noun && (mutual || RECIPROCAL_HOSTILITIES.contains(&lemma(&tokens[p]).as_str())) {
        sides = sides.max(two_sides(cx, tokens, p).len());
    }
    // Between two sides, and for meetings and shared undertakings, a place after "in" is
    // where, not whom: "talks in Beijing", "the war in the Gaza Strip", "the Ukraine
    // peace summit in Switzerland".
    if (sides >= 2 || (noun && mutual)) && targets.iter().all(|&t| case_of(tokens, t).as_deref() == Some("in")) {
        targets.clear();
    }
    let mut targets = resolve_all(cx, si, tokens, &std::mem::take(&mut targets), told);
    // "warned of further measures if the rebels keep attacking ships": a threat with no
    // actor for a target is aimed at whoever its condition names.
    if targets.is_empty() && !noun && info.code.root() == 13 {
        targets = resolve_all(cx, si, tokens, &arguments::condition_subjects(tokens, p), told);
    }
    let location = location(cx, tokens, p);
    if targets.is_empty() && info.code.as_str() == "042" {
        targets.extend(destination_country(location.as_ref()));
    }
    let mut pairs: Vec<(ActorRef, ActorRef)> = Vec::new();
    for s in &sources {
        for t in &targets {
            pairs.push((s.clone(), t.clone()));
        }
    }
    // "Putin held talks with Xi", "Xi signed the treaty with Putin": done together, so
    // coded both ways.
    if is_joint(info.code.as_str(), &tokens[p], noun) {
        let reverse: Vec<_> = pairs.iter().map(|(s, t)| (t.clone(), s.clone())).collect();
        pairs.extend(reverse);
    }
    // "Putin and Kim held talks": a mutual act between the conjoined sources, both ways.
    if targets.is_empty() && (mutual || sides >= 2) && sources.len() >= 2 {
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
    let modal_head = intent.map_or(modal_head, |(h, _)| h);
    let mut reading = modality::read(tokens, modal_head);
    if reading.modality == Modality::Negated && modal_head != p && !negation_reaches_noun(tokens, p) {
        reading = modality::read(tokens, p);
    }
    let (modality, attribution, speaker_country) = attribute(cx, input, si, sentence, p, reading);
    let reporter_country = modality::reporter(tokens, modal_head).and_then(|s| actors::resolve(cx, si, tokens, s)).and_then(|a| a.country);
    // An act still to come is CAMEO's intent (03) or threat (13) class.
    let info = patterns::as_intent(cx.knowledge, info, modality);
    let tense = if matches!(modality, Modality::Planned | Modality::Possible) { Tense::Future } else { Tense::Past };
    let (date, explicit) = match event_date(tokens, text, sentence.start, p, modal_head, reference, tense) {
        Some(d) => (Some(d), true),
        None => (reference.map(EventDate::day), false),
    };

    pairs
        .into_iter()
        .map(|(source, target)| {
            let event = event_between(source, target, info, text, sentence, date, location.clone());
            // A side telling of its own words ("Xi said China was ready to work with
            // Russia", "Cameron said the attacks were unacceptable") is that side's own
            // verbal act: asserted, as when it is told directly.
            let own_words = match modality {
                Modality::Claimed => {
                    is_verbal(info) && !told_as_past(tokens, p) && speaker_country.is_some() && speaker_country == event.source.country
                }
                // "Lam said the two countries will increase cooperation": Vietnam's
                // stated intent is Vietnam's act; Russia's part stays planned.
                Modality::Planned | Modality::Possible => {
                    info.code.root() == 3 && reporter_country.is_some() && reporter_country == event.source.country
                }
                _ => false,
            };
            let (modality, attribution) = if own_words { (Modality::Asserted, None) } else { (modality, attribution.clone()) };
            Dated { explicit, event: Event { modality, attribution, ..event } }
        })
        .collect()
}

/// Whether a predicate is told as done before the telling ("said it had requested a
/// meeting"): a report of an earlier act, not the act of saying.
fn told_as_past(tokens: &[Token], predicate: usize) -> bool {
    tokens[predicate].xpos == "VBD"
        || children(tokens, predicate).any(|c| tokens[c].deprel == "aux" && matches!(parse::lemma(&tokens[c]).as_str(), "have"))
}

/// Acts done by saying: statements, appeals, intentions, diplomatic support, demands,
/// criticism, rejection, threats.
fn is_verbal(info: &CameoInfo) -> bool {
    matches!(info.code.root(), 1 | 2 | 3 | 5 | 10 | 11 | 12 | 13)
}

/// An asserted event of the given code between two actors, told in `sentence`.
pub(super) fn event_between(
    source: ActorRef,
    target: ActorRef,
    info: &CameoInfo,
    text: &str,
    sentence: &AnnotatedSentence,
    date: Option<EventDate>,
    location: Option<Location>,
) -> Event {
    Event {
        source,
        target,
        cameo: info.code.as_str().to_string(),
        root: info.code.root_code().to_string(),
        quad_class: info.quad_class.number(),
        goldstein: info.goldstein as f32,
        plover: info.plover.map(|p| p.as_str().to_string()).unwrap_or_default(),
        modality: Modality::Asserted,
        attribution: None,
        date: date.map(|d| d.to_string()),
        location,
        sentence: text.trim_end().to_string(),
        span: [sentence.start, sentence.end],
    }
}

/// The distinct sources of one predicate's events, by actor code, in order.
fn distinct_sources(events: &[Dated]) -> Vec<ActorRef> {
    let mut out: Vec<ActorRef> = Vec::new();
    for d in events {
        if d.event.source.country.is_some() && !out.iter().any(|a| a.actor == d.event.source.actor) {
            out.push(d.event.source.clone());
        }
    }
    out
}

/// "They", "the leaders", "both sides": a subject that means several actors just named.
fn names_a_group(tokens: &[Token], head: usize) -> bool {
    const GROUPS: &[&str] = &["leaders", "sides", "countries", "nations", "men", "presidents", "governments", "states"];
    let word = tokens[head].text.to_lowercase();
    word == "they" || (GROUPS.contains(&word.as_str()) && children(tokens, head).any(|c| matches!(tokens[c].text.to_lowercase().as_str(), "the" | "both" | "two")))
}

/// Whether a negated verb negates the event noun hanging on it: its object ("did not
/// hold talks") or the subject of a verb of happening ("the visit did not take place");
/// not the subject of a judgement ("the agreements were not as substantial").
fn negation_reaches_noun(tokens: &[Token], noun: usize) -> bool {
    const HAPPENING: &[&str] = &["happen", "occur", "take", "begin", "start", "continue", "end", "come", "go", "proceed"];
    let Some(head) = tokens[noun].head else { return false };
    has_rel(&tokens[noun], "obj") || HAPPENING.contains(&parse::lemma(&tokens[head]).as_str())
}

/// Acts two sides do together rather than one to the other: meeting and holding talks,
/// negotiations, signed agreements, and whatever they agree on.
fn is_joint(cameo: &str, predicate: &Token, noun: bool) -> bool {
    // "A meeting of the Security Council" is called by one side for another.
    let meeting = cameo == "040" && !noun;
    meeting || matches!(cameo, "046" | "057") || predicate.lemma == "agree"
}

pub(super) fn resolve_all(cx: &Context<'_>, si: usize, tokens: &[Token], heads: &[usize], told: &Told<'_>) -> Vec<ActorRef> {
    let mut out: Vec<ActorRef> = Vec::new();
    for &h in heads {
        let found = resolve_one(cx, si, tokens, h, told);
        // "The U.S. and U.K. air forces": one actor for each coordinated modifier.
        let coordinated = found.first().filter(|a| a.country.is_some()).map_or_else(Vec::new, |first| {
            children(tokens, h)
                .filter(|&m| matches!(tokens[m].deprel.as_str(), "compound" | "amod"))
                .flat_map(|m| children(tokens, m).filter(|&c| tokens[c].deprel == "conj"))
                .filter_map(|other| same_role_in(cx, first, &tokens[other].text))
                .collect()
        });
        for actor in found.into_iter().chain(coordinated) {
            if !out.iter().any(|a| a.actor == actor.actor && a.name == actor.name) {
                out.push(actor);
            }
        }
    }
    out
}

/// The actor of `word`'s country in the role `like` plays: "U.K." after "U.S. air
/// forces" (USAMIL) is GBRMIL.
fn same_role_in(cx: &Context<'_>, like: &ActorRef, word: &str) -> Option<ActorRef> {
    let country = cx.knowledge.country_by_adjective(word).or_else(|| cx.knowledge.country_by_name(word))?.code.as_str().to_string();
    let own = like.country.as_deref()?;
    let sector = like.actor.as_deref().and_then(|a| a.strip_prefix(own)).unwrap_or("");
    Some(ActorRef { text: word.to_string(), actor: Some(format!("{country}{sector}")), country: Some(country), name: Some(word.to_string()) })
}

/// The actors one argument head stands for.
fn resolve_one(cx: &Context<'_>, si: usize, tokens: &[Token], h: usize, told: &Told<'_>) -> Vec<ActorRef> {
    // "The two countries also agreed": the parties of the last act done together, else
    // the last two states or leaders named.
    let pair = actors::pair(cx, si, tokens, h).map(|named| if told.together.len() >= 2 { told.together.to_vec() } else { named });
    pair.or_else(|| Some(actors_of_act(cx, si, tokens, h, told)).filter(|a| !a.is_empty()))
        .or_else(|| actors::resolve(cx, si, tokens, h).map(|a| vec![a]))
        // "Lebanon's powerful armed group Hezbollah": the name in apposition.
        .or_else(|| children(tokens, h).find(|&c| tokens[c].deprel == "appos").and_then(|a| actors::resolve(cx, si, tokens, a)).map(|a| vec![a]))
        .or_else(|| Some(hyphenated_actors(cx, &tokens[h])).filter(|a| !a.is_empty()))
        .or_else(|| belonging_to(tokens, h).and_then(|o| actors::resolve(cx, si, tokens, o)).map(|a| vec![a]))
        .unwrap_or_default()
}

/// Whose the things a noun names are, where the noun is no actor itself: "military
/// targets linked to Houthi rebels", "positions of the rebels".
fn belonging_to(tokens: &[Token], noun: usize) -> Option<usize> {
    if tokens[noun].upos != "NOUN" {
        return None;
    }
    let linked = children(tokens, noun)
        .filter(|&c| has_rel(&tokens[c], "acl") && tokens[c].xpos == "VBN")
        .find_map(|a| children(tokens, a).find(|&o| has_rel(&tokens[o], "obl") && matches!(case_of(tokens, o).as_deref(), Some("to" | "with"))));
    linked.or_else(|| children(tokens, noun).find(|&c| has_rel(&tokens[c], "nmod") && case_of(tokens, c).as_deref() == Some("of")))
}

/// Hostile acts that two sides do to each other, not one to another.
const RECIPROCAL_HOSTILITIES: &[&str] =
    &["war", "conflict", "clash", "fighting", "hostility", "battle", "standoff", "skirmish", "feud", "confrontation", "dispute"];

/// The actors of an event noun's hyphenated modifier ("Israel-Hamas war"), when it
/// names two or more.
fn two_sides(cx: &Context<'_>, tokens: &[Token], noun: usize) -> Vec<ActorRef> {
    children(tokens, noun)
        .filter(|&c| matches!(tokens[c].deprel.as_str(), "compound" | "amod"))
        .map(|c| hyphenated_actors(cx, &tokens[c]))
        .find(|found| found.len() >= 2)
        .unwrap_or_default()
}

/// "UK-US strikes", "Russian-Chinese negotiations": actors joined by a hyphen in one
/// word, each part a name or adjective the knowledge resolves.
fn hyphenated_actors(cx: &Context<'_>, token: &Token) -> Vec<ActorRef> {
    let parts: Vec<&str> = token.text.split('-').collect();
    if parts.len() < 2 {
        return Vec::new();
    }
    parts
        .into_iter()
        .filter_map(|part| {
            let found = cx.knowledge.resolve(part, cx.date)?;
            let country = found.country().map(|c| c.as_str().to_string());
            Some(ActorRef { text: part.to_string(), actor: Some(found.actor().as_str().to_string()), country, name: Some(part.to_string()) })
        })
        .collect()
}

/// An act standing where an actor should ("warned that UK-US strikes will not go
/// unpunished", "condemned the American and British strikes"): those who carry it out,
/// as its phrase names them or, for "the strikes" and "these attacks", as the document
/// last told such an act.
fn actors_of_act(cx: &Context<'_>, si: usize, tokens: &[Token], head: usize, told: &Told<'_>) -> Vec<ActorRef> {
    let Some(m) = patterns::best_match(cx.knowledge, tokens, head).filter(|m| m.pattern.pos == PatternPos::Noun) else {
        return Vec::new();
    };
    let mut out: Vec<ActorRef> =
        arguments::named_sources(tokens, head).into_iter().filter_map(|s| actors::resolve(cx, si, tokens, s)).collect();
    for modifier in children(tokens, head).filter(|&c| matches!(tokens[c].deprel.as_str(), "compound" | "amod")) {
        out.extend(hyphenated_actors(cx, &tokens[modifier]));
    }
    // "the strikes" points back; "the pact Putin signed with Kim" says whose it is.
    let pointing = children(tokens, head).any(|c| matches!(tokens[c].text.to_lowercase().as_str(), "the" | "these" | "those" | "such"))
        && !children(tokens, head).any(|c| tokens[c].deprel.starts_with("acl"));
    if out.is_empty() && pointing {
        // The last act of the same kind done by one side to another, not one two sides
        // did to each other ("the strikes" after "the Israel-Hamas war").
        let root = &m.pattern.code.as_str()[..2];
        if let Some(last) = told.events.iter().rev().find(|d| d.event.root == root && !is_reciprocated(d, told.events)) {
            // Everyone who carried out that act in the same telling ("the US and UK struck").
            for d in told.events.iter().filter(|d| d.event.span == last.event.span && d.event.root == root && d.event.target.actor == last.event.target.actor) {
                if !out.iter().any(|a| a.actor == d.event.source.actor) {
                    out.push(d.event.source.clone());
                }
            }
        }
    }
    out
}

/// Whether the same telling also has the act the other way round.
fn is_reciprocated(d: &Dated, events: &[Dated]) -> bool {
    events.iter().any(|o| {
        o.event.span == d.event.span
            && o.event.root == d.event.root
            && o.event.source.actor == d.event.target.actor
            && o.event.target.actor == d.event.source.actor
    })
}

/// The modality with whose word it rests on, and that speaker's country. An event whose
/// trigger stands inside someone's quote is their claim.
fn attribute(
    cx: &Context<'_>,
    input: &Input<'_>,
    si: usize,
    sentence: &AnnotatedSentence,
    trigger: usize,
    reading: modality::Reading,
) -> (Modality, Option<Attribution>, Option<String>) {
    let tokens = &sentence.tokens;
    match reading.modality {
        Modality::Claimed | Modality::Denied => {
            let attribution = reading.source.map(|s| {
                let (start, end) = noun_phrase(tokens, s);
                let text = surface(tokens, start, end);
                let name = cx.entities.entity_of(si, start, end).and_then(|id| cx.entities.get(id)).map(|e| e.name.clone());
                Attribution { name: name.or_else(|| Some(text.clone())), text }
            });
            let country = reading.source.and_then(|s| actors::resolve(cx, si, tokens, s)).and_then(|a| a.country);
            (reading.modality, attribution, country)
        }
        Modality::Asserted => {
            // The trigger inside the quoted words, not the "she said" around them.
            let trigger = &tokens[trigger];
            let quoted = input
                .quotes
                .iter()
                .find(|q| q.kind == QuoteKind::Direct && q.span[0] <= trigger.start && trigger.end <= q.span[1]);
            match quoted {
                Some(q) => {
                    let country = cx.entities.entities.iter().find(|e| Some(&e.name) == q.speaker.name.as_ref()).and_then(|e| e.country.clone());
                    let attribution = Attribution { text: q.speaker.text.clone(), name: q.speaker.name.clone() };
                    (Modality::Claimed, Some(attribution), country)
                }
                None => (Modality::Asserted, None, None),
            }
        }
        other => (other, None, None),
    }
}

/// The date the text gives the event: a time expression inside an event noun's own
/// phrase ("Kim's tour of the Far East in October 2023"), else in the predicate's own
/// clause, else in the clause it depends on ("announced on Oct. 13 that ... had
/// delivered").
#[allow(clippy::too_many_arguments)]
fn event_date(
    tokens: &[Token],
    text: &str,
    offset: usize,
    trigger: usize,
    predicate: usize,
    reference: Option<NaiveDate>,
    tense: Tense,
) -> Option<EventDate> {
    let found: Vec<TimeExpr> = dates::find(text, reference, tense);
    let overlaps = |t: &TimeExpr, i: usize| tokens[i].start < t.end + offset && t.start + offset < tokens[i].end;
    if trigger != predicate || is_nominal(&tokens[trigger]) {
        // The noun's phrase and the clauses that tell of it ("the talks, which ended on
        // Friday"; "Trade ... surged last year" where the parser hung the verb on it).
        let mut phrase = clause(tokens, trigger);
        let told_of: Vec<usize> = phrase.iter().flat_map(|&w| children(tokens, w)).filter(|&c| has_rel(&tokens[c], "acl")).collect();
        for c in told_of {
            phrase.extend(clause(tokens, c));
        }
        if let Some(t) = found.iter().find(|t| phrase.iter().any(|&i| overlaps(t, i))) {
            return Some(t.date);
        }
    }
    // An event noun deep in a phrase ("the first reports of a Ukrainian ground attack
    // came on Tuesday") is dated by the clause of the verb the phrase hangs on.
    let mut current = predicate;
    for _ in 0..3 {
        match tokens[current].head {
            Some(h) if is_nominal(&tokens[current]) && !parse::is_clausal(&tokens[current].deprel) => current = h,
            _ => break,
        }
    }
    for _ in 0..2 {
        // Of several in the clause, the one nearest the trigger ("The visit since 2000
        // follows Kim's tour in October 2023": the tour's is October 2023).
        let nearest_in = |scope: &[usize]| {
            found
                .iter()
                .filter_map(|t| scope.iter().filter(|&&i| overlaps(t, i)).map(|&i| (i.abs_diff(trigger), t)).min_by_key(|(d, _)| *d))
                .min_by_key(|(d, _)| *d)
                .map(|(_, t)| t.date)
        };
        if let Some(date) = nearest_in(&clause(tokens, current)).or_else(|| nearest_in(&attached_clauses(tokens, current))) {
            return Some(date);
        }
        match tokens[current].head {
            Some(h) if ["ccomp", "xcomp", "advcl", "conj"].iter().any(|r| has_rel(&tokens[current], r)) => current = h,
            _ => break,
        }
    }
    None
}

/// The clauses that share a predicate's time without being its own: a participle
/// hanging on it ("will make a visit, starting on Wednesday") and the verbs coordinated
/// after it ("will meet Kim and attend a concert, on Tuesday").
fn attached_clauses(tokens: &[Token], head: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let attached = |h: usize, stack: &mut Vec<usize>| {
        for c in children(tokens, h) {
            let t = &tokens[c];
            let participle = has_rel(t, "advcl")
                && matches!(t.xpos.as_str(), "VBG" | "VBN")
                && !children(tokens, c).any(|g| tokens[g].deprel.starts_with("nsubj"));
            let coordinated = t.deprel == "conj" && c > h && t.upos == "VERB";
            if participle || coordinated {
                stack.push(c);
            }
        }
    };
    attached(head, &mut stack);
    while let Some(h) = stack.pop() {
        out.extend(clause(tokens, h));
        attached(h, &mut stack);
    }
    out
}

/// Where the event happened: a place in an "in"/"at" phrase of the predicate, or the
/// place the pattern's target names ("arrived in Pyongyang").
fn location(cx: &Context<'_>, tokens: &[Token], p: usize) -> Option<Location> {
    let at = |c: usize| matches!(parse::case_of(tokens, c).as_deref(), Some("in" | "at" | "to"));
    // The predicate's own place phrases, then places within them ("to the Vostochny
    // Cosmodrome in the Russian Far East").
    let phrases: Vec<usize> = children(tokens, p).filter(|&c| at(c)).collect();
    let within = phrases.iter().flat_map(|&c| children(tokens, c).filter(|&n| tokens[n].deprel == "nmod" && at(n)));
    phrases.iter().copied().chain(within).find_map(|c| place_of(cx, tokens, c))
}

/// The city or country a place phrase names, by name or by a modifier ("the Russian Far
/// East", "Russia's Far East").
fn place_of(cx: &Context<'_>, tokens: &[Token], c: usize) -> Option<Location> {
    let (start, end) = noun_phrase(tokens, c);
    let name = surface(tokens, start, end);
    let name = name.trim_start_matches("the ");
    if let Some(city) = cx.knowledge.city(name) {
        return Some(Location {
            name: city.name.clone(),
            country: city.country.map(|c| c.as_str().to_string()),
            lat: Some(city.position.lat),
            lon: Some(city.position.lon),
        });
    }
    let modifier = || {
        (start..end).chain(children(tokens, c).filter(|&m| tokens[m].deprel == "nmod:poss")).find_map(|m| {
            let word = tokens[m].text.as_str();
            cx.knowledge.country_by_adjective(word).or_else(|| cx.knowledge.country_by_name(word))
        })
    };
    let country = cx.knowledge.country_by_name(name).or_else(modifier)?;
    Some(Location {
        name: country.name.clone(),
        country: Some(country.code.as_str().to_string()),
        lat: country.position.map(|p| p.lat),
        lon: country.position.map(|p| p.lon),
    })
}

/// A visit whose destination is no actor ("went to the Vostochny Cosmodrome in the
/// Russian Far East") is a visit to the country it took place in.
fn destination_country(location: Option<&Location>) -> Option<ActorRef> {
    let place = location?;
    let country = place.country.clone()?;
    Some(ActorRef { text: place.name.clone(), actor: Some(country.clone()), country: Some(country), name: Some(place.name.clone()) })
}
