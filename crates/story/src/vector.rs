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

    /// The `n` heaviest terms.
    pub fn top_terms(&self, n: usize) -> Vec<TermId> {
        let mut v = self.entries.clone();
        v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1));
        v.into_iter().take(n).map(|(t, _)| t).collect()
    }
}

/// The sum of the unit vectors of a story's articles, pruned to its heaviest terms so
/// that comparing against it costs the same however large the story grows.
#[derive(Debug, Clone, Default)]
pub struct Centroid {
    weights: HashMap<TermId, f32>,
    norm: f32,
}

impl Centroid {
    pub fn add(&mut self, v: &SparseVec, keep: usize) {
        for (t, w) in &v.entries {
            *self.weights.entry(*t).or_insert(0.0) += w;
        }
        if self.weights.len() > keep {
            let mut all: Vec<(TermId, f32)> = self.weights.drain().collect();
            all.select_nth_unstable_by(keep, |a, b| b.1.total_cmp(&a.1));
            all.truncate(keep);
            self.weights = all.into_iter().collect();
        }
        self.norm = self.weights.values().map(|w| w * w).sum::<f32>().sqrt();
    }

    /// Cosine between a unit vector and this centroid.
    pub fn cosine(&self, v: &SparseVec) -> f32 {
        if self.norm == 0.0 {
            return 0.0;
        }
        let dot: f32 = v.entries.iter().filter_map(|(t, w)| self.weights.get(t).map(|c| c * w)).sum();
        dot / self.norm
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosine_of_a_vector_with_its_own_centroid_is_one() {
        let v = SparseVec::from_weights(vec![(1, 2.0), (5, 1.0), (3, 0.5)], 10);
        let mut c = Centroid::default();
        c.add(&v, 10);
        assert!((c.cosine(&v) - 1.0).abs() < 1e-5);
        let w = SparseVec::from_weights(vec![(7, 1.0)], 10);
        assert_eq!(c.cosine(&w), 0.0);
    }

    #[test]
    fn pruning_keeps_the_heaviest_terms() {
        let v = SparseVec::from_weights(vec![(1, 3.0), (2, 2.0), (3, 1.0)], 2);
        assert_eq!(v.entries.iter().map(|e| e.0).collect::<Vec<_>>(), vec![1, 2]);
    }
}
