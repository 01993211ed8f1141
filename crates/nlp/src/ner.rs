//! Named-entity tagger: PER, ORG, LOC, GPE, NORP, DATE.
//!
//! A greedy left-to-right averaged perceptron over IOB tags learns PER, ORG, LOC and
//! NORP from Universal NER (its `OTH` spans, mostly nationalities and groups, as NORP).
//! [`rules`] then turns LOC spans the gazetteer knows as countries, cities or states
//! into GPE, adds gazetteer places, groups and organizations the model missed, and
//! adds DATE spans by rule ([`dates`]).
pub mod augment;
pub mod data;
pub mod dates;
pub mod eval;
pub mod features;
pub mod labels;
pub mod memory;
pub mod rules;
pub mod table;

use crate::gazetteer::Gazetteer;
use crate::perceptron::{argmax, Perceptron, Trainer};
use crate::tagger::Tagger;
use crate::{AnnotatedSentence, EntitySpan, Token};
use data::Gold;
use features::View;
use table::WeightTable;
pub use labels::Label;
use labels::{allowed_after, spans_of, N_TAGS};
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

/// A trained entity tagger: a first pass, and a second pass that also sees the
/// first pass's tags on both sides of each word (stacking).
#[derive(Debug, Clone)]
pub struct NerModel {
    first: Perceptron,
    second: Option<Perceptron>,
    /// The inference forms of `first` and `second`.
    tables: (WeightTable, Option<WeightTable>),
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

/// Greedy left-to-right IOB tags of one sentence; `first` adds the stacked features.
fn decode(model: &impl Scorer, view: &View, first: Option<&[usize]>) -> Vec<usize> {
    let mut tags = Vec::with_capacity(view.len());
    let mut feats = Vec::with_capacity(56);
    let mut scores = [0f32; N_TAGS];
    let (mut p1, mut p2) = (N_TAGS, N_TAGS);
    for i in 0..view.len() {
        match first {
            Some(f) => view.second_features(i, p1, p2, f, &mut feats),
            None => view.features(i, p1, p2, &mut feats),
        }
        scores.fill(0.0);
        model.score(&feats, &mut scores);
        let t = argmax(&scores, Some(&allowed_after(if p1 == N_TAGS { 0 } else { p1 })));
        tags.push(t);
        (p2, p1) = (p1, t);
    }
    tags
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
        NerModel { first, second, tables }
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
        let first = decode(&self.tables.0, &view, None);
        match &self.tables.1 {
            Some(m) => spans_of(&decode(m, &view, Some(&first))),
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
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 6, min_count: 2, prune_below: 0.0, round_to: 0.0, seed: 7, augment: true, stack: true }
    }
}

/// Trains an entity model on texts with gold spans (projected onto our tokens).
/// With `opts.stack`, the second pass learns from first-pass tags predicted by
/// models that did not see the sentence (jackknifed over `STACK_FOLDS` folds), as
/// it will see them on new text.
pub fn train(golds: &[Gold], opts: &TrainOptions) -> NerModel {
    let gaz = Gazetteer::builtin();
    let extra = if opts.augment { augment::swapped(golds, opts.seed) } else { Vec::new() };
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
            predicted[s] = decode(&model, &views[s].0, None);
        }
    }
    let second = train_pass(&views, &all, Some(&predicted), opts);
    NerModel::new(first, Some(second))
}

/// Folds of the jackknife that makes the second pass's training input.
const STACK_FOLDS: usize = 4;

/// One averaged-perceptron model over the texts `which` of `views`, with stacked
/// features from `stack` (first-pass tags per text) when given.
fn train_pass(views: &[(View, &[usize])], which: &[usize], stack: Option<&[Vec<usize>]>, opts: &TrainOptions) -> Perceptron {
    let features = |s: usize, i: usize, p1: usize, p2: usize, out: &mut Vec<u64>| {
        match stack {
            Some(st) => views[s].0.second_features(i, p1, p2, &st[s], out),
            None => views[s].0.features(i, p1, p2, out),
        }
    };
    // Feature counts under gold history: rare features are left out.
    let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
    let mut feats = Vec::with_capacity(56);
    for &s in which {
        let (view, tags) = &views[s];
        let (mut p1, mut p2) = (N_TAGS, N_TAGS);
        for i in 0..view.len() {
            features(s, i, p1, p2, &mut feats);
            for f in &feats {
                *counts.entry(*f).or_default() += 1;
            }
            (p2, p1) = (p1, tags[i]);
        }
    }
    let keep: FxHashSet<u64> = counts.into_iter().filter(|&(_, c)| c >= opts.min_count).map(|(f, _)| f).collect();

    let mut trainer = Trainer::new(N_TAGS);
    let mut order: Vec<usize> = which.to_vec();
    let mut rng = opts.seed | 1;
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
            let (mut p1, mut p2) = (N_TAGS, N_TAGS);
            for i in 0..view.len() {
                features(s, i, p1, p2, &mut feats);
                feats.retain(|f| keep.contains(f));
                let allowed = allowed_after(if p1 == N_TAGS { 0 } else { p1 });
                let guess = trainer.current().predict(&feats, Some(&allowed));
                trainer.tick();
                trainer.update(gold[i], guess, &feats);
                (p2, p1) = (p1, guess);
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
