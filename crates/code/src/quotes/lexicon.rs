//! Words that introduce speech.

/// Verbs that attribute a quotation: "says Ha", "Easley added", "she told DW".
const SPEECH: &[&str] = &[
    "say", "said", "says", "saying", "tell", "told", "tells", "telling", "add", "added", "adds", "adding", "state",
    "stated", "states", "note", "noted", "notes", "explain", "explained", "explains", "continue", "continued",
    "continues", "conclude", "concluded", "concludes", "declare", "declared", "declares", "announce", "announced",
    "announces", "warn", "warned", "warns", "stress", "stressed", "stresses", "emphasize", "emphasized",
    "emphasizes", "emphasise", "emphasised", "insist", "insisted", "insists", "claim", "claimed", "claims",
    "argue", "argued", "argues", "write", "wrote", "writes", "ask", "asked", "asks", "reply", "replied",
    "replies", "respond", "responded", "responds", "remark", "remarked", "acknowledge", "acknowledged",
    "admit", "admitted", "reiterate", "reiterated", "confirm", "confirmed", "confirms", "joke", "joked", "quip",
    "quipped", "recall", "recalled", "tweet", "tweeted", "post", "posted", "caution", "cautioned", "observe",
    "observed", "comment", "commented", "underscore", "underscored", "affirm", "affirmed", "allege", "alleged",
    "alleges", "assert", "asserted", "maintain", "maintained", "report", "reported", "reports", "reveal",
    "revealed", "predict", "predicted", "exclaim", "exclaimed", "urge", "urged", "vow", "vowed", "pledge",
    "pledged", "promise", "promised", "agree", "agreed", "describe", "described", "call", "called", "believe",
    "believes", "believed", "think", "thinks", "estimate", "estimated", "deny", "denied", "denies", "suggest",
    "suggested", "suggests", "indicate", "indicated", "hail", "hailed", "express", "expressed", "point",
    "pointed", "highlight", "highlighted", "proclaim", "proclaimed", "accuse", "accused", "stating", "noting",
    "mention", "mentioned", "mentions", "lauded", "commended", "praised",
    "warning", "claiming", "insisting", "arguing", "explaining", "calling", "describing",
];

/// Verbs whose clause complement is reported speech: "X said (that) ...".
const REPORTING: &[&str] = &[
    "say", "said", "says", "told", "tells", "tell", "added", "adds", "stated", "states", "claimed", "claims",
    "announced", "announces", "reported", "reports", "warned", "warns", "insisted", "insists", "noted", "notes",
    "responded", "responding", "replied", "warning", "saying", "stressed", "stresses", "emphasized", "emphasised", "alleged", "alleges", "argued",
    "argues", "explained", "declared", "asserted", "maintained", "acknowledged", "admitted", "revealed",
    "indicated", "wrote", "writes", "estimated", "predicted", "denied", "denies", "believes", "reiterated",
    "assured", "informed", "suggested", "pledged", "vowed", "promised",
];

/// Verbs that take the hearer as object before the reported clause: "told reporters".
const TELLING: &[&str] = &["told", "tells", "tell", "assured", "informed", "telling"];

/// Words between a speaker and the verb: "Kirby reportedly told", "he also said".
const BETWEEN: &[&str] = &[
    "also", "reportedly", "later", "earlier", "previously", "then", "again", "has", "had", "have", "would", "will",
    "recently", "repeatedly", "already", "further", "publicly", "separately", "quickly", "once", "had", "himself",
    "herself", "has", "subsequently", "simply", "flatly", "privately", "openly", "explicitly", "directly",
    "firmly", "clearly", "however", "meanwhile", "bluntly", "angrily", "immediately", "initially", "first",
    "specifically", "personally", "officially",
];

/// Nouns for someone who speaks for a body: "a spokesperson for the Houthis said".
const ROLES: &[&str] = &["spokesperson", "spokesman", "spokeswoman", "representative", "spokespeople"];

pub fn is_speech_verb(lower: &str) -> bool {
    SPEECH.contains(&lower)
}

pub fn is_reporting_verb(lower: &str) -> bool {
    REPORTING.contains(&lower)
}

pub fn is_telling_verb(lower: &str) -> bool {
    TELLING.contains(&lower)
}

pub fn is_between(lower: &str) -> bool {
    BETWEEN.contains(&lower)
}

pub fn is_role(lower: &str) -> bool {
    ROLES.contains(&lower)
}

/// Words a reported clause never starts with; after them the verb does not report
/// speech ("warned of", "said to be", "told to leave").
pub fn blocks_clause(lower: &str) -> bool {
    matches!(
        lower,
        "of" | "about" | "to" | "against" | "by" | "for" | "with" | "as" | "so" | "goodbye" | "hello" | "yes" | "no"
            | "nothing" | "something" | "anything" | "." | "," | ";" | ":" | ")" | "thanks" | "sorry" | "up"
            | "out" | "off" | "over" | "into" | "upon"
    )
}

/// Words that open an adverbial before the reported clause: "said on Tuesday that".
pub fn opens_adverbial(lower: &str) -> bool {
    matches!(
        lower,
        "on" | "in" | "at" | "during" | "late" | "earlier" | "later" | "last" | "this" | "after" | "before" | "while"
            | "when" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
            | "yesterday" | "today" | "overnight" | "previously" | "recently" | "again" | "also" | "publicly"
            | "repeatedly" | "separately" | "via" | "through" | "from" | "without" | "privately" | "earlier,"
    )
}

/// Reporting verbs whose clause may come without "that": "said Ukraine has captured".
pub fn takes_bare_clause(lower: &str) -> bool {
    matches!(
        lower,
        "say" | "said" | "says" | "told" | "tells" | "tell" | "claimed" | "claims" | "added" | "adds" | "insisted"
            | "insists" | "argued" | "argues" | "believes" | "wrote" | "writes" | "warned" | "warns" | "noted"
            | "estimated" | "predicted" | "suggested" | "reiterated" | "responded" | "replied" | "saying" | "reported"
            | "reports" | "assured" | "informed" | "stated" | "states"
    )
}

/// Reporting verbs that take a clause without "that" only when a pronoun or a name
/// opens it: "announced he would suspend", not "announced a package".
pub fn takes_clause_after_subject(lower: &str) -> bool {
    matches!(lower, "announced" | "announces" | "confirmed" | "revealed" | "acknowledged" | "admitted" | "declared" | "stressed" | "emphasized" | "emphasised" | "indicated" | "alleged" | "vowed" | "pledged" | "promised" | "denied" | "asserted" | "maintained")
}
