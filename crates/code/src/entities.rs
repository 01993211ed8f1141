//! Document-level entities: every person, body, country and place an article names,
//! its mentions merged under one canonical name ("Putin" → "Vladimir Putin", "U.S." →
//! "United States", "Kim Jong-Un" = "Kim Jong Un"), with a CAMEO-style actor code where
//! one is known.
//!
//! Mentions come from the entity tagger's spans when it has run, from runs of
//! capitalised words otherwise ([`mentions`]); [`gazetteer`] indexes the countries,
//! demonyms, capitals and bodies of [`crate::knowledge`]. Other modules map a mention (sentence,
//! token range) back to its entity through [`DocumentEntities`].
pub mod gazetteer;
mod mentions;
mod names;

use crate::record;
use chrono::NaiveDate;
use dyad_nlp::{AnnotatedSentence, Token};
use gazetteer::Known;
use mentions::{lower, surface, RawMention};
use std::collections::HashMap;

/// Entity type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Label {
    Per,
    Org,
    Gpe,
    Loc,
    /// Nationality or group adjective ("Russian"): resolved to its country, never listed.
    Norp,
    /// A name of unknown type: kept for lookups, never listed.
    Misc,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Norp => "NORP",
            Label::Misc => "MISC",
        }
    }

    /// Listed in the document's `entities`.
    pub fn is_listed(self) -> bool {
        matches!(self, Label::Per | Label::Org | Label::Gpe | Label::Loc)
    }
}

/// One mention of an entity: tokens `[start, end)` of a sentence; `name_start` is where
/// the name proper begins after titles ("Prime Minister |Rishi Sunak").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub sentence: usize,
    pub start: usize,
    pub name_start: usize,
    pub end: usize,
    pub entity: usize,
}

/// A real-world thing named in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedEntity {
    pub name: String,
    pub label: Label,
    /// CAMEO-style actor code ("RUSGOV", "USA", "IGOWSTNAT").
    pub actor: Option<String>,
    /// ISO alpha-3 code of the country it belongs to.
    pub country: Option<String>,
    pub mentions: usize,
    /// Other ways the document writes it, titles included.
    pub aliases: Vec<String>,
    /// What the article says the person or body is: an appositive after the name
    /// ("director of the Center for Korea Studies ...") or the title before it.
    pub description: Option<String>,
    /// Grammatical gender where the name or a title gives it away.
    pub female: Option<bool>,
    /// A capital city, which stands for its government only by metonymy.
    pub capital: bool,
    /// Title words written before its name ("president", "aide", "kremlin").
    pub titles: Vec<String>,
}

/// The entities of one document and where each is mentioned.
#[derive(Debug, Clone, Default)]
pub struct DocumentEntities {
    pub entities: Vec<ResolvedEntity>,
    /// Sorted by (sentence, start).
    pub mentions: Vec<Mention>,
}

impl DocumentEntities {
    pub fn get(&self, id: usize) -> Option<&ResolvedEntity> {
        self.entities.get(id)
    }

    /// The mention covering token `token` of sentence `sentence`.
    pub fn mention_at(&self, sentence: usize, token: usize) -> Option<&Mention> {
        self.in_sentence(sentence).find(|m| m.start <= token && token < m.end)
    }

    /// The mention whose last token is `end - 1`.
    pub fn mention_ending_at(&self, sentence: usize, end: usize) -> Option<&Mention> {
        self.in_sentence(sentence).find(|m| m.end == end)
    }

    /// The mention that starts (with its titles or its name) at `start`.
    pub fn mention_starting_at(&self, sentence: usize, start: usize) -> Option<&Mention> {
        self.in_sentence(sentence).find(|m| m.start == start || m.name_start == start)
    }

    /// The entity of a token range (the mention overlapping it most).
    pub fn entity_of(&self, sentence: usize, start: usize, end: usize) -> Option<usize> {
        self.in_sentence(sentence)
            .filter(|m| m.start < end && start < m.end)
            .max_by_key(|m| m.end.min(end) - m.start.max(start))
            .map(|m| m.entity)
    }

    /// Mentions in one sentence, in order.
    pub fn in_sentence(&self, sentence: usize) -> impl Iterator<Item = &Mention> {
        let from = self.mentions.partition_point(|m| m.sentence < sentence);
        self.mentions[from..].iter().take_while(move |m| m.sentence == sentence)
    }

    /// The person or body a description refers to: "the Russian leader", "the aide",
    /// "the 81-year-old", "the alliance", "an embassy spokesperson" (lower-cased words
    /// without the determiner), as of sentence `sentence`: the most recently mentioned
    /// entity whose country and titles fit.
    pub fn resolve_nominal(&self, words: &[String], sentence: usize) -> Option<usize> {
        let head = words.last()?.as_str();
        let mut country = None;
        let mut i = 0;
        while i < words.len() {
            let two = words.get(i + 1).map(|w| format!("{} {w}", words[i]));
            let hit = two.as_deref().and_then(gazetteer::lookup).map(|k| (k, 2)).or_else(|| gazetteer::lookup(&words[i]).map(|k| (k, 1)));
            match hit {
                Some((Known::Country(c) | Known::Demonym(c), n)) => {
                    country = Some(c.iso3);
                    i += n;
                }
                _ => i += 1,
            }
        }
        let last_seen = |id: usize| self.mentions.iter().filter(|m| m.entity == id && m.sentence <= sentence).map(|m| (m.sentence, m.start)).max();
        let pick = |fits: &dyn Fn(&ResolvedEntity) -> bool| -> Option<usize> {
            (0..self.entities.len())
                .filter(|&id| fits(&self.entities[id]))
                .filter_map(|id| last_seen(id).map(|seen| (seen, self.entities[id].mentions, id)))
                .max()
                .map(|(_, _, id)| id)
        };
        if head == "alliance" {
            return pick(&|e| e.actor.as_deref().is_some_and(|a| a.contains("NAT")));
        }
        if matches!(head, "spokesperson" | "spokesman" | "spokeswoman" | "representative") && words.len() >= 2 {
            let body: Vec<&String> = words[..words.len() - 1].iter().filter(|w| gazetteer::lookup(w).is_none()).collect();
            if !body.is_empty() {
                return pick(&|e| {
                    e.label == Label::Org && body.iter().all(|w| names::parts(&e.name).iter().any(|p| p == *w))
                });
            }
        }
        const LEADER: &[&str] = &["leader", "president", "premier", "prime", "chairman", "secretary", "king", "chancellor", "emir"];
        let person_head = head.ends_with("-year-old")
            || LEADER.contains(&head)
            || matches!(head, "minister" | "aide" | "commander" | "general" | "chief" | "ambassador" | "envoy" | "spokesman" | "spokeswoman" | "spokesperson" | "diplomat" | "politician" | "adviser" | "advisor" | "official");
        if !person_head {
            return None;
        }
        pick(&|e| {
            e.label == Label::Per
                && country.is_none_or(|c| e.country.as_deref() == Some(c))
                && (head.ends_with("-year-old")
                    || e.titles.iter().any(|t| t == head)
                    || (head == "leader" && e.titles.iter().any(|t| LEADER.contains(&t.as_str()))))
        })
    }

    /// The entity with this canonical name (case-insensitive).
    pub fn by_name(&self, name: &str) -> Option<usize> {
        let hit = |e: &ResolvedEntity| e.name.eq_ignore_ascii_case(name);
        self.entities.iter().position(|e| hit(e) && e.label != Label::Norp).or_else(|| self.entities.iter().position(hit))
    }

    /// The output-contract list: persons, bodies, countries and places, most mentioned first.
    pub fn records(&self) -> Vec<record::Entity> {
        let mut listed: Vec<&ResolvedEntity> = self.entities.iter().filter(|e| e.label.is_listed()).collect();
        listed.sort_by_key(|e| std::cmp::Reverse(e.mentions));
        let mut out: Vec<record::Entity> = Vec::with_capacity(listed.len());
        for e in listed {
            // Mentions that resolved apart but to the same canonical name ("Biden" and
            // "U.S. President Joe Biden") are one entity in the record.
            let label = e.label.as_str();
            if let Some(same) = out.iter_mut().find(|r| r.name == e.name && r.label == label) {
                same.mentions += e.mentions;
                for alias in &e.aliases {
                    if !same.aliases.contains(alias) {
                        same.aliases.push(alias.clone());
                    }
                }
                same.actor = same.actor.take().or_else(|| e.actor.clone());
                continue;
            }
            out.push(record::Entity {
                name: e.name.clone(),
                label: label.to_string(),
                actor: e.actor.clone(),
                mentions: e.mentions,
                aliases: e.aliases.clone(),
            });
        }
        out
    }
}

/// What identifies an entity across its mentions.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Known(&'static str),
    Demonym(&'static str),
    Name(Vec<String>),
}

struct Cluster {
    key: Key,
    parts: Vec<String>,
    members: Vec<usize>,
    labels: Vec<Label>,
    known: Option<Known>,
}

/// Resolves the names of one document into entities. `published` dates who held
/// which office; `outlet` (a name or domain) is dropped where the page names itself.
pub fn resolve(sentences: &[AnnotatedSentence], text: &str, published: Option<NaiveDate>, outlet: Option<&str>) -> DocumentEntities {
    let raw = mentions::find(sentences, text);
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut of_raw: Vec<Option<usize>> = vec![None; raw.len()];
    let mut index: HashMap<Key, usize> = HashMap::new();

    // Known names and full names first, longest first, so that short forms find them.
    let mut order: Vec<usize> = (0..raw.len()).collect();
    let name_parts: Vec<Vec<String>> = raw.iter().map(|m| display_parts(m, sentences)).collect();
    order.sort_by_key(|&i| (raw[i].known.is_none(), std::cmp::Reverse(name_parts[i].len()), raw[i].sentence, raw[i].start));
    for &i in &order {
        let m = &raw[i];
        let parts = &name_parts[i];
        if parts.is_empty() {
            continue;
        }
        let key = match m.known {
            Some(Known::Country(c)) => Key::Known(c.name),
            Some(Known::Demonym(c)) => Key::Demonym(c.name),
            Some(Known::Capital(_, cap)) => Key::Known(cap),
            Some(Known::Body(b)) => Key::Known(b.name),
            None => Key::Name(parts.clone()),
        };
        let found = index.get(&key).copied().or_else(|| {
            if m.known.is_some() {
                return None;
            }
            match_cluster(&clusters, parts, m.label, is_acronym(m, sentences), after_place_word(m, sentences))
        });
        let c = match found {
            Some(c) => c,
            None => {
                clusters.push(Cluster { key: key.clone(), parts: parts.clone(), members: Vec::new(), labels: Vec::new(), known: m.known });
                clusters.len() - 1
            }
        };
        index.entry(key).or_insert(c);
        clusters[c].members.push(i);
        if let Some(l) = m.label {
            clusters[c].labels.push(l);
        }
        of_raw[i] = Some(c);
    }

    let outlet_key = outlet.map(outlet_stem);
    let mut entities = Vec::with_capacity(clusters.len());
    let mut mentions = Vec::with_capacity(raw.len());
    for (ci, c) in clusters.iter().enumerate() {
        let e = build_entity(c, &raw, sentences);
        let _ = ci;
        let id = entities.len();
        for &i in &c.members {
            let m = &raw[i];
            mentions.push(Mention { sentence: m.sentence, start: m.start, name_start: m.name_start, end: m.end, entity: id });
        }
        entities.push(e);
    }
    mentions.sort_by_key(|m| (m.sentence, m.start, m.end));
    if let Ok(k) = crate::knowledge::Knowledge::try_embedded() {
        let date = published.unwrap_or_else(|| chrono::Utc::now().date_naive());
        for e in &mut entities {
            apply_knowledge(e, k, date);
        }
    }
    // The page naming itself ("(TASS)", "VOA News") is boilerplate, not news.
    if let Some(stem) = &outlet_key {
        for e in &mut entities {
            let folded: String = names::parts(&e.name).concat();
            if e.label == Label::Org && folded.len() >= 2 && stem.starts_with(&folded) {
                e.label = Label::Misc;
            }
        }
    }
    DocumentEntities { entities, mentions }
}

/// What dyad's knowledge tables add: the actor code of a person in office on the date, a
/// group or an international body; the standard name of a country; the type of a city.
fn apply_knowledge(e: &mut ResolvedEntity, k: &crate::knowledge::Knowledge, date: NaiveDate) {
    use crate::knowledge::Resolved;
    if e.label == Label::Norp {
        return;
    }
    match k.resolve(&e.name, date) {
        Some(Resolved::Person(p)) if matches!(e.label, Label::Per | Label::Misc) => {
            e.label = Label::Per;
            e.actor = Some(p.actor.as_str().to_string());
            e.country = Some(p.country.as_str().to_string());
            // "Putin" alone in the text is still Vladimir Putin.
            let single = !e.name.contains(' ');
            let p_parts = names::parts(&p.name);
            let own = names::parts(&e.name);
            if single && p_parts.len() > 1 && (p_parts.last() == own.last() || p_parts.first() == own.first()) {
                e.aliases.push(std::mem::replace(&mut e.name, p.name.clone()));
            }
        }
        Some(Resolved::Group(g)) if e.label != Label::Per => {
            if e.label == Label::Misc {
                e.label = Label::Org;
            }
            e.actor = Some(g.actor.as_str().to_string());
            e.country = g.actor.country().or(g.country).map(|c| c.as_str().to_string());
        }
        Some(Resolved::Igo(i)) if e.label != Label::Per => {
            if e.label == Label::Misc {
                e.label = Label::Org;
            }
            e.actor = Some(i.code.as_str().to_string());
        }
        Some(Resolved::Country(c))
            if matches!(e.label, Label::Gpe | Label::Misc) && e.country.as_deref().is_none_or(|x| x == c.code.as_str()) =>
        {
            e.label = Label::Gpe;
            if !e.name.eq_ignore_ascii_case(&c.name) && !e.aliases.contains(&e.name) {
                e.aliases.push(e.name.clone());
            }
            e.name = c.name.clone();
            e.actor = Some(c.code.as_str().to_string());
            e.country = Some(c.code.as_str().to_string());
        }
        Some(Resolved::Metonym(m)) if e.label != Label::Per => {
            if e.label == Label::Misc {
                e.label = if e.capital { Label::Gpe } else { Label::Org };
            }
            if e.actor.is_none() {
                e.actor = Some(m.actor().as_str().to_string());
            }
            e.country = Some(m.country.code.as_str().to_string());
        }
        _ => {
            if e.label == Label::Misc {
                if let Some(c) = k.city(&e.name) {
                    e.label = Label::Gpe;
                    e.country = c.country.map(|c| c.as_str().to_string());
                }
            }
        }
    }
}

/// "voanews.com" → "voanews"; "The Kyiv Independent" → "kyivindependent".
fn outlet_stem(outlet: &str) -> String {
    let o = outlet.trim().trim_start_matches("https://").trim_start_matches("http://").trim_start_matches("www.");
    if o.contains('.') && !o.contains(' ') {
        o.split('.').next().unwrap_or("").to_lowercase()
    } else {
        gazetteer::fold(o).replace(' ', "")
    }
}

fn is_acronym(m: &RawMention, sentences: &[AnnotatedSentence]) -> bool {
    let t = m.name_tokens(sentences);
    t.len() == 1 && t[0].text.chars().filter(|c| c.is_alphabetic()).count() >= 2 && t[0].text.chars().all(|c| !c.is_lowercase())
}

/// The words a mention's name is written with, with a trailing region word dropped
/// ("Kursk Oblast" → "Kursk").
fn display_parts(m: &RawMention, sentences: &[AnnotatedSentence]) -> Vec<String> {
    let toks = m.name_tokens(sentences);
    let mut parts = names::parts(&surface(toks));
    if parts.len() > 1 && gazetteer::REGION_WORDS.contains(&parts[parts.len() - 1].as_str()) {
        parts.pop();
    }
    parts
}

/// The cluster an unknown name belongs to: the same name spelled alike, or a longer
/// person's name it is part of.
fn match_cluster(clusters: &[Cluster], parts: &[String], label: Option<Label>, acronym: bool, placed: bool) -> Option<usize> {
    let compatible = |c: &Cluster| match (label, majority(&c.labels)) {
        (Some(a), Some(b)) => a == b || a == Label::Misc || b == Label::Misc,
        _ => true,
    };
    if let Some(i) = clusters.iter().position(|c| matches!(c.key, Key::Name(_)) && compatible(c) && names::same_name(&c.parts, parts)) {
        return Some(i);
    }
    if acronym {
        let a = &parts[0];
        if let Some(i) = clusters.iter().position(|c| c.parts.len() >= 2 && names::initials(&c.parts) == *a) {
            return Some(i);
        }
    }
    // Part of a person's name: prefer the family name at the end, then the most mentioned.
    let mut best: Option<(u8, usize, usize)> = None;
    for (i, c) in clusters.iter().enumerate() {
        if !matches!(c.key, Key::Name(_)) || !compatible(c) {
            continue;
        }
        let person = majority(&c.labels).is_none_or(|l| l == Label::Per);
        if !person || label.is_some_and(|l| l != Label::Per) || placed {
            continue;
        }
        if let Some(score) = names::part_of(parts, &c.parts) {
            let cand = (score, c.members.len(), i);
            if best.is_none_or(|b| (cand.0, cand.1) > (b.0, b.1)) {
                best = Some(cand);
            }
        }
    }
    best.map(|b| b.2)
}

fn majority(labels: &[Label]) -> Option<Label> {
    let mut counts: Vec<(Label, usize)> = Vec::new();
    for l in labels {
        match counts.iter_mut().find(|(x, _)| x == l) {
            Some((_, n)) => *n += 1,
            None => counts.push((*l, 1)),
        }
    }
    counts.into_iter().max_by_key(|&(_, n)| n).map(|(l, _)| l)
}

fn build_entity(c: &Cluster, raw: &[RawMention], sentences: &[AnnotatedSentence]) -> ResolvedEntity {
    // Canonical name: what the gazetteer calls it, or the fullest form written.
    let mut name_votes: Vec<(String, usize, usize)> = Vec::new(); // (surface, parts, count)
    for &i in &c.members {
        let m = &raw[i];
        let mut toks = m.name_tokens(sentences);
        if toks.len() > 1 && gazetteer::REGION_WORDS.contains(&lower(&toks[toks.len() - 1]).as_str()) {
            toks = &toks[..toks.len() - 1];
        }
        let s = surface(toks);
        let n = names::parts(&s).len();
        match name_votes.iter_mut().find(|v| v.0 == s) {
            Some(v) => v.2 += 1,
            None => name_votes.push((s, n, 1)),
        }
    }
    let fullest = name_votes.iter().max_by_key(|v| (v.1, v.2)).map(|v| v.0.clone()).unwrap_or_default();
    let (name, mut label, mut actor, mut country, capital) = match c.known {
        Some(Known::Country(k)) => (k.name.to_string(), Label::Gpe, Some(k.iso3.to_string()), Some(k.iso3.to_string()), false),
        Some(Known::Demonym(k)) => (k.name.to_string(), Label::Norp, Some(k.iso3.to_string()), Some(k.iso3.to_string()), false),
        Some(Known::Capital(k, cap)) => (cap.to_string(), Label::Gpe, None, Some(k.iso3.to_string()), true),
        Some(Known::Body(b)) => {
            let l = match b.label {
                "ORG" => Label::Org,
                "GPE" => Label::Gpe,
                _ => Label::Loc,
            };
            let country = b.actor.filter(|a| a.len() >= 3 && !a.starts_with("IGO")).map(|a| a[..3].to_string());
            // The table's name where the document writes it, else the document's most used
            // form: the table's full name ("North Atlantic Treaty Organization") is often one
            // nobody writes.
            let table = gazetteer::fold(b.name);
            let name = if name_votes.iter().any(|v| gazetteer::fold(&v.0) == table) {
                b.name.to_string()
            } else {
                name_votes.iter().max_by_key(|v| (v.2, v.1)).map_or_else(|| b.name.to_string(), |v| v.0.clone())
            };
            (name, l, b.actor.map(str::to_string), country, false)
        }
        None => (fullest.clone(), Label::Misc, None, None, false),
    };
    if c.known.is_none() {
        label = not_a_name(c).or_else(|| majority(&c.labels)).unwrap_or_else(|| guess_label(c, raw, sentences));
    }
    let mut aliases: Vec<String> = Vec::new();
    let mut description = None;
    let mut title_words: Vec<String> = Vec::new();
    let mut female = None;
    for &i in &c.members {
        let m = &raw[i];
        let s = &sentences[m.sentence];
        let whole = surface(&s.tokens[m.start..m.end]);
        if whole != name && !aliases.contains(&whole) {
            aliases.push(whole);
        }
        if label == Label::Per {
            let (before, before_start) = title_before(&s.tokens, m.name_start);
            for t in &s.tokens[before_start..m.name_start] {
                title_words.push(lower(t));
            }
            if country.is_none() {
                country = s.tokens[before_start..m.name_start].iter().find_map(|t| match gazetteer::lookup(&t.text) {
                    Some(Known::Country(k) | Known::Demonym(k)) => Some(k.iso3.to_string()),
                    _ => None,
                });
            }
            if description.is_none() {
                description = appositive(&s.tokens, m.end).or(before);
            }
        }
    }
    if label == Label::Per {
        let first = names::parts(&name).into_iter().next().unwrap_or_default();
        if gazetteer::is_female_given_name(&first) || title_words.iter().any(|w| matches!(w.as_str(), "ms." | "mrs." | "spokeswoman" | "chairwoman" | "queen")) {
            female = Some(true);
        }
        if actor.is_none() {
            if let Some(cc) = &country {
                let mil = title_words.iter().any(|w| gazetteer::MIL_TITLES.contains(&w.as_str()));
                let gov = title_words.iter().any(|w| gazetteer::GOV_TITLES.contains(&w.as_str()));
                if mil {
                    actor = Some(format!("{cc}MIL"));
                } else if gov {
                    actor = Some(format!("{cc}GOV"));
                }
            }
        }
    }
    title_words.sort();
    title_words.dedup();
    ResolvedEntity { name, label, actor, country, mentions: c.members.len(), aliases, description, female, capital, titles: title_words }
}

/// "in Harbin", "the state of Maryland", "the settlements of Oleshnya": a place.
fn after_place_word(m: &RawMention, sentences: &[AnnotatedSentence]) -> bool {
    let toks = &sentences[m.sentence].tokens;
    let prev = |k: usize| m.start.checked_sub(k).map(|i| lower(&toks[i]));
    match prev(1).as_deref() {
        Some("in" | "to" | "from" | "near" | "into" | "at") => true,
        Some("of") => matches!(
            prev(2).as_deref(),
            Some("state" | "settlement" | "settlements" | "town" | "city" | "village" | "villages" | "region" | "province" | "capital" | "district" | "districts" | "port")
        ),
        _ => false,
    }
}

/// Names that are no entity whatever typed them: group adjectives, vessels, agreements
/// and events, acronyms of things, a generic word alone ("Cabinet").
fn not_a_name(c: &Cluster) -> Option<Label> {
    let last = c.parts.last().map(String::as_str).unwrap_or("");
    if gazetteer::is_group_word(&c.parts.join(" ")) || c.parts.first().is_some_and(|p| matches!(p.as_str(), "hms" | "uss" | "mv")) {
        return Some(Label::Norp);
    }
    if gazetteer::THING_WORDS.contains(&last) || (c.parts.len() == 1 && gazetteer::is_thing_acronym(last)) {
        return Some(Label::Misc);
    }
    if c.parts.len() == 1 && (gazetteer::ORG_WORDS.contains(&last) || gazetteer::LOC_WORDS.contains(&last)) {
        return Some(Label::Misc);
    }
    None
}

/// The type of a name no model or list has typed.
fn guess_label(c: &Cluster, raw: &[RawMention], sentences: &[AnnotatedSentence]) -> Label {
    let last = c.parts.last().map(String::as_str).unwrap_or("");
    if gazetteer::is_group_word(&c.parts.join(" ")) || c.parts.first().is_some_and(|p| matches!(p.as_str(), "hms" | "uss" | "mv")) {
        return Label::Norp;
    }
    if gazetteer::THING_WORDS.contains(&last) || (c.parts.len() == 1 && gazetteer::is_thing_acronym(last)) {
        return Label::Misc;
    }
    // A generic word alone ("Cabinet", "News") is no name.
    if c.parts.len() == 1 && (gazetteer::ORG_WORDS.contains(&last) || gazetteer::LOC_WORDS.contains(&last)) {
        return Label::Misc;
    }
    if gazetteer::ORG_WORDS.contains(&last) {
        return Label::Org;
    }
    if gazetteer::LOC_WORDS.contains(&last) {
        return Label::Loc;
    }
    let regioned = c.members.iter().any(|&i| {
        let t = raw[i].name_tokens(sentences);
        t.len() > 1 && gazetteer::REGION_WORDS.contains(&lower(&t[t.len() - 1]).as_str())
    });
    if regioned {
        return Label::Gpe;
    }
    let place_prep = c.members.iter().any(|&i| {
        let m = &raw[i];
        let toks = &sentences[m.sentence].tokens;
        after_place_word(m, sentences) || toks.get(m.end).is_some_and(|t| gazetteer::REGION_WORDS.contains(&lower(t).trim_end_matches('s')))
    });
    // A name right before a speech verb speaks: "Campbell stated", "Easley added".
    let speaks = c.members.iter().any(|&i| {
        let m = &raw[i];
        let toks = &sentences[m.sentence].tokens;
        let determined = m.start > 0 && matches!(lower(&toks[m.start - 1]).as_str(), "the" | "a" | "an");
        !determined && toks.get(m.end).is_some_and(|t| crate::quotes::is_speech_verb(&lower(t)))
    });
    if c.parts.len() == 1 {
        let acronym = c.members.iter().any(|&i| is_acronym(&raw[i], sentences));
        if speaks && !acronym {
            return Label::Per;
        }
        if place_prep {
            return Label::Gpe;
        }
        if acronym {
            return Label::Org;
        }
        return Label::Misc;
    }
    if c.parts.len() <= 4 && c.parts.iter().all(|p| p.chars().all(char::is_alphabetic)) && !place_prep {
        return Label::Per;
    }
    Label::Misc
}

/// The title phrase before a name: "White House spokesperson", "Russian President".
fn title_before(tokens: &[Token], name_start: usize) -> (Option<String>, usize) {
    let mut p = name_start;
    while p > 0 {
        let t = &tokens[p - 1];
        let l = lower(t);
        let cap = t.text.chars().next().is_some_and(char::is_uppercase);
        if gazetteer::TITLES.contains(&l.as_str()) || matches!(l.as_str(), "'s" | "’s") || (cap && !gazetteer::NOT_NAMES.contains(&l.as_str())) {
            p -= 1;
        } else {
            break;
        }
    }
    if p == name_start {
        return (None, p);
    }
    let s = surface(&tokens[p..name_start]);
    let has_title = tokens[p..name_start].iter().any(|t| gazetteer::TITLES.contains(&lower(t).as_str()));
    (has_title.then_some(s), p)
}

/// ", director of the Center ..., University of Washington." after a name.
pub(crate) fn appositive(tokens: &[Token], end: usize) -> Option<String> {
    if tokens.get(end).is_none_or(|t| t.text != ",") {
        return None;
    }
    let first = tokens.get(end + 1)?;
    let fl = lower(first);
    let opens = matches!(fl.as_str(), "a" | "an" | "the") || first.text.chars().next().is_some_and(char::is_lowercase) || gazetteer::TITLES.contains(&fl.as_str());
    if !opens || crate::quotes::is_speech_verb(&fl) || matches!(fl.as_str(), "who" | "which" | "and" | "but" | "he" | "she") {
        return None;
    }
    let mut k = end + 1;
    while k < tokens.len() {
        let t = &tokens[k];
        if matches!(t.text.as_str(), "." | "!" | "?" | ";" | ":" | "\"" | "“" | "”" | "(" | "—" | "–") {
            break;
        }
        if t.text == "," {
            let next = tokens.get(k + 1);
            let continues = next.is_some_and(|n| n.text.chars().next().is_some_and(char::is_uppercase));
            if !continues {
                break;
            }
        }
        if crate::quotes::is_speech_verb(&lower(t)) && k > end + 1 {
            break;
        }
        k += 1;
    }
    if k <= end + 1 {
        return None;
    }
    Some(surface(&tokens[end + 1..k]))
}

/// The words of a token range joined as they stand in the text.
pub fn surface_of(tokens: &[Token]) -> String {
    surface(tokens)
}

/// Converts resolved entities to the output contract.
pub fn to_records(entities: &DocumentEntities) -> Vec<record::Entity> {
    entities.records()
}
