//! What the entity resolver needs to know without any model: which phrases the knowledge
//! tables (`crate::knowledge`) know as countries, demonyms, capitals and bodies, and the
//! words that mark titles, organisations and places.
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::knowledge::{Knowledge, PlaceKind};

/// A country: standard English name, ISO 3166-1 alpha-3 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    pub name: &'static str,
    pub iso3: &'static str,
}

/// Titles before a name: they are the name's description, never part of it.
pub const TITLES: &[&str] = &[
    "president", "vice", "prime", "minister", "secretary", "secretary-general", "general", "gen.", "col.",
    "colonel", "brig.", "brigadier", "lt.", "lieutenant", "maj.", "major", "admiral", "adm.", "marshal", "captain",
    "capt.", "commander", "commander-in-chief", "chancellor", "chairman", "chairwoman", "chair", "leader", "king",
    "queen", "prince", "pope", "ambassador", "senator", "sen.", "rep.", "representative", "governor", "gov.",
    "mayor", "spokesperson", "spokesman", "spokeswoman", "mr.", "mrs.", "ms.", "dr.", "prof.", "professor",
    "deputy", "chief", "adviser", "advisor", "director", "premier", "comrade", "envoy", "foreign", "defense",
    "defence", "interior", "finance", "state", "head", "speaker", "sheikh", "emir", "crown", "justice", "judge",
    "officer", "aide", "lord", "sir", "dame", "chancellor", "tsar", "czar", "sergeant", "sgt.", "first", "lady",
    "national", "security", "press", "acting", "former", "then-president", "u.s.", "us", "uk", "staff", "aide",
    "army", "republican", "democrat", "democratic", "opposition", "candidate", "nominee", "rival",
];

/// Titles that make their holder a member of government (GOV) or the military (MIL).
pub const GOV_TITLES: &[&str] = &[
    "president", "minister", "secretary", "chancellor", "premier", "leader", "king", "queen", "emir", "ambassador",
    "spokesperson", "spokesman", "spokeswoman", "envoy", "governor", "mayor", "senator", "adviser", "advisor",
    "secretary-general", "sheikh", "prince", "tsar",
];
pub const MIL_TITLES: &[&str] = &[
    "general", "gen.", "col.", "colonel", "brig.", "brigadier", "admiral", "adm.", "marshal", "commander",
    "commander-in-chief", "lt.", "maj.", "captain", "capt.", "sergeant", "sgt.",
];

/// Last words that make a name an organisation.
pub const ORG_WORDS: &[&str] = &[
    "ministry", "committee", "council", "embassy", "force", "forces", "navy", "army", "university", "institute",
    "party", "agency", "service", "court", "organization", "organisation", "bank", "company", "group", "news",
    "times", "post", "television", "radio", "office", "department", "command", "guard", "corps", "parliament",
    "assembly", "congress", "senate", "association", "commission", "center", "centre", "foundation", "fund",
    "alliance", "coalition", "mission", "church", "nations", "corporation", "pjsc", "inc", "ltd", "tribunal",
    "cabinet", "government", "administration", "staff", "brigade", "battalion", "division", "regiment", "fleet",
    "union", "federation", "league", "network", "press", "journal", "herald", "daily", "tribune", "gazette",
    "channel", "broadcasting", "society", "movement", "front", "school", "academy", "college", "duma", "rada",
    "knesset", "bureau", "authority", "police", "directorate",
];
/// Last words that make a name a geographic feature or a building.
pub const LOC_WORDS: &[&str] = &[
    "sea", "ocean", "strait", "gulf", "bay", "river", "mountains", "mountain", "peninsula", "island", "islands",
    "palace", "square", "hall", "airport", "desert", "valley", "coast", "canal", "lake", "cosmodrome", "bridge",
    "base", "station", "port",
];
/// Last words that make a name an administrative region (listed by name alone).
pub const REGION_WORDS: &[&str] = &["oblast", "region", "province", "prefecture", "county", "krai", "governorate", "district"];

/// Words that begin sentences capitalised but never begin names.
pub const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "by", "for", "from", "to", "of", "and", "but", "or", "as", "with", "after",
    "before", "during", "while", "when", "where", "if", "though", "although", "because", "since", "this", "that",
    "these", "those", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "my",
    "your", "there", "here", "both", "all", "some", "many", "most", "more", "several", "each", "every", "no",
    "not", "also", "yet", "so", "then", "now", "still", "however", "meanwhile", "overnight", "earlier", "later",
    "last", "next", "what", "who", "which", "how", "why", "according", "asked", "speaking", "despite", "among",
    "under", "over", "about", "into", "through", "against", "between", "without", "within", "like", "unlike",
    "just", "only", "even", "already", "once", "again", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "first", "second", "third", "new", "other", "such", "any", "updated", "read",
    "watch", "listen", "share", "follow", "subscribe", "click", "photo", "video", "image", "credit", "source",
    "advertisement", "related", "more", "see", "is", "are", "was", "were", "will", "would", "can", "could",
    "may", "might", "should", "must", "has", "have", "had", "do", "does", "did", "be", "been", "being",
    "ladies", "gentleman", "gentlemen", "please", "privately", "politically", "internationally", "unfortunately",
    "currently", "together", "instead", "indeed", "thus", "therefore", "moreover", "furthermore", "nonetheless",
    "nevertheless", "yes", "thank", "thanks", "let", "now", "today", "tonight", "yesterday", "tomorrow",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan.", "feb.",
    "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "am", "pm", "et", "gmt",
    "utc", "pictured", "file", "reporting", "editing", "writing", "additional", "top", "image:", "getty", "images",
    "besides", "amid", "following", "regarding", "including", "whereas", "beyond", "toward", "towards", "upon",
    "via", "per", "given", "citing", "protesters", "legislators", "officials", "analysts", "experts", "critics",
    "observers", "residents", "civilians", "troops", "soldiers", "forces", "leaders", "allies", "members", "talks",
    "earlier", "meanwhile", "separately", "elsewhere", "instead", "overall", "ahead", "both",
];

/// Group and region adjectives and plurals: nationality-like, never listed.
pub fn is_group_word(folded: &str) -> bool {
    matches!(
        folded,
        "asian" | "southeast asian" | "european" | "african" | "western" | "eastern" | "arab" | "latin" | "democrats"
            | "republicans" | "muslim" | "muslims" | "christian" | "christians" | "jewish" | "sunni" | "shia" | "shiite"
            | "kurdish" | "kurds" | "anglo saxons" | "anglo saxon" | "euro atlantic" | "nordic" | "baltic" | "slavic"
            | "westerners" | "europeans" | "asians" | "africans" | "arabs" | "soviets" | "allied" | "islamist" | "zionist"
    )
}

/// Last words of names that are agreements, events, vessels or plans: not entities.
pub const THING_WORDS: &[&str] = &[
    "agreement", "treaty", "pact", "accord", "compact", "declaration", "communique", "communiqué", "memorandum",
    "act", "doctrine", "plan", "initiative", "program", "programme", "operation", "summit", "war", "conference",
    "forum", "games", "olympics", "one", "award", "prize", "cup",
];

/// Acronyms of things, not bodies.
pub fn is_thing_acronym(lower: &str) -> bool {
    matches!(lower, "gdp" | "lng" | "gmt" | "ceo" | "ai" | "uav" | "uavs" | "icbm" | "icbms" | "atacms" | "hq" | "tv" | "pm" | "am" | "covid" | "vip" | "sms" | "eu-" | "f-16" | "f-16s")
}

/// Months and weekdays: capitalised, never entities.
pub fn is_time_word(lower: &str) -> bool {
    matches!(
        lower,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "january" | "february"
            | "march" | "april" | "june" | "july" | "august" | "september" | "october" | "november" | "december"
            | "jan." | "feb." | "mar." | "apr." | "jun." | "jul." | "aug." | "sep." | "sept." | "oct." | "nov."
            | "dec." | "jan" | "feb" | "aug" | "sept" | "oct" | "nov" | "dec" | "gmt" | "utc" | "edt" | "est" | "bst"
            | "cet" | "et" | "pt" | "am" | "pm" | "a.m." | "p.m."
    )
}

/// A known body: canonical name, label, actor code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Body {
    pub name: &'static str,
    pub label: &'static str,
    pub actor: Option<&'static str>,
}

/// What a phrase is, when the knowledge tables know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    Country(Country),
    Demonym(Country),
    Capital(Country, &'static str),
    Body(Body),
}

/// A phrase's entry: what it is, and whether the table wrote it as an acronym ("WHO", "US"),
/// which the same letters in lower case ("who", "us") are not.
#[derive(Clone, Copy)]
struct Entry {
    known: Known,
    acronym: bool,
}

/// The knowledge tables (`crate::knowledge`) indexed by folded phrase, built once: countries,
/// their aliases, demonyms and capitals, international bodies, groups, and metonyms with a
/// sector ("Kremlin", "Pentagon").
fn phrases() -> &'static HashMap<String, Entry> {
    static T: OnceLock<HashMap<String, Entry>> = OnceLock::new();
    T.get_or_init(|| Knowledge::try_embedded().map(index).unwrap_or_default())
}

fn index(k: &'static Knowledge) -> HashMap<String, Entry> {
    let mut phrases: HashMap<String, Entry> = HashMap::new();
    let mut add = |phrase: &str, known: Known, replace: bool| {
        // "the States", "the Alliance", "nuclear watchdog": only in context, never alone.
        if !phrase.chars().next().is_some_and(char::is_uppercase) {
            return;
        }
        let key = fold(phrase);
        // "Democrats", "Kurds": a group word, never a body's name alone.
        if key.is_empty() || is_group_word(&key) {
            return;
        }
        let acronym = phrase.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        if replace {
            phrases.insert(key, Entry { known, acronym });
        } else {
            phrases.entry(key).or_insert(Entry { known, acronym });
        }
    };
    let countries: Vec<Country> = k.tables.countries.iter().map(|c| Country { name: &c.name, iso3: c.code.as_str() }).collect();
    for (kc, &c) in k.tables.countries.iter().zip(&countries) {
        add(&kc.name, Known::Country(c), true);
    }
    for (kc, &c) in k.tables.countries.iter().zip(&countries) {
        for a in &kc.aliases {
            add(a, Known::Country(c), false);
        }
        for d in &kc.adjectives {
            add(d, Known::Demonym(c), false);
        }
        if let Some(cap) = &kc.capital {
            add(cap, Known::Capital(c, cap), false);
        }
    }
    for city in k.tables.cities.iter().filter(|c| c.kind == PlaceKind::Capital) {
        let Some(c) = city.country.and_then(|code| k.country(code)).map(|kc| Country { name: &kc.name, iso3: kc.code.as_str() }) else {
            continue;
        };
        for n in std::iter::once(&city.name).chain(&city.aliases) {
            add(n, Known::Capital(c, n), false);
        }
    }
    // Continents and world regions: places of no one country.
    for city in k.tables.cities.iter().filter(|c| c.kind == PlaceKind::Area && c.country.is_none()) {
        let b = Body { name: &city.name, label: "LOC", actor: None };
        for n in std::iter::once(&city.name).chain(&city.aliases) {
            add(n, Known::Body(b), false);
        }
    }
    for g in &k.tables.igos {
        let b = Body { name: &g.name, label: "ORG", actor: Some(g.code.as_str()) };
        for n in std::iter::once(&g.name).chain(&g.aliases) {
            add(n, Known::Body(b), false);
        }
    }
    for g in &k.tables.groups {
        let b = Body { name: &g.name, label: "ORG", actor: Some(g.actor.as_str()) };
        for n in std::iter::once(&g.name).chain(&g.aliases) {
            add(n, Known::Body(b), false);
        }
    }
    // The actor code of a metonym ("Kremlin" = RUSGOV) comes from `knowledge` when the
    // entity is resolved; here it is only known to be a body.
    for kc in &k.tables.countries {
        for m in kc.metonyms.iter().filter(|m| m.sector.is_some()) {
            // "The Hague" (=GOV) is still the city when named.
            let known = match k.city(&m.name) {
                Some(_) => Known::Capital(Country { name: &kc.name, iso3: kc.code.as_str() }, &m.name),
                None => Known::Body(Body { name: &m.name, label: "ORG", actor: None }),
            };
            add(&m.name, known, false);
        }
    }
    phrases
}

/// Lower case, letters and digits only, words joined by one space; a leading "the"
/// and a trailing possessive dropped.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(|c: char| c.is_whitespace() || c == '-') {
        let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
        let w: String = w.chars().filter(|c| c.is_alphanumeric()).flat_map(|c| c.to_lowercase()).collect();
        if w.is_empty() || (out.is_empty() && w == "the") {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w);
    }
    out
}

/// What the knowledge tables say a phrase is (case and punctuation folded; "U.S." and
/// "US" are the same, which is why this folds away the periods).
pub fn lookup(phrase: &str) -> Option<Known> {
    let e = phrases().get(&fold(phrase))?;
    if e.acronym && !written_as_acronym(phrase) {
        return None;
    }
    Some(e.known)
}

/// "US", "NATO", and "Nato" (some papers' style for long acronyms) stand for the body;
/// "us", "Who" and "Ec" are words.
fn written_as_acronym(phrase: &str) -> bool {
    let letters = || phrase.chars().filter(|c| c.is_alphabetic());
    let upper = letters().filter(|c| c.is_uppercase()).count();
    upper == letters().count() || (upper >= 1 && letters().count() >= 4)
}

/// Female given names common in the news, for pronoun agreement.
pub fn is_female_given_name(lower: &str) -> bool {
    matches!(
        lower,
        "maria" | "kamala" | "patricia" | "sabine" | "ursula" | "hillary" | "nancy" | "angela" | "theresa" | "liz"
            | "elizabeth" | "kaja" | "annalena" | "giorgia" | "marine" | "jacinda" | "sanna" | "nikki" | "karine"
            | "linda" | "victoria" | "valentina" | "elvira" | "tsai" | "yulia" | "olena" | "iryna" | "anna" | "kristi"
            | "janet" | "gina" | "samantha" | "julie" | "sarah" | "mary" | "susan" | "helen" | "emma" | "sophie"
            | "catherine" | "christine" | "kristalina" | "roberta" | "mette" | "ingrid" | "marta" | "olga"
            | "svetlana" | "natalia" | "tatiana" | "irina"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_country_spellings_together() {
        for s in ["U.S.", "US", "the United States", "America"] {
            assert_eq!(lookup(s), Some(Known::Country(Country { name: "United States", iso3: "USA" })), "{s}");
        }
        assert!(matches!(lookup("Britain"), Some(Known::Country(c)) if c.name == "United Kingdom"));
        assert!(matches!(lookup("North Korean"), Some(Known::Demonym(c)) if c.iso3 == "PRK"));
        assert!(matches!(lookup("Moscow"), Some(Known::Capital(c, _)) if c.iso3 == "RUS"));
        assert_eq!(lookup("us"), None);
        assert_eq!(lookup("Russia's"), lookup("Russia"));
        assert!(matches!(lookup("U.S.-led"), Some(Known::Demonym(c)) if c.iso3 == "USA"));
    }

    #[test]
    fn bodies_and_places_come_from_the_knowledge_tables() {
        assert!(matches!(lookup("NATO"), Some(Known::Body(b)) if b.actor == Some("IGOWSTNAT")));
        assert_eq!(lookup("Nato"), lookup("NATO"));
        assert!(matches!(lookup("Houthis"), Some(Known::Body(b)) if b.actor == Some("YEMREB")));
        assert!(matches!(lookup("Kremlin"), Some(Known::Body(b)) if b.label == "ORG"));
        assert!(matches!(lookup("The Hague"), Some(Known::Capital(c, _)) if c.iso3 == "NLD"));
        assert!(matches!(lookup("Middle East"), Some(Known::Body(b)) if b.label == "LOC"));
        // Acronyms in the tables are not the words spelled alike.
        assert_eq!(lookup("Who"), None);
        assert_eq!(lookup("who"), None);
        // Aliases only meant in context ("the States", "the Alliance") are not names alone.
        assert_eq!(lookup("States"), None);
        assert_eq!(lookup("Democrats"), None);
    }
}
