//! The entry types of the knowledge tables and their parsers, one per table.
use chrono::NaiveDate;

use super::codes::{ActorCode, CameoCode, CountryCode, PloverType, QuadClass, Sector};
use super::error::{KnowledgeError, Problem};
use super::tsv::{Origin, Record, Table};
use crate::record::Modality;

/// A position in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

/// A word that stands for a country's government or institutions ("Kremlin", "Pentagon").
#[derive(Debug, Clone, PartialEq)]
pub struct MetonymEntry {
    pub name: String,
    /// The sector it adds to the country code; `None` codes the bare country.
    pub sector: Option<Sector>,
}

/// A row of `countries.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    pub code: CountryCode,
    pub name: String,
    pub aliases: Vec<String>,
    pub adjectives: Vec<String>,
    pub capital: Option<String>,
    pub capital_position: Option<LatLon>,
    pub position: Option<LatLon>,
    pub metonyms: Vec<MetonymEntry>,
    pub origin: Origin,
}

/// What kind of place a [`City`] row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    City,
    Capital,
    Region,
    Sea,
    Strait,
    Island,
    Area,
    Base,
    River,
}

const PLACE_KINDS: &str = "city, capital, region, sea, strait, island, area, base, river";

impl PlaceKind {
    fn parse(s: &str) -> Option<PlaceKind> {
        Some(match s {
            "city" => PlaceKind::City,
            "capital" => PlaceKind::Capital,
            "region" => PlaceKind::Region,
            "sea" => PlaceKind::Sea,
            "strait" => PlaceKind::Strait,
            "island" => PlaceKind::Island,
            "area" => PlaceKind::Area,
            "base" => PlaceKind::Base,
            "river" => PlaceKind::River,
            _ => return None,
        })
    }
}

/// A row of `cities.tsv` (or a capital taken from `countries.tsv`).
#[derive(Debug, Clone, PartialEq)]
pub struct City {
    pub name: String,
    pub aliases: Vec<String>,
    pub country: Option<CountryCode>,
    pub kind: PlaceKind,
    pub position: LatLon,
    pub origin: Origin,
}

/// Intergovernmental or non-governmental.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BodyKind {
    Igo,
    Ngo,
}

/// A row of `igos.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Igo {
    pub code: ActorCode,
    /// The short code of the dev gold convention (`NATO`, `EUR`); `None` means use `code`.
    pub short: Option<String>,
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: BodyKind,
    pub origin: Origin,
}

impl Igo {
    /// The code to report: the short code where the table gives one (`NATO`, `EUR`), else the
    /// CAMEO code.
    pub fn short_or_code(&self) -> &str {
        self.short.as_deref().unwrap_or(self.code.as_str())
    }
}

/// What kind of non-state group a [`Group`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GroupKind {
    Armed,
    Party,
    Movement,
}

/// A row of `groups.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub actor: ActorCode,
    pub name: String,
    pub aliases: Vec<String>,
    pub country: Option<CountryCode>,
    pub kind: GroupKind,
    pub origin: Origin,
}

/// The kind of office a [`Person`] row describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OfficeRole {
    HeadOfState,
    HeadOfGovernment,
    Monarch,
    VicePresident,
    DeputyHeadOfGovernment,
    ForeignMinister,
    DefenceMinister,
    Minister,
    Spokesperson,
    MilitaryChief,
    SecurityChief,
    IntelligenceChief,
    Official,
    Diplomat,
    Legislator,
    PartyLeader,
    Opposition,
    RebelLeader,
    IgoLeader,
    Judge,
    RegionalLeader,
}

const OFFICE_ROLES: [(OfficeRole, &str); 21] = [
    (OfficeRole::HeadOfState, "head_of_state"),
    (OfficeRole::HeadOfGovernment, "head_of_government"),
    (OfficeRole::Monarch, "monarch"),
    (OfficeRole::VicePresident, "vice_president"),
    (OfficeRole::DeputyHeadOfGovernment, "deputy_head_of_government"),
    (OfficeRole::ForeignMinister, "foreign_minister"),
    (OfficeRole::DefenceMinister, "defence_minister"),
    (OfficeRole::Minister, "minister"),
    (OfficeRole::Spokesperson, "spokesperson"),
    (OfficeRole::MilitaryChief, "military_chief"),
    (OfficeRole::SecurityChief, "security_chief"),
    (OfficeRole::IntelligenceChief, "intelligence_chief"),
    (OfficeRole::Official, "official"),
    (OfficeRole::Diplomat, "diplomat"),
    (OfficeRole::Legislator, "legislator"),
    (OfficeRole::PartyLeader, "party_leader"),
    (OfficeRole::Opposition, "opposition"),
    (OfficeRole::RebelLeader, "rebel_leader"),
    (OfficeRole::IgoLeader, "igo_leader"),
    (OfficeRole::Judge, "judge"),
    (OfficeRole::RegionalLeader, "regional_leader"),
];

const OFFICE_ROLE_NAMES: &str = "head_of_state, head_of_government, monarch, vice_president, \
deputy_head_of_government, foreign_minister, defence_minister, minister, spokesperson, military_chief, \
security_chief, intelligence_chief, official, diplomat, legislator, party_leader, opposition, \
rebel_leader, igo_leader, judge, regional_leader";

impl OfficeRole {
    pub fn as_str(self) -> &'static str {
        OFFICE_ROLES.iter().find(|(r, _)| *r == self).map(|(_, s)| *s).unwrap_or("")
    }

    fn parse(s: &str) -> Option<OfficeRole> {
        OFFICE_ROLES.iter().find(|(_, name)| *name == s).map(|(r, _)| *r)
    }

    /// Precedence when one name fits several people in office on a date: the higher wins
    /// ("Kim" in 2024 is Kim Jong Un, not Kim Yo Jong).
    pub fn rank(self) -> u8 {
        match self {
            OfficeRole::HeadOfState => 20,
            OfficeRole::HeadOfGovernment => 19,
            OfficeRole::Monarch => 18,
            OfficeRole::IgoLeader => 17,
            OfficeRole::RebelLeader => 16,
            OfficeRole::VicePresident => 15,
            OfficeRole::PartyLeader => 14,
            OfficeRole::ForeignMinister => 13,
            OfficeRole::DefenceMinister => 12,
            OfficeRole::DeputyHeadOfGovernment => 11,
            OfficeRole::Opposition => 10,
            OfficeRole::MilitaryChief => 9,
            OfficeRole::SecurityChief => 8,
            OfficeRole::IntelligenceChief => 7,
            OfficeRole::Minister => 6,
            OfficeRole::Spokesperson => 5,
            OfficeRole::Diplomat => 4,
            OfficeRole::Official => 3,
            OfficeRole::Legislator => 2,
            OfficeRole::RegionalLeader => 1,
            OfficeRole::Judge => 0,
        }
    }
}

/// A row of `people.tsv`: one person in one office.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub name: String,
    pub aliases: Vec<String>,
    pub country: CountryCode,
    pub actor: ActorCode,
    pub role: OfficeRole,
    pub office: String,
    /// First day in office; `None` when unknown (taken as always).
    pub start: Option<NaiveDate>,
    /// First day out of office (the successor's first day); `None` while in office.
    pub end: Option<NaiveDate>,
    pub origin: Origin,
}

impl Person {
    /// Whether the office was held on `date`.
    pub fn in_office(&self, date: NaiveDate) -> bool {
        self.start.is_none_or(|s| s <= date) && self.end.is_none_or(|e| date < e)
    }
}

/// A row of `roles.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleWord {
    pub role: String,
    pub sector: Sector,
    pub origin: Origin,
}

/// A row of `cameo.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoInfo {
    pub code: CameoCode,
    pub name: String,
    pub goldstein: f64,
    pub quad_class: QuadClass,
    pub plover: Option<PloverType>,
    pub plover_mode: Option<String>,
    pub origin: Origin,
}

/// Whether a verb pattern is headed by a verb or an event noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PatternPos {
    Verb,
    Noun,
}

/// One element of a verb pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternToken {
    /// One of these lemmas; `optional` for articles and possessives.
    Word { alternatives: Vec<String>, optional: bool },
    /// Where the target noun phrase stands.
    Target,
}

/// Words a pattern may contain that need not appear in the text.
const OPTIONAL_WORDS: [&str; 7] = ["a", "an", "the", "his", "her", "its", "their"];

/// A row of `verbs.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub struct VerbPattern {
    pub pattern: String,
    pub tokens: Vec<PatternToken>,
    pub pos: PatternPos,
    pub code: CameoCode,
    pub origin: Origin,
}

impl VerbPattern {
    /// The alternatives of the first word (the verb or event noun the pattern is indexed by).
    pub fn heads(&self) -> &[String] {
        self.tokens
            .iter()
            .find_map(|t| match t {
                PatternToken::Word { alternatives, optional: false } => Some(alternatives.as_slice()),
                _ => None,
            })
            .unwrap_or(&[])
    }

    /// Whether the pattern marks a target slot.
    pub fn has_target(&self) -> bool {
        self.tokens.contains(&PatternToken::Target)
    }

    /// The number of words a match must contain; longer patterns win.
    pub fn specificity(&self) -> usize {
        self.tokens
            .iter()
            .filter(|t| matches!(t, PatternToken::Word { optional: false, .. }))
            .count()
    }
}

/// Parses the pattern syntax: space-separated lemmas, `a/b` alternatives, `_` for the target.
pub fn parse_pattern(pattern: &str) -> Result<Vec<PatternToken>, String> {
    let mut tokens = Vec::new();
    for word in pattern.split_whitespace() {
        if word == "_" {
            tokens.push(PatternToken::Target);
            continue;
        }
        let written: Vec<String> = word.split('/').map(str::to_lowercase).collect();
        if written.iter().any(String::is_empty) {
            return Err(format!("empty alternative in {word:?}"));
        }
        // A plural in a pattern also matches the singular lemma a tagger gives it.
        let mut alternatives = written.clone();
        for w in &written {
            if let Some(s) = singular(w) {
                if !alternatives.contains(&s) {
                    alternatives.push(s);
                }
            }
        }
        let optional = written.len() == 1 && OPTIONAL_WORDS.contains(&written[0].as_str());
        tokens.push(PatternToken::Word { alternatives, optional });
    }
    if !tokens.iter().any(|t| matches!(t, PatternToken::Word { optional: false, .. })) {
        return Err("a pattern needs at least one word".to_string());
    }
    Ok(tokens)
}

/// The singular of an English plural noun in a pattern, if the word looks like one.
fn singular(w: &str) -> Option<String> {
    if w.len() <= 3 || w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
        return None;
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return Some(format!("{stem}y"));
    }
    for end in ["shes", "ches", "xes", "sses"] {
        if w.ends_with(end) {
            return Some(w[..w.len() - 2].to_string());
        }
    }
    w.strip_suffix('s').map(str::to_string)
}

/// What kind of modality cue a [`ModalityCue`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueKind {
    Report,
    Hedge,
    Denial,
    Negation,
    Future,
    Speculation,
}

/// Where the source of a claim stands relative to a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueSource {
    /// The subject of the cue verb ("Kyiv claimed").
    Subject,
    /// The noun phrase at `_` in the cue ("according to _").
    Object,
    /// No source ("reportedly").
    None,
}

/// A row of `modality.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub struct ModalityCue {
    pub cue: String,
    pub kind: CueKind,
    pub modality: Modality,
    pub source: CueSource,
    pub origin: Origin,
}

/// All tables, as read; merged before indexing.
#[derive(Debug, Clone, Default)]
pub struct Tables {
    pub countries: Vec<Country>,
    pub cities: Vec<City>,
    pub igos: Vec<Igo>,
    pub groups: Vec<Group>,
    pub people: Vec<Person>,
    pub roles: Vec<RoleWord>,
    pub cameo: Vec<CameoInfo>,
    pub verbs: Vec<VerbPattern>,
    pub modality_cues: Vec<ModalityCue>,
}

/// The first header column of each table, which identifies it.
pub const TABLE_KEYS: &str = "iso3 (countries), city (cities), igo (igos), group (groups), person (people), \
role (roles), cameo (cameo), pattern (verbs), cue (modality)";

impl Tables {
    /// Parses one table file, recognised by the first column of its header, into `self`.
    pub fn read(&mut self, file: &str, text: &str) -> Result<(), KnowledgeError> {
        let first = super::tsv::first_column(text).unwrap_or("").to_string();
        let table = Table::parse(file, text)?;
        match first.as_str() {
            "iso3" => read_countries(table, &mut self.countries),
            "city" => read_cities(table, &mut self.cities),
            "igo" => read_igos(table, &mut self.igos),
            "group" => read_groups(table, &mut self.groups),
            "person" => read_people(table, &mut self.people),
            "role" => read_roles(table, &mut self.roles),
            "cameo" => read_cameo(table, &mut self.cameo),
            "pattern" => read_verbs(table, &mut self.verbs),
            "cue" => read_modality(table, &mut self.modality_cues),
            _ => Err(KnowledgeError::UnknownTable { file: file.to_string(), found: first, expected: TABLE_KEYS }),
        }
    }
}

fn lat_lon(r: &Record<'_>, lat: Option<usize>, lon: Option<usize>, names: (&'static str, &'static str)) -> Result<Option<LatLon>, KnowledgeError> {
    let lat_v = r.optional_number(lat, names.0)?;
    let lon_v = r.optional_number(lon, names.1)?;
    match (lat_v, lon_v) {
        (Some(lat), Some(lon)) if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) => Ok(Some(LatLon { lat, lon })),
        (Some(_), Some(_)) => Err(r.error(Problem::Invalid { column: names.0, message: "latitude or longitude out of range".into() })),
        (None, None) => Ok(None),
        _ => Err(r.error(Problem::Invalid { column: names.0, message: "give both latitude and longitude or neither".into() })),
    }
}

fn optional_code<T: std::str::FromStr<Err = super::codes::CodeError>>(r: &Record<'_>, col: Option<usize>, name: &'static str) -> Result<Option<T>, KnowledgeError> {
    let v = r.get(col);
    if v.is_empty() {
        return Ok(None);
    }
    v.parse().map(Some).map_err(|source| r.error(Problem::Code { column: name, source }))
}

fn read_countries(table: Table<'_>, out: &mut Vec<Country>) -> Result<(), KnowledgeError> {
    let c_code = table.column("iso3")?;
    let c_name = table.column("name")?;
    let [aliases, adjectives, capital, clat, clon, lat, lon, metonyms] =
        ["aliases", "adjectives", "capital", "capital_lat", "capital_lon", "lat", "lon", "metonyms"].map(|c| table.optional_column(c));
    for r in table {
        let r = r?;
        let mut mets = Vec::new();
        for m in r.list(metonyms) {
            let (name, sector) = match m.split_once('=') {
                Some((n, s)) => {
                    let sector = s.trim().parse().map_err(|source| r.error(Problem::Code { column: "metonyms", source }))?;
                    (n.trim().to_string(), Some(sector))
                }
                None => (m, None),
            };
            mets.push(MetonymEntry { name, sector });
        }
        let capital = r.get(capital);
        out.push(Country {
            code: r.code(c_code, "iso3")?,
            name: r.required(c_name, "name")?.to_string(),
            aliases: r.list(aliases),
            adjectives: r.list(adjectives),
            capital: (!capital.is_empty()).then(|| capital.to_string()),
            capital_position: lat_lon(&r, clat, clon, ("capital_lat", "capital_lon"))?,
            position: lat_lon(&r, lat, lon, ("lat", "lon"))?,
            metonyms: mets,
            origin: r.origin.clone(),
        });
    }
    Ok(())
}

fn read_cities(table: Table<'_>, out: &mut Vec<City>) -> Result<(), KnowledgeError> {
    let c_name = table.column("city")?;
    let c_kind = table.column("kind")?;
    let c_lat = table.column("lat")?;
    let c_lon = table.column("lon")?;
    let aliases = table.optional_column("aliases");
    let country = table.optional_column("country");
    for r in table {
        let r = r?;
        let kind_s = r.required(c_kind, "kind")?;
        let kind = PlaceKind::parse(kind_s)
            .ok_or_else(|| r.error(Problem::Choice { column: "kind", value: kind_s.to_string(), allowed: PLACE_KINDS }))?;
        let position = lat_lon(&r, Some(c_lat), Some(c_lon), ("lat", "lon"))?
            .ok_or_else(|| r.error(Problem::EmptyField("lat")))?;
        out.push(City {
            name: r.required(c_name, "city")?.to_string(),
            aliases: r.list(aliases),
            country: optional_code(&r, country, "country")?,
            kind,
            position,
            origin: r.origin.clone(),
        });
    }
    Ok(())
}

fn read_igos(table: Table<'_>, out: &mut Vec<Igo>) -> Result<(), KnowledgeError> {
    let c_code = table.column("igo")?;
    let c_name = table.column("name")?;
    let [short, aliases, kind] = ["short", "aliases", "kind"].map(|c| table.optional_column(c));
    for r in table {
        let r = r?;
        let kind = match r.get(kind) {
            "" | "IGO" => BodyKind::Igo,
            "NGO" => BodyKind::Ngo,
            other => return Err(r.error(Problem::Choice { column: "kind", value: other.to_string(), allowed: "IGO, NGO" })),
        };
        let short = r.get(short);
        out.push(Igo {
            code: r.code(c_code, "igo")?,
            short: (!short.is_empty()).then(|| short.to_string()),
            name: r.required(c_name, "name")?.to_string(),
            aliases: r.list(aliases),
            kind,
            origin: r.origin.clone(),
        });
    }
    Ok(())
}

fn read_groups(table: Table<'_>, out: &mut Vec<Group>) -> Result<(), KnowledgeError> {
    let c_code = table.column("group")?;
    let c_name = table.column("name")?;
    let [aliases, country, kind] = ["aliases", "country", "kind"].map(|c| table.optional_column(c));
    for r in table {
        let r = r?;
        let kind = match r.get(kind) {
            "" | "armed" => GroupKind::Armed,
            "party" => GroupKind::Party,
            "movement" => GroupKind::Movement,
            other => return Err(r.error(Problem::Choice { column: "kind", value: other.to_string(), allowed: "armed, party, movement" })),
        };
        out.push(Group {
            actor: r.code(c_code, "group")?,
            name: r.required(c_name, "name")?.to_string(),
            aliases: r.list(aliases),
            country: optional_code(&r, country, "country")?,
            kind,
            origin: r.origin.clone(),
        });
    }
    Ok(())
}

fn read_people(table: Table<'_>, out: &mut Vec<Person>) -> Result<(), KnowledgeError> {
    let c_name = table.column("person")?;
    let c_country = table.column("country")?;
    let c_actor = table.column("actor")?;
    let c_role = table.column("role")?;
    let [aliases, office, start, end] = ["aliases", "office", "start", "end"].map(|c| table.optional_column(c));
    for r in table {
        let r = r?;
        let role_s = r.required(c_role, "role")?;
        let role = OfficeRole::parse(role_s)
            .ok_or_else(|| r.error(Problem::Choice { column: "role", value: role_s.to_string(), allowed: OFFICE_ROLE_NAMES }))?;
        let start = r.optional_date(start, "start")?;
        let end = r.optional_date(end, "end")?;
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                return Err(r.error(Problem::Invalid { column: "end", message: format!("{e} is before the start {s}") }));
            }
        }
        out.push(Person {
            name: r.required(c_name, "person")?.to_string(),
            aliases: r.list(aliases),
            country: r.code(c_country, "country")?,
            actor: r.code(c_actor, "actor")?,
            role,
            office: r.get(office).to_string(),
            start,
            end,
            origin: r.origin.clone(),
        });
    }
    Ok(())
}

fn read_roles(table: Table<'_>, out: &mut Vec<RoleWord>) -> Result<(), KnowledgeError> {
    let c_role = table.column("role")?;
    let c_sector = table.column("sector")?;
    for r in table {
        let r = r?;
        out.push(RoleWord {
            role: r.required(c_role, "role")?.to_lowercase(),
            sector: r.code(c_sector, "sector")?,
            origin: r.origin.clone(),
        });
    }
    Ok(())
}

fn read_cameo(table: Table<'_>, out: &mut Vec<CameoInfo>) -> Result<(), KnowledgeError> {
    let c_code = table.column("cameo")?;
    let c_name = table.column("name")?;
    let c_gold = table.column("goldstein")?;
    let c_quad = table.column("quad")?;
    let [plover, mode] = ["plover", "mode"].map(|c| table.optional_column(c));
    for r in table {
        let r = r?;
        let goldstein = r
            .optional_number(Some(c_gold), "goldstein")?
            .ok_or_else(|| r.error(Problem::EmptyField("goldstein")))?;
        if !(-10.0..=10.0).contains(&goldstein) {
            return Err(r.error(Problem::Invalid { column: "goldstein", message: format!("{goldstein} is outside -10..10") }));
        }
        let mode = r.get(mode);
        out.push(CameoInfo {
            code: r.code(c_code, "cameo")?,
            name: r.required(c_name, "name")?.to_string(),
            goldstein,
            quad_class: r.code(c_quad, "quad")?,
            plover: optional_code(&r, plover, "plover")?,
            plover_mode: (!mode.is_empty()).then(|| mode.to_string()),
            origin: r.origin.clone(),
        });
    }
    Ok(())
}

fn read_verbs(table: Table<'_>, out: &mut Vec<VerbPattern>) -> Result<(), KnowledgeError> {
    let c_pattern = table.column("pattern")?;
    let c_pos = table.column("pos")?;
    let c_code = table.column("cameo")?;
    for r in table {
        let r = r?;
        let pattern = r.required(c_pattern, "pattern")?;
        let tokens = parse_pattern(pattern).map_err(|message| r.error(Problem::Invalid { column: "pattern", message }))?;
        let pos = match r.required(c_pos, "pos")? {
            "V" => PatternPos::Verb,
            "N" => PatternPos::Noun,
            other => return Err(r.error(Problem::Choice { column: "pos", value: other.to_string(), allowed: "V, N" })),
        };
        out.push(VerbPattern {
            pattern: pattern.to_string(),
            tokens,
            pos,
            code: r.code(c_code, "cameo")?,
            origin: r.origin.clone(),
        });
    }
    Ok(())
}

fn read_modality(table: Table<'_>, out: &mut Vec<ModalityCue>) -> Result<(), KnowledgeError> {
    let c_cue = table.column("cue")?;
    let c_kind = table.column("kind")?;
    let c_modality = table.column("modality")?;
    let source = table.optional_column("source");
    for r in table {
        let r = r?;
        let kind = match r.required(c_kind, "kind")? {
            "report" => CueKind::Report,
            "hedge" => CueKind::Hedge,
            "denial" => CueKind::Denial,
            "negation" => CueKind::Negation,
            "future" => CueKind::Future,
            "speculation" => CueKind::Speculation,
            other => {
                return Err(r.error(Problem::Choice {
                    column: "kind",
                    value: other.to_string(),
                    allowed: "report, hedge, denial, negation, future, speculation",
                }))
            }
        };
        let modality = match r.required(c_modality, "modality")? {
            "asserted" => Modality::Asserted,
            "claimed" => Modality::Claimed,
            "denied" => Modality::Denied,
            "planned" => Modality::Planned,
            "possible" => Modality::Possible,
            "negated" => Modality::Negated,
            other => {
                return Err(r.error(Problem::Choice {
                    column: "modality",
                    value: other.to_string(),
                    allowed: "asserted, claimed, denied, planned, possible, negated",
                }))
            }
        };
        let source = match r.get(source) {
            "subject" => CueSource::Subject,
            "object" => CueSource::Object,
            "" | "-" => CueSource::None,
            other => return Err(r.error(Problem::Choice { column: "source", value: other.to_string(), allowed: "subject, object, -" })),
        };
        out.push(ModalityCue { cue: r.required(c_cue, "cue")?.to_string(), kind, modality, source, origin: r.origin.clone() });
    }
    Ok(())
}
