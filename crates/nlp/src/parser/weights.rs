//! The shipped form of a trained perceptron: weights quantised to `i16`, features
//! keyed by the top 32 bits of their hash in an open-addressing table. Keys live in
//! their own compact array (most features looked up at parse time are unseen, and
//! their probes should touch as few cache lines as possible); the row of a slot
//! sits at the same index in a parallel array.
use crate::perceptron::Perceptron;
use serde::{Deserialize, Serialize};

/// Compact read-only class weights for hashed features.
#[derive(Debug, Clone)]
pub struct Weights {
    n_classes: usize,
    capacity: usize,
    /// Short feature keys by slot; 0 marks an empty slot.
    keys: Vec<u32>,
    /// `n_classes` weights per slot.
    rows: Vec<i16>,
    /// For models of at most [`INLINE_CLASSES`] classes, key and row share one
    /// 16-byte slot instead (`keys` and `rows` stay empty): most lookups hit, and a
    /// hit then costs one cache line rather than two.
    inline: Vec<Slot>,
    len: usize,
}

const INLINE_CLASSES: usize = 6;

#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(16))]
struct Slot {
    key: u32,
    row: [i16; INLINE_CLASSES],
}

/// Sorted keys (delta-coded) and their dense rows: the form weights are built from.
#[derive(Debug)]
pub struct WeightsFile {
    n_classes: u32,
    key_deltas: Vec<u32>,
    rows: Vec<i16>,
}

/// The stored form: rows keep only their non-zero weights (most label weights are
/// zero), which makes the file smaller and quicker to read.
#[derive(Debug, Serialize, Deserialize)]
pub struct SparseFile {
    n_classes: u32,
    key_deltas: Vec<u32>,
    /// Non-zero weights per row.
    counts: Vec<u8>,
    /// Class of each non-zero weight, rows one after another.
    classes: Vec<u8>,
    values: Vec<i16>,
}

impl From<&WeightsFile> for SparseFile {
    fn from(f: &WeightsFile) -> Self {
        let n = f.n_classes as usize;
        let mut out = SparseFile {
            n_classes: f.n_classes,
            key_deltas: f.key_deltas.clone(),
            counts: Vec::with_capacity(f.key_deltas.len()),
            classes: Vec::new(),
            values: Vec::new(),
        };
        for row in f.rows.chunks(n.max(1)) {
            let mut count = 0u8;
            for (c, &w) in row.iter().enumerate() {
                if w != 0 {
                    out.classes.push(c as u8);
                    out.values.push(w);
                    count += 1;
                }
            }
            out.counts.push(count);
        }
        out
    }
}


/// The quantised value of a model's largest weight.
pub const FULL_SCALE: f32 = 30000.0;

#[inline]
fn short_key(feature: u64) -> u32 {
    // Key 0 marks an empty slot.
    ((feature >> 32) as u32).max(1)
}

impl Weights {
    /// Quantises `model`'s rows for `features` (the features it was updated on),
    /// dropping rows whose largest weight is below `prune` (in averaged-weight
    /// units). `scale` maps weights to `i16` and is shared by all models of a parser
    /// so their scores stay comparable.
    pub fn from_perceptron(model: &Perceptron, features: &[u64], prune: f32, scale: f32) -> Self {
        let n = model.n_classes();
        let mut rows: Vec<(u32, Vec<f32>)> = Vec::with_capacity(features.len());
        let mut row = vec![0f32; n];
        for &f in features {
            row.iter_mut().for_each(|w| *w = 0.0);
            model.score_into(&[f], &mut row);
            if row.iter().any(|w| w.abs() >= prune) {
                rows.push((short_key(f), row.clone()));
            }
        }
        rows.sort_by_key(|r| r.0);
        let mut file = WeightsFile { n_classes: n as u32, key_deltas: Vec::new(), rows: Vec::new() };
        let mut last = 0u32;
        let mut i = 0;
        while i < rows.len() {
            // Features whose short keys collide share one summed row.
            let key = rows[i].0;
            let mut sum = vec![0f32; n];
            while i < rows.len() && rows[i].0 == key {
                sum.iter_mut().zip(&rows[i].1).for_each(|(s, w)| *s += w);
                i += 1;
            }
            file.key_deltas.push(key - last);
            last = key;
            file.rows.extend(sum.iter().map(|w| (w * scale).round().clamp(-32767.0, 32767.0) as i16));
        }
        Weights::from_file(&file).expect("rows built above match their keys")
    }

    /// The largest absolute weight among `features`' rows, to choose a scale.
    pub fn max_abs(model: &Perceptron, features: &[u64]) -> f32 {
        let mut row = vec![0f32; model.n_classes()];
        let mut max = 0f32;
        for &f in features {
            row.iter_mut().for_each(|w| *w = 0.0);
            model.score_into(&[f], &mut row);
            max = row.iter().fold(max, |m, w| m.max(w.abs()));
        }
        max
    }

    pub fn from_file(file: &WeightsFile) -> Result<Self, String> {
        let n = file.n_classes as usize;
        if n == 0 || file.rows.len() != file.key_deltas.len() * n {
            return Err(format!(
                "{} keys but {} weights for {} classes",
                file.key_deltas.len(),
                file.rows.len(),
                n
            ));
        }
        Self::build(n, &file.key_deltas, |i, out| {
            out.copy_from_slice(&file.rows[i * n..(i + 1) * n]);
            Ok(())
        })
    }

    /// Builds the table straight from the sparse stored form.
    pub fn from_sparse(file: &SparseFile) -> Result<Self, String> {
        let n = file.n_classes as usize;
        if n == 0 || n > 256 || file.counts.len() != file.key_deltas.len() || file.classes.len() != file.values.len() {
            return Err(format!(
                "{} keys, {} row counts, {} classes for {} values",
                file.key_deltas.len(),
                file.counts.len(),
                file.classes.len(),
                file.values.len()
            ));
        }
        let mut at = 0;
        Self::build(n, &file.key_deltas, |i, out| {
            let end = at + file.counts[i] as usize;
            let (Some(classes), Some(values)) = (file.classes.get(at..end), file.values.get(at..end)) else {
                return Err("row counts run past the stored weights".to_string());
            };
            for (&c, &w) in classes.iter().zip(values) {
                *out.get_mut(c as usize).ok_or_else(|| format!("class {c} of {n}"))? = w;
            }
            at = end;
            Ok(())
        })
    }

    /// Places the keys given as deltas, letting `fill` write the row of the `i`-th.
    fn build(
        n: usize,
        key_deltas: &[u32],
        mut fill: impl FnMut(usize, &mut [i16]) -> Result<(), String>,
    ) -> Result<Self, String> {
        let len = key_deltas.len();
        // Load factor 0.6 keeps linear probes for unseen features short.
        let capacity = len * 5 / 3 + 16;
        let inline = n <= INLINE_CLASSES;
        let mut w = Weights {
            n_classes: n,
            capacity,
            keys: if inline { Vec::new() } else { vec![0; capacity] },
            rows: if inline { Vec::new() } else { vec![0; capacity * n] },
            inline: if inline { vec![Slot::default(); capacity] } else { Vec::new() },
            len,
        };
        let mut key = 0u32;
        for (i, &delta) in key_deltas.iter().enumerate() {
            key = key.checked_add(delta).ok_or("key overflow")?;
            if key == 0 {
                return Err("zero key".into());
            }
            let mut slot = w.home(key);
            while w.key_at(slot) != 0 {
                slot = w.next(slot);
            }
            if inline {
                w.inline[slot].key = key;
                fill(i, &mut w.inline[slot].row[..n])?;
            } else {
                w.keys[slot] = key;
                fill(i, &mut w.rows[slot * n..(slot + 1) * n])?;
            }
        }
        Ok(w)
    }

    pub fn to_file(&self) -> WeightsFile {
        let mut entries: Vec<(u32, usize)> =
            (0..self.capacity).filter(|&s| self.key_at(s) != 0).map(|s| (self.key_at(s), s)).collect();
        entries.sort_unstable();
        let mut file = WeightsFile { n_classes: self.n_classes as u32, key_deltas: Vec::new(), rows: Vec::new() };
        let mut last = 0;
        for (key, slot) in entries {
            file.key_deltas.push(key - last);
            last = key;
            file.rows.extend_from_slice(self.row(slot));
        }
        file
    }

    #[inline]
    fn home(&self, key: u32) -> usize {
        // Multiply-shift maps the (already mixed) key onto 0..capacity.
        ((key as u64 * self.capacity as u64) >> 32) as usize
    }

    #[inline]
    fn next(&self, slot: usize) -> usize {
        if slot + 1 == self.capacity {
            0
        } else {
            slot + 1
        }
    }

    #[inline]
    fn key_at(&self, slot: usize) -> u32 {
        if self.inline.is_empty() {
            self.keys[slot]
        } else {
            self.inline[slot].key
        }
    }

    #[inline]
    fn row(&self, slot: usize) -> &[i16] {
        if self.inline.is_empty() {
            &self.rows[slot * self.n_classes..(slot + 1) * self.n_classes]
        } else {
            &self.inline[slot].row[..self.n_classes]
        }
    }

    /// The slot holding `key`, if any.
    #[inline]
    fn find(&self, key: u32) -> Option<usize> {
        let mut slot = self.home(key);
        loop {
            let k = self.key_at(slot);
            if k == key {
                return Some(slot);
            }
            if k == 0 {
                return None;
            }
            slot = self.next(slot);
        }
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.len
    }

    /// A copy without the rows whose largest absolute weight is below `min`.
    pub fn pruned(&self, min: i16) -> Weights {
        let mut file = self.to_file();
        let n = self.n_classes;
        let mut kept = WeightsFile { n_classes: file.n_classes, key_deltas: Vec::new(), rows: Vec::new() };
        let (mut key, mut last) = (0u32, 0u32);
        for (i, d) in file.key_deltas.drain(..).enumerate() {
            key += d;
            let row = &file.rows[i * n..(i + 1) * n];
            if row.iter().any(|w| w.unsigned_abs() >= min.unsigned_abs()) {
                kept.key_deltas.push(key - last);
                last = key;
                kept.rows.extend_from_slice(row);
            }
        }
        Weights::from_file(&kept).expect("pruning keeps rows and keys together")
    }

    /// Adds the rows of `features` into `scores` (length `n_classes`).
    #[inline]
    pub fn score_into(&self, features: &[u64], scores: &mut [i32]) {
        let n = self.n_classes;
        if !self.inline.is_empty() {
            for &f in features {
                prefetch(&self.inline, self.home(short_key(f)));
            }
            for &f in features {
                if let Some(slot) = self.find(short_key(f)) {
                    for (s, &w) in scores.iter_mut().zip(&self.inline[slot].row[..n]) {
                        *s += w as i32;
                    }
                }
            }
            return;
        }
        // Three passes over small batches so cache misses overlap instead of
        // queueing: prefetch the key lines, find the slots, prefetch the rows.
        let mut found = [0usize; 32];
        for batch in features.chunks(32) {
            for &f in batch {
                prefetch(&self.keys, self.home(short_key(f)));
            }
            let mut hits = 0;
            for &f in batch {
                if let Some(slot) = self.find(short_key(f)) {
                    prefetch(&self.rows, slot * n);
                    found[hits] = slot;
                    hits += 1;
                }
            }
            for &slot in &found[..hits] {
                for (s, &w) in scores.iter_mut().zip(&self.rows[slot * n..(slot + 1) * n]) {
                    *s += w as i32;
                }
            }
        }
    }
}

/// Hints the CPU to fetch the cache line holding `items[at]`.
#[inline(always)]
fn prefetch<T>(items: &[T], at: usize) {
    #[cfg(target_arch = "x86_64")]
    if at < items.len() {
        // SAFETY: a prefetch is only a hint, and the address is inside `items`.
        unsafe {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            _mm_prefetch(items.as_ptr().add(at) as *const i8, _MM_HINT_T0);
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (items, at);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perceptron::{feature, Trainer};

    #[test]
    fn quantised_rows_score_like_the_perceptron_and_survive_the_file_form() {
        let feats: Vec<u64> = (0..50).map(|i| feature(7, &[&i.to_string()])).collect();
        let mut t = Trainer::new(3);
        for (i, f) in feats.iter().enumerate() {
            t.tick();
            t.update(i % 3, (i + 1) % 3, &[*f]);
        }
        let model = t.finish();
        let scale = 30000.0 / Weights::max_abs(&model, &feats);
        let w = Weights::from_perceptron(&model, &feats, 0.0, scale);
        assert_eq!(w.len(), 50);
        for f in &feats {
            let mut exact = [0f32; 3];
            model.score_into(&[*f], &mut exact);
            let mut q = [0i32; 3];
            w.score_into(&[*f], &mut q);
            for c in 0..3 {
                assert!((q[c] as f32 / scale - exact[c]).abs() < 1e-3, "{q:?} vs {exact:?}");
            }
        }
        let back = Weights::from_sparse(&SparseFile::from(&w.to_file())).unwrap();
        let mut a = [0i32; 3];
        let mut b = [0i32; 3];
        w.score_into(&feats, &mut a);
        back.score_into(&feats, &mut b);
        assert_eq!(a, b);
        // An unknown feature scores nothing.
        let mut z = [0i32; 3];
        w.score_into(&[feature(8, &["unseen"])], &mut z);
        assert_eq!(z, [0; 3]);
    }
}
