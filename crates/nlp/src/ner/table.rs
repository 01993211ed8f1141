//! The inference form of an entity-model pass: each feature's key and its row of
//! class weights side by side in one open-addressing table, so scoring a feature
//! costs one probe (a `HashMap` index plus a separate weight array costs two or
//! three cache misses, which dominated entity-tagging time). Weights stay `f32` and
//! are added in feature order, so scores equal [`Perceptron::score_into`]'s exactly.
use super::labels::N_TAGS;
use crate::lookup::{prefetch, slot_of, Table, BATCH};
use crate::perceptron::Perceptron;

/// Marks a free slot; a feature whose key is 0 keeps its row in `zero` instead.
const EMPTY: u64 = 0;

#[derive(Debug, Clone, Copy)]
struct Slot {
    key: u64,
    row: [f32; N_TAGS],
}

#[derive(Debug, Clone)]
pub struct WeightTable {
    slots: Table<Slot>,
    zero: Option<[f32; N_TAGS]>,
}

impl WeightTable {
    /// The table of `model`, whose class count must be `N_TAGS` (checked on load).
    pub fn new(model: &Perceptron) -> Self {
        let n_slots = (model.n_features() * 10 / 7 + 1).next_power_of_two().max(2);
        let mask = n_slots - 1;
        let mut slots = Table::new(n_slots, Slot { key: EMPTY, row: [0.0; N_TAGS] });
        let mut zero = None;
        for (key, weights) in model.rows() {
            let mut row = [0f32; N_TAGS];
            for (r, w) in row.iter_mut().zip(weights) {
                *r = *w;
            }
            if key == EMPTY {
                zero = Some(row);
                continue;
            }
            let mut s = slot_of(key, mask);
            while slots[s].key != EMPTY {
                s = (s + 1) & mask;
            }
            slots[s] = Slot { key, row };
        }
        WeightTable { slots, zero }
    }

    /// Adds the weights of `features` into `scores`.
    #[inline]
    pub fn score_into(&self, features: &[u64], scores: &mut [f32; N_TAGS]) {
        let mask = self.slots.len() - 1;
        // Prefetch a batch's slots first so their cache misses overlap.
        for batch in features.chunks(BATCH) {
            for &f in batch {
                prefetch(&self.slots, slot_of(f, mask));
            }
            self.add_rows(batch, mask, scores);
        }
    }

    fn add_rows(&self, features: &[u64], mask: usize, scores: &mut [f32; N_TAGS]) {
        for &f in features {
            let row = if f == EMPTY {
                self.zero.as_ref()
            } else {
                let mut s = slot_of(f, mask);
                loop {
                    let slot = &self.slots[s];
                    if slot.key == f {
                        break Some(&slot.row);
                    }
                    if slot.key == EMPTY {
                        break None;
                    }
                    s = (s + 1) & mask;
                }
            };
            if let Some(row) = row {
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perceptron::feature;

    #[test]
    fn scores_equal_the_perceptron_s() {
        let rows: Vec<(u64, Vec<f32>)> =
            (0..500u32).map(|k| (feature(k % 7, &[&k.to_string()]), (0..N_TAGS).map(|c| (k as f32 * 0.37 + c as f32).sin()).collect())).collect();
        let model = Perceptron::from_rows(N_TAGS, rows.iter().map(|(f, r)| (*f, r.as_slice())).chain([(0u64, &[1.5f32; N_TAGS][..])]));
        let table = WeightTable::new(&model);
        let feats: Vec<u64> = (0..600u32).step_by(3).map(|k| feature(k % 7, &[&k.to_string()])).chain([0, 12345]).collect();
        let mut want = [0f32; N_TAGS];
        model.score_into(&feats, &mut want);
        let mut got = [0f32; N_TAGS];
        table.score_into(&feats, &mut got);
        assert_eq!(got, want);
        assert_ne!(got, [0f32; N_TAGS]);
    }
}
