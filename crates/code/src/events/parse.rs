//! Small questions asked of a dependency parse.
use dyad_nlp::Token;

/// Dependents of `head`, in sentence order.
pub fn children(tokens: &[Token], head: usize) -> impl Iterator<Item = usize> + '_ {
    tokens.iter().enumerate().filter(move |(_, t)| t.head == Some(head)).map(|(i, _)| i)
}

/// The first dependent of `head` whose relation is `rel` or a subtype of it.
pub fn child_with(tokens: &[Token], head: usize, rel: &str) -> Option<usize> {
    children(tokens, head).find(|&c| has_rel(&tokens[c], rel))
}

/// Whether the token's relation is `rel` or one of its subtypes (`nsubj` matches `nsubj:pass`).
pub fn has_rel(t: &Token, rel: &str) -> bool {
    t.deprel == rel || t.deprel.strip_prefix(rel).is_some_and(|rest| rest.starts_with(':'))
}

pub fn lemma(t: &Token) -> String {
    if t.lemma.is_empty() { t.text.to_lowercase() } else { t.lemma.to_lowercase() }
}

/// An act called joint: "a joint patrol", "a joint declaration".
pub fn called_joint(tokens: &[Token], noun: usize) -> bool {
    children(tokens, noun).any(|c| tokens[c].deprel == "amod" && tokens[c].lemma.eq_ignore_ascii_case("joint"))
}

/// The preposition marking a nominal (`case` dependent), lower-cased.
pub fn case_of(tokens: &[Token], nominal: usize) -> Option<String> {
    child_with(tokens, nominal, "case").map(|c| tokens[c].text.to_lowercase())
}

/// Relations that open a clause of its own: tokens below them belong to another predicate.
pub fn is_clausal(rel: &str) -> bool {
    matches!(rel.split(':').next(), Some("ccomp" | "xcomp" | "advcl" | "parataxis" | "acl" | "csubj" | "conj" | "list"))
}

/// The tokens of `head`'s own clause: its subtree without the subtrees of clausal
/// dependents, in sentence order.
pub fn clause(tokens: &[Token], head: usize) -> Vec<usize> {
    let mut out = vec![head];
    let mut stack = vec![head];
    while let Some(h) = stack.pop() {
        for c in children(tokens, h) {
            if !is_clausal(&tokens[c].deprel) {
                out.push(c);
                stack.push(c);
            }
        }
    }
    out.sort_unstable();
    out
}

/// The token range `[start, end)` of the noun phrase headed by `head`: the head and its
/// name-building dependents (compounds, flat names, adjectives, determiners).
pub fn noun_phrase(tokens: &[Token], head: usize) -> (usize, usize) {
    let (mut start, mut end) = (head, head + 1);
    let mut stack = vec![head];
    while let Some(h) = stack.pop() {
        for c in children(tokens, h) {
            let rel = tokens[c].deprel.as_str();
            if matches!(rel.split(':').next(), Some("compound" | "flat" | "amod" | "det" | "nummod" | "fixed")) {
                start = start.min(c);
                end = end.max(c + 1);
                stack.push(c);
            }
        }
    }
    (start, end)
}

/// Conjuncts of a nominal ("Moscow and Pyongyang"): the token itself and its `conj`s.
pub fn with_conjuncts(tokens: &[Token], head: usize) -> Vec<usize> {
    let mut out = vec![head];
    out.extend(children(tokens, head).filter(|&c| tokens[c].deprel == "conj" && is_nominal(&tokens[c])));
    out
}

pub fn is_nominal(t: &Token) -> bool {
    matches!(t.upos.as_str(), "NOUN" | "PROPN" | "PRON" | "NUM" | "X") || (t.upos == "ADJ" && t.text.starts_with(char::is_uppercase))
}

/// The words of tokens `[start, end)` as they stand in the text.
pub fn surface(tokens: &[Token], start: usize, end: usize) -> String {
    crate::entities::surface_of(&tokens[start..end])
}
