//! An averaged structured perceptron for the entity model: weights move by whole
//! sentences (the gold path's features up, the predicted path's down), so a feature
//! can gain on one tag without losing on another, as a transition must. The result is
//! an ordinary [`Perceptron`] whose rows are emission or transition features.
use super::labels::N_TAGS;
use crate::perceptron::Perceptron;
use rustc_hash::FxHashMap;

#[derive(Default)]
pub struct StructTrainer {
    index: FxHashMap<u64, u32>,
    weights: Vec<[f32; N_TAGS]>,
    totals: Vec<[f32; N_TAGS]>,
    stamps: Vec<[u32; N_TAGS]>,
    /// Sentences seen so far; the average is over them.
    seen: u32,
}

impl StructTrainer {
    /// Counts one training sentence.
    pub fn tick(&mut self) {
        self.seen += 1;
    }

    /// Adds `delta` to the weight of `class` for `feature`.
    pub fn add(&mut self, feature: u64, class: usize, delta: f32) {
        let next = self.weights.len() as u32;
        let row = *self.index.entry(feature).or_insert(next) as usize;
        if row == self.weights.len() {
            self.weights.push([0.0; N_TAGS]);
            self.totals.push([0.0; N_TAGS]);
            self.stamps.push([0; N_TAGS]);
        }
        let w = &mut self.weights[row][class];
        self.totals[row][class] += (self.seen - self.stamps[row][class]) as f32 * *w;
        self.stamps[row][class] = self.seen;
        *w += delta;
    }

    /// Adds the current weights of `features` into `scores`.
    pub fn score_into(&self, features: &[u64], scores: &mut [f32; N_TAGS]) {
        for f in features {
            if let Some(&r) = self.index.get(f) {
                for (s, w) in scores.iter_mut().zip(&self.weights[r as usize]) {
                    *s += w;
                }
            }
        }
    }

    /// The averaged weights, without all-zero rows, sorted by feature so the result
    /// does not depend on hash order.
    pub fn finish(self) -> Perceptron {
        let seen = self.seen.max(1) as f32;
        let mut rows: Vec<(u64, [f32; N_TAGS])> = self
            .index
            .iter()
            .map(|(&f, &r)| {
                let r = r as usize;
                let mut avg = [0f32; N_TAGS];
                for (c, a) in avg.iter_mut().enumerate() {
                    let w = self.weights[r][c];
                    *a = (self.totals[r][c] + (self.seen - self.stamps[r][c]) as f32 * w) / seen;
                }
                (f, avg)
            })
            .filter(|(_, avg)| avg.iter().any(|w| w.abs() > 1e-6))
            .collect();
        rows.sort_unstable_by_key(|(f, _)| *f);
        Perceptron::from_rows(N_TAGS, rows.iter().map(|(f, r)| (*f, &r[..])))
    }
}
