//! The built-in knowledge tables: they parse, their references hold, and lookups give the
//! facts the coder relies on.
use std::collections::HashSet;
use std::path::PathBuf;

use chrono::NaiveDate;
use dyad_code::knowledge::{
    ActorCode, CameoCode, Knowledge, KnowledgeError, OfficeRole, PatternPos, PloverType, QuadClass, Resolved,
};

fn k() -> &'static Knowledge {
    Knowledge::embedded()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn actor_of(name: &str, date: &str) -> Option<String> {
    k().person_by_name(name, day(date)).map(|p| p.actor.to_string())
}

#[test]
fn every_table_parses_with_substantial_content() {
    let k = Knowledge::try_embedded().expect("embedded tables parse");
    assert!(k.tables.countries.len() >= 240, "countries: {}", k.tables.countries.len());
    let listed_cities = k.tables.cities.iter().filter(|c| c.origin.file.as_ref() == "cities.tsv").count();
    assert!(listed_cities >= 300, "cities.tsv rows: {listed_cities}");
    assert!(k.tables.igos.len() >= 60, "igos: {}", k.tables.igos.len());
    assert!(k.tables.groups.len() >= 80, "groups: {}", k.tables.groups.len());
    assert!(k.tables.people.len() >= 400, "people: {}", k.tables.people.len());
    assert!(k.tables.roles.len() >= 150, "roles: {}", k.tables.roles.len());
    assert!(k.tables.verbs.len() >= 400, "verbs: {}", k.tables.verbs.len());
    assert!(k.tables.modality_cues.len() >= 100, "modality cues: {}", k.tables.modality_cues.len());
}

#[test]
fn every_cameo_root_exists_with_goldstein_and_the_quad_class_of_its_root() {
    let k = k();
    for root in 1..=20u8 {
        let code = format!("{root:02}");
        let info = k.cameo(&code).unwrap_or_else(|| panic!("root {code} missing"));
        assert!((-10.0..=10.0).contains(&info.goldstein));
    }
    for info in &k.tables.cameo {
        assert_eq!(info.quad_class, info.code.quad_class(), "quad class of {}", info.code);
        if let Some(parent) = info.code.parent() {
            assert!(k.cameo(parent.as_str()).is_some(), "{} has no parent {}", info.code, parent);
        }
        // Every code but the statements (01) has a PLOVER type.
        assert_eq!(info.plover.is_none(), info.code.root() == 1, "PLOVER type of {}", info.code);
    }
}

#[test]
fn visit_and_air_strike_codes_carry_their_facts() {
    let visit = k().cameo("042").unwrap();
    assert_eq!(visit.plover, Some(PloverType::Consult));
    assert_eq!(visit.quad_class, QuadClass::VerbalCooperation);
    assert_eq!(visit.goldstein, 1.9);
    let strike = k().cameo("195").unwrap();
    assert_eq!(strike.quad_class, QuadClass::MaterialConflict);
    assert!(strike.goldstein < 0.0);
    assert_eq!(strike.plover, Some(PloverType::Assault));
    assert_eq!(k().cameo("0332").unwrap().plover, Some(PloverType::Agree));
    assert!(k().cameo("21").is_none());
}

#[test]
fn every_verb_pattern_codes_an_existing_cameo_code_once() {
    let k = k();
    let mut seen = HashSet::new();
    let mut roots = HashSet::new();
    for v in &k.tables.verbs {
        assert!(k.cameo(v.code.as_str()).is_some(), "{}:{} codes unknown {}", v.origin.file, v.origin.line, v.code);
        assert!(seen.insert((v.pattern.clone(), v.pos)), "{}:{} repeats pattern {:?}", v.origin.file, v.origin.line, v.pattern);
        roots.insert(v.code.root());
    }
    assert_eq!(roots.len(), 20, "patterns cover every root");
    // The dev conventions the coder depends on.
    let code = |pattern: &str, pos: PatternPos| {
        k.tables.verbs.iter().find(|v| v.pattern == pattern && v.pos == pos).map(|v| v.code.to_string())
    };
    assert_eq!(code("visit _", PatternPos::Verb).as_deref(), Some("042"));
    assert_eq!(code("invite _", PatternPos::Verb).as_deref(), Some("036"));
    assert_eq!(code("accuse _ of", PatternPos::Verb).as_deref(), Some("112"));
    assert_eq!(code("shelling", PatternPos::Noun).as_deref(), Some("194"));
    assert_eq!(code("incursion into _", PatternPos::Noun).as_deref(), Some("190"));
    assert!(k.verbs_for("arrive").any(|v| v.code.as_str() == "042"));
    assert!(k.verbs_for("call").any(|v| v.pattern == "call on _" && v.code.as_str() == "020"));
}

#[test]
fn every_person_has_a_valid_actor_and_a_known_country() {
    let k = k();
    for p in &k.tables.people {
        let at = format!("{}:{} ({})", p.origin.file, p.origin.line, p.name);
        assert!(p.actor.as_str().parse::<ActorCode>().is_ok(), "{at}");
        assert!(k.country(p.country).is_some(), "{at}: unknown country {}", p.country);
        if let Some(c) = p.actor.country() {
            assert!(k.country(c).is_some(), "{at}: actor {} has unknown country", p.actor);
        } else {
            assert!(
                k.tables.igos.iter().any(|i| i.code == p.actor) || k.tables.groups.iter().any(|g| g.actor == p.actor),
                "{at}: international actor {} is neither a body nor a group",
                p.actor
            );
        }
        if let (Some(s), Some(e)) = (p.start, p.end) {
            assert!(s <= e, "{at}");
        }
    }
    for g in &k.tables.groups {
        if let Some(c) = g.actor.country() {
            assert!(k.country(c).is_some(), "group {} has unknown country", g.name);
        }
    }
    for c in &k.tables.cities {
        if let Some(code) = c.country {
            assert!(k.country(code).is_some(), "city {} has unknown country {}", c.name, code);
        }
    }
}

#[test]
fn people_resolve_by_date() {
    assert_eq!(actor_of("Putin", "2024-06-18").as_deref(), Some("RUSGOV"));
    assert_eq!(actor_of("Biden", "2024-07-10").as_deref(), Some("USAGOV"));
    let vp = k().person_by_name("Joe Biden", day("2010-01-01")).unwrap();
    assert_eq!(vp.role, OfficeRole::VicePresident);
    assert_eq!(vp.actor.as_str(), "USAGOV");
    assert_eq!(k().person_by_name("Biden", day("2024-07-10")).unwrap().role, OfficeRole::HeadOfState);
    // Trump the challenger in 2024, president before and after.
    assert_eq!(actor_of("Donald Trump", "2024-07-10").as_deref(), Some("USAOPP"));
    assert_eq!(actor_of("Trump", "2019-07-10").as_deref(), Some("USAGOV"));
    // Putin was prime minister between his presidencies.
    assert_eq!(k().person_by_name("Putin", day("2010-01-01")).unwrap().role, OfficeRole::HeadOfGovernment);
    // Spellings.
    assert_eq!(k().person_by_name("Kim", day("2024-06-19")).unwrap().name, "Kim Jong Un");
    assert_eq!(k().person_by_name("Kim", day("2000-06-13")).unwrap().name, "Kim Jong Il");
    for name in ["Kim Jong Un", "Kim Jong-un", "Kim Jung Un", "KIM JONG-UN"] {
        assert_eq!(actor_of(name, "2024-06-19").as_deref(), Some("PRKGOV"), "{name}");
    }
    for name in ["Zelensky", "Zelenskyy", "Zelenskiy", "Volodymyr Zelensky"] {
        assert_eq!(actor_of(name, "2024-08-13").as_deref(), Some("UKRGOV"), "{name}");
    }
    assert_eq!(k().person_by_name("Tô Lâm", day("2024-06-20")).unwrap().role, OfficeRole::HeadOfState);
    assert_eq!(actor_of("Syrskyi", "2024-08-13").as_deref(), Some("UKRMIL"));
    assert_eq!(actor_of("Yahya Sarea", "2024-01-12").as_deref(), Some("YEMREB"));
    assert_eq!(actor_of("Stoltenberg", "2024-07-10").as_deref(), Some("IGOWSTNAT"));
    assert_eq!(actor_of("Stoltenberg", "2010-07-10").as_deref(), Some("NORGOV"));
    // Nobody in office: no answer rather than a stale one.
    assert!(k().person_by_name("Kuleba", day("2024-12-01")).is_none());
    // "the president of Russia" in 2000 and 2024.
    let rus = "RUS".parse().unwrap();
    let in_2000 = k().office_holder(rus, OfficeRole::HeadOfState, day("2000-06-01")).unwrap();
    let in_2009 = k().office_holder(rus, OfficeRole::HeadOfState, day("2009-06-01")).unwrap();
    assert_eq!(in_2000.name, "Vladimir Putin");
    assert_eq!(in_2009.name, "Dmitry Medvedev");
    let by_title = |c: &str, title: &str, date: &str| {
        k().office_holder_by_title(c.parse().unwrap(), title, day(date)).map(|p| p.name.clone())
    };
    assert_eq!(by_title("RUS", "president", "2000-06-01").as_deref(), Some("Vladimir Putin"));
    assert_eq!(by_title("RUS", "president", "2010-06-01").as_deref(), Some("Dmitry Medvedev"));
    assert_eq!(by_title("IRN", "president", "2024-08-01").as_deref(), Some("Masoud Pezeshkian"));
    assert_eq!(by_title("USA", "vice president", "2024-08-01").as_deref(), Some("Kamala Harris"));
    assert_eq!(by_title("USA", "secretary of state", "2024-08-01").as_deref(), Some("Antony Blinken"));
    assert_eq!(by_title("GBR", "prime minister", "2024-06-01").as_deref(), Some("Rishi Sunak"));
    assert_eq!(by_title("GBR", "prime minister", "2024-08-01").as_deref(), Some("Keir Starmer"));
}

#[test]
fn bodies_groups_metonyms_and_countries_resolve() {
    let k = k();
    let date = day("2024-06-18");
    let kremlin = k.metonym("Kremlin").unwrap();
    assert_eq!(kremlin.country.code.as_str(), "RUS");
    assert_eq!(kremlin.actor().as_str(), "RUSGOV");
    assert_eq!(k.resolve("Kremlin", date).unwrap().country().unwrap().as_str(), "RUS");
    assert_eq!(k.metonym("Pentagon").unwrap().actor().as_str(), "USAMIL");
    assert_eq!(k.metonym("Hanoi").unwrap().actor().as_str(), "VNM");
    assert_eq!(k.resolve("TASS", date).unwrap().actor().as_str(), "RUSMED");
    assert_eq!(k.resolve("KCNA", date).unwrap().actor().as_str(), "PRKMED");
    assert_eq!(k.resolve("Downing Street", date).unwrap().actor().as_str(), "GBRGOV");
    assert_eq!(k.resolve("Élysée", date).unwrap().actor().as_str(), "FRAGOV");
    assert_eq!(k.group("Houthis").unwrap().actor.as_str(), "YEMREB");
    assert_eq!(k.group("Ansar Allah").unwrap().actor.as_str(), "YEMREB");
    assert_eq!(k.resolve("Hamas", date).unwrap().actor().as_str(), "PSEREB");
    let nato = k.igo("NATO").unwrap();
    assert_eq!(nato.code.as_str(), "IGOWSTNAT");
    assert_eq!(nato.short.as_deref(), Some("NATO"));
    assert_eq!(k.igo("European Union").unwrap().short_or_code(), "EUR");
    assert_eq!(k.igo("World Bank").unwrap().short_or_code(), "IGOUNODEVWBK");
    assert!(matches!(k.resolve("NATO", date), Some(Resolved::Igo(_))));
    assert_eq!(k.igo("IAEA").unwrap().code.as_str(), "IGOUNOIAE");
    for (name, code) in [("Burma", "MMR"), ("Türkiye", "TUR"), ("Turkey", "TUR"), ("Ivory Coast", "CIV"), ("Côte d'Ivoire", "CIV"), ("DPRK", "PRK"), ("U.S.", "USA"), ("Britain", "GBR")] {
        assert_eq!(k.country_by_name(name).map(|c| c.code.to_string()).as_deref(), Some(code), "{name}");
    }
    assert_eq!(k.country_by_adjective("North Korean").unwrap().code.as_str(), "PRK");
    assert_eq!(k.resolve("Russian", date).unwrap().actor().as_str(), "RUS");
    assert_eq!(k.role("troops").unwrap().as_str(), "MIL");
    assert_eq!(k.role("Defence Ministry").unwrap().as_str(), "MIL");
    assert_eq!(k.role("militias").unwrap().as_str(), "REB");
    let sudzha = k.city("Sudzha").unwrap();
    assert_eq!(sudzha.country.unwrap().as_str(), "RUS");
    assert!((sudzha.position.lat - 51.2).abs() < 0.5);
    assert_eq!(k.city("Kiev").unwrap().name, "Kyiv");
    // A capital that cities.tsv does not list still is a city.
    assert_eq!(k.city("Ouagadougou").unwrap().country.unwrap().as_str(), "BFA");
}

#[test]
fn user_files_add_and_replace_entries() {
    let people = "person\taliases\tcountry\tactor\trole\toffice\tstart\tend\n\
        # a new person and a replacement\n\
        Jane Roe\tRoe\tGBR\tGBRGOV\tspokesperson\tSpokeswoman of No 10\t2024-07-05\t\n\
        Maria Zakharova\tZakharova\tRUS\tRUSMIL\tspokesperson\tTest office\t2015-08-10\t\n";
    let groups = "group\tname\taliases\tcountry\tkind\nSDNREB\tTest Brigade\tTB\tSDN\tarmed\n";
    let k = Knowledge::with_override_texts(&[("my-people.tsv", people), ("my-groups.tsv", groups)]).unwrap();
    let roe = k.person_by_name("Roe", day("2024-08-01")).unwrap();
    assert_eq!(roe.actor.as_str(), "GBRGOV");
    assert_eq!(roe.origin.file.as_ref(), "my-people.tsv");
    let z: Vec<_> = k.people_named("Zakharova").collect();
    assert_eq!(z.len(), 1, "the user's rows replace the built-in ones");
    assert_eq!(z[0].actor.as_str(), "RUSMIL");
    assert_eq!(k.group("TB").unwrap().actor.as_str(), "SDNREB");
    assert_eq!(k.group("Houthis").unwrap().actor.as_str(), "YEMREB", "other entries stay");

    // Spreadsheet exports: a byte-order mark and CRLF line ends.
    let excel = "\u{feff}group\tname\taliases\tcountry\tkind\r\nSDNREB\tOther Brigade\tOB\tSDN\tarmed\r\n";
    let k2 = Knowledge::with_override_texts(&[("excel.tsv", excel)]).unwrap();
    assert_eq!(k2.group("OB").unwrap().kind, dyad_code::knowledge::GroupKind::Armed);

    // The same through files on disk.
    let path = std::env::temp_dir().join(format!("dyad-knowledge-test-{}.tsv", std::process::id()));
    std::fs::write(&path, people).unwrap();
    let loaded = Knowledge::load_with_overrides(&[&path]);
    std::fs::remove_file(&path).ok();
    assert!(loaded.unwrap().person_by_name("Jane Roe", day("2024-08-01")).is_some());
}

#[test]
fn errors_name_the_file_and_line() {
    let bad = "person\tcountry\tactor\trole\n# comment\nSomeone\tRUS\tRUSGOV\tpresident-for-life\n";
    let err = Knowledge::with_override_texts(&[("mine.tsv", bad)]).unwrap_err();
    assert!(matches!(err, KnowledgeError::Line { line: 3, .. }), "{err}");
    assert!(err.to_string().starts_with("mine.tsv:3:"), "{err}");

    let bad_code = "pattern\tpos\tcameo\nfrobnicate _\tV\t2101\n";
    let err = Knowledge::with_override_texts(&[("verbs-mine.tsv", bad_code)]).unwrap_err();
    assert!(err.to_string().contains("verbs-mine.tsv:2"), "{err}");

    let unknown = "whatever\tx\n";
    assert!(matches!(
        Knowledge::with_override_texts(&[("x.tsv", unknown)]),
        Err(KnowledgeError::UnknownTable { .. })
    ));
    let missing = Knowledge::load_with_overrides(&["/nonexistent/actors.tsv"]).unwrap_err();
    assert!(missing.to_string().contains("/nonexistent/actors.tsv"));
}

#[test]
fn codes_validate_on_construction() {
    assert!("042".parse::<CameoCode>().is_ok());
    assert!("21".parse::<CameoCode>().is_err());
    assert!("RUSGOV".parse::<ActorCode>().is_ok());
    assert!("RUSGO".parse::<ActorCode>().is_err());
}

fn shared_dir() -> Option<PathBuf> {
    let mut dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    while !dir.join("Cargo.lock").exists() {
        if !dir.pop() {
            return None;
        }
    }
    let shared = dir.join("../shared");
    shared.exists().then_some(shared)
}

/// The dev gold's actor codes are all expressible with the tables: every country code is
/// known and every international short code is some body's `short`.
#[test]
fn dev_gold_actor_codes_are_known() {
    let Some(shared) = shared_dir() else {
        eprintln!("skipping: ../shared not found");
        return;
    };
    let path = shared.join("corpus/dev/gold.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {} not found", path.display());
        return;
    };
    let k = k();
    let shorts: HashSet<String> = k.tables.igos.iter().filter_map(|i| i.short.clone()).collect();
    let mut checked = 0;
    for line in text.lines() {
        let doc: serde_json::Value = serde_json::from_str(line).unwrap();
        for e in doc["events"].as_array().unwrap() {
            for side in ["source", "target"] {
                let code = e[side].as_str().unwrap();
                let country = e[format!("{side}_country")].as_str();
                match country {
                    Some(c) => assert!(k.country(c.parse().unwrap()).is_some(), "unknown country {c}"),
                    None => assert!(shorts.contains(code), "international code {code} is no body's short code"),
                }
                checked += 1;
            }
            assert!(k.cameo(e["cameo"].as_str().unwrap()).is_some(), "gold CAMEO {} missing", e["cameo"]);
        }
    }
    assert!(checked > 500, "checked {checked} actor codes");
}

/// Most named people in the dev gold who act in events resolve to the right country.
#[test]
fn dev_gold_politicians_resolve_to_their_country() {
    let Some(shared) = shared_dir() else {
        eprintln!("skipping: ../shared not found");
        return;
    };
    let Ok(text) = std::fs::read_to_string(shared.join("corpus/dev/gold.jsonl")) else {
        eprintln!("skipping: gold.jsonl not found");
        return;
    };
    // Quote speakers who are people with a known office: their resolved country must be the
    // country of some event actor in the same document.
    let k = k();
    let (mut found, mut agree, mut total) = (0, 0, 0);
    for line in text.lines() {
        let doc: serde_json::Value = serde_json::from_str(line).unwrap();
        let date = doc["published"].as_str().map(day).unwrap_or(day("2024-06-01"));
        let countries: HashSet<&str> = doc["events"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|e| [e["source_country"].as_str(), e["target_country"].as_str()])
            .flatten()
            .collect();
        for q in doc["quotes"].as_array().unwrap() {
            let speaker = q["speaker"].as_str().unwrap();
            if !speaker.contains(' ') {
                continue;
            }
            total += 1;
            if let Some(p) = k.person_by_name(speaker, date) {
                found += 1;
                if countries.contains(p.country.as_str()) {
                    agree += 1;
                }
            }
        }
    }
    eprintln!("dev quote speakers: {found}/{total} resolved, {agree} to a country acting in the document");
    assert!(found * 2 >= total, "at least half of the named speakers are known: {found}/{total}");
    assert!(agree * 10 >= found * 9, "resolved speakers belong to the story: {agree}/{found}");
}

/// The PLOVER types agree with the 2021 CAMEO-to-PLOVER table kept beside the project.
#[test]
fn plover_types_agree_with_the_2021_mapping() {
    let Some(shared) = shared_dir() else {
        eprintln!("skipping: ../shared not found");
        return;
    };
    let Ok(text) = std::fs::read_to_string(shared.join("data/plover/CAMEO2PLOVER-2021.txt")) else {
        eprintln!("skipping: CAMEO2PLOVER-2021.txt not found");
        return;
    };
    let k = k();
    let mut seen = HashSet::new();
    for line in text.lines() {
        let Some((code, rest)) = line.split_once(':') else { continue };
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) || !seen.insert(code.to_string()) {
            continue;
        }
        let plover = rest.split([',', '#']).next().unwrap().trim();
        let info = k.cameo(code).unwrap_or_else(|| panic!("CAMEO {code} of the mapping is missing"));
        assert_eq!(info.plover.map(|p| p.as_str()), Some(plover), "PLOVER type of {code}");
    }
    assert!(seen.len() > 250, "read {} codes", seen.len());
}

#[test]
fn patterns_match_clauses_and_the_longest_wins() {
    let k = k();
    let code_at = |text: &str, head: usize| {
        let lemmas: Vec<&str> = text.split(' ').collect();
        k.match_pattern(&lemmas, head, None).map(|(p, m)| (p.code.to_string(), m.target.map(|t| lemmas[t].join(" "))))
    };
    assert_eq!(code_at("putin pay a visit to pyongyang", 1), Some(("042".into(), Some("pyongyang".into()))));
    assert_eq!(code_at("biden call on russia to withdraw", 1), Some(("020".into(), Some("russia to withdraw".into()))));
    assert_eq!(code_at("xi call putin", 1), Some(("041".into(), Some("putin".into()))));
    assert_eq!(code_at("china accuse the u.s. of provocation", 1), Some(("1123".into(), Some("the u.s.".into()))));
    assert_eq!(code_at("china accuse the u.s. of lie", 1), Some(("112".into(), Some("the u.s.".into()))));
    assert_eq!(code_at("us launch strike on houthi target", 1), Some(("195".into(), Some("houthi target".into()))));
    assert_eq!(code_at("russia impose sanction on the us", 1).map(|c| c.0), Some("163".into()));
    assert_eq!(code_at("ukraine launch incursion into kursk", 1), Some(("190".into(), Some("kursk".into()))));
    assert!(code_at("frobnicate the us", 0).is_none());
}

/// A person's name never shadows a country, demonym or group, and no two people in office at
/// the same time share a name or alias (which would make `person_by_name` guess).
#[test]
fn person_names_are_unambiguous() {
    use dyad_code::knowledge::name_key;
    let k = k();
    for p in &k.tables.people {
        for n in std::iter::once(&p.name).chain(&p.aliases) {
            assert!(k.country_by_name(n).is_none(), "{}: {n:?} is also a country", p.name);
            assert!(k.country_by_adjective(n).is_none(), "{}: {n:?} is also a demonym", p.name);
            assert!(k.group(n).is_none(), "{}: {n:?} is also a group", p.name);
        }
    }
    for (i, a) in k.tables.people.iter().enumerate() {
        let keys: HashSet<String> = std::iter::once(&a.name).chain(&a.aliases).map(|n| name_key(n)).collect();
        for b in &k.tables.people[i + 1..] {
            if name_key(&a.name) == name_key(&b.name) {
                continue;
            }
            let overlap = a.start.max(b.start) < match (a.end, b.end) {
                (Some(x), Some(y)) => Some(x.min(y)),
                (x, y) => x.or(y),
            }
            .or(Some(NaiveDate::MAX));
            if overlap && std::iter::once(&b.name).chain(&b.aliases).any(|n| keys.contains(&name_key(n))) {
                panic!("{} and {} share a name while both in office", a.name, b.name);
            }
        }
    }
}
