//! dyad's political knowledge: countries, places, international bodies, groups, people in
//! office, role words, CAMEO codes, verb patterns and modality cues.
//!
//! The tables are plain TSV files in `crates/code/data/` (documented in `docs/knowledge.md`),
//! compiled into the binary. [`Knowledge::embedded`] parses them once;
//! [`Knowledge::load_with_overrides`] adds the user's own files of the same format, whose
//! entries replace built-in ones with the same key.
use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use chrono::NaiveDate;

pub mod codes;
pub mod error;
pub mod names;
pub mod patterns;
pub mod tables;
pub mod tsv;

pub use codes::{ActorCode, CameoCode, CodeError, CountryCode, PloverType, QuadClass, Sector};
pub use error::{KnowledgeError, Problem};
pub use names::{name_key, NameIndex};
pub use patterns::PatternMatch;
pub use tables::{
    BodyKind, CameoInfo, City, Country, CueKind, CueSource, Group, GroupKind, Igo, LatLon, MetonymEntry, ModalityCue,
    OfficeRole, PatternPos, PatternToken, Person, PlaceKind, RoleWord, Tables, VerbPattern,
};
pub use tsv::Origin;

/// The built-in tables: (file name, text).
pub const EMBEDDED: [(&str, &str); 9] = [
    ("countries.tsv", include_str!("../../data/countries.tsv")),
    ("cities.tsv", include_str!("../../data/cities.tsv")),
    ("igos.tsv", include_str!("../../data/igos.tsv")),
    ("groups.tsv", include_str!("../../data/groups.tsv")),
    ("people.tsv", include_str!("../../data/people.tsv")),
    ("roles.tsv", include_str!("../../data/roles.tsv")),
    ("cameo.tsv", include_str!("../../data/cameo.tsv")),
    ("verbs.tsv", include_str!("../../data/verbs.tsv")),
    ("modality.tsv", include_str!("../../data/modality.tsv")),
];

/// A word that stands for a country or its government, resolved.
#[derive(Debug, Clone, Copy)]
pub struct Metonym<'k> {
    pub country: &'k Country,
    pub sector: Option<Sector>,
}

impl Metonym<'_> {
    /// The actor code: the country, plus the sector where the metonym gives one.
    pub fn actor(&self) -> ActorCode {
        match self.sector {
            Some(s) => ActorCode::with_sector(self.country.code, s),
            None => ActorCode::of_country(self.country.code),
        }
    }
}

/// What a name resolved to in [`Knowledge::resolve`].
#[derive(Debug, Clone, Copy)]
pub enum Resolved<'k> {
    Person(&'k Person),
    Group(&'k Group),
    Igo(&'k Igo),
    Country(&'k Country),
    Metonym(Metonym<'k>),
    /// A nationality adjective or demonym ("Russian", "North Koreans").
    Adjective(&'k Country),
}

impl Resolved<'_> {
    /// The CAMEO actor code of what was found.
    pub fn actor(&self) -> ActorCode {
        match self {
            Resolved::Person(p) => p.actor.clone(),
            Resolved::Group(g) => g.actor.clone(),
            Resolved::Igo(i) => i.code.clone(),
            Resolved::Country(c) | Resolved::Adjective(c) => ActorCode::of_country(c.code),
            Resolved::Metonym(m) => m.actor(),
        }
    }

    /// The country, where there is one (a person's office country for national offices,
    /// none for international bodies).
    pub fn country(&self) -> Option<CountryCode> {
        match self {
            Resolved::Person(p) => p.actor.country(),
            Resolved::Group(g) => g.actor.country().or(g.country),
            Resolved::Igo(_) => None,
            Resolved::Country(c) | Resolved::Adjective(c) => Some(c.code),
            Resolved::Metonym(m) => Some(m.country.code),
        }
    }
}

#[derive(Debug, Default, Clone)]
struct Indices {
    country_codes: HashMap<CountryCode, u32>,
    country_names: NameIndex,
    adjectives: NameIndex,
    metonyms: HashMap<String, (u32, Option<Sector>)>,
    cities: NameIndex,
    igos: NameIndex,
    groups: NameIndex,
    people: NameIndex,
    roles: HashMap<String, Sector>,
    cameo: HashMap<String, u32>,
    verb_heads: HashMap<String, Vec<u32>>,
}

/// All of dyad's knowledge tables, indexed for lookup.
#[derive(Debug, Clone)]
pub struct Knowledge {
    pub tables: Tables,
    index: Indices,
    /// Whether an event with only one identifiable side is coded (see
    /// [`Knowledge::with_one_sided_events`]).
    one_sided: bool,
}

static EMBEDDED_KNOWLEDGE: LazyLock<Result<Knowledge, String>> =
    LazyLock::new(|| embedded_tables().and_then(Knowledge::build).map_err(|e| e.to_string()));

fn embedded_tables() -> Result<Tables, KnowledgeError> {
    let mut tables = Tables::default();
    for (file, text) in EMBEDDED {
        tables.read(file, text)?;
    }
    Ok(tables)
}

impl Knowledge {
    /// The built-in knowledge, parsed on first use.
    ///
    /// The built-in tables are checked by this crate's tests, so a failure here is a bug in
    /// the shipped data, not in user input.
    pub fn embedded() -> &'static Knowledge {
        match &*EMBEDDED_KNOWLEDGE {
            Ok(k) => k,
            Err(e) => panic!("dyad's built-in knowledge tables do not parse: {e}"),
        }
    }

    /// The built-in knowledge, or the error that keeps it from parsing.
    pub fn try_embedded() -> Result<&'static Knowledge, String> {
        EMBEDDED_KNOWLEDGE.as_ref().map_err(Clone::clone)
    }

    /// The built-in tables plus the user's files. Each file is one table in the same format as
    /// the built-in ones, recognised by the first column of its header. A user entry replaces
    /// the built-in entry with the same key (see `docs/knowledge.md`); other entries are added.
    pub fn load_with_overrides<P: AsRef<Path>>(paths: &[P]) -> Result<Knowledge, KnowledgeError> {
        let mut tables = embedded_tables()?;
        for path in paths {
            let path = path.as_ref();
            let text = std::fs::read_to_string(path).map_err(|source| KnowledgeError::Read { path: path.to_path_buf(), source })?;
            Self::merge_text(&mut tables, &path.display().to_string(), &text)?;
        }
        Knowledge::build(tables)
    }

    /// Like [`Knowledge::load_with_overrides`], with the override tables given as text.
    pub fn with_override_texts(texts: &[(&str, &str)]) -> Result<Knowledge, KnowledgeError> {
        let mut tables = embedded_tables()?;
        for (file, text) in texts {
            Self::merge_text(&mut tables, file, text)?;
        }
        Knowledge::build(tables)
    }

    fn merge_text(base: &mut Tables, file: &str, text: &str) -> Result<(), KnowledgeError> {
        let mut user = Tables::default();
        user.read(file, text)?;
        merge(base, user);
        Ok(())
    }

    /// Indexes the tables and checks the references between them.
    pub fn build(tables: Tables) -> Result<Knowledge, KnowledgeError> {
        let Tables { countries, mut cities, igos, groups, people, roles, cameo, verbs, modality_cues } = tables;
        let mut index = Indices::default();

        for (i, c) in cameo.iter().enumerate() {
            index.cameo.insert(c.code.as_str().to_string(), i as u32);
        }
        for v in &verbs {
            if !index.cameo.contains_key(v.code.as_str()) {
                return Err(KnowledgeError::Line {
                    file: v.origin.file.to_string(),
                    line: v.origin.line,
                    problem: Problem::UnknownCameo(v.code.to_string()),
                });
            }
        }

        for (i, c) in countries.iter().enumerate() {
            index.country_codes.insert(c.code, i as u32);
            index.country_names.insert(&c.name, i);
            index.country_names.insert(c.code.as_str(), i);
            for a in &c.aliases {
                index.country_names.insert(a, i);
            }
            for a in &c.adjectives {
                index.adjectives.insert(a, i);
            }
            if let Some(cap) = &c.capital {
                index.metonyms.entry(name_key(cap)).or_insert((i as u32, None));
            }
            for m in &c.metonyms {
                index.metonyms.insert(name_key(&m.name), (i as u32, m.sector));
            }
        }

        // Every capital is a city, whether or not cities.tsv lists it.
        let listed: std::collections::HashSet<(String, Option<CountryCode>)> =
            cities.iter().map(|city| (name_key(&city.name), city.country)).collect();
        for c in &countries {
            let (Some(cap), Some(pos)) = (&c.capital, c.capital_position) else { continue };
            if !listed.contains(&(name_key(cap), Some(c.code))) {
                cities.push(City {
                    name: cap.clone(),
                    aliases: Vec::new(),
                    country: Some(c.code),
                    kind: PlaceKind::Capital,
                    position: pos,
                    origin: c.origin.clone(),
                });
            }
        }
        for (i, c) in cities.iter().enumerate() {
            index.cities.insert(&c.name, i);
            for a in &c.aliases {
                index.cities.insert(a, i);
            }
        }
        for (i, g) in igos.iter().enumerate() {
            index.igos.insert(&g.name, i);
            for a in &g.aliases {
                index.igos.insert(a, i);
            }
        }
        for (i, g) in groups.iter().enumerate() {
            index.groups.insert(&g.name, i);
            for a in &g.aliases {
                index.groups.insert(a, i);
            }
        }
        for (i, p) in people.iter().enumerate() {
            index.people.insert(&p.name, i);
            for a in &p.aliases {
                index.people.insert(a, i);
            }
        }
        for r in &roles {
            index.roles.insert(name_key(&r.role), r.sector);
        }
        for (i, v) in verbs.iter().enumerate() {
            for head in v.heads() {
                index.verb_heads.entry(head.clone()).or_default().push(i as u32);
            }
        }

        let tables = Tables { countries, cities, igos, groups, people, roles, cameo, verbs, modality_cues };
        Ok(Knowledge { tables, index, one_sided: false })
    }

    /// The same knowledge, coding also events whose other side the text leaves open ("the
    /// president resigned", "Hizbollah declared a ceasefire"), as PLOVER does. The output
    /// contract's events are dyadic, so `dyad code` leaves this off; `dyad eval plover`
    /// turns it on.
    pub fn with_one_sided_events(mut self, on: bool) -> Knowledge {
        self.one_sided = on;
        self
    }

    /// Whether events with one side only are coded.
    pub fn codes_one_sided(&self) -> bool {
        self.one_sided
    }

    /// A country by its ISO alpha-3 code.
    pub fn country(&self, code: CountryCode) -> Option<&Country> {
        self.index.country_codes.get(&code).map(|&i| &self.tables.countries[i as usize])
    }

    /// A country by its name, an alias or its code ("Burma", "DPRK", "Türkiye", "USA").
    pub fn country_by_name(&self, name: &str) -> Option<&Country> {
        self.index.country_names.get(name).first().map(|&i| &self.tables.countries[i as usize])
    }

    /// A country by a nationality adjective or demonym ("Russian", "North Koreans").
    pub fn country_by_adjective(&self, word: &str) -> Option<&Country> {
        self.index.adjectives.get(word).first().map(|&i| &self.tables.countries[i as usize])
    }

    /// A word standing for a country's government or the country ("Kremlin", "Moscow").
    pub fn metonym(&self, name: &str) -> Option<Metonym<'_>> {
        self.index
            .metonyms
            .get(&name_key(name))
            .map(|&(i, sector)| Metonym { country: &self.tables.countries[i as usize], sector })
    }

    /// A city, region, sea or other place by name or alias. Where several places share the
    /// name, the first listed wins (capitals and better-known places are listed first).
    pub fn city(&self, name: &str) -> Option<&City> {
        self.index.cities.get(name).first().map(|&i| &self.tables.cities[i as usize])
    }

    /// An international body by name, acronym or alias ("NATO", "UN Security Council").
    pub fn igo(&self, name: &str) -> Option<&Igo> {
        self.index.igos.get(name).first().map(|&i| &self.tables.igos[i as usize])
    }

    /// A non-state group or party by name or alias ("Houthis", "Ansar Allah").
    pub fn group(&self, name: &str) -> Option<&Group> {
        self.index.groups.get(name).first().map(|&i| &self.tables.groups[i as usize])
    }

    /// The office a person named `name` held on `date`. Where the name fits several people in
    /// office (or one person with two offices), the higher-ranking office wins.
    pub fn person_by_name(&self, name: &str, date: NaiveDate) -> Option<&Person> {
        self.index
            .people
            .get(name)
            .iter()
            .map(|&i| &self.tables.people[i as usize])
            .filter(|p| p.in_office(date))
            .max_by_key(|p| p.role.rank())
    }

    /// Every office of every person with this name or alias, in table order.
    pub fn people_named<'k>(&'k self, name: &str) -> impl Iterator<Item = &'k Person> + 'k {
        let ids = self.index.people.get(name).to_vec();
        ids.into_iter().map(move |i| &self.tables.people[i as usize])
    }

    /// The holder of an office role for a country on a date ("the president of Russia" in
    /// 2000 and in 2024): the first row whose actor code is the country's and whose role fits.
    pub fn office_holder(&self, country: CountryCode, role: OfficeRole, date: NaiveDate) -> Option<&Person> {
        self.tables.people
            .iter()
            .find(|p| p.role == role && p.actor.country() == Some(country) && p.in_office(date))
    }

    /// The holder of an office named by its title ("president", "prime minister", "secretary
    /// of state") for a country on a date, matched against the start of the `office` column
    /// (a leading "US" or "UK" is skipped). Where several rows fit, the higher rank wins.
    pub fn office_holder_by_title(&self, country: CountryCode, title: &str, date: NaiveDate) -> Option<&Person> {
        let title = name_key(title);
        if title.is_empty() {
            return None;
        }
        let fits = |office: &str| {
            let key = name_key(office);
            let rest = key.split_once(' ').map(|(_, r)| r).unwrap_or("");
            [key.as_str(), rest].iter().any(|k| k.strip_prefix(title.as_str()).is_some_and(|r| r.is_empty() || r.starts_with(' ')))
        };
        self.tables.people
            .iter()
            .filter(|p| p.actor.country() == Some(country) && p.in_office(date) && fits(&p.office))
            .max_by_key(|p| p.role.rank())
    }

    /// The sector a role word gives ("troops" → MIL), trying the singular of a plural.
    pub fn role(&self, word: &str) -> Option<Sector> {
        let key = name_key(word);
        if let Some(s) = self.index.roles.get(&key) {
            return Some(*s);
        }
        let found = singulars(&key).find_map(|k| self.index.roles.get(&k).copied());
        found
    }

    /// What the CAMEO table says about a code.
    pub fn cameo(&self, code: &str) -> Option<&CameoInfo> {
        self.index.cameo.get(code).map(|&i| &self.tables.cameo[i as usize])
    }

    /// The verb patterns whose first word is `lemma`.
    pub fn verbs_for<'k>(&'k self, lemma: &str) -> impl Iterator<Item = &'k VerbPattern> + 'k {
        let ids: &[u32] = self.index.verb_heads.get(&lemma.to_lowercase()).map(Vec::as_slice).unwrap_or(&[]);
        ids.iter().map(move |&i| &self.tables.verbs[i as usize])
    }

    /// A name resolved to an actor on a date: a person in office, a group, an international
    /// body, a country, a metonym, or a nationality adjective, tried in that order.
    pub fn resolve(&self, name: &str, date: NaiveDate) -> Option<Resolved<'_>> {
        let key = name_key(name);
        let ix = &self.index;
        let person = ix
            .people
            .get_key(&key)
            .iter()
            .map(|&i| &self.tables.people[i as usize])
            .filter(|p| p.in_office(date))
            .max_by_key(|p| p.role.rank());
        if let Some(p) = person {
            return Some(Resolved::Person(p));
        }
        if let Some(&i) = ix.groups.get_key(&key).first() {
            return Some(Resolved::Group(&self.tables.groups[i as usize]));
        }
        if let Some(&i) = ix.igos.get_key(&key).first() {
            return Some(Resolved::Igo(&self.tables.igos[i as usize]));
        }
        if let Some(&i) = ix.country_names.get_key(&key).first() {
            return Some(Resolved::Country(&self.tables.countries[i as usize]));
        }
        if let Some(&(i, sector)) = ix.metonyms.get(&key) {
            return Some(Resolved::Metonym(Metonym { country: &self.tables.countries[i as usize], sector }));
        }
        ix.adjectives.get_key(&key).first().map(|&i| Resolved::Adjective(&self.tables.countries[i as usize]))
    }
}

/// Candidate singulars of an English plural key ("forces" → "force", "militias" → "militia").
fn singulars(key: &str) -> impl Iterator<Item = String> + '_ {
    let cands = [
        key.strip_suffix("ies").map(|s| format!("{s}y")),
        key.strip_suffix("es").map(str::to_string),
        key.strip_suffix('s').map(str::to_string),
    ];
    cands.into_iter().flatten()
}

/// Merges user tables into the base: entries with the same key are replaced, others added.
fn merge(base: &mut Tables, user: Tables) {
    replace_by(&mut base.countries, user.countries, |c| c.code.as_str().to_string());
    replace_by(&mut base.cities, user.cities, |c| format!("{}|{}", name_key(&c.name), c.country.map(|c| c.to_string()).unwrap_or_default()));
    replace_by(&mut base.igos, user.igos, |i| i.code.as_str().to_string());
    replace_by(&mut base.groups, user.groups, |g| name_key(&g.name));
    replace_by(&mut base.people, user.people, |p| name_key(&p.name));
    replace_by(&mut base.roles, user.roles, |r| name_key(&r.role));
    replace_by(&mut base.cameo, user.cameo, |c| c.code.as_str().to_string());
    replace_by(&mut base.verbs, user.verbs, |v| format!("{}|{:?}", v.pattern.to_lowercase(), v.pos));
    replace_by(&mut base.modality_cues, user.modality_cues, |m| m.cue.clone());
}

/// Removes every base entry whose key a user entry has, then appends the user entries. A key
/// can have several rows (a person's offices): the user's rows replace all of them together.
fn replace_by<T, K: Fn(&T) -> String>(base: &mut Vec<T>, user: Vec<T>, key: K) {
    if user.is_empty() {
        return;
    }
    let keys: std::collections::HashSet<String> = user.iter().map(&key).collect();
    base.retain(|e| !keys.contains(&key(e)));
    base.extend(user);
}
