//! Stories from real articles, through the whole pipeline (read, prepare, code): the seed
//! articles, all about Putin's June 2024 trip to North Korea, form one story; the dev
//! corpus splits into its stories; events shared by outlets merge; the brief lists every
//! source. Skipped with a notice when the shared corpus is absent.
use dyad_code::CodedDocument;
use dyad_story::StoryIndex;
use std::path::{Path, PathBuf};

fn shared() -> Option<PathBuf> {
    let mut dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    while !dir.join("Cargo.lock").exists() {
        dir = dir.parent()?;
    }
    let shared = dir.parent()?.join("shared");
    if shared.is_dir() {
        Some(shared)
    } else {
        eprintln!("skipped: no shared corpus next to the workspace ({})", shared.display());
        None
    }
}

fn code(path: &Path) -> Vec<(CodedDocument, String)> {
    let mut out = Vec::new();
    for input in dyad_doc::read::discover(&[path]) {
        let input = input.expect("listing the corpus");
        for raw in dyad_doc::read::read_input(&input) {
            let doc = dyad_doc::prepare(raw.expect("reading a corpus document"));
            out.push((dyad_code::code_document(&doc), doc.text));
        }
    }
    out
}

fn gold(path: &Path) -> Vec<(String, String)> {
    std::fs::read_to_string(path)
        .expect("reading docs.jsonl")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| Some((v["id"].as_str()?.to_string(), v["story"].as_str()?.to_string())))
        .collect()
}

#[test]
fn the_seed_articles_form_one_story_and_its_brief_lists_every_source() {
    let Some(shared) = shared() else { return };
    let seeds = code(&shared.join("corpus/seeds"));
    assert_eq!(seeds.len(), 3);
    let mut index = StoryIndex::default();
    for (coded, text) in seeds {
        index.add(coded, &text);
    }
    let stories: Vec<_> = index.stories().collect();
    assert_eq!(stories.len(), 1, "{:?}", stories.iter().map(|s| s.articles.len()).collect::<Vec<_>>());
    let story = stories[0];
    let md = dyad_story::brief::markdown(story);
    for a in &story.articles {
        assert!(md.contains(&format!("{} ({})", a.outlet(), a.coded.doc.id)), "article {} missing from\n{md}", a.coded.doc.id);
    }
    for e in story.events() {
        for s in &e.sources {
            assert!(md.contains(&format!("{} ({})", s.outlet, s.doc_id)));
        }
    }
    let html = dyad_story::brief::html(story);
    assert!(html.contains("<h2>Timeline</h2>") && !html.contains("<script"));
}

#[test]
fn the_dev_corpus_splits_into_its_stories() {
    let Some(shared) = shared() else { return };
    let path = shared.join("corpus/dev/docs.jsonl");
    let gold = gold(&path);
    let mut index = StoryIndex::default();
    let mut assigned = Vec::new();
    for (coded, text) in code(&path) {
        let id = coded.doc.id.clone();
        assigned.push((id, index.add(coded, &text).story));
    }
    let story_of = |id: &str| assigned.iter().find(|(d, _)| d == id).map(|(_, s)| *s).expect("assigned");
    let label_of = |id: &str| gold.iter().find(|(d, _)| d == id).map(|(_, s)| s.clone()).expect("labelled");
    // Pairs of documents from different stories that land together, and from the same
    // story that land apart.
    let (mut merged_wrongly, mut split_wrongly, mut pairs) = (0, 0, 0);
    for (i, (a, sa)) in assigned.iter().enumerate() {
        for (b, sb) in &assigned[i + 1..] {
            pairs += 1;
            match (label_of(a) == label_of(b), sa == sb) {
                (false, true) => merged_wrongly += 1,
                (true, false) => split_wrongly += 1,
                _ => {}
            }
        }
    }
    assert_eq!(pairs, 435);
    assert!(merged_wrongly <= 10, "{merged_wrongly} pairs from different stories clustered together");
    assert!(split_wrongly <= 15, "{split_wrongly} pairs from one story split apart");
    // The first document of two different stories, whatever their ids, stay apart.
    let first_of = |label: &str| gold.iter().find(|(_, s)| s == label).map(|(d, _)| d.clone()).expect("story present");
    assert_ne!(story_of(&first_of("D3")), story_of(&first_of("D4")));

    // Some event of some story is reported by two independent outlets and merges.
    let corroborated = index.stories().flat_map(|s| s.events()).filter(|e| e.corroborated()).count();
    assert!(corroborated >= 1, "no event merged across outlets");
}

#[test]
fn a_restored_clusterer_goes_on_exactly_as_the_one_it_was_taken_from() {
    let Some(shared) = shared() else { return };
    let docs = code(&shared.join("corpus/dev/docs.jsonl"));
    let mut whole = dyad_story::Clusterer::default();
    let expected: Vec<_> = docs.iter().map(|(c, t)| whole.add(&c.doc.id, c, t)).collect();

    // The first part is added with deltas, applied to a snapshot as a store would, and
    // the rest is added to the clusterer restored from it.
    let split = docs.len() / 3;
    let mut first = dyad_story::Clusterer::default();
    let mut snap = dyad_story::Snapshot::default();
    let mut got = Vec::new();
    for (c, t) in &docs[..split] {
        let (a, d) = first.add_with_delta(&c.doc.id, c, t);
        snap.apply(&c.doc.id, &a, &d);
        got.push(a);
    }
    let mut rest = dyad_story::Clusterer::restore(dyad_story::Config::default(), snap);
    assert_eq!(rest.articles() as usize, split);
    got.extend(docs[split..].iter().map(|(c, t)| rest.add(&c.doc.id, c, t)));
    assert_eq!(got, expected);
    assert!(expected.iter().any(|a| !a.opened), "nothing joined a story");
    assert_eq!(expected.iter().map(|a| a.story.0).min(), Some(1), "story numbers start at 1");
}

/// Sentences of a cleaned text, roughly: enough to find figures in.
fn sentences(text: &str) -> Vec<String> {
    text.split(['\n', '.']).map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
}

#[test]
fn seed_articles_that_count_ammunition_differently_contest_the_figure() {
    let Some(shared) = shared() else { return };
    use dyad_code::{ActorRef, Event, Modality};
    use dyad_story::figures::{self, Amount};
    let seeds = code(&shared.join("corpus/seeds"));
    // Per article, the first sentence giving a figure of ammunition.
    let mut picked: Vec<(String, String, Amount)> = Vec::new();
    for (coded, text) in &seeds {
        for s in sentences(text) {
            if let Some(f) = figures::find(&s).into_iter().find(|f| f.things.first().is_some_and(|t| t == "ammunition")) {
                picked.push((coded.doc.id.clone(), s, f.amount));
                break;
            }
        }
    }
    assert!(picked.len() >= 2, "fewer than two seed articles count ammunition: {picked:?}");
    assert!(picked.iter().any(|p| matches!(p.2, Amount::Exact(_))) && picked.iter().any(|p| matches!(p.2, Amount::Vague(_))), "{picked:?}");
    // Each article reports North Korea supplying Russia in that sentence.
    let side = |c: &str| ActorRef { text: c.into(), actor: Some(c.into()), country: Some(c.into()), name: None };
    let articles = seeds
        .iter()
        .filter_map(|(coded, _)| {
            let (_, sentence, _) = picked.iter().find(|p| p.0 == coded.doc.id)?;
            let mut coded = coded.clone();
            coded.events = vec![Event {
                source: side("PRK"),
                target: side("RUS"),
                cameo: "072".into(),
                root: "07".into(),
                quad_class: 2,
                goldstein: 7.4,
                plover: "AID".into(),
                modality: Modality::Claimed,
                attribution: None,
                date: None,
                location: None,
                sentence: sentence.clone(),
                span: [0, 0],
            }];
            Some(dyad_story::Article { coded, duplicate_of: None })
        })
        .collect();
    let story = dyad_story::Story { id: dyad_story::StoryId(1), articles };
    let events = story.events();
    assert_eq!(events.len(), 1, "{events:#?}");
    let contest = events[0]
        .contests
        .iter()
        .find(|c| c.kind == dyad_story::ContestKind::Figure("ammunition".into()))
        .unwrap_or_else(|| panic!("no figure contest: {:#?}", events[0]));
    assert!(contest.versions.len() >= 2 && contest.versions.iter().all(|v| !v.sources.is_empty()), "{contest:?}");
    let md = dyad_story::brief::markdown(&story);
    assert!(md.contains("on the number of ammunition"), "{md}");
}
