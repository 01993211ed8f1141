//! The arc-eager transition system (root token 0 at the bottom of the stack) and its
//! dynamic oracle (Goldberg & Nivre 2012): the cost of a move is the number of gold
//! arcs that become unreachable by making it.
//!
//! Token 0 is the artificial root; words are 1..n. The parser allows at most one
//! dependent of the root, so every parse has a single root word.

/// No token (no head, no child, empty position).
pub const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Shift = 0,
    Reduce = 1,
    Left = 2,
    Right = 3,
}

pub const N_MOVES: usize = 4;
pub const MOVES: [Move; N_MOVES] = [Move::Shift, Move::Reduce, Move::Left, Move::Right];

/// A parser configuration plus the partial tree built so far, with the per-token
/// summaries the features read (children, valency, label sets).
#[derive(Debug, Clone, Default)]
pub struct State {
    /// Number of tokens including the root.
    pub n: u32,
    pub stack: Vec<u32>,
    /// First token of the buffer; the buffer is `buf..n`.
    pub buf: u32,
    pub head: Vec<u32>,
    pub label: Vec<u8>,
    /// Leftmost and second-leftmost child.
    pub lefts: Vec<[u32; 2]>,
    /// Rightmost and second-rightmost child.
    pub rights: Vec<[u32; 2]>,
    pub n_left: Vec<u8>,
    pub n_right: Vec<u8>,
    /// Bit `l` set when the token has a left (right) child labelled `l` (labels ≥ 63 share bit 63).
    pub left_labels: Vec<u64>,
    pub right_labels: Vec<u64>,
}

impl State {
    /// Resets to the initial configuration for a sentence of `n_words` words,
    /// reusing the allocations.
    pub fn reset(&mut self, n_words: usize) {
        let n = n_words + 1;
        self.n = n as u32;
        self.stack.clear();
        self.stack.push(0);
        self.buf = 1;
        self.head.clear();
        self.head.resize(n, NONE);
        self.label.clear();
        self.label.resize(n, 0);
        for v in [&mut self.lefts, &mut self.rights] {
            v.clear();
            v.resize(n, [NONE; 2]);
        }
        for v in [&mut self.n_left, &mut self.n_right] {
            v.clear();
            v.resize(n, 0);
        }
        for v in [&mut self.left_labels, &mut self.right_labels] {
            v.clear();
            v.resize(n, 0);
        }
    }

    #[cfg(test)]
    pub fn new(n_words: usize) -> Self {
        let mut s = State::default();
        s.reset(n_words);
        s
    }

    #[inline]
    pub fn s0(&self) -> u32 {
        self.stack[self.stack.len() - 1]
    }

    /// The `i`-th stack element from the top, or `NONE`.
    #[inline]
    pub fn stack_at(&self, i: usize) -> u32 {
        if i < self.stack.len() {
            self.stack[self.stack.len() - 1 - i]
        } else {
            NONE
        }
    }

    /// The `i`-th buffer element, or `NONE`.
    #[inline]
    pub fn buffer_at(&self, i: u32) -> u32 {
        let k = self.buf + i;
        if k < self.n {
            k
        } else {
            NONE
        }
    }

    #[inline]
    pub fn is_terminal(&self) -> bool {
        self.buf >= self.n
    }

    /// Whether `m` may be made now.
    #[inline]
    pub fn is_valid(&self, m: Move) -> bool {
        let s = self.s0();
        let has_buffer = self.buf < self.n;
        match m {
            Move::Shift => has_buffer,
            Move::Reduce => s != 0 && self.head[s as usize] != NONE,
            Move::Left => has_buffer && s != 0 && self.head[s as usize] == NONE,
            Move::Right => has_buffer && (s != 0 || self.n_right[0] == 0),
        }
    }

    pub fn valid_moves(&self) -> [bool; N_MOVES] {
        MOVES.map(|m| self.is_valid(m))
    }

    /// Makes `m`, labelling the new arc (if any) with `label`. `m` must be valid.
    pub fn apply(&mut self, m: Move, label: u8) {
        match m {
            Move::Shift => {
                self.stack.push(self.buf);
                self.buf += 1;
            }
            Move::Reduce => {
                self.stack.pop();
            }
            Move::Left => {
                let d = self.stack.pop().unwrap_or(NONE);
                self.apply_arc(self.buf, d, label);
            }
            Move::Right => {
                let h = self.s0();
                let d = self.buf;
                self.apply_arc(h, d, label);
                self.stack.push(d);
                self.buf += 1;
            }
        }
    }

    /// Adds the arc `h -> d` labelled `label` (no stack or buffer change).
    pub fn apply_arc(&mut self, h: u32, d: u32, label: u8) {
        let (hu, du) = (h as usize, d as usize);
        self.head[du] = h;
        self.label[du] = label;
        let bit = 1u64 << label.min(63);
        if d < h {
            let l = &mut self.lefts[hu];
            if l[0] == NONE || d < l[0] {
                l[1] = l[0];
                l[0] = d;
            } else if l[1] == NONE || d < l[1] {
                l[1] = d;
            }
            self.n_left[hu] = self.n_left[hu].saturating_add(1);
            self.left_labels[hu] |= bit;
        } else {
            let r = &mut self.rights[hu];
            if r[0] == NONE || d > r[0] {
                r[1] = r[0];
                r[0] = d;
            } else if r[1] == NONE || d > r[1] {
                r[1] = d;
            }
            self.n_right[hu] = self.n_right[hu].saturating_add(1);
            self.right_labels[hu] |= bit;
        }
    }

    /// The cost of every move against the gold heads (`gold[0]` is ignored; `None`
    /// where a move is invalid). Arcs already lost are not counted.
    pub fn costs(&self, gold: &[u32]) -> [Option<u32>; N_MOVES] {
        let s = self.s0();
        let b = self.buf;
        let n = self.n;
        let gold_of = |k: u32| if k == 0 { NONE } else { gold[k as usize] };
        let mut out = [None; N_MOVES];
        for m in MOVES {
            if !self.is_valid(m) {
                continue;
            }
            let cost = match m {
                Move::Shift => self
                    .stack
                    .iter()
                    .filter(|&&k| gold_of(b) == k || (gold_of(k) == b && self.head[k as usize] == NONE))
                    .count(),
                Move::Reduce => (b..n).filter(|&k| gold_of(k) == s).count(),
                Move::Left => {
                    let head_later = (b + 1..n).any(|k| gold_of(s) == k) as usize;
                    head_later + (b..n).filter(|&k| gold_of(k) == s).count()
                }
                Move::Right => {
                    let gb = gold_of(b);
                    let head_elsewhere = (gb != s
                        && gb != NONE
                        && (self.stack.contains(&gb) || (gb > b && gb < n)))
                        as usize;
                    let orphans = self
                        .stack
                        .iter()
                        .filter(|&&k| gold_of(k) == b && self.head[k as usize] == NONE)
                        .count();
                    // Only one word may hang from the root: attaching `b` there loses
                    // the gold root word if that is another, still unattached word.
                    let root_taken = (s == 0
                        && (1..n).any(|k| k != b && gold_of(k) == 0 && self.head[k as usize] == NONE))
                        as usize;
                    head_elsewhere + orphans + root_taken
                }
            };
            out[m as usize] = Some(cost as u32);
        }
        out
    }
}

/// Lifts non-projective arcs (shortest first) to the grandparent until the tree is
/// projective. `heads[0]` is the root's own entry and is ignored; heads are 0-based
/// over tokens with 0 the root.
pub fn projectivize(heads: &mut [u32]) {
    let n = heads.len();
    let dominates = |heads: &[u32], h: u32, mut k: u32| {
        let mut steps = 0;
        while k != 0 && k != NONE && steps <= n {
            if k == h {
                return true;
            }
            k = heads[k as usize];
            steps += 1;
        }
        h == 0
    };
    loop {
        let mut shortest: Option<(u32, usize)> = None;
        for d in 1..n {
            let h = heads[d];
            if h == NONE || h == 0 {
                continue;
            }
            let (lo, hi) = if (h as usize) < d { (h as usize, d) } else { (d, h as usize) };
            let non_proj = (lo + 1..hi).any(|k| !dominates(heads, h, k as u32));
            if non_proj && shortest.is_none_or(|(len, _)| ((hi - lo) as u32) < len) {
                shortest = Some(((hi - lo) as u32, d));
            }
        }
        match shortest {
            Some((_, d)) => heads[d] = heads[heads[d] as usize],
            None => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Putin landed in Pyongyang ." : 1 Putin <- 2 landed (root); 3 in <- 4 Pyongyang <- 2; 5 . <- 2
    const GOLD: [u32; 6] = [NONE, 2, 0, 4, 2, 2];

    /// Follows the cheapest valid move, preferring moves in `order` on ties.
    fn run_oracle(gold: &[u32], order: [Move; 4]) -> Vec<u32> {
        let mut st = State::new(gold.len() - 1);
        let mut steps = 0;
        while !st.is_terminal() {
            let costs = st.costs(gold);
            let best = costs.iter().flatten().min().copied().unwrap();
            let m = order.into_iter().find(|&m| costs[m as usize] == Some(best)).unwrap();
            st.apply(m, 0);
            steps += 1;
            assert!(steps < 4 * gold.len());
        }
        st.head.clone()
    }

    #[test]
    fn oracle_reproduces_projective_trees_under_any_tie_order() {
        // A longer tree with left and right dependents at several depths:
        // "The big dog that I saw barked at the man loudly ."
        //  1   2   3    4    5  6     7    8  9   10   11    12
        let tree: Vec<u32> = vec![NONE, 3, 3, 7, 6, 6, 3, 0, 10, 10, 7, 7, 7];
        let orders = [
            [Move::Shift, Move::Reduce, Move::Left, Move::Right],
            [Move::Right, Move::Left, Move::Reduce, Move::Shift],
            [Move::Reduce, Move::Right, Move::Shift, Move::Left],
            [Move::Left, Move::Shift, Move::Right, Move::Reduce],
        ];
        for gold in [&GOLD[..], &tree[..]] {
            for order in orders {
                let heads = run_oracle(gold, order);
                assert_eq!(&heads[1..], &gold[1..], "order {order:?}");
            }
        }
    }

    #[test]
    fn dynamic_oracle_costs_on_a_small_case() {
        let mut st = State::new(5);
        // Initial: stack [0], buffer 1..: shifting Putin is free, attaching it to the
        // root loses its arc to "landed" and the root arc of "landed".
        let c = st.costs(&GOLD);
        assert_eq!(c[Move::Shift as usize], Some(0));
        assert_eq!(c[Move::Right as usize], Some(2));
        assert_eq!(c[Move::Left as usize], None);
        assert_eq!(c[Move::Reduce as usize], None);
        st.apply(Move::Shift, 0);
        // Stack [0 Putin], buffer [landed ...]: LA is right; SH loses Putin's head and
        // landed's root arc; RA (Putin -> landed) loses both as well.
        let c = st.costs(&GOLD);
        assert_eq!(c[Move::Left as usize], Some(0));
        assert_eq!(c[Move::Shift as usize], Some(2));
        assert_eq!(c[Move::Right as usize], Some(2));
        // A mistake: shift "landed" too; now "in" can still be shifted for free but
        // Putin's arc is gone and is not counted again.
        st.apply(Move::Shift, 0);
        let c = st.costs(&GOLD);
        assert_eq!(c[Move::Shift as usize], Some(0));
        // RA landed -> in: "in" belongs to Pyongyang (still in the buffer): cost 1.
        assert_eq!(c[Move::Right as usize], Some(1));
        // LA (landed <- in): landed's root arc is already lost and not counted again;
        // its dependents still in the buffer (Pyongyang, .) are lost: cost 2.
        assert_eq!(c[Move::Left as usize], Some(2));
    }

    #[test]
    fn lifting_makes_a_crossing_tree_projective() {
        // heads 1->3, 2->4, 3->0, 4->1: arc 4->2 spans 3, which 4 does not dominate.
        // Lifting 2 to 1 leaves 1->4 spanning 3; lifting 4 to 3 makes it projective.
        let mut heads = vec![NONE, 3, 4, 0, 1];
        projectivize(&mut heads);
        assert_eq!(heads, vec![NONE, 3, 1, 0, 3]);
        let order = [Move::Shift, Move::Reduce, Move::Left, Move::Right];
        assert_eq!(run_oracle(&heads, order), heads);
    }
}
