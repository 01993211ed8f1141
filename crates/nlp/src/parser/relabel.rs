//! Second-pass relabelling: once the greedy parser has built the whole tree, each
//! word's relation is predicted again by a classifier that sees what the parser
//! could not when it labelled the arc — the dependent's right children (a `case`
//! or `mark` word, its relations), the head's other children (an existing subject
//! or object), the head's own relation and head — together with the parser's label.
//!
//! It is trained on trees the parser itself makes on sentences it did not see
//! (a jackknife of the parser over the training set, [`train_relabeler`]), so it
//! learns to correct the parser's real mistakes rather than to copy gold labels.
use super::features::{mix, TokenKeys};
use super::system::{State, NONE};
use super::weights::Weights;
use super::{train, Parser, TrainOptions};
use crate::conllu::Sentence;
use crate::perceptron::Trainer;
use rustc_hash::FxHashSet;

pub const N_RELABEL_FEATURES: usize = 28;

/// Relations that mark a function word of its head (prepositions, subordinators):
/// the strongest cue for `obl` vs `obj`, `advcl` vs `xcomp`, `nmod` vs `compound`.
const FUNCTION_RELATIONS: [&str; 2] = ["case", "mark"];
const NIL: u64 = 0x7f4a_7c15_9e37_79b9;

/// The finished tree of one sentence (token 0 the root), with each token's children
/// in sentence order, in the label numbering of the parser that owns the relabeler.
#[derive(Debug, Default, Clone)]
pub struct Tree {
    head: Vec<u32>,
    label: Vec<u8>,
    /// Children of token `i` are `kids[start[i]..start[i + 1]]`.
    start: Vec<u32>,
    kids: Vec<u32>,
    /// Bit `l` set when the token has a child labelled `l` (labels ≥ 63 share bit 63).
    kid_labels: Vec<u64>,
}

impl Tree {
    /// Fills the tree from `head`/`label` (index 0 the root; `NONE` for no head).
    pub fn fill(&mut self, head: &[u32], label: &[u8]) {
        let n = head.len();
        self.head.clear();
        self.head.extend_from_slice(head);
        self.label.clear();
        self.label.extend_from_slice(label);
        self.start.clear();
        self.start.resize(n + 1, 0);
        self.kid_labels.clear();
        self.kid_labels.resize(n, 0);
        for (d, &h) in head.iter().enumerate().skip(1) {
            if (h as usize) < n {
                self.start[h as usize + 1] += 1;
                self.kid_labels[h as usize] |= 1u64 << label[d].min(63);
            }
        }
        for i in 0..n {
            self.start[i + 1] += self.start[i];
        }
        self.kids.clear();
        self.kids.resize(self.start[n] as usize, 0);
        // Placing children in increasing order keeps each list sorted.
        let mut next: Vec<u32> = self.start[..n].to_vec();
        for (d, &h) in head.iter().enumerate().skip(1) {
            if (h as usize) < n {
                self.kids[next[h as usize] as usize] = d as u32;
                next[h as usize] += 1;
            }
        }
    }

    fn kids(&self, i: u32) -> &[u32] {
        &self.kids[self.start[i as usize] as usize..self.start[i as usize + 1] as usize]
    }
}

/// Capped distance (as the arc features bin it).
fn distance(a: u32, b: u32) -> u64 {
    match a.abs_diff(b) as u64 {
        d @ 0..=4 => d,
        5..=7 => 5,
        8..=12 => 6,
        _ => 7,
    }
}

/// The relabelling features of word `d` (whose head is not the root) in `tree`.
/// `function` has the bits of [`FUNCTION_RELATIONS`].
pub fn relabel_features(keys: &[TokenKeys], tree: &Tree, function: u64, d: u32, out: &mut [u64; N_RELABEL_FEATURES]) {
    let n = keys.len() as u32;
    let k = |i: u32| if i == NONE || i >= n { None } else { Some(&keys[i as usize]) };
    let w = |i: u32| k(i).map_or(NIL, |t| t.word);
    let p = |i: u32| k(i).map_or(NIL, |t| t.tag);
    let u = |i: u32| k(i).map_or(NIL, |t| t.upos);
    let l = |i: u32| if i == NONE || i >= n { NIL } else { tree.label[i as usize] as u64 };
    let h = tree.head[d as usize];
    let dir = (d < h) as u64;
    let pl = tree.label[d as usize] as u64;
    let (dw, dp, du, hw, hp, hu) = (w(d), p(d), u(d), w(h), p(h), u(h));
    let dist = distance(d, h);
    let kidset = tree.kid_labels[d as usize];
    // The head's children other than `d`, and the nearest of them between it and `d`.
    let mut sibset = 0u64;
    let mut near = NONE;
    for &s in tree.kids(h) {
        if s == d {
            continue;
        }
        sibset |= 1u64 << tree.label[s as usize].min(63);
        let between = if d < h { s > d && s < h } else { s < d && s > h };
        if between && (near == NONE || s.abs_diff(d) < near.abs_diff(d)) {
            near = s;
        }
    }
    let function_kid = |i: u32| {
        tree.kids(i).iter().copied().find(|&c| function >> tree.label[c as usize].min(63) & 1 == 1).unwrap_or(NONE)
    };
    let fw = w(function_kid(d));
    let hfw = w(function_kid(h));
    let g = tree.head[h as usize];
    let gp = if g == NONE { NIL } else { p(g) };
    let hl = l(h);
    let nk = tree.kids(d).len().min(4) as u64;
    let beside = if d < h { d + 1 } else { d - 1 };
    let (c_d, c_h) = (k(d).map_or(0, |t| t.case), k(h).map_or(0, |t| t.case));
    let before = if d > 1 { d - 1 } else { NONE };
    *out = [
        mix(200, &[pl]),
        mix(201, &[pl, dir, dp, hp]),
        mix(202, &[pl, dw]),
        mix(203, &[pl, hw]),
        mix(204, &[dir, dw, dp]),
        mix(205, &[dir, hw, hp]),
        mix(206, &[dir, dp, hp, dist]),
        mix(207, &[dir, du, hu]),
        mix(208, &[dir, dw, hw]),
        mix(209, &[dir, dw, hp]),
        mix(210, &[dir, dp, hw]),
        mix(211, &[dir, dp, hp, kidset]),
        mix(212, &[dir, dp, hp, sibset]),
        mix(213, &[pl, du, hu, sibset]),
        mix(214, &[dir, dp, fw]),
        mix(215, &[dir, dp, hp, fw]),
        mix(216, &[dir, du, fw, hw]),
        mix(217, &[dir, dp, hp, gp, hl]),
        mix(218, &[dir, pl, hl]),
        mix(219, &[dir, dw, hl]),
        mix(220, &[dir, dp, hp, hfw]),
        mix(221, &[dir, k(d).map_or(NIL, |t| t.suffix), du, hu]),
        mix(222, &[dir, c_d, du, c_h, hu]),
        mix(223, &[dir, dp, p(before), p(d + 1)]),
        mix(224, &[dir, dp, hp, p(near), l(near)]),
        mix(225, &[pl, dp, nk, kidset]),
        mix(226, &[dir, dw, hw, pl]),
        mix(227, &[dir, du, hu, dist, p(beside)]),
    ];
}

/// The bits of the [`FUNCTION_RELATIONS`] among `deprels`.
pub fn function_bits(deprels: &[String]) -> u64 {
    deprels
        .iter()
        .enumerate()
        .filter(|(_, r)| FUNCTION_RELATIONS.contains(&r.as_str()))
        .fold(0, |bits, (i, _)| bits | 1u64 << i.min(63))
}

/// Best class of `scores` other than `root`.
fn best_label(scores: &[i32], root: usize) -> u8 {
    let mut best = usize::from(root == 0);
    for (i, &s) in scores.iter().enumerate() {
        if i != root && s > scores[best] {
            best = i;
        }
    }
    best as u8
}

impl Parser {
    fn label_index(&self, relation: &str) -> Option<u8> {
        self.deprels.iter().position(|r| r == relation).map(|i| i as u8)
    }

    /// Relabels every word of the finished parse in `st` whose head is a word,
    /// reading the parser's labels of the whole tree (not the relabelled ones). A
    /// word's new label maximises its arc's label scores (`arc_scores`, as
    /// [`Parser::decode`] keeps them) times `relabel_offset` plus the relabel scores.
    pub(super) fn relabel(&self, relabel: &Weights, keys: &[TokenKeys], st: &mut State, arc_scores: &[i32], tree: &mut Tree) {
        tree.fill(&st.head, &st.label);
        let mut feats = [0u64; N_RELABEL_FEATURES];
        let mut buf = [0i32; 256];
        let n = self.deprels.len();
        for d in 1..st.n {
            let h = st.head[d as usize];
            if h == 0 || h == NONE {
                continue;
            }
            relabel_features(keys, tree, self.function, d, &mut feats);
            let scores = &mut buf[..n];
            scores.iter_mut().for_each(|s| *s = 0);
            relabel.score_into(&feats, scores);
            let arc = &arc_scores[d as usize * n..(d as usize + 1) * n];
            for (s, &a) in scores.iter_mut().zip(arc) {
                *s = s.saturating_add((a as f32 * self.relabel_offset) as i32);
            }
            st.label[d as usize] = best_label(scores, self.root_label as usize);
        }
    }
}

/// How the relabeler is trained.
#[derive(Debug, Clone)]
pub struct RelabelOptions {
    /// Parsers of the jackknife: each is trained on the other folds and parses its fold.
    pub folds: usize,
    /// Options of those parsers (fewer epochs than the shipped one keep it quick).
    pub parser: TrainOptions,
    /// Passes of the relabeler's perceptron over the parsed words.
    pub epochs: usize,
    pub seed: u64,
    /// Rows whose largest weight is below this fraction of the largest are dropped.
    pub prune: f32,
    /// Weight of the parser's own label scores, in units of their mean margin
    /// between the best and second label (0: the relabeler decides alone).
    pub parser_weight: f32,
}

impl Default for RelabelOptions {
    fn default() -> Self {
        RelabelOptions {
            folds: 2,
            parser: TrainOptions { epochs: 6, prune: 0.02, ..TrainOptions::default() },
            epochs: 5,
            seed: 7,
            prune: 0.02,
            parser_weight: 1.0,
        }
    }
}

/// One word of a jackknifed parse: its features and gold relation.
struct Instance {
    feats: [u64; N_RELABEL_FEATURES],
    /// The parser's label scores of the arc.
    arc: Box<[i32]>,
    gold: u8,
}

/// Training sentences parsed by the jackknife: the trees, and each word's arc label
/// scores (rows of the owning parser's relations, in its numbering).
pub struct Jackknifed {
    pub parses: Vec<Sentence>,
    arc_scores: Vec<Vec<i32>>,
}

/// Trains a relabeler for `parser` and returns the parser with it. `sentences` carry
/// the tags the parser will see (jackknifed predicted tags) and gold trees; each of
/// `opts.folds` contiguous blocks is parsed by a parser trained on the others
/// ([`jackknife_parses`]), and the relabeler learns the gold relation of every word
/// whose head that parse got right ([`fit_relabeler`]).
pub fn train_relabeler(parser: &Parser, sentences: &[Sentence], opts: &RelabelOptions) -> Parser {
    let parses = jackknife_parses(parser, sentences, opts);
    fit_relabeler(parser, sentences, &parses, opts)
}

/// `sentences` (those with words) with heads and relations from parsers that did not
/// see them: block `k` of `opts.folds` contiguous blocks is parsed by a parser trained
/// on the others. Label scores come in `parser`'s numbering of the relations.
pub fn jackknife_parses(parser: &Parser, sentences: &[Sentence], opts: &RelabelOptions) -> Jackknifed {
    let sentences: Vec<&Sentence> = sentences.iter().filter(|s| !s.words.is_empty()).collect();
    let folds = opts.folds.max(2);
    let fold = |i: usize| super::jackknife_fold(i, sentences.len(), folds);
    let mut parses: Vec<Sentence> = sentences.iter().map(|s| (*s).clone()).collect();
    let mut arc_scores = vec![Vec::new(); parses.len()];
    let n = parser.deprels.len();
    let (mut st, mut buffer_scores, mut scores) = (State::default(), Vec::new(), Vec::new());
    for k in 0..folds {
        let rest: Vec<Sentence> =
            sentences.iter().enumerate().filter(|(i, _)| fold(*i) != k).map(|(_, s)| (*s).clone()).collect();
        let fold_parser = train(&rest, &opts.parser);
        let to_main: Vec<Option<usize>> =
            fold_parser.deprels.iter().map(|r| parser.label_index(r).map(usize::from)).collect();
        let m = fold_parser.deprels.len();
        for (s, out) in parses.iter_mut().zip(arc_scores.iter_mut()).enumerate().filter(|(i, _)| fold(*i) == k).map(|(_, x)| x) {
            let mut keys = vec![TokenKeys::root()];
            keys.extend(s.words.iter().map(|w| TokenKeys::new(&w.form, &w.xpos, &w.upos)));
            fold_parser.decode(&keys, &mut st, &mut buffer_scores, Some(&mut scores));
            // Relations the fold's parser never saw score lowest.
            out.clear();
            out.resize(keys.len() * n, i32::MIN / 4);
            for d in 0..keys.len() {
                for (c, main) in to_main.iter().enumerate() {
                    if let Some(mc) = main {
                        out[d * n + mc] = scores[d * m + c];
                    }
                }
            }
            for (i, w) in s.words.iter_mut().enumerate() {
                let h = st.head[i + 1];
                w.head = if h == NONE { 0 } else { h as usize };
                w.deprel.clone_from(&fold_parser.deprels[st.label[i + 1] as usize]);
            }
        }
    }
    Jackknifed { parses, arc_scores }
}

/// Fits the relabeler of `parser` on the jackknifed parses of `gold`'s sentences
/// with words ([`jackknife_parses`]).
pub fn fit_relabeler(parser: &Parser, gold: &[Sentence], jk: &Jackknifed, opts: &RelabelOptions) -> Parser {
    let gold = gold.iter().filter(|s| !s.words.is_empty());
    let n = parser.deprels.len();
    let mut instances = Vec::new();
    let mut tree = Tree::default();
    let (mut heads, mut labels) = (Vec::new(), Vec::new());
    for ((g, p), arc) in gold.zip(&jk.parses).zip(&jk.arc_scores) {
        let mut keys = vec![TokenKeys::root()];
        keys.extend(p.words.iter().map(|w| TokenKeys::new(&w.form, &w.xpos, &w.upos)));
        heads.clear();
        heads.push(NONE);
        heads.extend(p.words.iter().map(|w| if w.head <= p.words.len() { w.head as u32 } else { 0 }));
        labels.clear();
        labels.push(0);
        labels.extend(p.words.iter().map(|w| parser.label_index(&w.deprel).unwrap_or(parser.root_label)));
        tree.fill(&heads, &labels);
        for (i, (gw, pw)) in g.words.iter().zip(&p.words).enumerate() {
            if pw.head == 0 || pw.head != gw.head {
                continue;
            }
            let Some(gold) = parser.label_index(&gw.deprel) else { continue };
            let mut feats = [0u64; N_RELABEL_FEATURES];
            relabel_features(&keys, &tree, parser.function, i as u32 + 1, &mut feats);
            let row = arc.get((i + 1) * n..(i + 2) * n).map_or_else(|| vec![0; n].into(), Box::from);
            instances.push(Instance { feats, arc: row, gold });
        }
    }
    let (weights, offset) = fit(&instances, n, parser.root_label, opts);
    let mut with = parser.without_relabeler();
    with.relabel = Some(weights);
    with.relabel_offset = offset;
    with
}

/// The averaged perceptron over `instances`, quantised, and the factor of the arc
/// scores that goes with the quantised weights.
fn fit(instances: &[Instance], n_classes: usize, root: u8, opts: &RelabelOptions) -> (Weights, f32) {
    // The parser's scores, scaled to a mean margin of `parser_weight`.
    let margins: f64 = instances.iter().map(|x| margin(&x.arc, root as usize) as f64).sum();
    let mean = (margins / instances.len().max(1) as f64).max(1.0);
    let c = opts.parser_weight / mean as f32;
    let mut trainer = Trainer::new(n_classes);
    let mut keys = FxHashSet::default();
    let mut order: Vec<usize> = (0..instances.len()).collect();
    let mut rng = super::train::Rng(opts.seed);
    let mut scores = vec![0f32; n_classes];
    for _ in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        for &i in &order {
            let x = &instances[i];
            scores.iter_mut().zip(x.arc.iter()).for_each(|(s, &a)| *s = a as f32 * c);
            trainer.current().score_into(&x.feats, &mut scores);
            scores[root as usize] = f32::NEG_INFINITY;
            let guess = crate::perceptron::argmax(&scores, None);
            trainer.tick();
            if guess != x.gold as usize {
                trainer.update(x.gold as usize, guess, &x.feats);
                keys.extend(x.feats);
            }
        }
    }
    let model = trainer.finish();
    let mut keys: Vec<u64> = keys.into_iter().collect();
    keys.sort_unstable();
    let max = Weights::max_abs(&model, &keys).max(1e-6);
    let scale = super::weights::FULL_SCALE / max;
    (Weights::from_perceptron(&model, &keys, opts.prune * max, scale), c * scale)
}

/// Best minus second-best score among the classes other than `root`.
fn margin(scores: &[i32], root: usize) -> i32 {
    let (mut a, mut b) = (i32::MIN / 4, i32::MIN / 4);
    for (i, &s) in scores.iter().enumerate() {
        if i == root {
            continue;
        }
        if s > a {
            b = a;
            a = s;
        } else if s > b {
            b = s;
        }
    }
    a.saturating_sub(b).max(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu;

    #[test]
    fn tree_lists_children_in_order_with_their_label_bits() {
        // root -> 2; 2 -> 1, 4; 4 -> 3
        let head = [NONE, 2, 0, 4, 2];
        let label = [0u8, 5, 1, 7, 9];
        let mut t = Tree::default();
        t.fill(&head, &label);
        assert_eq!(t.kids(0), &[2]);
        assert_eq!(t.kids(2), &[1, 4]);
        assert_eq!(t.kids(4), &[3]);
        assert!(t.kids(1).is_empty() && t.kids(3).is_empty());
        assert_eq!(t.kid_labels[2], 1 << 5 | 1 << 9);
        // Refilling with a smaller tree forgets the old one.
        t.fill(&[NONE, 0], &[0, 1]);
        assert_eq!(t.kids(0), &[1]);
        assert_eq!(t.kid_labels.len(), 2);
    }

    /// "Parses" that are the gold trees with one systematic mistake: every `obl`
    /// labelled `obj`. The `case` child of such a word tells them apart, and the
    /// relabeler, which sees it, must learn to put `obl` back on held-out text.
    #[test]
    fn relabeler_learns_to_fix_a_systematic_label_error_on_ewt() {
        let Some(ud) = crate::parser::tests::shared_ud() else {
            eprintln!("skipped: ../shared/data/ud not found");
            return;
        };
        let text = std::fs::read_to_string(ud.join("en_ewt-ud-train.conllu")).unwrap();
        let sentences = conllu::parse(&text).unwrap();
        let (train_set, held_out) = (&sentences[..1500], &sentences[1500..1900]);
        let parser = train(&train_set[..300], &TrainOptions { epochs: 2, ..TrainOptions::default() });
        let corrupt = |s: &[Sentence]| -> Vec<Sentence> {
            s.iter()
                .map(|s| {
                    let mut s = s.clone();
                    s.words.iter_mut().filter(|w| w.deprel == "obl").for_each(|w| w.deprel = "obj".into());
                    s
                })
                .collect()
        };
        let opts = RelabelOptions { epochs: 3, ..RelabelOptions::default() };
        let jk = Jackknifed { parses: corrupt(train_set), arc_scores: vec![Vec::new(); train_set.len()] };
        let opts = RelabelOptions { parser_weight: 0.0, ..opts };
        let with = fit_relabeler(&parser, train_set, &jk, &opts);
        assert!(with.has_relabeler() && !parser.has_relabeler());

        // Relabel the corrupted held-out trees (heads fixed) and count the `obl` restored.
        let r = with.relabel.as_ref().unwrap();
        let (mut obl, mut fixed, mut words, mut kept) = (0, 0, 0, 0);
        let mut tree = Tree::default();
        let mut st = State::default();
        for (g, p) in held_out.iter().zip(corrupt(held_out)) {
            let mut keys = vec![TokenKeys::root()];
            keys.extend(p.words.iter().map(|w| TokenKeys::new(&w.form, &w.xpos, &w.upos)));
            st.reset(p.words.len());
            for (i, w) in p.words.iter().enumerate() {
                st.head[i + 1] = if w.head <= p.words.len() { w.head as u32 } else { 0 };
                st.label[i + 1] = with.label_index(&w.deprel).unwrap_or(with.root_label);
            }
            let no_scores = vec![0; keys.len() * with.deprels.len()];
            with.relabel(r, &keys, &mut st, &no_scores, &mut tree);
            for (i, w) in g.words.iter().enumerate() {
                let got = &with.deprels[st.label[i + 1] as usize];
                words += 1;
                kept += usize::from(*got == w.deprel);
                if w.deprel == "obl" {
                    obl += 1;
                    fixed += usize::from(got == "obl");
                }
            }
        }
        assert!(obl > 100, "{obl} obl words held out");
        assert!(fixed * 10 > obl * 8, "{fixed} of {obl} obl restored");
        assert!(kept * 100 > words * 93, "{kept} of {words} words labelled right");
    }

    #[test]
    fn a_relabeler_survives_save_and_load() {
        let Some(ud) = crate::parser::tests::shared_ud() else {
            eprintln!("skipped: ../shared/data/ud not found");
            return;
        };
        let text = std::fs::read_to_string(ud.join("en_ewt-ud-dev.conllu")).unwrap();
        let sentences = conllu::parse(&text).unwrap();
        let (train_set, held_out) = (&sentences[..400], &sentences[400..500]);
        let opts = RelabelOptions {
            parser: TrainOptions { epochs: 2, ..TrainOptions::default() },
            epochs: 2,
            ..RelabelOptions::default()
        };
        let parser = train(train_set, &opts.parser);
        let with = train_relabeler(&parser, train_set, &opts);
        let mut buf = Vec::new();
        with.save(&mut buf).unwrap();
        let back = Parser::load(buf.as_slice()).unwrap();
        assert!(back.has_relabeler());
        assert_eq!(super::super::evaluate(&back, held_out), super::super::evaluate(&with, held_out));
        // The relabeler changes labels only, never heads.
        let (a, b) = (super::super::evaluate(&parser, held_out), super::super::evaluate(&with, held_out));
        assert_eq!(a.heads, b.heads);
    }
}
