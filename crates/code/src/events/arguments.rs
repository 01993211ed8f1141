//! Finding the source and target tokens of a predicate in the parse: subjects (through
//! control, coordination and relative clauses), passive agents, objects and the
//! prepositional phrases a pattern names.
use super::parse::{case_of, child_with, children, has_rel, is_nominal, with_conjuncts};
use dyad_nlp::Token;

/// Relative pronouns, which stand for the noun their clause modifies.
const RELATIVE: &[&str] = &["who", "which", "that", "whom"];

/// The source tokens of a verb predicate: its subject(s), or the passive agent.
pub fn verb_sources(tokens: &[Token], verb: usize) -> Vec<usize> {
    if is_passive(tokens, verb) {
        return agent(tokens, verb).map(|a| with_conjuncts(tokens, a)).unwrap_or_default();
    }
    let mut current = verb;
    for _ in 0..4 {
        // An active subject first: a passive one beside it is a misparse.
        let active = children(tokens, current).find(|&c| tokens[c].deprel == "nsubj");
        if let Some(s) = active.or_else(|| child_with(tokens, current, "nsubj")).or_else(|| child_with(tokens, current, "csubj")) {
            let Some(s) = antecedent(tokens, current, s) else { return Vec::new() };
            if let Some(speaker) = reporting_subject(tokens, current, s) {
                return with_conjuncts(tokens, speaker);
            }
            let mut subjects = with_conjuncts(tokens, s);
            // "The United States and Britain launched": a coordination the parser left as
            // two subjects of the verb.
            let coordinated = |c: usize| {
                c > s && c < current && tokens[c].deprel == "nsubj" && tokens[c - 1].upos == "CCONJ" && is_nominal(&tokens[c])
            };
            subjects.extend(children(tokens, current).filter(|&c| coordinated(c)));
            subjects.extend(list_before(tokens, s));
            return subjects;
        }
        // No subject of its own: "scheduled to visit", "landed ... and met", "a visit that ...".
        let rel = tokens[current].deprel.as_str();
        let Some(head) = tokens[current].head else { break };
        if has_rel(&tokens[current], "xcomp") || rel == "conj" || has_rel(&tokens[current], "advcl") {
            current = head;
        } else if has_rel(&tokens[current], "acl") {
            // A finite clause hung on the root noun is the sentence the parser missed:
            // "Putin and his Chinese counterpart Xi Jinping have signed ..." (both sign).
            let finite = children(tokens, current).any(|c| tokens[c].deprel == "aux") || tokens[current].xpos == "VBD";
            if tokens[head].head.is_none() && rel == "acl:relcl" && finite {
                return with_conjuncts(tokens, head);
            }
            return vec![head];
        } else if matches!(rel, "parataxis" | "dep") && head < current && is_nominal(&tokens[head]) {
            // A subject the parser left as the root: "Russia on Friday condemned ...".
            return with_conjuncts(tokens, head);
        } else {
            break;
        }
    }
    Vec::new()
}

/// The start of a list the parser broke off before its last member: in "Biden said
/// Australia, Bahrain, Canada and the Netherlands had provided support", only "the
/// Netherlands" is the subject; the comma-separated names before its "and" are too.
fn list_before(tokens: &[Token], last: usize) -> Vec<usize> {
    let start = super::parse::noun_phrase(tokens, last).0;
    let Some(and) = start.checked_sub(1).filter(|&k| tokens[k].upos == "CCONJ") else { return Vec::new() };
    let Some(mut head) = and.checked_sub(1).filter(|&j| tokens[j].upos == "PROPN") else { return Vec::new() };
    while tokens[head].deprel == "conj" {
        match tokens[head].head {
            Some(h) if h < head && tokens[h].upos == "PROPN" => head = h,
            _ => break,
        }
    }
    let members = with_conjuncts(tokens, head);
    let listed = members.len() >= 2 && members.windows(2).all(|w| tokens[w[1] - 1].text == ",");
    // Not a list that is some other verb's argument ("Biden met Xi, Kishida and Yoon and
    // Putin said ..."), though a reporting verb takes no such object ("said Australia,
    // Bahrain, Canada and ...").
    let reported = tokens[head].head.is_some_and(|v| crate::modality::is_reporting(&tokens[v].lemma));
    let free = reported || !matches!(tokens[head].deprel.split(':').next(), Some("obj" | "iobj" | "nsubj"));
    if listed && free && !members.contains(&last) {
        members
    } else {
        Vec::new()
    }
}

/// The subject of the reporting verb a pronoun subject stands for: "The U.S. and U.K.
/// air forces said they struck ...", "Russia said it had requested ...". The pronoun
/// must agree in number with that subject.
fn reporting_subject(tokens: &[Token], verb: usize, subject: usize) -> Option<usize> {
    let plural = match tokens[subject].text.to_lowercase().as_str() {
        "they" => true,
        "he" | "she" | "it" => false,
        _ => return None,
    };
    if tokens[verb].deprel != "ccomp" {
        return None;
    }
    let head = tokens[verb].head?;
    if !crate::modality::is_reporting(&tokens[head].lemma) {
        return None;
    }
    let speaker = child_with(tokens, head, "nsubj")?;
    let speaker_plural = matches!(tokens[speaker].xpos.as_str(), "NNS" | "NNPS")
        || children(tokens, speaker).any(|c| tokens[c].deprel == "conj");
    (is_nominal(&tokens[speaker]) && tokens[speaker].upos != "PRON" && speaker_plural == plural).then_some(speaker)
}

/// Whether the verb is passive ("was greeted by Kim").
pub fn is_passive(tokens: &[Token], verb: usize) -> bool {
    // A passive subject beside an active one is a misparse of a fronted phrase
    // ("Following talks in Beijing, the Russian leader has arrived in Harbin").
    let active_subject = children(tokens, verb).any(|c| tokens[c].deprel == "nsubj");
    children(tokens, verb).any(|c| (tokens[c].deprel == "nsubj:pass" && !active_subject) || tokens[c].deprel == "aux:pass")
        // A headline drops the "was": "Putin welcomed by Xi in Beijing".
        || (tokens[verb].xpos == "VBN" && agent(tokens, verb).is_some() && !children(tokens, verb).any(|c| tokens[c].deprel == "aux"))
}

/// The "by" phrase of a passive verb.
fn agent(tokens: &[Token], verb: usize) -> Option<usize> {
    children(tokens, verb).find(|&c| {
        tokens[c].deprel == "obl:agent" || (has_rel(&tokens[c], "obl") && case_of(tokens, c).as_deref() == Some("by"))
    })
}

/// A relative pronoun subject stands for the noun its clause modifies, or, where the
/// parser did not hang the clause on it ("Putin, who launched ..." as parataxis), for the
/// name just before it. A relative pronoun is never an actor itself ("who" is not WHO).
fn antecedent(tokens: &[Token], verb: usize, subject: usize) -> Option<usize> {
    if !RELATIVE.contains(&tokens[subject].text.to_lowercase().as_str()) {
        return Some(subject);
    }
    if has_rel(&tokens[verb], "acl") {
        return tokens[verb].head;
    }
    let before = (0..subject).rev().find(|&i| tokens[i].upos != "PUNCT")?;
    let mut noun = before;
    while matches!(tokens[noun].deprel.as_str(), "flat" | "compound") {
        match tokens[noun].head {
            Some(h) if h != noun => noun = h,
            _ => break,
        }
    }
    is_nominal(&tokens[noun]).then_some(noun)
}

/// The subject of a passive verb ("Putin was welcomed by Xi"): the target of the act.
pub fn passive_subjects(tokens: &[Token], verb: usize) -> Vec<usize> {
    child_with(tokens, verb, "nsubj").map(|s| with_conjuncts(tokens, s)).unwrap_or_default()
}

/// Targets of a verb whose pattern names none: the passive subject, the object, or a
/// prepositional phrase.
pub fn verb_targets(tokens: &[Token], verb: usize) -> Vec<usize> {
    if is_passive(tokens, verb) {
        if let Some(s) = child_with(tokens, verb, "nsubj") {
            return with_conjuncts(tokens, s);
        }
    }
    if let Some(o) = child_with(tokens, verb, "obj").or_else(|| child_with(tokens, verb, "iobj")) {
        return with_conjuncts(tokens, o);
    }
    children(tokens, verb)
        .find(|&c| has_rel(&tokens[c], "obl") && is_nominal(&tokens[c]) && !matches!(case_of(tokens, c).as_deref(), Some("by" | "in" | "on" | "at" | "during" | "since" | "for")))
        .map(|c| with_conjuncts(tokens, c))
        .unwrap_or_default()
}

/// The subject of a verb's clausal complement ("warned that the strikes will not go
/// unpunished"), when the verb has no object of its own.
pub fn complement_subjects(tokens: &[Token], verb: usize) -> Vec<usize> {
    if child_with(tokens, verb, "obj").is_some() {
        return Vec::new();
    }
    child_with(tokens, verb, "ccomp")
        .and_then(|c| child_with(tokens, c, "nsubj").or_else(|| child_with(tokens, c, "nsubj:pass")))
        .map(|s| with_conjuncts(tokens, s))
        .unwrap_or_default()
}

/// The subjects of a condition on a verb ("if the rebels keep attacking", "unless
/// Russia withdraws").
pub fn condition_subjects(tokens: &[Token], verb: usize) -> Vec<usize> {
    // The clause's words, with those the parser hung on its auxiliary ("if the rebels
    // keep attacking" with "keep" taken for one).
    let clause_words = |c: usize| {
        let auxiliaries: Vec<usize> = children(tokens, c).filter(|&a| tokens[a].deprel == "aux").collect();
        children(tokens, c).chain(auxiliaries.into_iter().flat_map(move |a| children(tokens, a))).collect::<Vec<_>>()
    };
    children(tokens, verb)
        .filter(|&c| has_rel(&tokens[c], "advcl"))
        .map(clause_words)
        .filter(|words| words.iter().any(|&m| tokens[m].deprel == "mark" && matches!(tokens[m].lemma.to_lowercase().as_str(), "if" | "unless")))
        .find_map(|words| words.into_iter().find(|&w| tokens[w].deprel == "nsubj"))
        .map(|s| with_conjuncts(tokens, s))
        .unwrap_or_default()
}

/// The sources of an event noun: those its phrase names ([`named_sources`]), or the
/// subject of the light verb it is the object of ("Putin paid a visit", "the two
/// leaders held talks").
pub fn noun_sources(tokens: &[Token], noun: usize) -> Vec<usize> {
    let named = named_sources(tokens, noun);
    if !named.is_empty() {
        return named;
    }
    let Some(head) = tokens[noun].head else { return Vec::new() };
    // "flew bombers near Alaska in a joint patrol": a joint act hanging on a verb is
    // done by that verb's subjects.
    if has_rel(&tokens[noun], "obj") || (super::parse::called_joint(tokens, noun) && has_rel(&tokens[noun], "obl") && tokens[head].upos == "VERB") {
        return verb_sources(tokens, head);
    }
    Vec::new()
}

/// Who carries out an act, as its own phrase says: its possessor ("Putin's visit"), a
/// "by" phrase, or a capitalised modifier ("British and American strikes", "a Ukrainian
/// incursion").
pub fn named_sources(tokens: &[Token], noun: usize) -> Vec<usize> {
    if let Some(p) = child_with(tokens, noun, "nmod:poss") {
        return with_conjuncts(tokens, p);
    }
    if let Some(by) = children(tokens, noun).find(|&c| has_rel(&tokens[c], "nmod") && case_of(tokens, c).as_deref() == Some("by")) {
        return with_conjuncts(tokens, by);
    }
    // "the attack carried out by the United States".
    if let Some(by) = telling_participles(tokens, noun).find_map(|v| agent(tokens, v)) {
        return with_conjuncts(tokens, by);
    }
    let capitalised_modifier =
        |c: usize| matches!(tokens[c].deprel.as_str(), "amod" | "compound") && tokens[c].text.starts_with(char::is_uppercase);
    children(tokens, noun).find(|&c| capitalised_modifier(c)).map(|a| with_conjuncts(tokens, a)).unwrap_or_default()
}

/// The participles that tell an event noun's act ("the attack carried out by ... in
/// Yemen"): one hanging on the noun, or the verb the parser made the noun the subject of.
fn telling_participles(tokens: &[Token], noun: usize) -> impl Iterator<Item = usize> + '_ {
    let participles = children(tokens, noun).filter(|&c| has_rel(&tokens[c], "acl") && tokens[c].xpos == "VBN");
    let governing = tokens[noun].head.filter(|&h| has_rel(&tokens[noun], "nsubj") && matches!(tokens[h].xpos.as_str(), "VBN" | "VBD"));
    participles.chain(governing)
}

/// "talks between Putin and Xi": the conjoined actors of a "between" phrase.
pub fn between(tokens: &[Token], noun: usize) -> Vec<usize> {
    let is_between = |c: &usize| case_of(tokens, *c).as_deref() == Some("between");
    // Or hung on a phrase before it: "talks in Beijing between Putin and Xi".
    let under_modifier = || {
        children(tokens, noun).filter(|&c| has_rel(&tokens[c], "nmod")).find_map(|m| children(tokens, m).find(is_between))
    };
    children(tokens, noun).find(is_between).or_else(under_modifier).map(|c| with_conjuncts(tokens, c)).unwrap_or_default()
}

/// The target of an event noun whose pattern names none: a prepositional dependent
/// ("the war in Ukraine", "strikes against the Houthis").
pub fn noun_targets(tokens: &[Token], noun: usize) -> Vec<usize> {
    let aimed = |c: usize, rel: &str| {
        has_rel(&tokens[c], rel)
            && matches!(case_of(tokens, c).as_deref(), Some("against" | "on" | "of" | "in" | "into" | "with" | "to" | "at"))
    };
    if let Some(c) = children(tokens, noun).find(|&c| aimed(c, "nmod")) {
        return with_conjuncts(tokens, c);
    }
    // "the attack carried out ... in Yemen".
    telling_participles(tokens, noun)
        .find_map(|v| children(tokens, v).find(|&c| aimed(c, "obl")))
        .map(|c| with_conjuncts(tokens, c))
        .unwrap_or_default()
}
