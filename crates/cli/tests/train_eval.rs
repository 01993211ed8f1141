//! `dyad train` and `dyad eval` end to end: scoring the shipped models on gold data,
//! training a small tagger and scoring it, and clear errors for missing data.
mod common;

use common::{dyad, run, shared, stderr, stdout};
use std::path::Path;
use std::process::Output;

/// Two sentences of the EU–Iran sanctions sample, annotated by hand in the UD English
/// EWT style.
const HAND_GOLD: &str = "\
# text = Iran's foreign ministry rejected the accusations.
1\tIran\tIran\tPROPN\tNNP\t_\t4\tnmod:poss\t_\tSpaceAfter=No
2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_
3\tforeign\tforeign\tADJ\tJJ\t_\t4\tamod\t_\t_
4\tministry\tministry\tNOUN\tNN\t_\t5\tnsubj\t_\t_
5\trejected\treject\tVERB\tVBD\t_\t0\troot\t_\t_
6\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\t_
7\taccusations\taccusation\tNOUN\tNNS\t_\t5\tobj\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_

# text = Britain, France and Germany announced similar measures last month.
1\tBritain\tBritain\tPROPN\tNNP\t_\t6\tnsubj\t_\tSpaceAfter=No
2\t,\t,\tPUNCT\t,\t_\t3\tpunct\t_\t_
3\tFrance\tFrance\tPROPN\tNNP\t_\t1\tconj\t_\t_
4\tand\tand\tCCONJ\tCC\t_\t5\tcc\t_\t_
5\tGermany\tGermany\tPROPN\tNNP\t_\t1\tconj\t_\t_
6\tannounced\tannounce\tVERB\tVBD\t_\t0\troot\t_\t_
7\tsimilar\tsimilar\tADJ\tJJ\t_\t8\tamod\t_\t_
8\tmeasures\tmeasure\tNOUN\tNNS\t_\t6\tobj\t_\t_
9\tlast\tlast\tADJ\tJJ\t_\t10\tamod\t_\t_
10\tmonth\tmonth\tNOUN\tNN\t_\t6\tobl:tmod\t_\tSpaceAfter=No
11\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_

";

/// The last number on the table row that starts with `name`.
fn figure(out: &Output, name: &str) -> f64 {
    let text = stdout(out);
    let row = text
        .lines()
        .find(|l| l.split_whitespace().next() == Some(name))
        .unwrap_or_else(|| panic!("no {name} row in:\n{text}\n{}", stderr(out)));
    row.split_whitespace()
        .last()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no figure in {row:?}"))
}

fn ok(out: Output) -> Output {
    assert!(
        out.status.success(),
        "dyad failed: {}\n{}",
        stderr(&out),
        stdout(&out)
    );
    out
}

/// The first `n` sentences (blank-line separated blocks) of a CoNLL-U or IOB2 file.
fn first_sentences(path: &Path, n: usize) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let blocks: Vec<&str> = text
        .split("\n\n")
        .filter(|b| !b.trim().is_empty())
        .take(n)
        .collect();
    blocks.join("\n\n") + "\n\n"
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn eval_conllu_scores_hand_annotated_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.conllu");
    std::fs::write(&gold, HAND_GOLD).unwrap();
    let out = ok(run(&["eval", "conllu", p(&gold)]));
    assert!(figure(&out, "UPOS") >= 80.0, "{}", stdout(&out));
    assert!(figure(&out, "UAS") >= 60.0, "{}", stdout(&out));
    assert!(figure(&out, "LAS") <= figure(&out, "UAS"));

    let raw = ok(run(&["eval", "conllu", "--raw", p(&gold)]));
    assert!(figure(&raw, "Tokens") >= 90.0, "{}", stdout(&raw));
    assert!(figure(&raw, "Sentences") >= 99.0, "{}", stdout(&raw));
    assert!(figure(&raw, "UPOS") >= 80.0, "{}", stdout(&raw));
}

#[test]
fn eval_conllu_on_the_start_of_ewt_dev() {
    let Some(dev) = shared("data/ud/en_ewt-ud-dev.conllu") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("dev50.conllu");
    std::fs::write(&gold, first_sentences(&dev, 50)).unwrap();
    let out = ok(run(&["eval", "conllu", p(&gold)]));
    assert!(stdout(&out).contains("50 sentences"), "{}", stdout(&out));
    assert!(figure(&out, "UPOS") > 88.0, "{}", stdout(&out));
    assert!(figure(&out, "Lemma") > 90.0, "{}", stdout(&out));
    assert!(figure(&out, "UAS") > 70.0, "{}", stdout(&out));
    let raw = ok(run(&["eval", "conllu", "--raw", p(&gold)]));
    assert!(figure(&raw, "Tokens") > 90.0, "{}", stdout(&raw));
    assert!(figure(&raw, "UPOS") > 80.0, "{}", stdout(&raw));
}

#[test]
fn eval_ner_on_a_slice_of_uner_dev() {
    let Some(dev) = shared("data/uner/en_ewt-ud-dev.iob2") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("dev.iob2");
    std::fs::write(&gold, first_sentences(&dev, 400)).unwrap();
    let out = ok(run(&["eval", "ner", p(&gold)]));
    assert!(figure(&out, "micro") > 45.0, "{}", stdout(&out));
    assert!(
        stdout(&out).lines().any(|l| l.starts_with("PER ")),
        "{}",
        stdout(&out)
    );
}

#[test]
fn eval_ner_reads_a_folder_of_newswire_files() {
    let Some(dir) = shared("data/worldwide-newswire/annotated") else {
        return;
    };
    let out = ok(run(&["eval", "ner", p(&dir)]));
    assert!(figure(&out, "micro") > 40.0, "{}", stdout(&out));
    assert!(
        stdout(&out).lines().any(|l| l.starts_with("DATE ")),
        "{}",
        stdout(&out)
    );
}

#[test]
fn train_tagger_writes_a_model_that_eval_uses() {
    let Some(ud) = shared("data/ud") else { return };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("ud")).unwrap();
    std::fs::write(
        data.join("ud/en_ewt-ud-train.conllu"),
        first_sentences(&ud.join("en_ewt-ud-train.conllu"), 300),
    )
    .unwrap();
    let dev = data.join("ud/en_ewt-ud-dev.conllu");
    std::fs::write(&dev, first_sentences(&ud.join("en_ewt-ud-dev.conllu"), 100)).unwrap();
    let models = dir.path().join("models");
    let out = ok(run(&[
        "train",
        "tagger",
        "--data",
        p(&data),
        "--out",
        p(&models),
        "--epochs",
        "2",
    ]));
    assert!(stdout(&out).contains("EWT dev UPOS"), "{}", stdout(&out));
    let model = models.join("tagger.bin.gz");
    assert!(model.is_file(), "no model written: {}", stdout(&out));

    let out = ok(dyad()
        .args(["eval", "conllu", p(&dev), "--model-dir", p(&models)])
        .output()
        .unwrap());
    assert!(
        stderr(&out).contains(p(&model)),
        "the trained model was not used: {}",
        stderr(&out)
    );
    let upos = figure(&out, "UPOS");
    // 300 sentences make a weak tagger, but far better than chance and worse than the
    // shipped one trained on 12,500.
    let shipped = figure(&ok(run(&["eval", "conllu", p(&dev)])), "UPOS");
    assert!(
        upos > 60.0 && upos < shipped,
        "trained {upos}, shipped {shipped}"
    );
}

#[test]
fn missing_training_data_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let models = dir.path().join("models");
    for (model, file) in [("tagger", "en_ewt-ud-train.conllu"), ("ner", "en_ewt-ud-train.iob2")] {
        let out = run(&["train", model, "--data", p(dir.path()), "--out", p(&models)]);
        assert!(!out.status.success(), "training {model} without data succeeded");
        assert!(stderr(&out).contains(file), "{}", stderr(&out));
        assert!(!models.join(format!("{model}.bin.gz")).exists());
    }
}

#[test]
fn missing_gold_files_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nothing-here.conllu");
    for args in [
        vec!["eval", "conllu", p(&missing)],
        vec!["eval", "ner", p(&missing)],
        vec!["eval", "plover", p(&missing)],
    ] {
        let out = run(&args);
        assert!(!out.status.success(), "{args:?} succeeded");
        assert!(
            stderr(&out).contains("nothing-here.conllu"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn eval_plover_codes_every_gold_record() {
    let Some(gold) = shared("data/plover/PLOVER_GSR_CAMEO.json") else {
        return;
    };
    let out = ok(run(&["eval", "plover", p(&gold)]));
    let text = stdout(&out);
    let records: usize = text
        .lines()
        .find(|l| l.contains(" records,"))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    // Every record with a sentence is coded (the file's DOCUMENT header has none).
    assert!(records > 300, "{text}");
    let event = figure(&out, "event");
    assert!((0.0..=100.0).contains(&event), "{text}");
    assert!(text.contains("AGREE"), "{text}");
}

#[test]
fn train_parser_and_ner_write_models_that_eval_uses() {
    let (Some(ud), Some(uner)) = (shared("data/ud"), shared("data/uner")) else { return };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("ud")).unwrap();
    std::fs::create_dir_all(data.join("uner")).unwrap();
    for (sub, file, n) in [
        ("ud", "en_ewt-ud-train.conllu", 300),
        ("ud", "en_ewt-ud-dev.conllu", 100),
        ("uner", "en_ewt-ud-train.iob2", 600),
        ("uner", "en_ewt-ud-dev.iob2", 200),
    ] {
        let from = if sub == "ud" { &ud } else { &uner };
        std::fs::write(data.join(sub).join(file), first_sentences(&from.join(file), n)).unwrap();
    }
    let models = dir.path().join("models");
    let common = ["--data", p(&data), "--out", p(&models), "--epochs", "2"];
    let out = ok(dyad().args(["train", "parser", "--jackknife", "2"]).args(common).output().unwrap());
    assert!(stdout(&out).contains("parser: EWT dev (predicted tags) UAS"), "{}", stdout(&out));
    assert!(models.join("parser.bin.gz").is_file());
    // Training the parser alone writes no tagger.
    assert!(!models.join("tagger.bin.gz").exists());
    let out = ok(dyad().args(["train", "ner"]).args(common).output().unwrap());
    assert!(stdout(&out).contains("ner: UNER EWT dev"), "{}", stdout(&out));

    let dev = data.join("ud/en_ewt-ud-dev.conllu");
    let out = ok(dyad().args(["eval", "conllu", p(&dev), "--model-dir", p(&models)]).output().unwrap());
    assert!(stderr(&out).contains(p(&models.join("parser.bin.gz"))), "{}", stderr(&out));
    let uas = figure(&out, "UAS");
    assert!(uas > 30.0, "a parser trained on 300 sentences should beat chance: {uas}");

    let ner_dev = data.join("uner/en_ewt-ud-dev.iob2");
    let out = ok(dyad().args(["eval", "ner", p(&ner_dev), "--model-dir", p(&models)]).output().unwrap());
    assert!(stderr(&out).contains(p(&models.join("ner.bin.gz"))), "{}", stderr(&out));
    assert!(figure(&out, "micro") > 5.0, "{}", stdout(&out));
}
