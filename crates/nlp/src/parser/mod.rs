//! Greedy transition-based dependency parser producing Universal Dependencies trees.
//!
//! Arc-eager transitions ([`system`]) are chosen by an averaged perceptron over
//! Zhang & Nivre–style features ([`features`]); a second perceptron labels each arc
//! as it is made. Training follows the dynamic oracle with exploration ([`train`]).
//! The shipped model is quantised ([`weights`]) and embedded in the binary.
mod features;
pub mod score;
mod system;
mod train;
mod weights;

pub use score::{evaluate, Attachment};
pub use train::{jackknife_fold, train, train_with_progress, TrainOptions};

use crate::Token;
use features::{buffer_features, label_features, state_features, TokenKeys, N_BUFFER_FEATURES, N_LABEL_FEATURES, N_STATE_FEATURES};
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};
use system::{Move, State, MOVES, NONE};
use weights::{SparseFile, Weights};

const FORMAT_VERSION: u32 = 2;

#[derive(Debug, thiserror::Error)]
pub enum ParserError {
    #[error("reading or writing the parser model: {0}")]
    Io(#[from] std::io::Error),
    #[error("parser model is malformed: {0}")]
    Format(String),
}

/// A trained parser: reads `text` and `xpos`/`upos` of tokens, writes `head` and `deprel`.
#[derive(Debug, Clone)]
pub struct Parser {
    moves: Weights,
    labels: Weights,
    deprels: Vec<String>,
    root_label: u8,
}

/// The model file (version 2: rows stored sparse).
#[derive(Serialize, Deserialize)]
struct ModelFile {
    version: u32,
    deprels: Vec<String>,
    root_label: u8,
    moves: SparseFile,
    labels: SparseFile,
}

/// Per-sentence working memory, reused across sentences by [`Parser::parse_with`].
#[derive(Debug, Default, Clone)]
pub struct Scratch {
    keys: Vec<TokenKeys>,
    state: State,
    /// Scores of the buffer features by buffer-front position, once computed.
    buffer_scores: Vec<Option<[i32; MOVES.len()]>>,
}

impl Parser {
    fn new(moves: Weights, labels: Weights, deprels: Vec<String>) -> Result<Self, ParserError> {
        let root_label = deprels
            .iter()
            .position(|d| d == "root")
            .ok_or_else(|| ParserError::Format("no `root` relation among the labels".into()))?;
        if deprels.len() > u8::MAX as usize || labels.n_classes() != deprels.len() {
            return Err(ParserError::Format(format!(
                "{} relations for a label model of {} classes",
                deprels.len(),
                labels.n_classes()
            )));
        }
        if moves.n_classes() != MOVES.len() {
            return Err(ParserError::Format(format!("move model has {} classes", moves.n_classes())));
        }
        Ok(Parser { moves, labels, deprels, root_label: root_label as u8 })
    }

    /// The model shipped with dyad (trained on UD English EWT).
    pub fn load_embedded() -> Result<Self, ParserError> {
        Self::load(&include_bytes!("../../models/parser.bin.gz")[..])
    }

    /// Reads a model written by [`Parser::save`].
    pub fn load<R: Read>(input: R) -> Result<Self, ParserError> {
        let mut bytes = Vec::with_capacity(1 << 24);
        flate2::read::GzDecoder::new(input).read_to_end(&mut bytes)?;
        let format = |e: postcard::Error| ParserError::Format(e.to_string());
        let (version, _) = postcard::take_from_bytes::<u32>(&bytes).map_err(format)?;
        let weights = |w: Result<Weights, String>, what: &str| w.map_err(|e| ParserError::Format(format!("{what} model: {e}")));
        if version != FORMAT_VERSION {
            return Err(ParserError::Format(format!("format version {version} (this build reads {FORMAT_VERSION})")));
        }
        let f: ModelFile = postcard::from_bytes(&bytes).map_err(format)?;
        let moves = weights(Weights::from_sparse(&f.moves), "move")?;
        let labels = weights(Weights::from_sparse(&f.labels), "label")?;
        let parser = Parser::new(moves, labels, f.deprels)?;
        if parser.root_label != f.root_label {
            return Err(ParserError::Format("root label index does not match the relations".into()));
        }
        Ok(parser)
    }

    /// Writes the model, gzip-compressed.
    pub fn save<W: Write>(&self, out: W) -> Result<(), ParserError> {
        let file = ModelFile {
            version: FORMAT_VERSION,
            deprels: self.deprels.clone(),
            root_label: self.root_label,
            moves: SparseFile::from(&self.moves.to_file()),
            labels: SparseFile::from(&self.labels.to_file()),
        };
        let bytes = postcard::to_stdvec(&file).map_err(|e| ParserError::Format(e.to_string()))?;
        let mut gz = flate2::write::GzEncoder::new(out, flate2::Compression::best());
        gz.write_all(&bytes)?;
        gz.finish()?;
        Ok(())
    }

    /// A copy without the feature rows whose largest weight is below `fraction` of
    /// the model's largest weight (a smaller, faster, slightly less accurate model).
    pub fn pruned(&self, move_fraction: f32, label_fraction: f32) -> Parser {
        let min = |f: f32| (f * weights::FULL_SCALE).round().clamp(0.0, 32767.0) as i16;
        Parser {
            moves: self.moves.pruned(min(move_fraction)),
            labels: self.labels.pruned(min(label_fraction)),
            deprels: self.deprels.clone(),
            root_label: self.root_label,
        }
    }

    /// One parser whose move and label weights are the averages of those of
    /// `parsers` (the same relations, e.g. one training set with several seeds):
    /// parsing costs one lookup per feature as for a single model.
    pub fn averaged(parsers: &[Parser]) -> Result<Parser, ParserError> {
        let first = parsers.first().ok_or_else(|| ParserError::Format("no parsers to average".into()))?;
        if parsers.iter().any(|p| p.deprels != first.deprels) {
            return Err(ParserError::Format("parsers with different relations".into()));
        }
        let moves: Vec<&Weights> = parsers.iter().map(|p| &p.moves).collect();
        let labels: Vec<&Weights> = parsers.iter().map(|p| &p.labels).collect();
        let avg = |w: &[&Weights]| Weights::average(w).ok_or_else(|| ParserError::Format("weights of different shapes".into()));
        Parser::new(avg(&moves)?, avg(&labels)?, first.deprels.clone())
    }

    /// The dependency relations the model can assign.
    pub fn relations(&self) -> &[String] {
        &self.deprels
    }

    /// Number of weight rows (move model, label model).
    pub fn n_features(&self) -> (usize, usize) {
        (self.moves.len(), self.labels.len())
    }

    /// Parses one sentence, setting `head` (index within `tokens`, `None` for the
    /// root) and `deprel` of every token.
    pub fn parse(&self, tokens: &mut [Token]) {
        self.parse_with(tokens, &mut Scratch::default());
    }

    /// As [`Parser::parse`], reusing `scratch` between sentences.
    pub fn parse_with(&self, tokens: &mut [Token], scratch: &mut Scratch) {
        if tokens.is_empty() {
            return;
        }
        scratch.keys.clear();
        scratch.keys.push(TokenKeys::root());
        scratch.keys.extend(tokens.iter().map(|t| TokenKeys::new(&t.text, &t.xpos, &t.upos)));
        self.decode(&scratch.keys, &mut scratch.state, &mut scratch.buffer_scores);
        let st = &scratch.state;
        for (i, t) in tokens.iter_mut().enumerate() {
            let h = st.head[i + 1];
            t.head = if h == 0 || h == NONE { None } else { Some(h as usize - 1) };
            t.deprel.clear();
            t.deprel.push_str(&self.deprels[st.label[i + 1] as usize]);
        }
    }

    /// Runs the greedy parser to a complete tree in `st`.
    fn decode(&self, keys: &[TokenKeys], st: &mut State, buffer_scores: &mut Vec<Option<[i32; MOVES.len()]>>) {
        st.reset(keys.len() - 1);
        buffer_scores.clear();
        buffer_scores.resize(keys.len() + 1, None);
        let mut buffer_feats = [0u64; N_BUFFER_FEATURES];
        let mut feats = [0u64; N_STATE_FEATURES];
        while !st.is_terminal() {
            // The buffer front is `n` once the buffer is empty.
            let front = st.buf.min(st.n) as usize;
            let mut scores = *buffer_scores[front].get_or_insert_with(|| {
                buffer_features(keys, st, &mut buffer_feats);
                let mut s = [0i32; MOVES.len()];
                self.moves.score_into(&buffer_feats, &mut s);
                s
            });
            state_features(keys, st, &mut feats);
            self.moves.score_into(&feats, &mut scores);
            let valid = st.valid_moves();
            let m = best_move(&scores, &valid);
            let label = self.arc_label(keys, st, m);
            st.apply(m, label);
        }
        self.complete(keys, st);
    }

    /// The label for the arc move `m` would add (0 for moves that add none).
    fn arc_label(&self, keys: &[TokenKeys], st: &State, m: Move) -> u8 {
        match m {
            Move::Left => self.predict_label(keys, st, st.buf, st.s0()),
            Move::Right => self.predict_label(keys, st, st.s0(), st.buf),
            _ => 0,
        }
    }

    fn predict_label(&self, keys: &[TokenKeys], st: &State, head: u32, dep: u32) -> u8 {
        if head == 0 {
            return self.root_label;
        }
        let mut feats = [0u64; N_LABEL_FEATURES];
        label_features(keys, st, head, dep, &mut feats);
        let mut buf = [0i32; 256];
        let scores = &mut buf[..self.deprels.len()];
        self.labels.score_into(&feats, scores);
        let root = self.root_label as usize;
        let mut best = usize::from(root == 0);
        for (i, &s) in scores.iter().enumerate() {
            if i != root && s > scores[best] {
                best = i;
            }
        }
        best as u8
    }

    /// Gives words left without a head at the end a place in the tree: the root
    /// if it has no dependent yet, else a dependent of the root word.
    fn complete(&self, keys: &[TokenKeys], st: &mut State) {
        for k in 1..st.n {
            if st.head[k as usize] != NONE {
                continue;
            }
            if st.n_right[0] == 0 {
                st.apply_arc(0, k, self.root_label);
            } else {
                let root_word = st.rights[0][0];
                let label = self.predict_label(keys, st, root_word, k);
                st.apply_arc(root_word, k, label);
            }
        }
    }
}

/// The highest-scoring valid move (ties to the first).
#[inline]
fn best_move<T: PartialOrd + Copy>(scores: &[T; MOVES.len()], valid: &[bool; MOVES.len()]) -> Move {
    let mut best: Option<usize> = None;
    for i in 0..MOVES.len() {
        if valid[i] && best.is_none_or(|b| scores[i] > scores[b]) {
            best = Some(i);
        }
    }
    MOVES[best.unwrap_or(0)]
}

#[cfg(test)]
mod tests;
