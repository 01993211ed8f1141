//! Viterbi decoding for the entity model: the best tag sequence of a sentence under
//! per-token tag scores (emissions) plus tag-to-tag transition scores, with I tags
//! allowed only after a tag of their own type.
use super::labels::{allowed_after, N_TAGS};

/// Transition scores `[prev][tag]`; row `N_TAGS` is the sentence start.
pub type Transitions = [[f32; N_TAGS]; N_TAGS + 1];

/// Which moves `[prev][tag]` are allowed (row `N_TAGS`: the sentence start, like O).
fn allowed() -> [[bool; N_TAGS]; N_TAGS + 1] {
    let mut a = [[true; N_TAGS]; N_TAGS + 1];
    for (p, row) in a.iter_mut().enumerate() {
        *row = allowed_after(if p == N_TAGS { 0 } else { p });
    }
    a
}

/// The highest-scoring allowed tag sequence under tag scores `emissions[i][tag]` and
/// move scores `edges[i][prev][tag]` into token `i` (row `N_TAGS`: from the sentence
/// start, read at token 0 only). Ties go to the lower tag index, so the result is
/// deterministic.
pub fn best_path(emissions: &[[f32; N_TAGS]], edges: &[Transitions]) -> Vec<usize> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let ok = allowed();
    let mut back = vec![[0u8; N_TAGS]; n];
    let mut prev = [f32::NEG_INFINITY; N_TAGS];
    for t in 0..N_TAGS {
        if ok[N_TAGS][t] {
            prev[t] = edges[0][N_TAGS][t] + emissions[0][t];
        }
    }
    for i in 1..n {
        let mut cur = [f32::NEG_INFINITY; N_TAGS];
        for t in 0..N_TAGS {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for p in 0..N_TAGS {
                if !ok[p][t] || prev[p] == f32::NEG_INFINITY {
                    continue;
                }
                let s = prev[p] + edges[i][p][t];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            if best > f32::NEG_INFINITY {
                cur[t] = best + emissions[i][t];
                back[i][t] = arg;
            }
        }
        prev = cur;
    }
    // The last token's tag must be one that may end a span (O may follow it).
    let mut last = 0;
    for t in 1..N_TAGS {
        if ok[t][0] && prev[t] > prev[last] {
            last = t;
        }
    }
    let mut path = vec![0usize; n];
    path[n - 1] = last;
    for i in (1..n).rev() {
        path[i - 1] = back[i][path[i]] as usize;
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::labels::{tag_of, Label, Part};

    #[test]
    fn a_strong_transition_overrides_a_weak_emission() {
        let b_org = tag_of(Label::Org, Part::Begin).unwrap();
        let i_org = tag_of(Label::Org, Part::Last).unwrap();
        let b_per = tag_of(Label::Per, Part::Unit).unwrap();
        let mut trans = [[0f32; N_TAGS]; N_TAGS + 1];
        trans[b_org][i_org] = 2.0;
        let mut e = vec![[0f32; N_TAGS]; 2];
        e[0][b_org] = 1.0;
        e[1][b_per] = 1.5;
        // Greedy would take B-ORG then B-PER (1 + 1.5); B-ORG I-ORG scores 1 + 2.
        assert_eq!(best_path(&e, &[trans, trans]), [b_org, i_org]);
        // An I tag never starts a sentence or follows another type, however it scores.
        let mut e = vec![[0f32; N_TAGS]; 2];
        e[0][i_org] = 9.0;
        e[1][i_org] = 9.0;
        e[0][b_per] = 1.0;
        let path = best_path(&e, &[[[0f32; N_TAGS]; N_TAGS + 1]; 2]);
        assert_ne!(path[0], i_org);
        assert!(path[1] != i_org || path[0] == b_org);
    }
}
