//! Feature extraction in the style of Zhang & Nivre (2011): words, tags, heads,
//! left/right-most children and their labels, valency, distance and label sets of
//! the stack top, the buffer front and their neighbours. Every feature is a `u64`
//! hash combined from per-token hashes computed once per sentence, so extraction
//! allocates nothing.
use super::system::{State, NONE};

/// Hashes of one token's word (lowercased), XPOS, UPOS and last three letters, and
/// its capitalisation.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokenKeys {
    pub word: u64,
    pub tag: u64,
    pub upos: u64,
    pub suffix: u64,
    /// 1 lower-case start, 2 capitalised, 3 all capitals, 4 digit start, 5 other:
    /// a cue for names that does not depend on the (often wrong) PROPN/NOUN tag.
    pub case: u64,
}

const NIL: u64 = 0x51_7cc1_b727_220a;
const ROOT_KEY: u64 = 0x2545_f491_4f6c_dd1d;

/// FNV-1a over the bytes of `s`, ASCII-lowercased on the fly.
pub fn hash_str(s: &str, lowercase: bool) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for &b in s.as_bytes() {
        let b = if lowercase { b.to_ascii_lowercase() } else { b };
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    h
}

impl TokenKeys {
    pub fn new(form: &str, xpos: &str, upos: &str) -> Self {
        let cut = form.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
        let mut chars = form.chars();
        let case = match chars.next() {
            Some(c) if c.is_lowercase() => 1,
            Some(c) if c.is_uppercase() => {
                if form.chars().any(|c| c.is_lowercase()) {
                    2
                } else {
                    3
                }
            }
            Some(c) if c.is_ascii_digit() => 4,
            _ => 5,
        };
        TokenKeys {
            word: hash_str(form, true),
            tag: hash_str(xpos, false),
            upos: hash_str(upos, false),
            suffix: hash_str(&form[cut..], true) ^ 0x5bd1_e995,
            case,
        }
    }

    /// Keys for the artificial root (index 0).
    pub fn root() -> Self {
        TokenKeys { word: ROOT_KEY, tag: ROOT_KEY, upos: ROOT_KEY, suffix: ROOT_KEY, case: 6 }
    }
}

/// Combines a template id and values into one feature key.
#[inline]
fn mix(template: u64, values: &[u64]) -> u64 {
    let mut h = template.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for &v in values {
        h = (h.rotate_left(23) ^ v).wrapping_mul(0xff51_afd7_ed55_8ccd);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 29)
}

pub const N_MOVE_FEATURES: usize = N_BUFFER_FEATURES + N_STATE_FEATURES;
/// Move features that read only the buffer front and the two words after it: the
/// same for every state whose buffer starts at the same word, so the parser scores
/// them once per word.
pub const N_BUFFER_FEATURES: usize = 12;
/// The other move features.
pub const N_STATE_FEATURES: usize = 73;
pub const N_LABEL_FEATURES: usize = 36;

/// Reads the token-level values a template needs.
struct View<'a> {
    keys: &'a [TokenKeys],
    st: &'a State,
}

impl View<'_> {
    #[inline]
    fn w(&self, i: u32) -> u64 {
        if i == NONE {
            NIL
        } else {
            self.keys[i as usize].word
        }
    }
    #[inline]
    fn p(&self, i: u32) -> u64 {
        if i == NONE {
            NIL
        } else {
            self.keys[i as usize].tag
        }
    }
    #[inline]
    fn x(&self, i: u32) -> u64 {
        if i == NONE {
            NIL
        } else {
            self.keys[i as usize].suffix
        }
    }
    #[inline]
    fn c(&self, i: u32) -> u64 {
        if i == NONE {
            0
        } else {
            self.keys[i as usize].case
        }
    }
    #[inline]
    fn u(&self, i: u32) -> u64 {
        if i == NONE {
            NIL
        } else {
            self.keys[i as usize].upos
        }
    }
    /// The label of `i`'s arc, or a marker for "no token" / "no head yet".
    #[inline]
    fn l(&self, i: u32) -> u64 {
        if i == NONE {
            NIL
        } else if self.st.head[i as usize] == NONE {
            1000
        } else {
            self.st.label[i as usize] as u64
        }
    }
    #[inline]
    fn head(&self, i: u32) -> u32 {
        if i == NONE {
            NONE
        } else {
            self.st.head[i as usize]
        }
    }
    #[inline]
    fn left(&self, i: u32, k: usize) -> u32 {
        if i == NONE {
            NONE
        } else {
            self.st.lefts[i as usize][k]
        }
    }
    #[inline]
    fn right(&self, i: u32, k: usize) -> u32 {
        if i == NONE {
            NONE
        } else {
            self.st.rights[i as usize][k]
        }
    }
    #[inline]
    fn vl(&self, i: u32) -> u64 {
        if i == NONE {
            NIL
        } else {
            self.st.n_left[i as usize] as u64
        }
    }
    #[inline]
    fn vr(&self, i: u32) -> u64 {
        if i == NONE {
            NIL
        } else {
            self.st.n_right[i as usize] as u64
        }
    }
    #[inline]
    fn sl(&self, i: u32) -> u64 {
        if i == NONE {
            NIL
        } else {
            self.st.left_labels[i as usize]
        }
    }
    #[inline]
    fn sr(&self, i: u32) -> u64 {
        if i == NONE {
            NIL
        } else {
            self.st.right_labels[i as usize]
        }
    }
}

/// Capped distance between two tokens (a small bin for "none").
#[inline]
fn distance(a: u32, b: u32) -> u64 {
    if a == NONE || b == NONE {
        return 99;
    }
    let d = a.abs_diff(b) as u64;
    match d {
        0..=4 => d,
        5..=7 => 5,
        8..=12 => 6,
        _ => 7,
    }
}

/// The features for choosing the next move, written into `out`: the buffer
/// features, then the state features.
pub fn move_features(keys: &[TokenKeys], st: &State, out: &mut [u64; N_MOVE_FEATURES]) {
    let (buffer, state) = out.split_at_mut(N_BUFFER_FEATURES);
    buffer_features(keys, st, buffer.try_into().expect("N_BUFFER_FEATURES long"));
    state_features(keys, st, state.try_into().expect("N_STATE_FEATURES long"));
}

/// The move features of `st` that read only the first three buffer words.
pub fn buffer_features(keys: &[TokenKeys], st: &State, out: &mut [u64; N_BUFFER_FEATURES]) {
    let v = View { keys, st };
    let (n0, n1, n2) = (st.buffer_at(0), st.buffer_at(1), st.buffer_at(2));
    let (n0w, n0p, n1w, n1p, n2w, n2p) = (v.w(n0), v.p(n0), v.w(n1), v.p(n1), v.w(n2), v.p(n2));
    *out = [
        mix(0, &[]),
        mix(4, &[n0w, n0p]),
        mix(5, &[n0w]),
        mix(6, &[n0p]),
        mix(8, &[n1w]),
        mix(9, &[n1p]),
        mix(11, &[n2w]),
        mix(12, &[n2p]),
        mix(20, &[n0p, n1p]),
        mix(21, &[n0p, n1p, n2p]),
        mix(88, &[v.x(n0), n0p]),
        mix(90, &[n0w, n1w]),
    ];
}

/// The move features of `st` other than [`buffer_features`].
pub fn state_features(keys: &[TokenKeys], st: &State, out: &mut [u64; N_STATE_FEATURES]) {
    let v = View { keys, st };
    let s0 = st.stack_at(0);
    let s1 = st.stack_at(1);
    let s2 = st.stack_at(2);
    let n0 = st.buffer_at(0);
    let n1 = st.buffer_at(1);
    let s0h = v.head(s0);
    let s0h2 = v.head(s0h);
    let (s0l, s0l2, s0r, s0r2) = (v.left(s0, 0), v.left(s0, 1), v.right(s0, 0), v.right(s0, 1));
    let (n0l, n0l2) = (v.left(n0, 0), v.left(n0, 1));
    let (s1l, s1r) = (v.left(s1, 0), v.right(s1, 0));
    let (s0w, s0p, n0w, n0p) = (v.w(s0), v.p(s0), v.w(n0), v.p(n0));
    let n1p = v.p(n1);
    let d = distance(s0, n0);
    // Words either side of the stack top and the buffer front in the sentence.
    let before = |i: u32| if i == NONE || i == 0 { NONE } else { i - 1 };
    let after = |i: u32| if i == NONE || i + 1 >= st.n { NONE } else { i + 1 };

    let f: [u64; N_STATE_FEATURES] = [
        // Single words.
        mix(1, &[s0w, s0p]),
        mix(2, &[s0w]),
        mix(3, &[s0p]),
        // Pairs.
        mix(13, &[s0w, s0p, n0w, n0p]),
        mix(18, &[s0w, n0w]),
        mix(19, &[s0p, n0p]),
        // Triples of tags.
        mix(22, &[s0p, n0p, n1p]),
        mix(23, &[v.p(s0h), s0p, n0p]),
        mix(24, &[s0p, v.p(s0l), n0p]),
        mix(25, &[s0p, v.p(s0r), n0p]),
        mix(26, &[s0p, n0p, v.p(n0l)]),
        // Distance.
        mix(28, &[s0p, d]),
        mix(30, &[n0p, d]),
        mix(31, &[s0w, n0w, d]),
        mix(32, &[s0p, n0p, d]),
        // Valency.
        mix(34, &[s0p, v.vr(s0)]),
        mix(36, &[s0p, v.vl(s0)]),
        mix(37, &[n0w, v.vl(n0)]),
        mix(38, &[n0p, v.vl(n0)]),
        // Heads and children.
        mix(39, &[v.w(s0h)]),
        mix(40, &[v.p(s0h)]),
        mix(41, &[v.l(s0)]),
        mix(42, &[v.w(s0l)]),
        mix(43, &[v.p(s0l)]),
        mix(44, &[v.l(s0l)]),
        mix(45, &[v.w(s0r)]),
        mix(46, &[v.p(s0r)]),
        mix(47, &[v.l(s0r)]),
        mix(48, &[v.w(n0l)]),
        mix(49, &[v.p(n0l)]),
        mix(50, &[v.l(n0l)]),
        // Third order.
        mix(51, &[v.w(s0h2)]),
        mix(52, &[v.p(s0h2)]),
        mix(53, &[v.l(s0h)]),
        mix(54, &[v.w(s0l2)]),
        mix(55, &[v.p(s0l2)]),
        mix(56, &[v.l(s0l2)]),
        mix(57, &[v.w(s0r2)]),
        mix(58, &[v.p(s0r2)]),
        mix(59, &[v.l(s0r2)]),
        mix(60, &[v.w(n0l2)]),
        mix(61, &[v.p(n0l2)]),
        mix(62, &[v.l(n0l2)]),
        mix(63, &[s0p, v.p(s0l), v.p(s0l2)]),
        mix(64, &[s0p, v.p(s0r), v.p(s0r2)]),
        mix(65, &[s0p, v.p(s0h), v.p(s0h2)]),
        mix(66, &[n0p, v.p(n0l), v.p(n0l2)]),
        // Label sets.
        mix(68, &[s0p, v.sr(s0)]),
        mix(70, &[s0p, v.sl(s0)]),
        mix(72, &[n0p, v.sl(n0)]),
        // Deeper stack, coarse tags and sentence neighbours.
        mix(73, &[v.w(s1), v.p(s1)]),
        mix(74, &[v.p(s1), s0p, n0p]),
        mix(75, &[v.p(s2), v.p(s1), s0p]),
        mix(76, &[v.p(s1), v.l(s1), v.p(s1l), v.p(s1r)]),
        mix(77, &[v.u(s0), v.u(n0), v.u(n1)]),
        mix(78, &[v.u(s1), v.u(s0), v.u(n0)]),
        mix(79, &[s0p, v.p(after(s0)), n0p]),
        mix(80, &[s0p, v.p(before(n0)), n0p]),
        mix(81, &[s0p, n0p, v.p(after(n0))]),
        mix(82, &[v.p(before(s0)), s0p, n0p]),
        mix(83, &[s0p, v.l(s0), n0p, (s1 == 0) as u64]),
        // Coarse tags with words, and suffixes: less exposed to fine-tag errors.
        mix(84, &[s0w, v.u(n0)]),
        mix(85, &[v.u(s0), n0w]),
        mix(86, &[v.u(s0), v.u(n0), d]),
        mix(87, &[v.x(s0), v.x(n0)]),
        mix(89, &[v.x(s0), s0p]),
        mix(91, &[s0w, n0w, n1p]),
        mix(92, &[v.u(s0h), v.u(s0), v.u(n0)]),
        mix(93, &[v.u(s0), v.u(n0), v.u(n0l), v.l(n0l)]),
        mix(94, &[v.u(s0), v.l(s0), v.u(s0r), v.l(s0r), v.u(n0)]),
        mix(95, &[v.x(n1), v.u(n0), v.u(s0)]),
        mix(96, &[v.c(s0), v.c(n0), v.u(s0), v.u(n0)]),
        mix(97, &[v.c(s0), v.c(n0), s0w, n0p]),
    ];
    *out = f;
}

/// The features for labelling the arc `head -> dep` in state `st` (before the arc is added).
pub fn label_features(keys: &[TokenKeys], st: &State, head: u32, dep: u32, out: &mut [u64; N_LABEL_FEATURES]) {
    let v = View { keys, st };
    let dir = (dep < head) as u64 + 2 * (head == 0) as u64;
    let (hw, hp, dw, dp) = (v.w(head), v.p(head), v.w(dep), v.p(dep));
    let d = distance(head, dep);
    let (dl, dr) = (v.left(dep, 0), v.right(dep, 0));
    let hh = v.head(head);
    let before = |i: u32| if i == NONE || i == 0 { NONE } else { i - 1 };
    let after = |i: u32| if i == NONE || i + 1 >= st.n { NONE } else { i + 1 };
    let f: [u64; N_LABEL_FEATURES] = [
        mix(100, &[dir]),
        mix(101, &[dir, dw]),
        mix(102, &[dir, dp]),
        mix(103, &[dir, dw, dp]),
        mix(104, &[dir, hw]),
        mix(105, &[dir, hp]),
        mix(106, &[dir, hw, hp]),
        mix(107, &[dir, dw, hw]),
        mix(108, &[dir, dp, hp]),
        mix(109, &[dir, dw, hp]),
        mix(110, &[dir, dp, hw]),
        mix(111, &[dir, dp, hp, d]),
        mix(112, &[dir, v.u(dep), v.u(head)]),
        mix(113, &[dir, dp, v.p(before(dep)), v.p(after(dep))]),
        mix(114, &[dir, hp, v.p(before(head)), v.p(after(head))]),
        mix(115, &[dir, dp, v.sl(dep), v.sr(dep)]),
        mix(116, &[dir, dp, hp, v.sl(head)]),
        mix(117, &[dir, dp, hp, v.sr(head)]),
        mix(118, &[dir, dp, v.w(dl)]),
        mix(119, &[dir, dp, v.p(dl), v.l(dl)]),
        mix(120, &[dir, dp, v.p(dr), v.l(dr)]),
        mix(121, &[dir, dp, hp, v.l(head)]),
        mix(122, &[dir, dp, hp, v.p(hh)]),
        mix(123, &[dir, v.w(dl), hw]),
        mix(124, &[dir, dw, v.l(head)]),
        mix(125, &[dir, dp, v.w(before(dep))]),
        mix(126, &[dir, hp, dp, v.w(dl), v.vl(dep)]),
        mix(127, &[dir, v.u(dep), v.u(head), v.vl(head), v.vr(head)]),
        mix(128, &[dir, dw, v.w(after(dep))]),
        mix(129, &[dir, hw, dp, d]),
        mix(130, &[dir, v.x(dep), v.u(dep)]),
        mix(131, &[dir, v.x(dep), v.u(head), hw]),
        mix(132, &[dir, dw, v.u(head), d]),
        mix(133, &[dir, v.u(dep), v.u(head), v.w(dl)]),
        mix(134, &[dir, v.c(dep), v.u(dep), v.c(head), v.u(head)]),
        mix(135, &[dir, v.c(dep), dw, hp]),
    ];
    *out = f;
}
