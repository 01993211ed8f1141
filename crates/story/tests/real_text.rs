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
