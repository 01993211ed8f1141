//! Tests of the trained parser on real text: training on a slice of EWT, and the
//! shipped model on news sentences.
use super::*;
use crate::conllu;
use std::path::PathBuf;

/// The shared data folder beside the workspace, if present.
fn shared_ud() -> Option<PathBuf> {
    let mut dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    loop {
        let manifest = dir.join("Cargo.toml");
        if std::fs::read_to_string(&manifest).is_ok_and(|t| t.contains("[workspace]")) {
            let ud = dir.join("../shared/data/ud");
            return ud.is_dir().then_some(ud);
        }
        if !dir.pop() {
            return None;
        }
    }
}

#[test]
fn training_on_a_slice_of_ewt_beats_attaching_to_the_neighbour() {
    let Some(ud) = shared_ud() else {
        eprintln!("skipped: ../shared/data/ud not found");
        return;
    };
    let text = std::fs::read_to_string(ud.join("en_ewt-ud-train.conllu")).unwrap();
    let sentences = conllu::parse(&text).unwrap();
    let (train_set, held_out) = (&sentences[..600], &sentences[600..800]);
    let opts = TrainOptions { epochs: 5, ..TrainOptions::default() };
    let parser = train(train_set, &opts);
    let scores = evaluate(&parser, held_out);
    // Baseline: every word attached to the word before it (the first to the root).
    let (mut words, mut baseline) = (0, 0);
    for s in held_out {
        for (i, w) in s.words.iter().enumerate() {
            words += 1;
            baseline += usize::from(w.head == i);
        }
    }
    let baseline = 100.0 * baseline as f64 / words as f64;
    assert_eq!(scores.words, words);
    assert!(scores.uas() > 60.0, "UAS {:.1}", scores.uas());
    assert!(scores.uas() > baseline + 20.0, "UAS {:.1} vs baseline {baseline:.1}", scores.uas());
    assert!(scores.las() > 45.0, "LAS {:.1}", scores.las());

    // Same data and options give the same model.
    let again = train(train_set, &opts);
    assert_eq!(evaluate(&again, held_out), scores);

    // A saved model parses like the original.
    let mut buf = Vec::new();
    parser.save(&mut buf).unwrap();
    let back = Parser::load(buf.as_slice()).unwrap();
    assert_eq!(evaluate(&back, held_out), scores);
}

/// Tokens with the tags a tagger would give (XPOS, UPOS).
fn tagged(words: &[(&str, &str, &str)]) -> Vec<Token> {
    words
        .iter()
        .map(|(w, x, u)| {
            let mut t = Token::new(*w, 0, 0);
            t.xpos = x.to_string();
            t.upos = u.to_string();
            t
        })
        .collect()
}

fn find(tokens: &[Token], text: &str) -> usize {
    tokens.iter().position(|t| t.text == text).unwrap()
}

#[test]
fn shipped_model_parses_news_sentences() {
    let parser = Parser::load_embedded().unwrap();
    let mut s = tagged(&[
        ("Russian", "JJ", "ADJ"),
        ("President", "NNP", "PROPN"),
        ("Vladimir", "NNP", "PROPN"),
        ("Putin", "NNP", "PROPN"),
        ("landed", "VBD", "VERB"),
        ("in", "IN", "ADP"),
        ("Pyongyang", "NNP", "PROPN"),
        ("on", "IN", "ADP"),
        ("June", "NNP", "PROPN"),
        ("18", "CD", "NUM"),
        (".", ".", "PUNCT"),
    ]);
    parser.parse(&mut s);
    let landed = find(&s, "landed");
    assert_eq!(s[landed].head, None);
    assert_eq!(s[landed].deprel, "root");
    // UD heads a multiword name on its first word ("Vladimir" with "Putin" as flat);
    // either way the name is the subject of "landed".
    let putin = find(&s, "Putin");
    let vladimir = find(&s, "Vladimir");
    let subject = if s[putin].deprel == "flat" { s[putin].head.unwrap() } else { putin };
    assert!(subject == putin || subject == vladimir, "{s:?}");
    assert_eq!((s[subject].head, s[subject].deprel.as_str()), (Some(landed), "nsubj"));
    let pyongyang = find(&s, "Pyongyang");
    assert_eq!((s[pyongyang].head, s[pyongyang].deprel.as_str()), (Some(landed), "obl"));

    let mut s = tagged(&[
        ("North", "NNP", "PROPN"),
        ("Korea", "NNP", "PROPN"),
        ("has", "VBZ", "AUX"),
        ("reportedly", "RB", "ADV"),
        ("sent", "VBN", "VERB"),
        ("some", "DT", "DET"),
        ("five", "CD", "NUM"),
        ("million", "CD", "NUM"),
        ("artillery", "NN", "NOUN"),
        ("shells", "NNS", "NOUN"),
        ("to", "IN", "ADP"),
        ("the", "DT", "DET"),
        ("Russian", "JJ", "ADJ"),
        ("military", "NN", "NOUN"),
        (".", ".", "PUNCT"),
    ]);
    parser.parse(&mut s);
    let sent = find(&s, "sent");
    let shells = find(&s, "shells");
    assert_eq!((s[shells].head, s[shells].deprel.as_str()), (Some(sent), "obj"));
    let korea = find(&s, "Korea");
    assert_eq!((s[korea].head, s[korea].deprel.as_str()), (Some(sent), "nsubj"));
    // Exactly one root, and every head inside the sentence.
    assert_eq!(s.iter().filter(|t| t.head.is_none()).count(), 1);
    assert!(s.iter().all(|t| t.head.is_none_or(|h| h < s.len())));
}

#[test]
fn empty_and_one_word_sentences() {
    let parser = Parser::load_embedded().unwrap();
    parser.parse(&mut []);
    let mut one = tagged(&[("Hello", "UH", "INTJ")]);
    parser.parse(&mut one);
    assert_eq!((one[0].head, one[0].deprel.as_str()), (None, "root"));
}

/// The parser scores the buffer features once per buffer front and reuses them; a
/// decoder that scores every move feature afresh in each state must make the same
/// trees.
#[test]
fn cached_buffer_scores_parse_like_scoring_every_feature() {
    use super::features::{move_features, N_MOVE_FEATURES};
    let Some(ud) = shared_ud() else {
        eprintln!("skipping: ../shared/data/ud is not here");
        return;
    };
    let text = std::fs::read_to_string(ud.join("en_ewt-ud-dev.conllu")).unwrap();
    let sentences = conllu::parse(&text).unwrap();
    let parser = Parser::load_embedded().unwrap();
    let mut scratch = Scratch::default();
    let mut st = State::default();
    let mut compared = 0;
    for s in sentences.iter().filter(|s| !s.words.is_empty()).take(300) {
        let mut tokens: Vec<Token> = s
            .words
            .iter()
            .map(|w| {
                let mut t = Token::new(&w.form, 0, 0);
                t.xpos = w.xpos.clone();
                t.upos = w.upos.clone();
                t
            })
            .collect();
        parser.parse_with(&mut tokens, &mut scratch);

        let mut keys = vec![TokenKeys::root()];
        keys.extend(tokens.iter().map(|t| TokenKeys::new(&t.text, &t.xpos, &t.upos)));
        st.reset(tokens.len());
        let mut feats = [0u64; N_MOVE_FEATURES];
        while !st.is_terminal() {
            move_features(&keys, &st, &mut feats);
            let mut scores = [0i32; MOVES.len()];
            parser.moves.score_into(&feats, &mut scores);
            let m = best_move(&scores, &st.valid_moves());
            let label = parser.arc_label(&keys, &st, m);
            st.apply(m, label);
        }
        parser.complete(&keys, &mut st);
        for (i, t) in tokens.iter().enumerate() {
            let h = st.head[i + 1];
            let head = if h == 0 || h == NONE { None } else { Some(h as usize - 1) };
            assert_eq!(t.head, head, "word {i} of {:?}", s.words.iter().map(|w| &w.form).collect::<Vec<_>>());
            assert_eq!(t.deprel, parser.deprels[st.label[i + 1] as usize]);
        }
        compared += 1;
    }
    assert_eq!(compared, 300);
}

#[test]
fn jackknife_folds_are_contiguous_blocks_covering_every_sentence() {
    let n = 103;
    let folds: Vec<usize> = (0..n).map(|i| super::jackknife_fold(i, n, 10)).collect();
    assert_eq!(folds[0], 0);
    assert_eq!(folds[n - 1], 9);
    // Never decreasing: each fold is one run of neighbouring sentences.
    assert!(folds.windows(2).all(|w| w[0] <= w[1] && w[1] - w[0] <= 1));
    for k in 0..10 {
        let size = folds.iter().filter(|&&f| f == k).count();
        assert!((10..=11).contains(&size), "fold {k} holds {size}");
    }
    assert_eq!(super::jackknife_fold(5, 3, 10), 9, "more folds than sentences stay in range");
}

#[test]
fn averaging_a_model_with_itself_parses_alike_and_mismatched_models_are_refused() {
    let Some(ud) = shared_ud() else {
        eprintln!("skipping: ../shared/data/ud is not here");
        return;
    };
    let text = std::fs::read_to_string(ud.join("en_ewt-ud-dev.conllu")).unwrap();
    let sentences = conllu::parse(&text).unwrap();
    let held_out = &sentences[..300];
    let parser = Parser::load_embedded().unwrap();
    let twice = Parser::averaged(&[parser.clone(), parser.clone()]).unwrap();
    assert_eq!(twice.n_features(), parser.n_features());
    assert_eq!(evaluate(&twice, held_out), evaluate(&parser, held_out));
    assert!(Parser::averaged(&[]).is_err());
    // A model trained on a few sentences knows fewer relations.
    let small = train(&sentences[..50], &TrainOptions { epochs: 1, ..TrainOptions::default() });
    assert!(Parser::averaged(&[parser, small]).is_err());
}
