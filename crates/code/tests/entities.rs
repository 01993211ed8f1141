//! Document-level entities on real sentences: merged mentions, canonical names,
//! actor codes, and what is not an entity.
use dyad_code::entities::{self, DocumentEntities, Label};

fn resolve(text: &str) -> DocumentEntities {
    let sentences = dyad_nlp::tokenize::sentences(text);
    entities::resolve(&sentences, text, chrono::NaiveDate::from_ymd_opt(2024, 6, 19), None)
}

fn named<'a>(d: &'a DocumentEntities, name: &str) -> Option<&'a entities::ResolvedEntity> {
    d.entities.iter().find(|e| e.name == name && e.label != Label::Norp)
}

#[test]
fn a_surname_joins_the_fullest_form() {
    let d = resolve("Russian President Vladimir Putin landed in Pyongyang on June 18. Putin was greeted by Kim Jong Un. Kim and Putin then held talks.");
    let putin = named(&d, "Vladimir Putin").expect("Putin merged under his full name");
    assert_eq!(putin.mentions, 3);
    assert_eq!(putin.label, Label::Per);
    assert_eq!(putin.actor.as_deref(), Some("RUSGOV"));
    let kim = named(&d, "Kim Jong Un").expect("Kim");
    assert_eq!(kim.mentions, 2);
    assert!(named(&d, "Putin").is_none() && named(&d, "Kim").is_none());
}

#[test]
fn korean_name_spellings_are_one_person() {
    let d = resolve("Kim Jong-Un met the delegation. Later, Kim Jong Un spoke. State media said Kim Jung Un was pleased.");
    let kims: Vec<_> = d.entities.iter().filter(|e| e.name.to_lowercase().starts_with("kim j")).collect();
    assert_eq!(kims.len(), 1, "{kims:?}");
    assert_eq!(kims[0].mentions, 3);
}

#[test]
fn countries_get_standard_names_and_codes() {
    let d = resolve("The U.S. and Britain struck targets in Yemen. America and the UK said the strikes were defensive. Russia condemned the United States.");
    let us = named(&d, "United States").expect("United States");
    assert_eq!(us.mentions, 3);
    assert_eq!(us.actor.as_deref(), Some("USA"));
    let uk = named(&d, "United Kingdom").expect("United Kingdom");
    assert_eq!(uk.mentions, 2);
    assert_eq!(named(&d, "Yemen").map(|e| e.label), Some(Label::Gpe));
    let listed: Vec<String> = d.records().into_iter().map(|e| e.name).collect();
    assert!(!listed.iter().any(|n| n == "U.S." || n == "Britain" || n == "America"), "{listed:?}");
}

#[test]
fn nationality_words_are_not_listed_but_titles_give_codes() {
    let d = resolve("Ukrainian President Volodymyr Zelensky said on Thursday that Russian troops had retreated.");
    let listed: Vec<String> = d.records().into_iter().map(|e| e.name).collect();
    assert!(listed.contains(&"Volodymyr Zelensky".to_string()), "{listed:?}");
    assert!(!listed.iter().any(|n| n == "Ukrainian" || n == "Russian" || n == "Ukraine" || n == "Russia"), "{listed:?}");
    assert_eq!(named(&d, "Volodymyr Zelensky").and_then(|e| e.actor.as_deref()), Some("UKRGOV"));
}

#[test]
fn descriptions_and_titles_are_kept() {
    let d = resolve("\"We're certainly going to be watching that very, very closely,\" said John Kirby, spokesperson for the U.S. National Security Council.");
    let kirby = named(&d, "John Kirby").expect("Kirby");
    assert_eq!(kirby.description.as_deref(), Some("spokesperson for the U.S. National Security Council"));
}

#[test]
fn a_description_finds_the_person() {
    let text = "Russian President Vladimir Putin arrived in Hanoi. The Russian leader signed a dozen deals.";
    let sentences = dyad_nlp::tokenize::sentences(text);
    let d = entities::resolve(&sentences, text, None, None);
    let id = d.resolve_nominal(&["russian".to_string(), "leader".to_string()], 1).expect("the Russian leader");
    assert_eq!(d.entities[id].name, "Vladimir Putin");
}

#[test]
fn headlines_regions_and_things() {
    let d = resolve("Putin Visits City of Harbin During Stay in China\nUkrainian troops advanced in the Kursk Oblast. The Comprehensive Strategic Partnership Agreement was signed.");
    let listed: Vec<String> = d.records().into_iter().map(|e| e.name).collect();
    assert!(listed.contains(&"Kursk".to_string()), "regions are listed by name: {listed:?}");
    assert!(!listed.iter().any(|n| n.contains("Visits") || n.contains("Agreement")), "{listed:?}");
}

#[test]
fn mentions_map_back_to_entities() {
    let text = "Prime Minister Rishi Sunak said the strikes were limited. Sunak added that Britain would act again.";
    let sentences = dyad_nlp::tokenize::sentences(text);
    let d = entities::resolve(&sentences, text, None, None);
    let sunak = d.by_name("Rishi Sunak").expect("Sunak");
    // "Sunak" is the first token of the second sentence.
    assert_eq!(d.entity_of(1, 0, 1), Some(sunak));
    let m = d.mention_ending_at(0, 4).expect("mention ending after 'Sunak'");
    assert_eq!(m.entity, sunak);
    assert_eq!(m.name_start, 2, "the title is not part of the name");
}

#[test]
fn the_outlet_does_not_name_itself() {
    let text = "TASS reported that the talks had ended. Moscow, June 19 (TASS) - Putin left Pyongyang.";
    let sentences = dyad_nlp::tokenize::sentences(text);
    let d = entities::resolve(&sentences, text, None, Some("tass.com"));
    let listed: Vec<String> = d.records().into_iter().map(|e| e.name).collect();
    assert!(!listed.contains(&"TASS".to_string()), "{listed:?}");
}

#[test]
fn one_person_is_listed_once_however_the_mentions_resolved() {
    // Two clusters that resolved apart to the same canonical name, as "Biden" and
    // "US President Joe Biden" can (ITV, 11 July 2024).
    let mut d = resolve("US President Joe Biden spoke in Washington. Biden thanked the allies.");
    let biden = named(&d, "Joe Biden").expect("Biden").clone();
    let mut apart = biden.clone();
    apart.mentions = 1;
    apart.aliases = vec!["US President Joe Biden".into()];
    d.entities.push(apart);
    let listed = d.records();
    let bidens: Vec<_> = listed.iter().filter(|e| e.name == "Joe Biden").collect();
    assert_eq!(bidens.len(), 1, "{listed:#?}");
    assert_eq!(bidens[0].mentions, biden.mentions + 1);
    assert!(bidens[0].aliases.contains(&"US President Joe Biden".to_string()));
}
