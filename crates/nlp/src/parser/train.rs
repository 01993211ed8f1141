//! Training: online averaged perceptron following the dynamic oracle, with
//! exploration of the model's own (possibly wrong) moves after the first epochs
//! (Goldberg & Nivre 2012). Deterministic for given options and data.
use super::features::{label_features, move_features, TokenKeys, N_LABEL_FEATURES, N_MOVE_FEATURES};
use super::system::{projectivize, Move, State, MOVES, NONE};
use super::weights::Weights;
use super::{best_move, Parser};
use crate::conllu::Sentence;
use crate::perceptron::Trainer;
use rustc_hash::FxHashSet;

#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub epochs: usize,
    /// First epoch (0-based) in which the parser follows its own predictions.
    pub explore_from: usize,
    /// Probability of following the model's move rather than the best correct one
    /// once exploring.
    pub explore_prob: f64,
    pub seed: u64,
    /// Drop feature rows whose largest averaged weight is below this fraction of
    /// the model's largest weight.
    pub prune: f32,
    /// Move updates scaled by how many more gold arcs the wrong move loses than the
    /// best move (cost-sensitive), instead of 1.
    pub cost_updates: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 15, explore_from: 1, explore_prob: 0.9, seed: 1, prune: 0.0, cost_updates: false }
    }
}

/// The jackknife fold of training sentence `i` of `n` cut into `folds` contiguous
/// blocks. Neighbouring sentences mostly come from one document, so a tagger trained
/// on the other blocks tags a block about as well as it tags new text (EWT train
/// UPOS 95.5%, as on EWT test); every `folds`-th sentence instead leaves each
/// document's words in the tagger's training data (96.6%), and the parser then
/// learns to trust the tags more than it should (0.2-0.3 LAS less on EWT dev).
pub fn jackknife_fold(i: usize, n: usize, folds: usize) -> usize {
    if folds == 0 {
        return 0;
    }
    (i * folds / n.max(1)).min(folds - 1)
}

/// A training sentence turned into what the parser reads and the oracle needs.
struct Example {
    keys: Vec<TokenKeys>,
    /// Gold heads (projectivised), index 0 unused.
    heads: Vec<u32>,
    labels: Vec<u8>,
}

/// Small deterministic generator (SplitMix64) for shuffling and exploration.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 > 1.0 - p
    }
}

/// Trains a parser on `sentences` (their UPOS/XPOS are the tags it learns from:
/// pass predicted tags to train for predicted-tag input).
pub fn train(sentences: &[Sentence], opts: &TrainOptions) -> Parser {
    train_reporting(sentences, opts, false, |_, _| {})
}

/// As [`train`], handing the averaged model after each epoch (1-based) to
/// `on_epoch`. Averaging copies the weights, so this costs memory and time.
pub fn train_with_progress(sentences: &[Sentence], opts: &TrainOptions, on_epoch: impl FnMut(usize, &Parser)) -> Parser {
    train_reporting(sentences, opts, true, on_epoch)
}

fn train_reporting(
    sentences: &[Sentence],
    opts: &TrainOptions,
    report: bool,
    mut on_epoch: impl FnMut(usize, &Parser),
) -> Parser {
    let mut deprels: Vec<String> = sentences.iter().flat_map(|s| s.words.iter().map(|w| w.deprel.clone())).collect();
    deprels.push("root".into());
    deprels.sort();
    deprels.dedup();
    deprels.truncate(u8::MAX as usize);
    let root_label = deprels.iter().position(|d| d == "root").unwrap_or(0) as u8;
    let examples: Vec<Example> = sentences.iter().filter(|s| !s.words.is_empty()).map(|s| example(s, &deprels)).collect();

    let mut moves = Trainer::new(MOVES.len());
    let mut labels = Trainer::new(deprels.len());
    let mut move_keys = FxHashSet::default();
    let mut label_keys = FxHashSet::default();
    let mut rng = Rng(opts.seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut st = State::default();
    let mut mf = [0u64; N_MOVE_FEATURES];
    let mut lf = [0u64; N_LABEL_FEATURES];
    let mut lscores = vec![0f32; deprels.len()];

    for epoch in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let exploring = epoch >= opts.explore_from;
        for &e in &order {
            let ex = &examples[e];
            st.reset(ex.keys.len() - 1);
            while !st.is_terminal() {
                move_features(&ex.keys, &st, &mut mf);
                let mut scores = [0f32; MOVES.len()];
                moves.current().score_into(&mf, &mut scores);
                let costs = st.costs(&ex.heads);
                let valid = costs.map(|c| c.is_some());
                let guess = best_move(&scores, &valid);
                let min_cost = costs.iter().flatten().min().copied().unwrap_or(0);
                let correct = costs.map(|c| c == Some(min_cost));
                let best_correct = best_move(&scores, &correct);
                moves.tick();
                if costs[guess as usize] != Some(min_cost) {
                    let amount = match costs[guess as usize] {
                        Some(c) if opts.cost_updates => (c - min_cost) as f32,
                        _ => 1.0,
                    };
                    moves.update_by(best_correct as usize, guess as usize, &mf, amount);
                    move_keys.extend(mf);
                }
                let follow = if exploring && rng.chance(opts.explore_prob) { guess } else { best_correct };
                let (head, dep) = match follow {
                    Move::Left => (st.buf, st.s0()),
                    Move::Right => (st.s0(), st.buf),
                    _ => (NONE, NONE),
                };
                let mut label = 0u8;
                if head == 0 {
                    label = root_label;
                } else if head != NONE {
                    label_features(&ex.keys, &st, head, dep, &mut lf);
                    lscores.iter_mut().for_each(|s| *s = 0.0);
                    labels.current().score_into(&lf, &mut lscores);
                    lscores[root_label as usize] = f32::NEG_INFINITY;
                    let predicted = crate::perceptron::argmax(&lscores, None) as u8;
                    labels.tick();
                    let gold_arc = ex.heads[dep as usize] == head;
                    if gold_arc && predicted != ex.labels[dep as usize] {
                        labels.update(ex.labels[dep as usize] as usize, predicted as usize, &lf);
                        label_keys.extend(lf);
                    }
                    label = if gold_arc && !exploring { ex.labels[dep as usize] } else { predicted };
                }
                st.apply(follow, label);
            }
        }
        if report || epoch + 1 == opts.epochs {
            let parser = freeze(moves.clone(), labels.clone(), &move_keys, &label_keys, &deprels, opts.prune);
            on_epoch(epoch + 1, &parser);
            if epoch + 1 == opts.epochs {
                return parser;
            }
        }
    }
    freeze(moves, labels, &move_keys, &label_keys, &deprels, opts.prune)
}

fn example(s: &Sentence, deprels: &[String]) -> Example {
    let mut keys = vec![TokenKeys::root()];
    keys.extend(s.words.iter().map(|w| TokenKeys::new(&w.form, &w.xpos, &w.upos)));
    let n = keys.len();
    let mut heads = vec![NONE];
    // Heads outside the sentence would break the oracle: treat them as the root.
    heads.extend(s.words.iter().map(|w| if w.head < n { w.head as u32 } else { 0 }));
    projectivize(&mut heads);
    let mut labels = vec![0u8];
    labels.extend(s.words.iter().map(|w| deprels.binary_search(&w.deprel).unwrap_or(0) as u8));
    Example { keys, heads, labels }
}

fn freeze(
    moves: Trainer,
    labels: Trainer,
    move_keys: &FxHashSet<u64>,
    label_keys: &FxHashSet<u64>,
    deprels: &[String],
    prune: f32,
) -> Parser {
    let quantise = |t: Trainer, keys: &FxHashSet<u64>| {
        let model = t.finish();
        let mut keys: Vec<u64> = keys.iter().copied().collect();
        keys.sort_unstable();
        let max = Weights::max_abs(&model, &keys).max(1e-6);
        Weights::from_perceptron(&model, &keys, prune * max, super::weights::FULL_SCALE / max)
    };
    let moves = quantise(moves, move_keys);
    let labels = quantise(labels, label_keys);
    Parser::new(moves, labels, deprels.to_vec()).expect("labels include root and fit in u8")
}
