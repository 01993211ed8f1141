//! The inference form of a trained perceptron: weights quantised to `i16` and kept in
//! an open-addressing table, so scoring a feature costs one probe in a dense key array
//! and one read of a short row (a `HashMap` plus `f32` rows costs about three cache
//! misses per feature, which dominates tagging time).
use crate::lookup::{prefetch, slot_of, Table, BATCH};
use crate::perceptron::Perceptron;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(from = "StoredModel", into = "StoredModel")]
pub struct CompactModel {
    n_classes: usize,
    /// Real weight = stored weight × `scale`.
    scale: f32,
    /// Feature key and row per slot; `EMPTY` keys mark free slots. Length is a power of two.
    slots: Table<Slot>,
    /// `n_classes` weights per feature, in the order of `keys`.
    weights: Table<i16>,
    /// Feature keys in row order (what is stored; `slots` is rebuilt from it).
    keys: Vec<u64>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: u64,
    row: u32,
}

/// The stored form: rows in key order, no hash table.
#[derive(Serialize, Deserialize)]
struct StoredModel {
    n_classes: usize,
    scale: f32,
    keys: Vec<u64>,
    weights: Vec<i16>,
}

impl From<StoredModel> for CompactModel {
    fn from(s: StoredModel) -> Self {
        CompactModel::build(s.n_classes, s.scale, s.keys, s.weights)
    }
}

impl From<CompactModel> for StoredModel {
    fn from(m: CompactModel) -> Self {
        StoredModel { n_classes: m.n_classes, scale: m.scale, keys: m.keys, weights: m.weights.to_vec() }
    }
}

/// No feature hashes to this in practice (and a feature that does is just dropped).
const EMPTY: u64 = 0;

impl CompactModel {
    /// Quantises `model`, dropping rows whose weights all round to zero.
    pub fn from_perceptron(model: &Perceptron) -> Self {
        let n = model.n_classes();
        let max = model.rows().flat_map(|(_, r)| r.iter()).fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / i16::MAX as f32 } else { 1.0 };
        let mut rows: Vec<(u64, Vec<i16>)> = model
            .rows()
            .filter(|(k, _)| *k != EMPTY)
            .map(|(k, r)| (k, r.iter().map(|w| (w / scale).round() as i16).collect::<Vec<_>>()))
            .filter(|(_, r)| r.iter().any(|&w| w != 0))
            .collect();
        rows.sort_unstable_by_key(|(k, _)| *k);
        let keys = rows.iter().map(|(k, _)| *k).collect();
        let weights = rows.into_iter().flat_map(|(_, r)| r).collect();
        Self::build(n, scale, keys, weights)
    }

    /// Builds the probe table. Inconsistent input (from a corrupt file) gives a model
    /// that [`CompactModel::is_consistent`] rejects, never a panic.
    fn build(n_classes: usize, scale: f32, keys: Vec<u64>, weights: Vec<i16>) -> Self {
        let rows = weights.first().map_or_else(Table::default, |&w| {
            let mut rows = Table::new(weights.len(), w);
            rows.copy_from_slice(&weights);
            rows
        });
        let mut m = CompactModel { n_classes, scale, slots: Table::default(), weights: rows, keys };
        if !m.is_consistent() {
            return m;
        }
        let n_slots = (m.keys.len() * 10 / 7 + 1).next_power_of_two().max(2);
        let mask = n_slots - 1;
        m.slots = Table::new(n_slots, Slot::default());
        for (row, &key) in m.keys.iter().enumerate() {
            let mut s = slot_of(key, mask);
            while m.slots[s].key != EMPTY {
                s = (s + 1) & mask;
            }
            m.slots[s] = Slot { key, row: row as u32 };
        }
        m
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    pub fn n_features(&self) -> usize {
        self.keys.len()
    }

    /// Checks the invariants a deserialised model must hold.
    pub fn is_consistent(&self) -> bool {
        self.weights.len() == self.keys.len() * self.n_classes
            && !self.keys.contains(&EMPTY)
            && self.keys.windows(2).all(|w| w[0] < w[1])
    }

    /// Adds the (quantised) weights of `features` into `scores` (length `n_classes`).
    #[inline]
    pub fn score_into(&self, features: &[u64], scores: &mut [i32]) {
        let n = self.n_classes;
        if self.slots.is_empty() {
            return;
        }
        let mask = self.slots.len() - 1;
        // Three passes over small batches so the cache misses of a word's features
        // overlap instead of queueing: prefetch the slots, find the rows and
        // prefetch them, add them.
        let mut rows = [0usize; BATCH];
        for batch in features.chunks(BATCH) {
            for &f in batch {
                prefetch(&self.slots, slot_of(f, mask));
            }
            let mut hits = 0;
            for &f in batch {
                let mut s = slot_of(f, mask);
                loop {
                    let slot = self.slots[s];
                    if slot.key == f {
                        let r = slot.row as usize * n;
                        prefetch(&self.weights, r);
                        prefetch(&self.weights, r + n - 1);
                        rows[hits] = r;
                        hits += 1;
                        break;
                    }
                    if slot.key == EMPTY {
                        break;
                    }
                    s = (s + 1) & mask;
                }
            }
            for &r in &rows[..hits] {
                for (acc, &w) in scores.iter_mut().zip(&self.weights[r..r + n]) {
                    *acc += w as i32;
                }
            }
        }
    }
}

/// Index of the highest score; ties go to the lowest index.
#[inline]
pub fn argmax_i32(scores: &[i32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate().skip(1) {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// Index of the highest score among the classes `allowed` (all when none is).
#[inline]
pub fn argmax_allowed_i32(scores: &[i32], allowed: &[bool]) -> usize {
    let mut best = usize::MAX;
    for (i, &s) in scores.iter().enumerate() {
        if allowed.get(i).copied().unwrap_or(false) && (best == usize::MAX || s > scores[best]) {
            best = i;
        }
    }
    if best == usize::MAX {
        argmax_i32(scores)
    } else {
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perceptron::{feature, Trainer};

    #[test]
    fn argmax_keeps_to_the_allowed_classes() {
        assert_eq!(argmax_i32(&[1, 5, 3]), 1);
        assert_eq!(argmax_allowed_i32(&[1, 5, 3], &[true, false, true]), 2);
        assert_eq!(argmax_allowed_i32(&[1, 5, 3], &[false, false, false]), 1);
    }

    #[test]
    fn agrees_with_the_float_model() {
        let data: Vec<(Vec<u64>, usize)> = (0..200)
            .map(|i| {
                let w = format!("w{}", i % 37);
                let c = (i * 7 % 37) % 5;
                (vec![feature(1, &[&w]), feature(2, &[&w[..2]]), feature(0, &[])], c)
            })
            .collect();
        let mut t = Trainer::new(5);
        for _ in 0..5 {
            for (f, y) in &data {
                let g = t.current().predict(f, None);
                t.tick();
                t.update(*y, g, f);
            }
        }
        let model = t.finish();
        let compact = CompactModel::from_perceptron(&model);
        assert!(compact.is_consistent());
        let bytes = postcard::to_stdvec(&compact).unwrap();
        let compact: CompactModel = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(compact.n_features(), model.n_features());
        for (f, _) in &data {
            let mut scores = vec![0i32; 5];
            compact.score_into(f, &mut scores);
            assert_eq!(argmax_i32(&scores), model.predict(f, None));
        }
        let mut scores = vec![0i32; 5];
        compact.score_into(&[feature(9, &["never seen"])], &mut scores);
        assert_eq!(scores, vec![0; 5]);
    }
}
