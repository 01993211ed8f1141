//! Expressed intent: "China is ready to work with Russia", "NATO pledged to provide air
//! defences", "the two leaders agreed to cooperate". CAMEO codes the expression, not the
//! act it looks forward to: a cooperative act (roots 04–08) under a word of intent
//! becomes the matching "express intent" code of root 03, as sure as the intent itself.
use super::parse::{has_rel, lemma};
use crate::knowledge::{CameoInfo, Knowledge};
use dyad_nlp::Token;

/// Heads whose infinitive complement is an intention, not a schedule ("is scheduled
/// to", "plans to" and "is expected to" stay planned acts).
const INTENT: &[&str] = &[
    "ready", "willing", "prepared", "eager", "keen", "determined", "committed", "want", "intend", "hope", "promise",
    "pledge", "vow", "offer", "agree", "aim", "seek", "commit", "resolve",
];

/// The word of intent the predicate depends on, if any.
pub fn intent_head(tokens: &[Token], predicate: usize) -> Option<usize> {
    let head = tokens[predicate].head?;
    (has_rel(&tokens[predicate], "xcomp") && INTENT.contains(&lemma(&tokens[head]).as_str())).then_some(head)
}

/// The "express intent" code for a cooperative act's code, where there is one.
pub fn intent_code<'k>(knowledge: &'k Knowledge, act: &CameoInfo) -> Option<&'k CameoInfo> {
    let code = act.code.as_str();
    let intent = match code {
        "061" => "0311",
        "062" => "0312",
        "063" => "0313",
        "064" => "0314",
        "071" => "0331",
        "072" => "0332",
        "073" => "0333",
        "074" => "0334",
        _ => match &code[..2] {
            "04" => "036",
            "05" => "032",
            "06" => "031",
            "07" => "033",
            "08" => "035",
            _ => return None,
        },
    };
    knowledge.cameo(intent)
}
