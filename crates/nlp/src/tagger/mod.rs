//! Part-of-speech tagger (UPOS and Penn XPOS) and lemmatizer: greedy left-to-right
//! averaged perceptrons over hashed features, in one or more stages, where a later stage
//! sees the whole output of an earlier one (right context included).
//!
//! The shipped model is trained on UD English EWT by `examples/tagger_train.rs` and
//! embedded with `include_bytes!`.
mod compact;
mod features;

use crate::conllu;
use crate::lemma::Lemmatizer;
use crate::perceptron::{argmax, Perceptron, Trainer};
use crate::Token;
use compact::{argmax_allowed_i32, argmax_i32, CompactModel};
use features::{extract_context, extract_local, extract_medium_context, extract_set, Aux, FeatureSet, Lexicon, Prepared};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};

/// The shipped model (trained on UD English EWT train).
static EMBEDDED: &[u8] = include_bytes!("../../models/tagger.bin.gz");

#[derive(Debug, thiserror::Error)]
pub enum TaggerError {
    #[error("reading tagger model: {0}")]
    Io(#[from] std::io::Error),
    #[error("decoding tagger model: {0}")]
    Decode(#[from] postcard::Error),
    #[error("tagger model is inconsistent: {0}")]
    Invalid(String),
}

/// What a stage predicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    /// "UPOS\tXPOS" pairs.
    Joint,
    Upos,
    Xpos,
}

/// How the stages are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// One joint UPOS+XPOS model.
    Joint,
    /// A joint model, then a second joint model that also sees the first one's tags.
    JointTwoPass,
    /// A UPOS model, then an XPOS model that sees the UPOS tags.
    Separate,
    /// UPOS, a second UPOS pass seeing the first, then XPOS seeing the second.
    SeparateTwoPass,
}

impl Scheme {
    fn stages(self) -> Vec<(Target, Option<usize>)> {
        match self {
            Scheme::Joint => vec![(Target::Joint, None)],
            Scheme::JointTwoPass => vec![(Target::Joint, None), (Target::Joint, Some(0))],
            Scheme::Separate => vec![(Target::Upos, None), (Target::Xpos, Some(0))],
            Scheme::SeparateTwoPass => vec![(Target::Upos, None), (Target::Upos, Some(0)), (Target::Xpos, Some(1))],
        }
    }
}

#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub scheme: Scheme,
    /// Passes over the training data per stage.
    pub epochs: usize,
    /// Seed of the sentence shuffle; training is deterministic given the seed.
    pub seed: u64,
    /// Words seen fewer times than this get no ambiguity class (as unseen words).
    pub ambiguity_min_count: u32,
    /// Forms seen at least this often with one tag in at least `tagdict_share` of
    /// cases are tagged by lookup, without the model.
    pub tagdict_min_count: u32,
    pub tagdict_share: f64,
    /// Build the ambiguity classes of each training sentence from a lexicon that left its
    /// fold out (0: one lexicon from all the data).
    pub lexicon_folds: usize,
    /// Give every stage that reads an earlier one (the Penn-tag stage, a second pass)
    /// the lean feature set (when `medium_xpos` is off).
    pub lean_xpos: bool,
    /// Give such stages the medium feature set: the word-local features (cached per
    /// form) and a few context ones. As fast as lean and 0.1-0.2 points more Penn-tag
    /// accuracy (EWT dev 94.58 against 94.51, test 95.05 against 94.83), which the parser
    /// leans on; the full set reaches 94.71 on dev but tags 25% slower.
    pub medium_xpos: bool,
    /// Let the Penn-tag stage choose only tags seen with the predicted UPOS tag
    /// (consistent pairs, but a wrong UPOS tag then forces a wrong Penn tag).
    pub constrain_xpos: bool,
    /// Drop model rows whose largest absolute averaged weight is below this.
    pub prune_below: f32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            scheme: Scheme::Separate,
            epochs: 7,
            seed: 7,
            ambiguity_min_count: 1,
            tagdict_min_count: 20,
            tagdict_share: 0.995,
            lexicon_folds: 5,
            // The shipped tagger's Penn-tag stage is lean. The medium set tags 0.2 points
            // more Penn tags right on EWT test but lowered the event coding downstream
            // (docs/benchmarks-tagger.md), so it stays an option.
            lean_xpos: true,
            medium_xpos: false,
            constrain_xpos: false,
            prune_below: 1.0,
        }
    }
}

/// Progress of training, reported after every epoch of every stage.
#[derive(Debug, Clone)]
pub struct EpochReport {
    pub stage: usize,
    pub target: Target,
    pub epoch: usize,
    /// Accuracy on the training data during the epoch (with current weights).
    pub train_accuracy: f64,
    /// Accuracy of this stage's target on the dev data with averaged weights.
    pub dev_accuracy: Option<f64>,
    /// Feature rows of the averaged (and pruned) model.
    pub features: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Stage {
    target: Target,
    aux: Option<usize>,
    classes: Vec<String>,
    tagdict: FxHashMap<String, u16>,
    features: FeatureSet,
    /// For a Penn-tag stage reading UPOS tags: the Penn tags seen in training with each
    /// UPOS tag (indexed by the earlier stage's class), so no "ADJ VBN" pair comes out.
    allowed: Vec<Vec<bool>>,
    model: CompactModel,
    /// Summed scores of the word-local features of every training form (built after
    /// loading, for [`FeatureSet::Full`] and [`FeatureSet::Medium`] stages): one lookup
    /// instead of seventeen.
    #[serde(skip)]
    local: FxHashMap<Box<str>, Box<[i32]>>,
}

/// A trained tagger and lemmatizer.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Tagger {
    lexicon: Lexicon,
    stages: Vec<Stage>,
    lemmatizer: Lemmatizer,
}

thread_local! {
    /// Buffers for [`Tagger::tag`], reused across calls on one thread.
    static WORK: std::cell::RefCell<Work> = std::cell::RefCell::new(Work::default());
}

/// Reusable buffers for tagging one sentence.
#[derive(Default)]
struct Work {
    prepared: Prepared,
    features: Vec<u64>,
    scores: Vec<i32>,
    /// Predicted class ids per stage.
    tags: Vec<Vec<u16>>,
}

fn label(target: Target, w: &conllu::Word) -> String {
    match target {
        Target::Joint => format!("{}\t{}", w.upos, w.xpos),
        Target::Upos => w.upos.clone(),
        Target::Xpos => w.xpos.clone(),
    }
}

/// A small deterministic generator for shuffling (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

const START: &str = "<s>";

impl Stage {
    /// Tags the prepared sentence into `out`, with `aux` the tags of an earlier stage.
    #[allow(clippy::too_many_arguments)]
    fn run(
        &self,
        model: &CompactModel,
        lexicon: &Lexicon,
        s: &Prepared,
        aux: Option<Aux<'_>>,
        features: &mut Vec<u64>,
        scores: &mut Vec<i32>,
        out: &mut Vec<u16>,
    ) {
        out.clear();
        for i in 0..s.len() {
            let form = s.form(i);
            let tag = match self.tagdict.get(form) {
                Some(&t) => t,
                None => {
                    let p1 = if i >= 1 { self.classes[out[i - 1] as usize].as_str() } else { START };
                    let p2 = if i >= 2 { self.classes[out[i - 2] as usize].as_str() } else { START };
                    scores.clear();
                    match self.local.get(form).filter(|_| std::ptr::eq(model, &self.model)) {
                        Some(local) => {
                            scores.extend_from_slice(local);
                            features.clear();
                            match (self.features, aux) {
                                (FeatureSet::Medium, Some(a)) => extract_medium_context(s, i, p1, p2, a, features),
                                _ => extract_context(s, lexicon, i, p1, p2, aux, features),
                            }
                        }
                        None => {
                            scores.resize(self.classes.len(), 0);
                            extract_set(self.features, s, lexicon, i, p1, p2, aux, features);
                        }
                    }
                    model.score_into(features, scores);
                    match aux.filter(|_| !self.allowed.is_empty()) {
                        Some(a) => argmax_allowed_i32(scores, &self.allowed[a.tags[i] as usize]) as u16,
                        None => argmax_i32(scores) as u16,
                    }
                }
            };
            out.push(tag);
        }
    }
}

impl Tagger {
    /// The model shipped inside the binary.
    pub fn load_embedded() -> Result<Self, TaggerError> {
        Self::load(EMBEDDED)
    }

    /// Reads a model written by [`Tagger::save`].
    pub fn load<R: Read>(input: R) -> Result<Self, TaggerError> {
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(input).read_to_end(&mut bytes)?;
        let mut tagger: Tagger = postcard::from_bytes(&bytes)?;
        tagger.check()?;
        tagger.build_caches();
        Ok(tagger)
    }

    fn build_caches(&mut self) {
        for st in &mut self.stages {
            st.build_local_cache(&self.lexicon);
        }
    }

    fn check(&self) -> Result<(), TaggerError> {
        if self.stages.is_empty() {
            return Err(TaggerError::Invalid("no stages".into()));
        }
        if !self.lexicon.is_consistent() {
            return Err(TaggerError::Invalid("lexicon names an unknown ambiguity class".into()));
        }
        for (k, st) in self.stages.iter().enumerate() {
            if st.classes.is_empty() {
                return Err(TaggerError::Invalid(format!("stage {k} has no classes")));
            }
            if !st.model.is_consistent() {
                return Err(TaggerError::Invalid(format!("stage {k}: weight table is malformed")));
            }
            if st.model.n_classes() != st.classes.len() {
                return Err(TaggerError::Invalid(format!(
                    "stage {k}: {} classes but the model scores {}",
                    st.classes.len(),
                    st.model.n_classes()
                )));
            }
            if st.aux.is_some_and(|a| a >= k) {
                return Err(TaggerError::Invalid(format!("stage {k} reads a later stage")));
            }
            let aux_classes = st.aux.and_then(|a| self.stages.get(a)).map_or(0, |a| a.classes.len());
            if !st.allowed.is_empty()
                && (st.allowed.len() != aux_classes || st.allowed.iter().any(|r| r.len() != st.classes.len()))
            {
                return Err(TaggerError::Invalid(format!("stage {k}: allowed-tag table has the wrong shape")));
            }
            if st.tagdict.values().any(|&t| t as usize >= st.classes.len()) {
                return Err(TaggerError::Invalid(format!("stage {k}: tag dictionary names an unknown class")));
            }
        }
        Ok(())
    }

    /// Writes the model, gzip-compressed.
    pub fn save<W: Write>(&self, out: W) -> Result<(), TaggerError> {
        let bytes = postcard::to_stdvec(self)?;
        let mut gz = flate2::write::GzEncoder::new(out, flate2::Compression::best());
        gz.write_all(&bytes)?;
        gz.finish()?;
        Ok(())
    }

    pub fn lemmatizer(&self) -> &Lemmatizer {
        &self.lemmatizer
    }

    /// Number of feature rows over all stages.
    pub fn n_features(&self) -> usize {
        self.stages.iter().map(|s| s.model.n_features()).sum()
    }

    fn run_stages<'w>(&self, words: impl Iterator<Item = &'w str>, work: &mut Work) {
        work.prepared.prepare(words, &self.lexicon);
        work.tags.resize_with(self.stages.len(), Vec::new);
        for (k, st) in self.stages.iter().enumerate() {
            let (done, rest) = work.tags.split_at_mut(k);
            let aux = st.aux.map(|a| Aux { tags: &done[a], names: &self.stages[a].classes });
            st.run(&st.model, &self.lexicon, &work.prepared, aux, &mut work.features, &mut work.scores, &mut rest[0]);
        }
    }

    /// The (UPOS, XPOS) of word `i` after [`Tagger::run_stages`]: later stages win.
    fn tags_of<'a>(&'a self, work: &Work, i: usize) -> (&'a str, &'a str) {
        let (mut upos, mut xpos) = ("X", "");
        for (st, tags) in self.stages.iter().zip(&work.tags) {
            let name = st.classes[tags[i] as usize].as_str();
            match st.target {
                Target::Joint => {
                    let (u, x) = name.split_once('\t').unwrap_or((name, ""));
                    upos = u;
                    xpos = x;
                }
                Target::Upos => upos = name,
                Target::Xpos => xpos = name,
            }
        }
        (upos, xpos)
    }

    /// Fills `upos`, `xpos` and `lemma` of every token of one sentence.
    pub fn tag(&self, tokens: &mut [Token]) {
        WORK.with_borrow_mut(|work| {
            self.run_stages(tokens.iter().map(|t| t.text.as_str()), work);
            for (i, t) in tokens.iter_mut().enumerate() {
                let (upos, xpos) = self.tags_of(work, i);
                t.upos.clear();
                t.upos.push_str(upos);
                t.xpos.clear();
                t.xpos.push_str(xpos);
                self.lemmatizer.lemma_into(&t.text, upos, xpos, &mut t.lemma);
            }
        });
    }

    /// Tags and lemmatizes the words of CoNLL-U sentences in place (gold tokenization),
    /// leaving heads and relations as they are.
    pub fn tag_conllu(&self, sentences: &mut [conllu::Sentence]) {
        let mut work = Work::default();
        for s in sentences {
            self.run_stages(s.words.iter().map(|w| w.form.as_str()), &mut work);
            for (i, w) in s.words.iter_mut().enumerate() {
                let (upos, xpos) = self.tags_of(&work, i);
                w.upos.clear();
                w.upos.push_str(upos);
                w.xpos.clear();
                w.xpos.push_str(xpos);
                self.lemmatizer.lemma_into(&w.form, upos, xpos, &mut w.lemma);
            }
        }
    }

    /// Tags only (no lemmas, no output strings): what the tagging speed figure measures.
    pub fn tag_words_count(&self, sentences: &[Vec<&str>]) -> usize {
        let mut work = Work::default();
        let mut n = 0;
        for s in sentences {
            self.run_stages(s.iter().copied(), &mut work);
            n += work.tags.last().map_or(0, |t| t.len());
        }
        n
    }
}

/// Trains a tagger and lemmatizer on gold sentences.
pub fn train(sentences: &[conllu::Sentence], options: &TrainOptions) -> Tagger {
    train_reporting(sentences, None, options, |_| {})
}

/// As [`train`], evaluating on `dev` after each epoch and passing progress to `report`.
pub fn train_reporting(
    sentences: &[conllu::Sentence],
    dev: Option<&[conllu::Sentence]>,
    options: &TrainOptions,
    mut report: impl FnMut(&EpochReport),
) -> Tagger {
    // The last lexicon sees all the training data; with folds, the others each leave
    // one fold out and describe that fold's words, as if they came from new text.
    let folds = options.lexicon_folds;
    let word_set = |fold: Option<usize>| {
        sentences
            .iter()
            .enumerate()
            .filter(move |(si, _)| fold.is_none_or(|f| si % folds != f))
            .flat_map(|(_, s)| &s.words)
            .map(|w| (w.form.as_str(), w.upos.as_str()))
    };
    let mut sets: Vec<_> = (0..folds).map(|f| word_set(Some(f))).collect();
    sets.push(word_set(None));
    let mut lexicons = Lexicon::build_family(sets, options.ambiguity_min_count);
    let lexicon = lexicons.pop().expect("the full lexicon");
    let lemmatizer = Lemmatizer::train(sentences);
    let mut tagger = Tagger { lexicon, stages: Vec::new(), lemmatizer };
    let prepare = |ss: &[conllu::Sentence], lexicon: &Lexicon| -> Vec<Prepared> {
        ss.iter()
            .map(|s| {
                let mut p = Prepared::default();
                p.prepare(s.words.iter().map(|w| w.form.as_str()), lexicon);
                p
            })
            .collect()
    };
    let prepared: Vec<Prepared> = sentences
        .iter()
        .enumerate()
        .map(|(si, s)| {
            let mut p = Prepared::default();
            let lexicon = if folds > 0 { &lexicons[si % folds] } else { &tagger.lexicon };
            p.prepare(s.words.iter().map(|w| w.form.as_str()), lexicon);
            p
        })
        .collect();
    let dev = dev.unwrap_or(&[]);
    let dev_prepared = prepare(dev, &tagger.lexicon);
    let stages = options.scheme.stages();
    // Tags of each finished stage on the training data (jackknifed, so a later stage
    // learns how far to trust them) and on the dev data.
    let mut train_tags: Vec<Vec<Vec<u16>>> = Vec::new();
    let mut dev_tags: Vec<Vec<Vec<u16>>> = Vec::new();
    let all: Vec<usize> = (0..sentences.len()).collect();

    for (k, &(target, aux)) in stages.iter().enumerate() {
        let (classes, gold) = label_ids(sentences, target);
        let gold_dev: Vec<Vec<Option<u16>>> = dev
            .iter()
            .map(|s| s.words.iter().map(|w| classes.iter().position(|c| *c == label(target, w)).map(|p| p as u16)).collect())
            .collect();
        let job = StageJob {
            k,
            target,
            aux,
            classes: &classes,
            gold: &gold,
            sentences,
            prepared: &prepared,
            lexicon: &tagger.lexicon,
            earlier: &tagger.stages,
            train_tags: &train_tags,
            options,
        };
        let dev_eval = |model: &CompactModel, stage: &Stage| -> f64 {
            let (mut c, mut t) = (0usize, 0usize);
            let mut bufs = (Vec::new(), Vec::new(), Vec::new());
            for (di, p) in dev_prepared.iter().enumerate() {
                let aux_view = aux.map(|a| Aux { tags: &dev_tags[a][di], names: &tagger.stages[a].classes });
                stage.run(model, &tagger.lexicon, p, aux_view, &mut bufs.0, &mut bufs.1, &mut bufs.2);
                for (g, o) in gold_dev[di].iter().zip(&bufs.2) {
                    c += (*g == Some(*o)) as usize;
                    t += 1;
                }
            }
            100.0 * c as f64 / t.max(1) as f64
        };
        let with_dev = !dev.is_empty();
        let stage = job.train(&all, &mut |r, model, stage| {
            let mut r = r.clone();
            r.features = model.n_features();
            if with_dev {
                r.dev_accuracy = Some(dev_eval(model, stage));
            }
            report(&r);
        });
        if stages.iter().any(|(_, a)| *a == Some(k)) {
            train_tags.push(job.jackknife(JACKKNIFE_FOLDS));
            dev_tags.push(stage.run_all(&tagger.lexicon, &dev_prepared, aux.map(|a| (&dev_tags[a], &tagger.stages[a].classes))));
        } else {
            train_tags.push(Vec::new());
            dev_tags.push(Vec::new());
        }
        tagger.stages.push(stage);
    }
    tagger.build_caches();
    tagger
}

const JACKKNIFE_FOLDS: usize = 4;

/// Everything needed to train stage `k` on some of the training sentences.
struct StageJob<'a> {
    k: usize,
    target: Target,
    aux: Option<usize>,
    classes: &'a [String],
    gold: &'a [Vec<u16>],
    sentences: &'a [conllu::Sentence],
    prepared: &'a [Prepared],
    lexicon: &'a Lexicon,
    earlier: &'a [Stage],
    train_tags: &'a [Vec<Vec<u16>>],
    options: &'a TrainOptions,
}

impl StageJob<'_> {
    /// For a Penn-tag stage reading a UPOS stage: which Penn tags each UPOS tag allows.
    fn allowed_pairs(&self) -> Vec<Vec<bool>> {
        let Some(a) = self.aux.filter(|_| self.options.constrain_xpos) else { return Vec::new() };
        let upos_stage = &self.earlier[a];
        if self.target != Target::Xpos || upos_stage.target != Target::Upos {
            return Vec::new();
        }
        let mut allowed = vec![vec![false; self.classes.len()]; upos_stage.classes.len()];
        for (s, gold) in self.sentences.iter().zip(self.gold) {
            for (w, &x) in s.words.iter().zip(gold) {
                if let Some(u) = upos_stage.classes.iter().position(|c| *c == w.upos) {
                    allowed[u][x as usize] = true;
                }
            }
        }
        allowed
    }

    fn aux_view(&self, si: usize) -> Option<Aux<'_>> {
        self.aux.map(|a| Aux { tags: &self.train_tags[a][si], names: &self.earlier[a].classes })
    }

    /// Trains the stage on the sentences `subset` (indices), calling `on_epoch` with the
    /// averaged model after every epoch when it wants one.
    fn train(&self, subset: &[usize], on_epoch: &mut dyn FnMut(&EpochReport, &CompactModel, &Stage)) -> Stage {
        let options = self.options;
        let tagdict = build_tagdict(self.sentences, self.gold, subset, self.classes.len(), options);
        let mut stage = Stage {
            target: self.target,
            aux: self.aux,
            classes: self.classes.to_vec(),
            tagdict,
            features: if self.options.medium_xpos && self.aux.is_some() {
                FeatureSet::Medium
            } else if self.options.lean_xpos && self.aux.is_some() {
                FeatureSet::Lean
            } else {
                FeatureSet::Full
            },
            allowed: self.allowed_pairs(),
            model: CompactModel::default(),
            local: FxHashMap::default(),
        };
        let mut trainer = Trainer::new(stage.classes.len());
        let mut rng = Rng(options.seed ^ (self.k as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let mut order = subset.to_vec();
        let (mut features, mut scores, mut history) = (Vec::new(), Vec::<f32>::new(), Vec::<u16>::new());
        for epoch in 1..=options.epochs {
            rng.shuffle(&mut order);
            let (mut correct, mut total) = (0usize, 0usize);
            for &si in &order {
                let p = &self.prepared[si];
                let aux_view = self.aux_view(si);
                history.clear();
                for i in 0..p.len() {
                    let truth = self.gold[si][i];
                    let guess = match stage.tagdict.get(p.form(i)) {
                        Some(&t) => t,
                        None => {
                            let p1 = if i >= 1 { stage.classes[history[i - 1] as usize].as_str() } else { START };
                            let p2 = if i >= 2 { stage.classes[history[i - 2] as usize].as_str() } else { START };
                            extract_set(stage.features, p, self.lexicon, i, p1, p2, aux_view, &mut features);
                            scores.clear();
                            scores.resize(stage.classes.len(), 0.0);
                            trainer.current().score_into(&features, &mut scores);
                            let allowed = aux_view.filter(|_| !stage.allowed.is_empty()).map(|a| {
                                let row = &stage.allowed[a.tags[i] as usize];
                                if row.iter().any(|&b| b) { row.as_slice() } else { &[][..] }
                            });
                            let guess = match allowed {
                                Some(mask) if !mask.is_empty() => argmax(&scores, Some(mask)) as u16,
                                _ => argmax(&scores, None) as u16,
                            };
                            trainer.tick();
                            trainer.update(truth as usize, guess as usize, &features);
                            guess
                        }
                    };
                    correct += (guess == truth) as usize;
                    total += 1;
                    history.push(guess);
                }
            }
            let report = EpochReport {
                stage: self.k,
                target: self.target,
                epoch,
                train_accuracy: 100.0 * correct as f64 / total.max(1) as f64,
                dev_accuracy: None,
                features: trainer.current().n_features(),
            };
            if epoch == options.epochs {
                finish_stage(&mut stage, trainer, options);
                on_epoch(&report, &stage.model, &stage);
                return stage;
            }
            let model = CompactModel::from_perceptron(&prune(trainer.clone().finish(), options.prune_below));
            on_epoch(&report, &model, &stage);
        }
        finish_stage(&mut stage, trainer, options);
        stage
    }

    /// Tags of this stage on every training sentence, each predicted by a model that
    /// did not see it (trained on the other folds).
    fn jackknife(&self, folds: usize) -> Vec<Vec<u16>> {
        let mut out = vec![Vec::new(); self.sentences.len()];
        for f in 0..folds {
            let train: Vec<usize> = (0..self.sentences.len()).filter(|i| i % folds != f).collect();
            let stage = self.train(&train, &mut |_, _, _| {});
            let (mut features, mut scores) = (Vec::new(), Vec::new());
            for si in (0..self.sentences.len()).filter(|i| i % folds == f) {
                stage.run(&stage.model, self.lexicon, &self.prepared[si], self.aux_view(si), &mut features, &mut scores, &mut out[si]);
            }
        }
        out
    }
}

fn finish_stage(stage: &mut Stage, trainer: Trainer, options: &TrainOptions) {
    stage.model = CompactModel::from_perceptron(&prune(trainer.finish(), options.prune_below));
}

impl Stage {
    /// Fills the per-form cache of word-local scores.
    fn build_local_cache(&mut self, lexicon: &Lexicon) {
        self.local.clear();
        if self.features == FeatureSet::Lean {
            return;
        }
        let mut p = Prepared::default();
        let mut features = Vec::new();
        for form in lexicon.forms() {
            if self.tagdict.contains_key(form) {
                continue;
            }
            p.prepare(std::iter::once(form), lexicon);
            extract_local(&p, lexicon, 0, &mut features);
            let mut scores = vec![0i32; self.classes.len()];
            self.model.score_into(&features, &mut scores);
            self.local.insert(form.into(), scores.into_boxed_slice());
        }
    }

    fn run_all(&self, lexicon: &Lexicon, ps: &[Prepared], aux: Option<(&Vec<Vec<u16>>, &Vec<String>)>) -> Vec<Vec<u16>> {
        let (mut features, mut scores) = (Vec::new(), Vec::new());
        ps.iter()
            .enumerate()
            .map(|(si, p)| {
                let aux_view = aux.map(|(tags, names)| Aux { tags: &tags[si], names });
                let mut out = Vec::new();
                self.run(&self.model, lexicon, p, aux_view, &mut features, &mut scores, &mut out);
                out
            })
            .collect()
    }
}

/// Class names (sorted) and the gold class id of every training word.
fn label_ids(sentences: &[conllu::Sentence], target: Target) -> (Vec<String>, Vec<Vec<u16>>) {
    let mut classes: Vec<String> = sentences.iter().flat_map(|s| &s.words).map(|w| label(target, w)).collect();
    classes.sort();
    classes.dedup();
    let ids: FxHashMap<&str, u16> = classes.iter().enumerate().map(|(i, c)| (c.as_str(), i as u16)).collect();
    let gold = sentences.iter().map(|s| s.words.iter().map(|w| ids[label(target, w).as_str()]).collect()).collect();
    (classes, gold)
}

fn build_tagdict(
    sentences: &[conllu::Sentence],
    gold: &[Vec<u16>],
    subset: &[usize],
    n_classes: usize,
    options: &TrainOptions,
) -> FxHashMap<String, u16> {
    let mut counts: FxHashMap<&str, FxHashMap<u16, u32>> = FxHashMap::default();
    for &si in subset {
        for (w, &t) in sentences[si].words.iter().zip(&gold[si]) {
            *counts.entry(w.form.as_str()).or_default().entry(t).or_default() += 1;
        }
    }
    let mut dict = FxHashMap::default();
    for (form, tags) in counts {
        let n: u32 = tags.values().sum();
        let (&best, &c) = tags.iter().max_by_key(|(t, c)| (**c, std::cmp::Reverse(**t))).expect("non-empty");
        if n >= options.tagdict_min_count && c as f64 >= options.tagdict_share * n as f64 && (best as usize) < n_classes {
            dict.insert(form.to_string(), best);
        }
    }
    dict
}

fn prune(model: Perceptron, below: f32) -> Perceptron {
    if below <= 0.0 {
        return model;
    }
    Perceptron::from_rows(model.n_classes(), model.rows().filter(|(_, row)| row.iter().any(|w| w.abs() >= below)))
}

#[cfg(test)]
mod tests;
