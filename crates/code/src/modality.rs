//! Modality: whether the text asserts an event, rests it on someone's word, reports its
//! denial, plans it, speculates about it or says it did not happen.
//!
//! Read off the dependency parse around the event's predicate: its own auxiliaries and
//! adverbs ("will", "may", "not", "reportedly"), the verb it is the complement of
//! ("is scheduled to", "accused ... of", "X said that"), and "according to X" anywhere
//! in the sentence. A speaker's own verbal act ("Biden warned", "Russia condemned")
//! stays asserted; only what it reports is claimed.
use crate::record::Modality;
use dyad_nlp::Token;

/// What the parse says about one predicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    pub modality: Modality,
    /// Token whose word the event rests on (the subject of "said", "denied", the
    /// object of "according to"), for claimed and denied events.
    pub source: Option<usize>,
}

impl Reading {
    fn new(modality: Modality, source: Option<usize>) -> Self {
        Reading { modality, source }
    }
}

/// Verbs whose clausal complement is someone's word, not the text's.
const REPORTING: &[&str] = &[
    "say", "tell", "claim", "allege", "report", "state", "add", "note", "insist", "assert", "argue", "suggest",
    "believe", "think", "quote", "cite", "write", "announce", "confirm", "accuse", "charge", "contend", "maintain",
];
/// Whether a verb's lemma reports someone's word ("say", "announce").
pub(crate) fn is_reporting(lemma: &str) -> bool {
    REPORTING.contains(&lemma)
}

const DENIAL: &[&str] = &["deny", "reject", "dismiss", "refute", "dispute"];
/// Heads that put their complement in the future: "is scheduled to visit".
const PLANNING: &[&str] = &[
    "schedule", "plan", "expect", "set", "intend", "aim", "due", "prepare", "promise", "pledge", "vow", "agree",
    "decide", "hope", "want", "seek", "offer", "threaten",
];
const SPECULATION: &[&str] = &["likely", "possible", "may", "might", "could", "unlikely", "probably"];
const HEDGES: &[&str] = &["reportedly", "allegedly", "purportedly", "supposedly", "apparently", "ostensibly"];
const NEGATIONS: &[&str] = &["not", "n't", "never", "no"];

fn lemma(t: &Token) -> String {
    if t.lemma.is_empty() { t.text.to_lowercase() } else { t.lemma.to_lowercase() }
}

fn children(tokens: &[Token], head: usize) -> impl Iterator<Item = usize> + '_ {
    tokens.iter().enumerate().filter(move |(_, t)| t.head == Some(head)).map(|(i, _)| i)
}

fn subject_of(tokens: &[Token], verb: usize) -> Option<usize> {
    children(tokens, verb).find(|&c| tokens[c].deprel.starts_with("nsubj"))
}

/// The agent of a passive ("was denied by Moscow"), the subject of an active verb, or
/// the name a reporting verb hangs on ("Zelensky on Thursday said ...", parsed as a
/// clause modifying the name).
fn speaker_of(tokens: &[Token], verb: usize) -> Option<usize> {
    subject_of(tokens, verb)
        .filter(|&s| !tokens[s].deprel.ends_with(":pass") && !names_a_time(&tokens[s]))
        .or_else(|| {
            children(tokens, verb).find(|&c| {
                tokens[c].deprel == "obl:agent"
                    || (tokens[c].deprel == "obl" && children(tokens, c).any(|g| lemma(&tokens[g]) == "by"))
            })
        })
        .or_else(|| tokens[verb].head.filter(|_| tokens[verb].deprel.starts_with("acl") || tokens[verb].deprel.ends_with(":relcl")))
}

/// A day or time the parser took for a subject ("Zelensky on Thursday said"): never the
/// one who speaks.
fn names_a_time(token: &Token) -> bool {
    const TIMES: &[&str] =
        &["today", "yesterday", "tonight", "morning", "afternoon", "evening", "night", "week", "weekend", "month", "year"];
    crate::dates::weekday(&token.text).is_some() || TIMES.contains(&token.text.to_lowercase().as_str())
}

/// Reads the modality of the event whose predicate is token `predicate`.
pub fn read(tokens: &[Token], predicate: usize) -> Reading {
    if let Some(mut r) = local(tokens, predicate) {
        // "has reportedly sent ..., Ha says": hedged, and on Ha's word.
        if r.modality == Modality::Claimed {
            r.source = governing(tokens, predicate)
                .filter(|g| g.modality == Modality::Claimed)
                .and_then(|g| g.source)
                .or_else(|| reporting_tail(tokens, predicate))
                .or_else(|| according_to(tokens));
        }
        return r;
    }
    if let Some(r) = governing(tokens, predicate) {
        return r;
    }
    if let Some(source) = reporting_tail(tokens, predicate).or_else(|| according_to(tokens)) {
        return Reading::new(Modality::Claimed, Some(source));
    }
    if asks_whether(tokens) {
        return Reading::new(Modality::Possible, None);
    }
    Reading::new(Modality::Asserted, None)
}

/// A yes/no question ("Is Russia ready to back North Korea militarily?") asserts
/// nothing: what it asks about is possible. A question word keeps what it presupposes
/// ("Why did Russia invade?").
fn asks_whether(tokens: &[Token]) -> bool {
    tokens.first().is_some_and(|t| t.upos == "AUX") && tokens.last().is_some_and(|t| t.text == "?")
}

/// The speaker of a reporting clause hung on the predicate ("Kim is sending shells,
/// officials say"), which the parser attaches as parataxis (or a comma conjunct)
/// rather than as the head.
fn reporting_tail(tokens: &[Token], predicate: usize) -> Option<usize> {
    let tail = children(tokens, predicate).find(|&c| {
        let joined = tokens[c].deprel == "parataxis"
            || (tokens[c].deprel == "conj" && !children(tokens, c).any(|g| tokens[g].deprel == "cc"));
        c > predicate && joined && REPORTING.contains(&lemma(&tokens[c]).as_str())
    })?;
    // A name the tagger took for something else ("Ha says") still stands just before.
    let named = (tail > 0 && tokens[tail - 1].head == Some(tail) && tokens[tail - 1].text.starts_with(char::is_uppercase))
        .then(|| tail - 1);
    speaker_of(tokens, tail).or(named)
}

/// Auxiliaries and adverbs on the predicate itself.
fn local(tokens: &[Token], predicate: usize) -> Option<Reading> {
    let mut negated = false;
    let mut future = false;
    let mut possible = false;
    let mut hedged = false;
    for c in children(tokens, predicate) {
        let l = lemma(&tokens[c]);
        match tokens[c].deprel.as_str() {
            "aux" | "aux:pass" if matches!(l.as_str(), "will" | "shall" | "'ll" | "wo") => future = true,
            "aux" if matches!(l.as_str(), "may" | "might" | "could" | "can" | "would") => possible = true,
            "advmod" | "aux" if NEGATIONS.contains(&l.as_str()) => negated = true,
            // "no talks were held"; a "no" hung on a verb is a misparse ("a 'no limits'
            // partnership days before Putin sent troops").
            "det" if l == "no" && tokens[predicate].upos == "NOUN" => negated = true,
            "advmod" if HEDGES.contains(&l.as_str()) => hedged = true,
            "advmod" if SPECULATION.contains(&l.as_str()) => possible = true,
            _ => {}
        }
    }
    match () {
        _ if negated => Some(Reading::new(Modality::Negated, None)),
        _ if hedged => Some(Reading::new(Modality::Claimed, None)),
        _ if future => Some(Reading::new(Modality::Planned, None)),
        _ if possible => Some(Reading::new(Modality::Possible, None)),
        _ => None,
    }
}

/// The verb (or adjective) the predicate is the complement of, walking up through
/// chains like "is expected to begin talks" or "said Russia had agreed to send".
fn governing(tokens: &[Token], predicate: usize) -> Option<Reading> {
    let mut current = predicate;
    for _ in 0..4 {
        let rel = tokens[current].deprel.as_str();
        let head = tokens[current].head?;
        let l = lemma(&tokens[head]);
        // "Biden said Australia, Bahrain and the Netherlands had provided support": a
        // clause with its own subject that the parser coordinated with a reporting verb
        // lacking any complement is what was said.
        let said_as_conj = rel == "conj"
            && REPORTING.contains(&l.as_str())
            && children(tokens, current).any(|c| tokens[c].deprel.starts_with("nsubj"))
            && !children(tokens, head).any(|c| matches!(tokens[c].deprel.as_str(), "ccomp" | "xcomp" | "parataxis"));
        let complement = said_as_conj || matches!(rel, "ccomp" | "xcomp" | "parataxis" | "advcl" | "csubj");
        if !complement {
            return None;
        }
        if DENIAL.contains(&l.as_str()) {
            return Some(Reading::new(Modality::Denied, speaker_of(tokens, head)));
        }
        if REPORTING.contains(&l.as_str()) && rel != "xcomp" {
            return Some(Reading::new(Modality::Claimed, speaker_of(tokens, head)));
        }
        if l == "accuse" || l == "charge" {
            return Some(Reading::new(Modality::Claimed, speaker_of(tokens, head)));
        }
        if rel == "xcomp" && PLANNING.contains(&l.as_str()) {
            // "did not agree to send": no plan.
            let negated = local(tokens, head).is_some_and(|r| r.modality == Modality::Negated);
            return Some(Reading::new(if negated { Modality::Negated } else { Modality::Planned }, None));
        }
        if rel == "xcomp" && SPECULATION.contains(&l.as_str()) {
            return Some(Reading::new(Modality::Possible, None));
        }
        // The governing verb's own modality carries down: "will seek to visit". A
        // negation does not reach into an adverbial clause: in "did not leave before
        // Putin sent troops", the troops were sent.
        if let Some(r) = local(tokens, head) {
            let blocked = r.modality == Modality::Negated && rel == "advcl";
            if r.modality != Modality::Asserted && !blocked {
                return Some(r);
            }
        }
        current = head;
    }
    None
}

/// The speaker of the reporting verb the predicate is told under, whatever its
/// modality ("Lam said the two countries will increase cooperation": Lam).
pub fn reporter(tokens: &[Token], predicate: usize) -> Option<usize> {
    let mut current = predicate;
    for _ in 0..4 {
        let rel = tokens[current].deprel.as_str();
        let head = tokens[current].head?;
        if !matches!(rel, "ccomp" | "xcomp" | "parataxis" | "advcl") {
            return None;
        }
        if rel != "xcomp" && REPORTING.contains(&lemma(&tokens[head]).as_str()) {
            // "Biden kicked off the summit by announcing ...": a reporting verb with no
            // subject of its own speaks for the subject of the verb it hangs on.
            let borrowed = || {
                let up = tokens[head].head?;
                matches!(tokens[head].deprel.as_str(), "advcl" | "xcomp" | "conj").then(|| speaker_of(tokens, up)).flatten()
            };
            return speaker_of(tokens, head).or_else(borrowed);
        }
        current = head;
    }
    None
}

/// "according to TASS": the object of "to" in an "according to" phrase.
fn according_to(tokens: &[Token]) -> Option<usize> {
    let i = tokens.iter().position(|t| t.text.eq_ignore_ascii_case("according"))?;
    let to = i + 1;
    if !tokens.get(to).is_some_and(|t| t.text.eq_ignore_ascii_case("to")) {
        return None;
    }
    // The object is the head of "to" when parsed UD-style (case marker), else the
    // next noun after it.
    tokens[to]
        .head
        .filter(|&h| h > to)
        .or_else(|| (to + 1..tokens.len()).find(|&k| matches!(tokens[k].upos.as_str(), "PROPN" | "NOUN")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens from compact parse lines "form lemma UPOS head deprel" (head 1-based,
    /// 0 for the root), hand-parsed in UD style, so these tests check the modality
    /// logic apart from the parser's accuracy.
    fn parsed(lines: &str) -> Vec<Token> {
        lines
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| {
                let c: Vec<&str> = l.split_whitespace().collect();
                let mut t = Token::new(c[0], 0, 0);
                t.lemma = c[1].to_string();
                t.upos = c[2].to_string();
                let head: usize = c[3].parse().unwrap();
                t.head = head.checked_sub(1);
                t.deprel = c[4].to_string();
                t
            })
            .collect()
    }

    fn reading_of(lines: &str, predicate: &str) -> (Modality, Option<String>) {
        let tokens = parsed(lines);
        let p = tokens.iter().position(|t| t.text == predicate).unwrap();
        let r = read(&tokens, p);
        (r.modality, r.source.map(|s| tokens[s].text.clone()))
    }

    #[test]
    fn plain_past_is_asserted() {
        // Kyiv Independent, 19 June 2024.
        let s = "Putin Putin PROPN 2 nsubj
                 landed land VERB 0 root
                 in in ADP 4 case
                 Pyongyang Pyongyang PROPN 2 obl
                 on on ADP 6 case
                 June June PROPN 2 obl
                 18 18 NUM 6 nummod";
        assert_eq!(reading_of(s, "landed"), (Modality::Asserted, None));
    }

    #[test]
    fn hedge_adverb_makes_a_claim_without_a_named_source() {
        // "North Korea has reportedly sent some five million artillery shells to the Russian military"
        let s = "North North PROPN 2 compound
                 Korea Korea PROPN 5 nsubj
                 has have AUX 5 aux
                 reportedly reportedly ADV 5 advmod
                 sent send VERB 0 root
                 some some ADV 8 advmod
                 five five NUM 8 compound
                 million million NUM 10 nummod
                 artillery artillery NOUN 10 compound
                 shells shell NOUN 5 obj
                 to to ADP 14 case
                 the the DET 14 det
                 Russian Russian ADJ 14 amod
                 military military NOUN 5 obl";
        assert_eq!(reading_of(s, "sent"), (Modality::Claimed, None));
    }

    #[test]
    fn a_hedge_rests_on_the_speaker_of_a_trailing_says() {
        // Kyiv Independent, 19 June 2024, as the shipped parser reads it ("Ha" as an
        // interjection, "says" as a comma conjunct).
        let s = "North Korea PROPN 2 compound
                 Korea Korea PROPN 5 nsubj
                 has have AUX 5 aux
                 reportedly reportedly ADV 5 advmod
                 sent send VERB 0 root
                 shells shell NOUN 5 obj
                 to to ADP 9 case
                 the the DET 9 det
                 military military NOUN 6 nmod
                 , , PUNCT 12 punct
                 Ha ha INTJ 12 discourse
                 says say VERB 5 conj";
        assert_eq!(reading_of(s, "sent"), (Modality::Claimed, Some("Ha".into())));
        // Without the hedge, the trailing "officials say" still makes it their claim.
        let s = "Kim Kim PROPN 2 nsubj
                 sent send VERB 0 root
                 shells shell NOUN 2 obj
                 , , PUNCT 6 punct
                 officials official NOUN 6 nsubj
                 say say VERB 2 parataxis";
        assert_eq!(reading_of(s, "sent"), (Modality::Claimed, Some("officials".into())));
    }

    #[test]
    fn a_negation_does_not_reach_into_an_adverbial_clause() {
        // "Putin and Xi declared a 'no limits' partnership days before Putin sent his
        // troops into Ukraine" (AFP, May 2024), as the shipped parser reads it.
        let s = "declared declare VERB 0 root
                 no no DET 3 det
                 limits limit NOUN 1 obj
                 before before SCONJ 6 mark
                 Putin Putin PROPN 6 nsubj
                 sent send VERB 3 advcl
                 troops troops NOUN 6 obj";
        assert_eq!(reading_of(s, "sent").0, Modality::Asserted);
        // A negated verb still negates its own complement: "did not agree to send".
        let s = "Germany Germany PROPN 4 nsubj
                 did do AUX 4 aux
                 not not PART 4 advmod
                 agree agree VERB 0 root
                 to to PART 6 mark
                 send send VERB 4 xcomp";
        assert_eq!(reading_of(s, "send").0, Modality::Negated);
    }

    #[test]
    fn complement_of_denial_is_denied_by_its_subject() {
        // "Russia and North Korea both denied transferring the ammunition."
        let s = "Russia Russia PROPN 6 nsubj
                 and and CCONJ 4 cc
                 North North PROPN 4 compound
                 Korea Korea PROPN 1 conj
                 both both ADV 6 advmod
                 denied deny VERB 0 root
                 transferring transfer VERB 6 xcomp
                 the the DET 9 det
                 ammunition ammunition NOUN 7 obj";
        assert_eq!(reading_of(s, "transferring"), (Modality::Denied, Some("Russia".into())));
    }

    #[test]
    fn scheduled_visit_is_planned() {
        // "Russian Federation President Vladimir Putin is scheduled to visit North Korea"
        let s = "Russian Russian ADJ 2 amod
                 Federation Federation PROPN 3 compound
                 President President PROPN 4 compound
                 Vladimir Vladimir PROPN 7 nsubj:pass
                 Putin Putin PROPN 4 flat
                 is be AUX 7 aux:pass
                 scheduled schedule VERB 0 root
                 to to PART 9 mark
                 visit visit VERB 7 xcomp
                 North North PROPN 11 compound
                 Korea Korea PROPN 9 obj";
        assert_eq!(reading_of(s, "visit"), (Modality::Planned, None));
        // The scheduling itself is stated as fact.
        assert_eq!(reading_of(s, "scheduled"), (Modality::Asserted, None));
    }

    #[test]
    fn accusation_is_a_claim_of_the_accuser() {
        // "Western nations have accused Russia of using North Korean missiles"
        let s = "Western Western ADJ 2 amod
                 nations nation NOUN 4 nsubj
                 have have AUX 4 aux
                 accused accuse VERB 0 root
                 Russia Russia PROPN 4 obj
                 of of SCONJ 7 mark
                 using use VERB 4 advcl
                 North North ADJ 9 amod
                 Korean Korean ADJ 10 amod
                 missiles missile NOUN 7 obj";
        assert_eq!(reading_of(s, "using"), (Modality::Claimed, Some("nations".into())));
        assert_eq!(reading_of(s, "accused"), (Modality::Asserted, None));
    }

    #[test]
    fn reported_speech_is_claimed_by_the_speaker() {
        // "The White House said North Korea had delivered more than 1,000 containers"
        let s = "The the DET 3 det
                 White White PROPN 3 compound
                 House House PROPN 4 nsubj
                 said say VERB 0 root
                 North North PROPN 6 compound
                 Korea Korea PROPN 8 nsubj
                 had have AUX 8 aux
                 delivered deliver VERB 4 ccomp
                 containers container NOUN 8 obj";
        assert_eq!(reading_of(s, "delivered"), (Modality::Claimed, Some("House".into())));
    }

    #[test]
    fn negation_future_and_speculation() {
        // "Vietnam did not condemn Russia's invasion"
        let s = "Vietnam Vietnam PROPN 4 nsubj
                 did do AUX 4 aux
                 not not PART 4 advmod
                 condemn condemn VERB 0 root
                 Russia Russia PROPN 7 nmod:poss
                 's 's PART 5 case
                 invasion invasion NOUN 4 obj";
        assert_eq!(reading_of(s, "condemn"), (Modality::Negated, None));
        // "the Russian leader will also be traveling to Vietnam"
        let s = "the the DET 3 det
                 Russian Russian ADJ 3 amod
                 leader leader NOUN 7 nsubj
                 will will AUX 7 aux
                 also also ADV 7 advmod
                 be be AUX 7 aux
                 traveling travel VERB 0 root
                 to to ADP 9 case
                 Vietnam Vietnam PROPN 7 obl";
        assert_eq!(reading_of(s, "traveling"), (Modality::Planned, None));
        // "Pyongyang could supply more shells"
        let s = "Pyongyang Pyongyang PROPN 3 nsubj
                 could could AUX 3 aux
                 supply supply VERB 0 root
                 more more ADJ 5 amod
                 shells shell NOUN 3 obj";
        assert_eq!(reading_of(s, "supply"), (Modality::Possible, None));
    }

    #[test]
    fn according_to_names_the_source() {
        // "North Korea sent shells, according to TASS."
        let s = "North North PROPN 2 compound
                 Korea Korea PROPN 3 nsubj
                 sent send VERB 0 root
                 shells shell NOUN 3 obj
                 , , PUNCT 3 punct
                 according accord VERB 8 case
                 to to ADP 6 fixed
                 TASS TASS PROPN 3 obl";
        assert_eq!(reading_of(s, "sent"), (Modality::Claimed, Some("TASS".into())));
    }
}
