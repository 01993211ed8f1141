//! Sparse weighted term vectors and story centroids.
use std::collections::HashMap;

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
#[derive(Debug, Clone, Default)]
pub struct Centroid {
    weights: HashMap<TermId, f32>,
}

impl Centroid {
    pub fn add(&mut self, v: &SparseVec, keep: usize, idf: impl Fn(TermId) -> f32) {
        for (t, w) in &v.entries {
            *self.weights.entry(*t).or_insert(0.0) += w;
        }
        if self.weights.len() > keep {
            let mut all: Vec<(TermId, f32)> = self.weights.drain().collect();
            all.select_nth_unstable_by(keep, |a, b| (b.1 * idf(b.0)).total_cmp(&(a.1 * idf(a.0))));
            all.truncate(keep);
            self.weights = all.into_iter().collect();
        }
    }

    /// Cosine between a term-frequency vector and this centroid, both weighted by `idf`.
    pub fn cosine(&self, v: &SparseVec, idf: impl Fn(TermId) -> f32) -> f32 {
        let norm_c = self.weights.iter().map(|(t, w)| (w * idf(*t)).powi(2)).sum::<f32>().sqrt();
        let norm_v = v.entries.iter().map(|(t, w)| (w * idf(*t)).powi(2)).sum::<f32>().sqrt();
        if norm_c == 0.0 || norm_v == 0.0 {
            return 0.0;
        }
        let dot: f32 = v.entries.iter().filter_map(|(t, w)| self.weights.get(t).map(|c| c * w * idf(*t).powi(2))).sum();
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
