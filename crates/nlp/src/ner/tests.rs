use super::*;

/// `../shared/data/...` beside the workspace, if present.
fn shared(rel: &str) -> Option<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).ancestors().nth(2)?;
    let p = root.join("../shared/data").join(rel);
    p.exists().then_some(p)
}

fn entities(model: &NerModel, text: &str) -> Vec<(String, Label)> {
    let chars: Vec<char> = text.chars().collect();
    model.tag_text(text).into_iter().map(|(s, e, l)| (chars[s..e].iter().collect(), l)).collect()
}

fn has(found: &[(String, Label)], text: &str, label: Label) -> bool {
    found.iter().any(|(t, l)| t == text && *l == label)
}

#[test]
fn rules_relabel_places_and_add_groups_and_dates() {
    let toks = crate::tokenize::tokens("Russian President Vladimir Putin landed in Pyongyang on June 18, and North Korea agreed.");
    let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
    let nk = words.iter().position(|w| *w == "North").unwrap();
    // The model saw "North Korea" as LOC; the gazetteer knows it is a country.
    let spans = rules::finalize(&words, vec![(2, 4, Label::Per), (nk, nk + 2, Label::Loc)], Gazetteer::builtin());
    let got: Vec<(String, Label)> = spans.iter().map(|&(s, e, l)| (words[s..e].join(" "), l)).collect();
    assert_eq!(got, [
        ("Russian".to_string(), Label::Norp),
        ("Vladimir Putin".to_string(), Label::Per),
        ("Pyongyang".to_string(), Label::Gpe),
        ("June 18".to_string(), Label::Date),
        ("North Korea".to_string(), Label::Gpe),
    ]);
}

#[test]
fn shipped_model_tags_news_sentences() {
    let model = NerModel::shipped().expect("shipped entity model loads");
    let a = entities(model, "Russian President Vladimir Putin landed in Pyongyang on June 18 for talks with Kim Jong Un.");
    assert!(has(&a, "Vladimir Putin", Label::Per), "{a:?}");
    assert!(has(&a, "Pyongyang", Label::Gpe), "{a:?}");
    assert!(has(&a, "Russian", Label::Norp), "{a:?}");
    assert!(has(&a, "June 18", Label::Date), "{a:?}");
    assert!(has(&a, "Kim Jong Un", Label::Per), "{a:?}");
    let b = entities(model, "The White House announced on Oct. 13 that North Korea had delivered more than 1,000 containers of equipment and munitions to Russia.");
    assert!(has(&b, "White House", Label::Org), "{b:?}");
    assert!(has(&b, "Oct. 13", Label::Date), "{b:?}");
    assert!(has(&b, "North Korea", Label::Gpe), "{b:?}");
    assert!(has(&b, "Russia", Label::Gpe), "{b:?}");
    let c = entities(model, "\"This is a historic day,\" said Ian J. Storey, a senior fellow at the ISEAS-Yusof Ishak Institute in Singapore.");
    assert!(has(&c, "Ian J. Storey", Label::Per), "{c:?}");
    assert!(has(&c, "Singapore", Label::Gpe), "{c:?}");
}

#[test]
fn trains_on_a_slice_of_uner_and_finds_entities() {
    let (Some(train_path), Some(dev_path)) = (shared("uner/en_ewt-ud-train.iob2"), shared("uner/en_ewt-ud-dev.iob2")) else {
        eprintln!("skipping: ../shared/data/uner not found");
        return;
    };
    let (train_set, _) = data::read_uner(&std::fs::read_to_string(train_path).unwrap(), data::uner_label).unwrap();
    let (dev, _) = data::read_uner(&std::fs::read_to_string(dev_path).unwrap(), data::uner_label).unwrap();
    let model = train(&train_set[..3000], &TrainOptions { epochs: 4, ..Default::default() });
    let scores = evaluate(&model, &dev, |l| if l == Label::Gpe { Some(Label::Loc) } else { Some(l) }, &[Label::Per, Label::Org, Label::Loc]);
    let f1 = scores.micro().f1();
    assert!(f1 > 0.5, "dev F1 {f1:.3} after training on 3,000 sentences\n{scores}");
    let found = entities(&model, "Secretary of State Condoleezza Rice met President George Bush in Washington.");
    assert!(has(&found, "George Bush", Label::Per), "{found:?}");
    assert!(has(&found, "Washington", Label::Gpe), "{found:?}");
}

#[test]
fn viterbi_paths_are_well_formed_bilou_on_real_sentences() {
    let Some(dev_path) = shared("uner/en_ewt-ud-dev.iob2") else {
        eprintln!("skipping: ../shared/data/uner not found");
        return;
    };
    let model = NerModel::shipped().expect("shipped entity model loads");
    let (dev, _) = data::read_uner(&std::fs::read_to_string(dev_path).unwrap(), data::uner_label).unwrap();
    let mut multi = 0;
    for g in dev.iter().take(600) {
        let mut toks = crate::tokenize::tokens(&g.text);
        ensure_tagged(&mut toks);
        let (words, pos) = words_and_tags(&toks);
        let view = View::new(words, pos, Gazetteer::builtin());
        let path = decode(&model.tables.0, &model.trans.0, &view, None);
        assert_eq!(path.len(), toks.len());
        let mut prev = N_TAGS;
        for &t in &path {
            assert!(labels::allowed_after(if prev == N_TAGS { 0 } else { prev })[t], "{:?} in {}", path, g.text);
            prev = t;
        }
        if let Some(&last) = path.last() {
            assert!(labels::allowed_after(last)[0], "sentence ends inside a span: {:?} in {}", path, g.text);
        }
        multi += spans_of(&path).iter().filter(|(s, e, _)| e - s >= 2).count();
    }
    assert!(multi >= 20, "only {multi} multi-word spans in 600 dev sentences");
}

#[test]
fn viterbi_keeps_multiword_names_whole() {
    let model = NerModel::shipped().expect("shipped entity model loads");
    let a = entities(model, "Officials of the Korean Workers' Party met a delegation from the Shanghai Cooperation Organization in Pyongyang.");
    assert!(a.iter().any(|(t, _)| t == "Korean Workers' Party"), "{a:?}");
    // The model alone, before the rules and lists: three- and two-word names whole.
    let mut toks = crate::tokenize::tokens("Kim Jong Un met Vladimir Putin at the Vostochny Cosmodrome on Wednesday.");
    ensure_tagged(&mut toks);
    let (words, pos) = words_and_tags(&toks);
    let spans = model.model_spans(&words, &pos);
    assert!(spans.contains(&(0, 3, Label::Per)), "{spans:?}");
    assert!(spans.contains(&(4, 6, Label::Per)), "{spans:?}");
    let b = entities(model, "Abba Kyari was exposed as a member of a drug cartel, and Bola Tinubu was asked about it in Lagos.");
    assert!(has(&b, "Abba Kyari", Label::Per), "{b:?}");
    assert!(has(&b, "Bola Tinubu", Label::Per), "{b:?}");
}

#[test]
fn lower_case_places_in_web_text_but_not_common_words() {
    let model = NerModel::shipped().expect("shipped entity model loads");
    let a = entities(model, "would someone give me some information about migratory birds in punjab ?");
    assert!(has(&a, "punjab", Label::Gpe), "{a:?}");
    let c = entities(model, "any good seafood places near san francisco for a birthday dinner ?");
    assert!(has(&c, "san francisco", Label::Gpe) || has(&c, "san francisco", Label::Loc), "{c:?}");
    // The rule alone, when the model finds nothing: the capitalised words make a listed city.
    let words = ["buses", "run", "between", "noida", "and", "greater", "noida", "all", "day"];
    let spans = rules::finalize(&words, Vec::new(), Gazetteer::builtin());
    assert_eq!(spans, [(3, 4, Label::Gpe), (5, 7, Label::Gpe)]);
    let b = entities(model, "we had turkey and stuffing, it was a nice dinner");
    assert!(b.is_empty(), "{b:?}");
}

#[test]
fn listed_full_names_that_begin_with_a_function_word_are_people() {
    // "To" is tagged as the particle, so the model alone finds at most "Lam".
    let toks = crate::tokenize::tokens("Vietnam's President To Lam met Russian President Vladimir Putin in Hanoi.");
    let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
    let lam = words.iter().position(|w| *w == "Lam").unwrap();
    for model in [vec![], vec![(lam, lam + 1, Label::Per)]] {
        let spans = rules::finalize(&words, model, Gazetteer::builtin());
        let got: Vec<(String, Label)> = spans.iter().map(|&(s, e, l)| (words[s..e].join(" "), l)).collect();
        assert!(got.contains(&("To Lam".to_string(), Label::Per)), "{got:?}");
        assert!(!got.iter().any(|(t, _)| t == "Lam"), "{got:?}");
    }
    // Not a name elsewhere: "to" in running text, and "Lam" alone is left to the model.
    let toks = crate::tokenize::tokens("They went to Lam Dong province.");
    let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
    let spans = rules::finalize(&words, Vec::new(), Gazetteer::builtin());
    assert!(!spans.iter().any(|&(_, _, l)| l == Label::Per), "{spans:?}");
}

#[test]
fn lone_lower_case_common_words_are_no_places_but_may_be_people() {
    let words = ["i", "met", "nancy", "and", "had", "turkey", "at", "the", "mall"];
    let spans = rules::finalize(&words, vec![(2, 3, Label::Per), (5, 6, Label::Loc)], Gazetteer::builtin());
    assert_eq!(spans, [(2, 3, Label::Per)]);
    // A lower-case listed place the model found is a GPE, as when capitalised.
    let words = ["we", "stayed", "in", "punjab", "for", "a", "week"];
    assert_eq!(rules::finalize(&words, vec![(3, 4, Label::Loc)], Gazetteer::builtin()), [(3, 4, Label::Gpe)]);
}
