//! The shipped form of a trained perceptron: weights quantised to `i16`, features
//! keyed by the top 32 bits of their hash in an open-addressing table of small
//! fixed-size slots, so that a lookup, hit or miss, mostly touches one cache line.
//! Models of few classes (the parser's moves) keep a whole row of score differences
//! in an 8-byte slot; models of many classes (the arc labels, whose rows hold about
//! three non-zero weights) keep up to three (class, weight) pairs in a 16-byte slot
//! and the rest of longer rows in an overflow array.
use crate::lookup::{prefetch, Table};
use crate::perceptron::Perceptron;
use serde::{Deserialize, Serialize};

/// Compact read-only class weights for hashed features.
#[derive(Debug, Clone)]
pub struct Weights {
    n_classes: usize,
    capacity: usize,
    /// For models of more than [`INLINE_CLASSES`] classes: the non-zero weights of
    /// each feature (`inline` stays empty).
    sparse: Table<SparseSlot>,
    /// (class, weight) pairs of rows with more than [`PAIRS`] non-zero weights.
    overflow: Vec<(u8, i16)>,
    /// For models of at most [`INLINE_CLASSES`] classes: a 16-bit fingerprint and
    /// the weights of classes 1.. minus the weight of class 0, halved. Only score
    /// differences decide, and 8-byte slots keep more of the table in cache.
    /// `file` then keeps the exact rows for saving.
    inline: Table<Slot>,
    file: Option<WeightsFile>,
    len: usize,
}

const INLINE_CLASSES: usize = 4;
/// Non-zero weights held in a sparse slot itself.
const PAIRS: usize = 3;

#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(8))]
struct Slot {
    /// [`tag_of`] the short key; 0: empty.
    tag: u16,
    diff: [i16; INLINE_CLASSES - 1],
}

/// One feature of a many-class model in 16 bytes: its key and up to [`PAIRS`]
/// non-zero weights, or, for longer rows, where they start in the overflow array.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(16))]
struct SparseSlot {
    /// Short key; 0: empty.
    key: u32,
    /// Non-zero weights in the row.
    count: u8,
    classes: [u8; PAIRS],
    /// The weights, or for rows of more than [`PAIRS`] weights, the start of the
    /// row in the overflow array (low half, high half).
    values: [i16; PAIRS],
}

impl SparseSlot {
    fn overflow_start(&self) -> usize {
        self.values[0] as u16 as usize | (self.values[1] as u16 as usize) << 16
    }
}

/// A 16-bit check of `key` that differs for keys sharing a neighbourhood of the
/// table (the multiply carries differences in any bit up into the top half).
#[inline]
fn tag_of(key: u32) -> u16 {
    ((key.wrapping_mul(0x9E37_79B1) >> 16) as u16).max(1)
}

/// Sorted keys (delta-coded) and their dense rows: the form weights are built from.
#[derive(Debug, Clone)]
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
        if std::env::var("DYAD_DEBUG_ROWS").is_ok() {
            let mut hist = vec![0usize; n + 1];
            file.counts.iter().for_each(|&c| hist[c as usize] += 1);
            eprintln!("classes {n} rows {} nonzero {} hist {:?}", file.counts.len(), file.values.len(), hist);
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
        const _: () = assert!(std::mem::size_of::<SparseSlot>() == 16 && std::mem::size_of::<Slot>() == 8);
        if n > u8::MAX as usize + 1 {
            return Err(format!("{n} classes (at most 256)"));
        }
        let mut w = Weights {
            n_classes: n,
            capacity,
            sparse: if inline { Table::default() } else { crate::lookup::Table::new(capacity, SparseSlot::default()) },
            overflow: Vec::new(),
            inline: if inline { crate::lookup::Table::new(capacity, Slot::default()) } else { Table::default() },
            file: None,
            len,
        };
        let mut file = WeightsFile { n_classes: n as u32, key_deltas: key_deltas.to_vec(), rows: Vec::new() };
        let mut row = vec![0i16; n];
        let mut key = 0u32;
        for (i, &delta) in key_deltas.iter().enumerate() {
            key = key.checked_add(delta).ok_or("key overflow")?;
            if key == 0 {
                return Err("zero key".into());
            }
            row.iter_mut().for_each(|x| *x = 0);
            fill(i, &mut row)?;
            let mut slot = w.home(key);
            if inline {
                file.rows.extend_from_slice(&row);
                while w.inline[slot].tag != 0 {
                    slot = w.next(slot);
                }
                w.inline[slot].tag = tag_of(key);
                for c in 1..n {
                    // Halved: a difference of two i16 weights needs 17 bits.
                    w.inline[slot].diff[c - 1] = ((row[c] as i32 - row[0] as i32) / 2) as i16;
                }
            } else {
                while w.sparse[slot].key != 0 {
                    slot = w.next(slot);
                }
                let pairs = row.iter().enumerate().filter(|(_, &v)| v != 0).map(|(c, &v)| (c as u8, v));
                let s = &mut w.sparse[slot];
                s.key = key;
                s.count = pairs.clone().count().min(u8::MAX as usize) as u8;
                if s.count as usize <= PAIRS {
                    for (k, (c, v)) in pairs.enumerate() {
                        s.classes[k] = c;
                        s.values[k] = v;
                    }
                } else {
                    let start = w.overflow.len();
                    if start > u32::MAX as usize {
                        return Err("too many long rows".into());
                    }
                    s.values = [start as u16 as i16, (start >> 16) as u16 as i16, 0];
                    w.overflow.extend(pairs.take(u8::MAX as usize));
                }
            }
        }
        if inline {
            w.file = Some(file);
        }
        Ok(w)
    }

    pub fn to_file(&self) -> WeightsFile {
        if let Some(file) = &self.file {
            return file.clone();
        }
        let mut slots: Vec<&SparseSlot> = self.sparse.iter().filter(|s| s.key != 0).collect();
        slots.sort_unstable_by_key(|s| s.key);
        let n = self.n_classes;
        let mut file = WeightsFile { n_classes: n as u32, key_deltas: Vec::new(), rows: Vec::new() };
        let mut last = 0;
        for s in slots {
            file.key_deltas.push(s.key - last);
            last = s.key;
            let at = file.rows.len();
            file.rows.resize(at + n, 0);
            self.for_each_weight(s, |c, w| file.rows[at + c] = w);
        }
        file
    }

    /// Calls `f(class, weight)` for each non-zero weight of the row in `s`.
    #[inline]
    fn for_each_weight(&self, s: &SparseSlot, mut f: impl FnMut(usize, i16)) {
        let count = s.count as usize;
        if count <= PAIRS {
            for k in 0..count {
                f(s.classes[k] as usize, s.values[k]);
            }
        } else {
            let start = s.overflow_start();
            for &(c, w) in &self.overflow[start..start + count] {
                f(c as usize, w);
            }
        }
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

    /// The index of the sparse slot holding `key`, if any.
    #[inline]
    fn find_sparse_at(&self, key: u32) -> Option<usize> {
        let mut slot = self.home(key);
        loop {
            let s = &self.sparse[slot];
            if s.key == key {
                return Some(slot);
            }
            if s.key == 0 {
                return None;
            }
            slot = self.next(slot);
        }
    }

    /// The inline slot whose tag matches `key`'s, if any.
    #[inline]
    fn find_inline(&self, key: u32) -> Option<&Slot> {
        let tag = tag_of(key);
        let mut slot = self.home(key);
        loop {
            let s = &self.inline[slot];
            if s.tag == tag {
                return Some(s);
            }
            if s.tag == 0 {
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

    /// The average of `models` (of one number of classes): rows of the same key are
    /// summed, a key missing from a model counting as zeros, then divided by their
    /// number. `None` when `models` is empty or their classes differ.
    pub fn average(models: &[&Weights]) -> Option<Weights> {
        let n = models.first()?.n_classes;
        if models.iter().any(|m| m.n_classes != n) {
            return None;
        }
        let mut rows: std::collections::BTreeMap<u32, Vec<i32>> = std::collections::BTreeMap::new();
        for m in models {
            let file = m.to_file();
            let mut key = 0u32;
            for (i, &d) in file.key_deltas.iter().enumerate() {
                key += d;
                let row = rows.entry(key).or_insert_with(|| vec![0; n]);
                row.iter_mut().zip(&file.rows[i * n..(i + 1) * n]).for_each(|(s, &w)| *s += w as i32);
            }
        }
        let k = models.len() as i32;
        let mut file = WeightsFile { n_classes: n as u32, key_deltas: Vec::with_capacity(rows.len()), rows: Vec::new() };
        let mut last = 0u32;
        for (key, row) in rows {
            if row.iter().all(|&w| w / k == 0) {
                continue;
            }
            file.key_deltas.push(key - last);
            last = key;
            file.rows.extend(row.iter().map(|&w| (w / k) as i16));
        }
        Weights::from_file(&file).ok()
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

    /// Adds the rows of `features` into `scores` (length `n_classes`). For models of
    /// at most [`INLINE_CLASSES`] classes the scores are relative to class 0 (whose
    /// score stays as it was) and halved: the same ranking, not the same values.
    #[inline]
    pub fn score_into(&self, features: &[u64], scores: &mut [i32]) {
        let n = self.n_classes;
        if !self.inline.is_empty() {
            // Prefetch a window ahead of the probes: a few misses in flight at
            // once, without more outstanding than the core can track.
            const AHEAD: usize = 12;
            for &f in &features[..AHEAD.min(features.len())] {
                prefetch(&self.inline, self.home(short_key(f)));
            }
            let mut sum = [0i32; INLINE_CLASSES - 1];
            for (i, &f) in features.iter().enumerate() {
                if let Some(&g) = features.get(i + AHEAD) {
                    prefetch(&self.inline, self.home(short_key(g)));
                }
                if let Some(slot) = self.find_inline(short_key(f)) {
                    for (s, &d) in sum.iter_mut().zip(&slot.diff) {
                        *s += d as i32;
                    }
                }
            }
            for (s, d) in scores[1..n].iter_mut().zip(sum) {
                *s += d;
            }
            return;
        }
        // Find the slots (prefetched a window ahead), prefetch the overflow part of
        // long rows, then add: the second miss of a long row overlaps the others.
        const AHEAD: usize = 12;
        const BATCH: usize = 48;
        let mut found = [0usize; BATCH];
        for batch in features.chunks(BATCH) {
            for &f in &batch[..AHEAD.min(batch.len())] {
                prefetch(&self.sparse, self.home(short_key(f)));
            }
            let mut hits = 0;
            for (i, &f) in batch.iter().enumerate() {
                if let Some(&g) = batch.get(i + AHEAD) {
                    prefetch(&self.sparse, self.home(short_key(g)));
                }
                if let Some(slot) = self.find_sparse_at(short_key(f)) {
                    let s = &self.sparse[slot];
                    if s.count as usize > PAIRS {
                        prefetch(&self.overflow, s.overflow_start());
                    }
                    found[hits] = slot;
                    hits += 1;
                }
            }
            for &slot in &found[..hits] {
                self.for_each_weight(&self.sparse[slot], |c, w| {
                    if let Some(s) = scores.get_mut(c) {
                        *s += w as i32;
                    }
                });
            }
        }
        debug_assert_eq!(scores.len(), n);
    }
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
            // Small models score relative to class 0, halved.
            assert_eq!(q[0], 0);
            for c in 1..3 {
                assert!((2.0 * q[c] as f32 / scale - (exact[c] - exact[0])).abs() < 2e-3, "{q:?} vs {exact:?}");
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

    #[test]
    fn many_class_rows_score_exactly_and_survive_the_file_form() {
        let feats: Vec<u64> = (0..80).map(|i| feature(9, &[&i.to_string()])).collect();
        let mut t = Trainer::new(7);
        for (i, f) in feats.iter().enumerate() {
            t.tick();
            t.update(i % 7, (i + 3) % 7, &[*f]);
        }
        // Some rows with more non-zero weights than a slot holds.
        for c in 0..6 {
            t.tick();
            t.update(c, 6, &[feats[0], feats[c + 1]]);
            t.update(c + 1, c, &[feats[0]]);
        }
        let model = t.finish();
        let scale = 30000.0 / Weights::max_abs(&model, &feats);
        let w = Weights::from_perceptron(&model, &feats, 0.0, scale);
        assert!(w.overflow.len() > PAIRS, "rows of more than {PAIRS} weights are exercised");
        for f in &feats {
            let mut exact = [0f32; 7];
            model.score_into(&[*f], &mut exact);
            let mut q = [0i32; 7];
            w.score_into(&[*f], &mut q);
            for c in 0..7 {
                assert!((q[c] as f32 / scale - exact[c]).abs() < 1e-3, "{q:?} vs {exact:?}");
            }
        }
        let back = Weights::from_sparse(&SparseFile::from(&w.to_file())).unwrap();
        let (mut a, mut b) = ([0i32; 7], [0i32; 7]);
        w.score_into(&feats, &mut a);
        back.score_into(&feats, &mut b);
        assert_eq!(a, b);
    }
}
