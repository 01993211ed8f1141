//! Named-entity tagger: PER, ORG, LOC, GPE, NORP, DATE.
//!
//! A structured averaged perceptron over BILOU tags, decoded with Viterbi
//! ([`viterbi`]): per-token emission features, tag-to-tag transitions, and edge
//! features that join the word's shape, Penn tag and list match with whether a span
//! is open before it. It learns PER, ORG, LOC and NORP from Universal NER (its `OTH`
//! spans, mostly nationalities and groups, as NORP). [`rules`] then turns LOC spans the
//! gazetteer knows as countries, cities or states into GPE, adds gazetteer places,
//! groups and organizations the model missed, and adds DATE spans by rule ([`dates`]).
pub mod augment;
pub mod data;
pub mod dates;
pub mod eval;
pub mod features;
pub mod labels;
pub mod memory;
pub mod rules;
pub mod structured;
pub mod table;
pub mod viterbi;

use crate::gazetteer::Gazetteer;
use crate::perceptron::Perceptron;
use crate::tagger::Tagger;
use crate::{AnnotatedSentence, EntitySpan, Token};
use data::Gold;
use features::View;
use table::WeightTable;
pub use labels::Label;
use labels::{edge_group, spans_of, N_EDGE_GROUPS, N_TAGS};
use structured::StructTrainer;
use viterbi::Transitions;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

#[derive(Debug, thiserror::Error)]
pub enum NerError {
    #[error("entity model: {0}")]
    Model(#[from] std::io::Error),
    #[error("entity model has {found} classes, expected {expected}")]
    Classes { found: usize, expected: usize },
    #[error("entity data line {line}: {reason}")]
    Format { line: usize, reason: String },
}

/// A trained entity tagger: a first pass, and optionally a second pass that also
/// sees the first pass's tags on both sides of each word (stacking; off by default
/// since Viterbi decoding, where it no longer helped).
#[derive(Debug, Clone)]
pub struct NerModel {
    first: Perceptron,
    second: Option<Perceptron>,
    /// The inference forms of `first` and `second`.
    tables: (WeightTable, Option<WeightTable>),
    /// The transition scores of `first` and `second`.
    trans: (Transitions, Transitions),
}

#[derive(serde::Serialize)]
struct StoredRef<'a> {
    first: &'a Perceptron,
    second: Option<&'a Perceptron>,
}

#[derive(serde::Deserialize)]
struct Stored {
    first: Perceptron,
    second: Option<Perceptron>,
}

static SHIPPED: &[u8] = include_bytes!("../models/ner.bin.gz");

/// The part-of-speech tagger whose predicted tags the entity features read (the
/// shipped one, at training time as at run time). `None` if it cannot load, in
/// which case tokens stay untagged.
fn pos_tagger() -> Option<&'static Tagger> {
    static T: OnceLock<Option<Tagger>> = OnceLock::new();
    T.get_or_init(|| Tagger::load_embedded().ok()).as_ref()
}

/// Tags `tokens` with the shipped tagger unless every one already has a Penn tag
/// (the pipeline tags before it finds entities).
pub fn ensure_tagged(tokens: &mut [Token]) {
    if tokens.iter().any(|t| t.xpos.is_empty()) {
        if let Some(t) = pos_tagger() {
            t.tag(tokens);
        }
    }
}

fn words_and_tags(tokens: &[Token]) -> (Vec<&str>, Vec<&str>) {
    tokens.iter().map(|t| (t.text.as_str(), t.xpos.as_str())).unzip()
}

/// IOB tags of one sentence by Viterbi decoding over the emission scores of each
/// token's features, the transition scores `trans` and the edge features'; `first`
/// adds the stacked features (the first pass's tags).
fn decode(model: &impl Scorer, trans: &Transitions, view: &View, first: Option<&[usize]>) -> Vec<usize> {
    let mut emissions = Vec::with_capacity(view.len());
    let mut edges = Vec::with_capacity(view.len());
    let mut feats = Vec::with_capacity(56);
    for i in 0..view.len() {
        match first {
            Some(f) => view.second_features(i, f, &mut feats),
            None => view.features(i, &mut feats),
        }
        let mut e = [0f32; N_TAGS];
        model.score(&feats, &mut e);
        emissions.push(e);
        edges.push(edge_scores(model, trans, view, i, &mut feats));
    }
    viterbi::best_path(&emissions, &edges)
}

/// The move scores into token `i`: transitions plus edge features, for each
/// previous tag that can occur there.
fn edge_scores(model: &impl Scorer, trans: &Transitions, view: &View, i: usize, buf: &mut Vec<u64>) -> Transitions {
    let mut m = *trans;
    if i == 0 {
        view.edge_features(i, edge_group(N_TAGS), buf);
        model.score(buf, &mut m[N_TAGS]);
        return m;
    }
    let mut rows = [[0f32; N_TAGS]; N_EDGE_GROUPS];
    for (g, row) in rows.iter_mut().enumerate() {
        view.edge_features(i, g, buf);
        model.score(buf, row);
    }
    for (p, r) in m.iter_mut().enumerate().take(N_TAGS) {
        for (x, y) in r.iter_mut().zip(&rows[edge_group(p)]) {
            *x += y;
        }
    }
    m
}

/// The transition scores of a model: the rows of its [`features::transition`] features.
fn transitions(model: &impl Scorer) -> Transitions {
    let mut t = [[0f32; N_TAGS]; N_TAGS + 1];
    for (p, row) in t.iter_mut().enumerate() {
        model.score(&[features::transition(p)], row);
    }
    t
}

/// What [`decode`] scores with: a model being trained, or a loaded model's table.
trait Scorer {
    fn score(&self, features: &[u64], scores: &mut [f32; N_TAGS]);
}

impl Scorer for Perceptron {
    fn score(&self, features: &[u64], scores: &mut [f32; N_TAGS]) {
        self.score_into(features, scores);
    }
}

impl Scorer for StructTrainer {
    fn score(&self, features: &[u64], scores: &mut [f32; N_TAGS]) {
        self.score_into(features, scores);
    }
}

impl Scorer for WeightTable {
    fn score(&self, features: &[u64], scores: &mut [f32; N_TAGS]) {
        self.score_into(features, scores);
    }
}

impl NerModel {
    /// Reads a model written by [`NerModel::save`].
    pub fn load(bytes: &[u8]) -> Result<Self, NerError> {
        let mut raw = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(bytes), &mut raw)?;
        let stored: Stored =
            postcard::from_bytes(&raw).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
        for m in std::iter::once(&stored.first).chain(&stored.second) {
            if m.n_classes() != N_TAGS {
                return Err(NerError::Classes { found: m.n_classes(), expected: N_TAGS });
            }
        }
        Ok(NerModel::new(stored.first, stored.second))
    }

    /// The model shipped in the binary (trained on UNER English EWT train).
    pub fn shipped() -> Result<&'static NerModel, &'static NerError> {
        static M: OnceLock<Result<NerModel, NerError>> = OnceLock::new();
        M.get_or_init(|| NerModel::load(SHIPPED)).as_ref()
    }

    fn new(first: Perceptron, second: Option<Perceptron>) -> Self {
        let tables = (WeightTable::new(&first), second.as_ref().map(WeightTable::new));
        let trans = (transitions(&tables.0), tables.1.as_ref().map_or([[0f32; N_TAGS]; N_TAGS + 1], transitions));
        NerModel { first, second, tables, trans }
    }

    /// Writes the model, gzip-compressed.
    pub fn save<W: std::io::Write>(&self, out: W) -> std::io::Result<()> {
        let stored = StoredRef { first: &self.first, second: self.second.as_ref() };
        let bytes = postcard::to_stdvec(&stored).map_err(std::io::Error::other)?;
        let mut gz = flate2::write::GzEncoder::new(out, flate2::Compression::best());
        std::io::Write::write_all(&mut gz, &bytes)?;
        gz.finish()?;
        Ok(())
    }

    pub fn n_features(&self) -> usize {
        self.first.n_features() + self.second.as_ref().map_or(0, Perceptron::n_features)
    }

    /// The statistical model's spans alone (PER, ORG, LOC, NORP), before the rules,
    /// over `words` with their predicted Penn tags.
    pub fn model_spans(&self, words: &[&str], pos: &[&str]) -> Vec<(usize, usize, Label)> {
        let view = View::new(words.to_vec(), pos.to_vec(), Gazetteer::builtin());
        let first = decode(&self.tables.0, &self.trans.0, &view, None);
        match &self.tables.1 {
            Some(m) => spans_of(&decode(m, &self.trans.1, &view, Some(&first))),
            None => spans_of(&first),
        }
    }

    /// Entity spans `[start, end)` over `words` (tagged here with the shipped tagger),
    /// with their labels.
    pub fn tag_words(&self, words: &[&str]) -> Vec<(usize, usize, Label)> {
        let mut tokens: Vec<Token> = words.iter().map(|w| Token::new(*w, 0, 0)).collect();
        ensure_tagged(&mut tokens);
        self.tag_tokens(&tokens)
    }

    /// Entity spans `[start, end)` over tagged tokens, with their labels.
    pub fn tag_tokens(&self, tokens: &[Token]) -> Vec<(usize, usize, Label)> {
        let (words, pos) = words_and_tags(tokens);
        rules::finalize(&words, self.model_spans(&words, &pos), Gazetteer::builtin())
    }

    /// Sets the entities of a tokenized sentence (tagging it first if untagged).
    pub fn tag(&self, sentence: &mut AnnotatedSentence) {
        ensure_tagged(&mut sentence.tokens);
        let spans = self.tag_tokens(&sentence.tokens);
        sentence.entities =
            spans.into_iter().map(|(start, end, l)| EntitySpan { start, end, label: l.as_str().to_string() }).collect();
    }

    /// Sets the entities of a document's sentences, tagging each and then making
    /// them consistent across the document ([`memory`]).
    pub fn tag_document(&self, sentences: &mut [AnnotatedSentence]) {
        for s in sentences.iter_mut() {
            ensure_tagged(&mut s.tokens);
        }
        let mut spans: Vec<Vec<(usize, usize, Label)>> = sentences.iter().map(|s| self.tag_tokens(&s.tokens)).collect();
        let words: Vec<Vec<&str>> = sentences.iter().map(|s| s.tokens.iter().map(|t| t.text.as_str()).collect()).collect();
        memory::harmonize(&words, &mut spans);
        drop(words);
        for (s, sp) in sentences.iter_mut().zip(spans) {
            s.entities = sp.into_iter().map(|(start, end, l)| EntitySpan { start, end, label: l.as_str().to_string() }).collect();
        }
    }

    /// Entities of a whole text (one document) as character spans.
    pub fn tag_text(&self, text: &str) -> Vec<(usize, usize, Label)> {
        let mut sentences = crate::tokenize::sentences(text);
        self.tag_document(&mut sentences);
        let mut out = Vec::new();
        for s in &sentences {
            for e in &s.entities {
                if let Some(l) = Label::parse(&e.label) {
                    out.push((s.tokens[e.start].start, s.tokens[e.end - 1].end, l));
                }
            }
        }
        out
    }
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub epochs: usize,
    /// Features seen fewer times than this in the training data are not learned.
    pub min_count: u32,
    /// Rows whose largest averaged weight is below this are dropped after training.
    pub prune_below: f32,
    /// Weights are rounded to multiples of `1 / round_to` (0: not rounded).
    pub round_to: f32,
    pub seed: u64,
    /// Adds one entity-swapped copy of each sentence ([`augment`]).
    pub augment: bool,
    /// Trains a second, stacked pass over the first pass's tags.
    pub stack: bool,
    /// With `augment`, adds a lower-cased copy of every n-th sentence with an entity
    /// ([`augment::lowercased`]; 0: none).
    pub lowercase_every: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 6, min_count: 2, prune_below: 1.0, round_to: 0.0, seed: 7, augment: true, stack: false, lowercase_every: 8 }
    }
}

/// Trains an entity model on texts with gold spans (projected onto our tokens).
/// With `opts.stack`, the second pass learns from first-pass tags predicted by
/// models that did not see the sentence (jackknifed over `STACK_FOLDS` folds), as
/// it will see them on new text.
pub fn train(golds: &[Gold], opts: &TrainOptions) -> NerModel {
    let gaz = Gazetteer::builtin();
    let mut extra = if opts.augment { augment::swapped(golds, opts.seed) } else { Vec::new() };
    // Stacking's folds follow the swapped copies' sources, so not with stacking.
    if opts.augment && !opts.stack {
        extra.extend(augment::lowercased(golds, opts.lowercase_every));
    }
    // The gold sentence each training text comes from (a swapped copy: its source).
    let source: Vec<usize> =
        (0..golds.len()).chain(golds.iter().enumerate().filter(|(_, g)| !g.spans.is_empty()).map(|(k, _)| k).take(extra.len())).collect();
    let mut projected: Vec<(Vec<Token>, Vec<usize>)> = golds.iter().chain(&extra).map(data::project).collect();
    for (toks, _) in &mut projected {
        ensure_tagged(toks);
    }
    let views: Vec<(View, &[usize])> = projected
        .iter()
        .map(|(toks, tags)| {
            let (words, pos) = words_and_tags(toks);
            (View::new(words, pos, gaz), tags.as_slice())
        })
        .collect();
    let all: Vec<usize> = (0..views.len()).collect();
    let first = train_pass(&views, &all, None, opts);
    if !opts.stack {
        return NerModel::new(first, None);
    }
    let mut predicted: Vec<Vec<usize>> = vec![Vec::new(); views.len()];
    for fold in 0..STACK_FOLDS {
        let (held, rest): (Vec<usize>, Vec<usize>) = all.iter().partition(|&&s| source[s] % STACK_FOLDS == fold);
        let model = train_pass(&views, &rest, None, opts);
        for s in held {
            predicted[s] = decode(&model, &transitions(&model), &views[s].0, None);
        }
    }
    let second = train_pass(&views, &all, Some(&predicted), opts);
    NerModel::new(first, Some(second))
}

/// Folds of the jackknife that makes the second pass's training input.
const STACK_FOLDS: usize = 4;

/// One averaged structured-perceptron model over the texts `which` of `views`, with
/// stacked features from `stack` (first-pass tags per text) when given.
fn train_pass(views: &[(View, &[usize])], which: &[usize], stack: Option<&[Vec<usize>]>, opts: &TrainOptions) -> Perceptron {
    let features = |s: usize, i: usize, out: &mut Vec<u64>| match stack {
        Some(st) => views[s].0.second_features(i, &st[s], out),
        None => views[s].0.features(i, out),
    };
    // Rare features are left out.
    let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
    let mut buf = Vec::with_capacity(56);
    for &s in which {
        for i in 0..views[s].0.len() {
            features(s, i, &mut buf);
            for f in &buf {
                *counts.entry(*f).or_default() += 1;
            }
        }
    }
    let keep: FxHashSet<u64> = counts.into_iter().filter(|&(_, c)| c >= opts.min_count).map(|(f, _)| f).collect();

    let mut trainer = StructTrainer::default();
    let mut order: Vec<usize> = which.to_vec();
    let mut rng = opts.seed | 1;
    let mut feats: Vec<Vec<u64>> = Vec::new();
    let mut emissions: Vec<[f32; N_TAGS]> = Vec::new();
    let mut edges: Vec<Transitions> = Vec::new();
    for _ in 0..opts.epochs {
        // Fisher-Yates with xorshift: deterministic for a seed.
        for k in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(k, (rng % (k as u64 + 1)) as usize);
        }
        for &s in &order {
            let (view, gold) = &views[s];
            let n = view.len();
            if feats.len() < n {
                feats.resize_with(n, Vec::new);
            }
            emissions.clear();
            edges.clear();
            let trans = transitions(&trainer);
            for (i, f) in feats.iter_mut().enumerate().take(n) {
                features(s, i, f);
                f.retain(|x| keep.contains(x));
                let mut e = [0f32; N_TAGS];
                trainer.score_into(f, &mut e);
                emissions.push(e);
                edges.push(edge_scores(&trainer, &trans, view, i, &mut buf));
            }
            let guess = viterbi::best_path(&emissions, &edges);
            trainer.tick();
            for i in 0..n {
                if guess[i] != gold[i] {
                    for &f in &feats[i] {
                        trainer.add(f, gold[i], 1.0);
                        trainer.add(f, guess[i], -1.0);
                    }
                }
                let (gp, pp) = if i == 0 { (N_TAGS, N_TAGS) } else { (gold[i - 1], guess[i - 1]) };
                if (gp, gold[i]) != (pp, guess[i]) {
                    trainer.add(features::transition(gp), gold[i], 1.0);
                    trainer.add(features::transition(pp), guess[i], -1.0);
                    view.edge_features(i, edge_group(gp), &mut buf);
                    for &f in &buf {
                        trainer.add(f, gold[i], 1.0);
                    }
                    view.edge_features(i, edge_group(pp), &mut buf);
                    for &f in &buf {
                        trainer.add(f, guess[i], -1.0);
                    }
                }
            }
        }
    }
    compact(&trainer.finish(), opts.prune_below, opts.round_to)
}

/// Drops rows with only tiny weights and rounds weights, which lets the saved file
/// compress well.
fn compact(model: &Perceptron, below: f32, round_to: f32) -> Perceptron {
    let round = |w: f32| if round_to > 0.0 { (w * round_to).round() / round_to } else { w };
    let rows: Vec<(u64, Vec<f32>)> = model
        .rows()
        .filter(|(_, r)| r.iter().any(|w| w.abs() >= below))
        .map(|(f, r)| (f, r.iter().map(|&w| round(w)).collect()))
        .collect();
    let mut rows = rows;
    rows.sort_unstable_by_key(|(f, _)| *f);
    Perceptron::from_rows(model.n_classes(), rows.iter().map(|(f, r)| (*f, r.as_slice())))
}

/// Scores `model` on gold texts. Each text is split and tokenized as running text
/// would be; predicted labels pass through `map_pred` (e.g. GPE counted as LOC), and
/// only gold labels in `scored` count.
pub fn evaluate(
    model: &NerModel,
    golds: &[Gold],
    map_pred: impl Fn(Label) -> Option<Label>,
    scored: &[Label],
) -> eval::Scores {
    let mut scores = eval::Scores::default();
    for g in golds {
        let gold: Vec<_> = g.spans.iter().copied().filter(|s| scored.contains(&s.2)).collect();
        let pred: Vec<_> = model
            .tag_text(&g.text)
            .into_iter()
            .filter_map(|(s, e, l)| map_pred(l).filter(|l| scored.contains(l)).map(|l| (s, e, l)))
            .collect();
        scores.add(&gold, &pred);
    }
    scores
}

#[cfg(test)]
mod tests;
