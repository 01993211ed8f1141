//! A multi-class averaged perceptron over hashed features: the learner under the
//! tagger, the parser and the entity tagger.
//!
//! Features are `u64` hashes made with [`feature`]; the model keeps one row of class
//! weights for every feature seen in training. Scoring a candidate adds the rows of
//! its features, so inference is a handful of hash lookups and vector adds.
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};

/// Hashes a feature template id and its string parts into one feature key.
#[inline]
pub fn feature(template: u32, parts: &[&str]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ (template as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for part in parts {
        for &b in part.as_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01B3);
        }
        // Separator so ("ab","c") and ("a","bc") differ.
        h ^= 0xff;
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    h
}

/// A trained (averaged) model: read-only at inference.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Perceptron {
    n_classes: usize,
    index: FxHashMap<u64, u32>,
    weights: Vec<f32>,
}

impl Perceptron {
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    pub fn n_features(&self) -> usize {
        self.index.len()
    }

    /// Adds the weights of `features` into `scores` (length `n_classes`).
    #[inline]
    pub fn score_into(&self, features: &[u64], scores: &mut [f32]) {
        debug_assert_eq!(scores.len(), self.n_classes);
        for f in features {
            if let Some(&row) = self.index.get(f) {
                let row = row as usize * self.n_classes;
                for (s, w) in scores.iter_mut().zip(&self.weights[row..row + self.n_classes]) {
                    *s += w;
                }
            }
        }
    }

    /// The best class among those `allowed` (all classes when `None`).
    pub fn predict(&self, features: &[u64], allowed: Option<&[bool]>) -> usize {
        let mut scores = vec![0f32; self.n_classes];
        self.score_into(features, &mut scores);
        argmax(&scores, allowed)
    }

    /// Every feature with its row of class weights (in no particular order).
    pub fn rows(&self) -> impl Iterator<Item = (u64, &[f32])> + '_ {
        let n = self.n_classes;
        self.index.iter().map(move |(&f, &row)| (f, &self.weights[row as usize * n..(row as usize + 1) * n]))
    }

    /// Builds a model from feature rows (each of length `n_classes`), e.g. to prune or
    /// quantise one; a later duplicate of a feature replaces the earlier row.
    pub fn from_rows<'a>(n_classes: usize, rows: impl IntoIterator<Item = (u64, &'a [f32])>) -> Self {
        let mut index = FxHashMap::default();
        let mut weights: Vec<f32> = Vec::new();
        for (f, row) in rows {
            assert_eq!(row.len(), n_classes, "row length must equal n_classes");
            match index.get(&f) {
                Some(&r) => {
                    let r = r as usize * n_classes;
                    weights[r..r + n_classes].copy_from_slice(row);
                }
                None => {
                    index.insert(f, (weights.len() / n_classes.max(1)) as u32);
                    weights.extend_from_slice(row);
                }
            }
        }
        Perceptron { n_classes, index, weights }
    }

    /// Writes the model, gzip-compressed.
    pub fn save<W: Write>(&self, out: W) -> std::io::Result<()> {
        let bytes = postcard::to_stdvec(self).map_err(std::io::Error::other)?;
        let mut gz = flate2::write::GzEncoder::new(out, flate2::Compression::best());
        gz.write_all(&bytes)?;
        gz.finish()?;
        Ok(())
    }

    /// Reads a model written by [`Perceptron::save`].
    pub fn load<R: Read>(input: R) -> std::io::Result<Self> {
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(input).read_to_end(&mut bytes)?;
        postcard::from_bytes(&bytes).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
    }
}

/// Index of the highest score, restricted to `allowed` classes when given.
/// Ties go to the lowest index, so predictions are deterministic.
#[inline]
pub fn argmax(scores: &[f32], allowed: Option<&[bool]>) -> usize {
    let mut best = usize::MAX;
    let mut best_score = f32::NEG_INFINITY;
    for (i, &s) in scores.iter().enumerate() {
        if allowed.is_some_and(|a| !a[i]) {
            continue;
        }
        if best == usize::MAX || s > best_score {
            best = i;
            best_score = s;
        }
    }
    best
}

/// Learns a [`Perceptron`]: keeps the running weights and the sums needed to average
/// them (lazily, with timestamps, so an update costs only the features it touches).
#[derive(Debug, Clone)]
pub struct Trainer {
    model: Perceptron,
    totals: Vec<f32>,
    stamps: Vec<u32>,
    instances: u32,
}

impl Trainer {
    pub fn new(n_classes: usize) -> Self {
        Trainer {
            model: Perceptron { n_classes, ..Default::default() },
            totals: Vec::new(),
            stamps: Vec::new(),
            instances: 0,
        }
    }

    /// The current (not averaged) weights, to predict with during training.
    pub fn current(&self) -> &Perceptron {
        &self.model
    }

    /// Counts one training instance; call once per prediction made during training.
    pub fn tick(&mut self) {
        self.instances += 1;
    }

    /// Moves weight from the `guess` class to the `truth` class for `features`.
    pub fn update(&mut self, truth: usize, guess: usize, features: &[u64]) {
        self.update_by(truth, guess, features, 1.0);
    }

    /// As [`Trainer::update`], by `amount`.
    pub fn update_by(&mut self, truth: usize, guess: usize, features: &[u64], amount: f32) {
        if truth == guess {
            return;
        }
        let n = self.model.n_classes;
        for &f in features {
            let row = match self.model.index.get(&f) {
                Some(&r) => r as usize,
                None => {
                    let r = self.model.index.len();
                    self.model.index.insert(f, r as u32);
                    self.model.weights.resize((r + 1) * n, 0.0);
                    self.totals.resize((r + 1) * n, 0.0);
                    self.stamps.resize((r + 1) * n, 0);
                    r
                }
            };
            for (class, delta) in [(truth, amount), (guess, -amount)] {
                let i = row * n + class;
                self.totals[i] += (self.instances - self.stamps[i]) as f32 * self.model.weights[i];
                self.stamps[i] = self.instances;
                self.model.weights[i] += delta;
            }
        }
    }

    /// Averages the weights over all instances seen and drops features whose
    /// averaged row is all zero.
    pub fn finish(mut self) -> Perceptron {
        let n = self.model.n_classes;
        let instances = self.instances.max(1) as f32;
        for i in 0..self.model.weights.len() {
            let total = self.totals[i] + (self.instances - self.stamps[i]) as f32 * self.model.weights[i];
            self.model.weights[i] = total / instances;
        }
        let mut index = FxHashMap::default();
        let mut weights = Vec::new();
        for (&f, &row) in &self.model.index {
            let slice = &self.model.weights[row as usize * n..(row as usize + 1) * n];
            if slice.iter().any(|w| w.abs() > 1e-6) {
                index.insert(f, (weights.len() / n) as u32);
                weights.extend_from_slice(slice);
            }
        }
        Perceptron { n_classes: n, index, weights }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A separable toy problem: the class is given by which word is present.
    #[test]
    fn learns_a_separable_problem_and_survives_save_load() {
        let data: Vec<(Vec<u64>, usize)> = vec![
            (vec![feature(0, &["visit"]), feature(1, &["bias"])], 0),
            (vec![feature(0, &["strike"]), feature(1, &["bias"])], 1),
            (vec![feature(0, &["meet"]), feature(1, &["bias"])], 0),
            (vec![feature(0, &["shell"]), feature(1, &["bias"])], 1),
        ];
        let mut t = Trainer::new(2);
        for _ in 0..5 {
            for (f, y) in &data {
                let guess = t.current().predict(f, None);
                t.tick();
                t.update(*y, guess, f);
            }
        }
        let model = t.finish();
        for (f, y) in &data {
            assert_eq!(model.predict(f, None), *y);
        }
        let mut buf = Vec::new();
        model.save(&mut buf).unwrap();
        let back = Perceptron::load(buf.as_slice()).unwrap();
        assert_eq!(back.predict(&data[1].0, None), 1);
        assert_eq!(back.n_features(), model.n_features());
    }

    #[test]
    fn argmax_respects_the_allowed_mask() {
        assert_eq!(argmax(&[3.0, 1.0, 2.0], None), 0);
        assert_eq!(argmax(&[3.0, 1.0, 2.0], Some(&[false, true, true])), 2);
    }

    #[test]
    fn feature_parts_are_separated() {
        assert_ne!(feature(1, &["ab", "c"]), feature(1, &["a", "bc"]));
        assert_ne!(feature(1, &["x"]), feature(2, &["x"]));
    }
}
