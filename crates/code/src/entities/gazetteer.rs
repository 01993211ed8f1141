//! What the entity resolver needs to know without any model: countries with their
//! aliases, demonyms and capitals, well-known bodies, and the words that mark titles,
//! organisations and places. Used when `knowledge` has nothing better.
use std::collections::HashMap;
use std::sync::OnceLock;

/// A country: standard English name, ISO 3166-1 alpha-3 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    pub name: &'static str,
    pub iso3: &'static str,
}

/// `name|iso3|aliases,...|demonyms,...|capitals,...`
const COUNTRIES: &str = "\
United States|USA|US,U.S.,USA,U.S.A.,America,United States of America|American,Americans,U.S.-led|Washington
United Kingdom|GBR|UK,U.K.,Britain,Great Britain|British,Briton,Britons|London
Russia|RUS|Russian Federation|Russian,Russians|Moscow
Ukraine|UKR||Ukrainian,Ukrainians|Kyiv,Kiev
China|CHN|People's Republic of China,PRC|Chinese|Beijing
North Korea|PRK|DPRK,Democratic People's Republic of Korea|North Korean,North Koreans|Pyongyang
South Korea|KOR|Republic of Korea,ROK|South Korean,South Koreans|Seoul
Japan|JPN||Japanese|Tokyo
Vietnam|VNM|Viet Nam|Vietnamese|Hanoi
India|IND||Indian,Indians|New Delhi
Iran|IRN|Islamic Republic of Iran|Iranian,Iranians|Tehran
Iraq|IRQ||Iraqi,Iraqis|Baghdad
Syria|SYR||Syrian,Syrians|Damascus
Israel|ISR||Israeli,Israelis|Jerusalem
Palestine|PSE|Palestinian territories|Palestinian,Palestinians|Ramallah
Lebanon|LBN||Lebanese|Beirut
Yemen|YEM||Yemeni,Yemenis|Sanaa
Saudi Arabia|SAU||Saudi,Saudis|Riyadh
United Arab Emirates|ARE|UAE|Emirati|Abu Dhabi
Qatar|QAT||Qatari|Doha
Bahrain|BHR||Bahraini|Manama
Kuwait|KWT||Kuwaiti|Kuwait City
Oman|OMN||Omani|Muscat
Jordan|JOR||Jordanian|Amman
Egypt|EGY||Egyptian,Egyptians|Cairo
Turkey|TUR|Türkiye,Turkiye|Turkish|Ankara
Germany|DEU||German,Germans|Berlin
France|FRA||French|Paris
Italy|ITA||Italian,Italians|Rome
Spain|ESP||Spanish|Madrid
Portugal|PRT||Portuguese|Lisbon
Poland|POL||Polish,Poles|Warsaw
Netherlands|NLD|Holland|Dutch|Amsterdam,The Hague
Belgium|BEL||Belgian|Brussels
Denmark|DNK||Danish,Danes|Copenhagen
Norway|NOR||Norwegian|Oslo
Sweden|SWE||Swedish,Swedes|Stockholm
Finland|FIN||Finnish,Finns|Helsinki
Estonia|EST||Estonian|Tallinn
Latvia|LVA||Latvian|Riga
Lithuania|LTU||Lithuanian|Vilnius
Belarus|BLR||Belarusian|Minsk
Moldova|MDA||Moldovan|Chisinau
Romania|ROU||Romanian|Bucharest
Hungary|HUN||Hungarian|Budapest
Czech Republic|CZE|Czechia|Czech|Prague
Slovakia|SVK||Slovak|Bratislava
Bulgaria|BGR||Bulgarian|Sofia
Greece|GRC||Greek|Athens
Austria|AUT||Austrian|Vienna
Switzerland|CHE||Swiss|Bern
Ireland|IRL||Irish|Dublin
Canada|CAN||Canadian,Canadians|Ottawa
Mexico|MEX||Mexican|Mexico City
Brazil|BRA||Brazilian|Brasilia
Argentina|ARG||Argentine,Argentinian|Buenos Aires
Venezuela|VEN||Venezuelan|Caracas
Cuba|CUB||Cuban|Havana
Colombia|COL||Colombian|Bogota
Australia|AUS||Australian,Australians|Canberra
New Zealand|NZL|||Wellington
Afghanistan|AFG||Afghan|Kabul
Pakistan|PAK||Pakistani|Islamabad
Bangladesh|BGD||Bangladeshi|Dhaka
Indonesia|IDN||Indonesian|Jakarta
Malaysia|MYS||Malaysian|Kuala Lumpur
Philippines|PHL||Filipino|Manila
Thailand|THA||Thai|Bangkok
Cambodia|KHM||Cambodian|Phnom Penh
Laos|LAO||Lao,Laotian|Vientiane
Myanmar|MMR|Burma|Burmese|Naypyidaw
Singapore|SGP||Singaporean|
Taiwan|TWN||Taiwanese|Taipei
Mongolia|MNG||Mongolian|Ulaanbaatar
Kazakhstan|KAZ||Kazakh|Astana
Uzbekistan|UZB||Uzbek|Tashkent
Kyrgyzstan|KGZ||Kyrgyz|Bishkek
Tajikistan|TJK||Tajik|Dushanbe
Azerbaijan|AZE||Azerbaijani|Baku
Armenia|ARM||Armenian|Yerevan
Georgia|GEO||Georgian|Tbilisi
Serbia|SRB||Serbian,Serb|Belgrade
Croatia|HRV||Croatian|Zagreb
Albania|ALB||Albanian|Tirana
South Africa|ZAF||South African|Pretoria
Nigeria|NGA||Nigerian|Abuja
Ethiopia|ETH||Ethiopian|Addis Ababa
Kenya|KEN||Kenyan|Nairobi
Sudan|SDN||Sudanese|Khartoum
Libya|LBY||Libyan|Tripoli
Algeria|DZA||Algerian|Algiers
Morocco|MAR||Moroccan|Rabat
Somalia|SOM||Somali|Mogadishu
Soviet Union|SUN|USSR|Soviet|
North Vietnam|VDR|||
Nazi Germany|DEU|||";

/// Bodies known by one name: `name|label|actor|aliases,...`.
const BODIES: &str = "\
NATO|ORG|IGOWSTNAT|North Atlantic Treaty Organization,Nato
United Nations|ORG|IGOUNO|UN,U.N.
UN Security Council|ORG|IGOUNO|United Nations Security Council,U.N. Security Council,Security Council
European Union|ORG|IGOEUREEC|EU,E.U.
Association of Southeast Asian Nations|ORG|IGOSEAASN|ASEAN
International Criminal Court|ORG|ICC|ICC
International Atomic Energy Agency|ORG|IGOUNOIAE|IAEA
Kremlin|ORG|RUSGOV|
White House|ORG|USAGOV|
Pentagon|ORG|USAMIL|
Houthis|ORG|YEMREB|Houthi,Ansar Allah
Hamas|ORG|PSEREB|
Hezbollah|ORG|LBNREB|Hizbollah
Taliban|ORG|AFGREB|
TASS|ORG|RUSMED|Tass
RIA Novosti|ORG|RUSMED|
Reuters|ORG||
AFP|ORG||Agence France-Presse
AP|ORG||Associated Press
Xinhua|ORG|CHNMED|
CNN|ORG||
BBC|ORG||
Bloomberg|ORG||
DW|ORG||Deutsche Welle
RBC|ORG||
Europe|LOC||
Asia|LOC||
Africa|LOC||
Middle East|LOC||
Asia-Pacific|LOC||
Indo-Pacific|LOC||
South America|LOC||
Latin America|LOC||
Far East|LOC||
Gaza|GPE|PSE|Gaza Strip";

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

/// What a phrase is, when the gazetteer knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    Country(Country),
    Demonym(Country),
    Capital(Country, &'static str),
    Body(Body),
}

struct Tables {
    /// folded phrase → what it is
    phrases: HashMap<String, Known>,
    countries_by_iso: HashMap<&'static str, Country>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut phrases = HashMap::new();
        let mut countries_by_iso = HashMap::new();
        for line in COUNTRIES.lines() {
            let f: Vec<&'static str> = line.split('|').collect();
            let c = Country { name: f[0], iso3: f[1] };
            countries_by_iso.entry(c.iso3).or_insert(c);
            phrases.insert(fold(c.name), Known::Country(c));
            for a in f.get(2).into_iter().flat_map(|s| s.split(',')).filter(|s| !s.is_empty()) {
                phrases.entry(fold(a)).or_insert(Known::Country(c));
            }
            for d in f.get(3).into_iter().flat_map(|s| s.split(',')).filter(|s| !s.is_empty()) {
                phrases.entry(fold(d)).or_insert(Known::Demonym(c));
            }
            for cap in f.get(4).into_iter().flat_map(|s| s.split(',')).filter(|s| !s.is_empty()) {
                phrases.entry(fold(cap)).or_insert(Known::Capital(c, cap));
            }
        }
        for line in BODIES.lines() {
            let f: Vec<&'static str> = line.split('|').collect();
            let b = Body { name: f[0], label: f[1], actor: Some(f[2]).filter(|s| !s.is_empty()) };
            phrases.insert(fold(b.name), Known::Body(b));
            for a in f.get(3).into_iter().flat_map(|s| s.split(',')).filter(|s| !s.is_empty()) {
                phrases.entry(fold(a)).or_insert(Known::Body(b));
            }
        }
        Tables { phrases, countries_by_iso }
    })
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

/// What the gazetteer knows about a phrase (case and punctuation folded; "U.S." and
/// "US" are the same, which is why this folds away the periods).
pub fn lookup(phrase: &str) -> Option<Known> {
    let t = tables();
    let f = fold(phrase);
    if let Some(k) = t.phrases.get(&f) {
        // "US" written in lower case is the pronoun.
        if f == "us" && phrase.chars().any(|c| c.is_lowercase()) {
            return None;
        }
        return Some(*k);
    }
    None
}

/// The country with this alpha-3 code.
pub fn country(iso3: &str) -> Option<Country> {
    tables().countries_by_iso.get(iso3).copied()
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
    }
}
