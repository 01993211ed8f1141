//! Sparse weighted term vectors and story centroids.

/// Index of a term in the index's vocabulary.
pub type TermId = u32;

/// A sparse vector, sorted by term, L2-normalised once built.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SparseVec {
    pub entries: Vec<(TermId, f32)>,
}

impl SparseVec {
    /// Keeps the `keep` heaviest entries, sorts them by term and normalises to unit length.
    pub fn from_weights(mut entries: Vec<(TermId, f32)>, keep: usize) -> SparseVec {
        entries.retain(|(_, w)| *w > 0.0);
        if entries.len() > keep {
            entries.select_nth_unstable_by(keep, |a, b| b.1.total_cmp(&a.1));
            entries.truncate(keep);
        }
        entries.sort_unstable_by_key(|(t, _)| *t);
        let norm = entries.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for e in &mut entries {
                e.1 /= norm;
            }
        }
        SparseVec { entries }
    }

    /// The `n` heaviest terms once each is weighted by `idf`.
    pub fn top_terms(&self, n: usize, idf: impl Fn(TermId) -> f32) -> Vec<TermId> {
        let mut v: Vec<(TermId, f32)> = self.entries.iter().map(|(t, w)| (*t, w * idf(*t))).collect();
        v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1));
        v.into_iter().take(n).map(|(t, _)| t).collect()
    }
}

/// The sum of the term-frequency vectors of a story's articles, pruned to its heaviest
/// terms so that comparing against it costs the same however large the story grows.
/// IDF is applied when comparing, with the document frequencies of that moment, so the
/// first articles of a story are weighed with what the index knows now, not then.
/// Kept sorted by term: sums run in one order, so a centroid restored from storage
/// compares exactly as the one it was saved from.
#[derive(Debug, Clone, Default)]
pub struct Centroid {
    weights: Vec<(TermId, f32)>,
}

impl Centroid {
    pub fn add(&mut self, v: &SparseVec, keep: usize, idf: impl Fn(TermId) -> f32) {
        let mut merged = Vec::with_capacity(self.weights.len() + v.entries.len());
        let (a, b) = (&self.weights, &v.entries);
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            if j == b.len() || (i < a.len() && a[i].0 < b[j].0) {
                merged.push(a[i]);
                i += 1;
            } else if i == a.len() || b[j].0 < a[i].0 {
                merged.push(b[j]);
                j += 1;
            } else {
                merged.push((a[i].0, a[i].1 + b[j].1));
                i += 1;
                j += 1;
            }
        }
        if merged.len() > keep {
            // Ties go to the older term, so that the pruning does not depend on order.
            merged.select_nth_unstable_by(keep, |a, b| (b.1 * idf(b.0)).total_cmp(&(a.1 * idf(a.0))).then(a.0.cmp(&b.0)));
            merged.truncate(keep);
            merged.sort_unstable_by_key(|e| e.0);
        }
        self.weights = merged;
    }

    /// The weights, sorted by term.
    pub fn entries(&self) -> Vec<(TermId, f32)> {
        self.weights.clone()
    }

    /// Replaces the weights (a centroid restored from storage).
    pub fn set(&mut self, entries: impl IntoIterator<Item = (TermId, f32)>) {
        self.weights = entries.into_iter().collect();
        self.weights.sort_unstable_by_key(|e| e.0);
        self.weights.dedup_by_key(|e| e.0);
    }

    /// Cosine between a term-frequency vector and this centroid, both weighted by `idf`.
    pub fn cosine(&self, v: &SparseVec, idf: impl Fn(TermId) -> f32) -> f32 {
        let norm_c = self.weights.iter().map(|(t, w)| (w * idf(*t)).powi(2)).sum::<f32>().sqrt();
        let norm_v = v.entries.iter().map(|(t, w)| (w * idf(*t)).powi(2)).sum::<f32>().sqrt();
        if norm_c == 0.0 || norm_v == 0.0 {
            return 0.0;
        }
        let mut dot = 0.0f32;
        let mut i = 0;
        for (t, w) in &v.entries {
            while i < self.weights.len() && self.weights[i].0 < *t {
                i += 1;
            }
            if i < self.weights.len() && self.weights[i].0 == *t {
                dot += self.weights[i].1 * w * idf(*t).powi(2);
            }
        }
        dot / (norm_c * norm_v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosine_of_a_vector_with_its_own_centroid_is_one() {
        let v = SparseVec::from_weights(vec![(1, 2.0), (5, 1.0), (3, 0.5)], 10);
        let idf = |t: TermId| 1.0 + t as f32;
        let mut c = Centroid::default();
        c.add(&v, 10, idf);
        assert!((c.cosine(&v, idf) - 1.0).abs() < 1e-5);
        let w = SparseVec::from_weights(vec![(7, 1.0)], 10);
        assert_eq!(c.cosine(&w, idf), 0.0);
    }

    #[test]
    fn pruning_keeps_the_heaviest_terms() {
        let v = SparseVec::from_weights(vec![(1, 3.0), (2, 2.0), (3, 1.0)], 2);
        assert_eq!(v.entries.iter().map(|e| e.0).collect::<Vec<_>>(), vec![1, 2]);
    }
}
