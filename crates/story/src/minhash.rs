//! MinHash signatures over word shingles, with LSH bands to find near-duplicate
//! candidates (wire copies republished by several outlets) without comparing all pairs.

/// Number of hash functions in a signature.
pub const HASHES: usize = 64;
/// Rows per LSH band: with 16 bands of 4 rows, a pair at Jaccard 0.6 collides in at least
/// one band with probability about 0.89, a pair at 0.3 with about 0.12.
pub const ROWS: usize = 4;
/// Words per shingle.
pub const SHINGLE: usize = 3;

/// A MinHash signature: the minimum of each of [`HASHES`] hash functions over a text's
/// shingles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature([u64; HASHES]);

impl Signature {
    /// The signature of `text`, or `None` for a text without words.
    pub fn of_text(text: &str) -> Option<Signature> {
        let shingles = crate::terms::shingles(text, SHINGLE);
        if shingles.is_empty() {
            return None;
        }
        let mut mins = [u64::MAX; HASHES];
        for s in shingles {
            for (i, m) in mins.iter_mut().enumerate() {
                let h = mix(s ^ SEEDS[i]);
                if h < *m {
                    *m = h;
                }
            }
        }
        Some(Signature(mins))
    }

    /// The minimum of each hash function, for storage.
    pub fn hashes(&self) -> &[u64; HASHES] {
        &self.0
    }

    /// A signature read back from storage.
    pub fn from_hashes(hashes: [u64; HASHES]) -> Signature {
        Signature(hashes)
    }

    /// Estimated Jaccard similarity of the two shingle sets.
    pub fn jaccard(&self, other: &Signature) -> f64 {
        let same = self.0.iter().zip(other.0.iter()).filter(|(a, b)| a == b).count();
        same as f64 / HASHES as f64
    }

    /// One hash per LSH band, tagged with the band number.
    pub fn bands(&self) -> impl Iterator<Item = u64> + '_ {
        self.0.chunks(ROWS).enumerate().map(|(b, rows)| {
            let mut h = mix(b as u64 + 1);
            for r in rows {
                h = mix(h ^ *r);
            }
            h
        })
    }
}

/// splitmix64 finaliser: a cheap, well-mixed 64-bit hash.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

const SEEDS: [u64; HASHES] = {
    let mut s = [0u64; HASHES];
    let mut i = 0;
    let mut x: u64 = 0x5851_f42d_4c95_7f2d;
    while i < HASHES {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        s[i] = x;
        i += 1;
    }
    s
};

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "Russian President Vladimir Putin arrived in Hanoi early on Thursday for a state visit \
        aimed at strengthening ties with Vietnam, a day after signing a defence pact with North Korea in Pyongyang.";

    #[test]
    fn a_lightly_edited_copy_is_near_and_another_text_is_far() {
        let copy = A.replace("early on Thursday", "on Thursday");
        let other = "The United States and Britain struck Houthi targets in Yemen after weeks of attacks on shipping in the Red Sea.";
        let a = Signature::of_text(A).expect("words");
        assert!(a.jaccard(&Signature::of_text(&copy).expect("words")) > 0.6);
        assert!(a.jaccard(&Signature::of_text(other).expect("words")) < 0.2);
        assert!(Signature::of_text("  ... ").is_none());
    }
}
