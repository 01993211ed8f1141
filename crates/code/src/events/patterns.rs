//! Finding the pattern of `verbs.tsv` that a predicate heads, with its target, by
//! running [`Knowledge::match_pattern`] over the predicate's own clause.
use super::parse::{child_with, children, clause, has_rel, is_clausal, is_nominal, lemma};
use crate::knowledge::{CameoInfo, Knowledge, PatternPos, VerbPattern};
use crate::record::Modality;
use dyad_nlp::Token;

/// A pattern matched at a predicate.
#[derive(Debug, Clone)]
pub struct Match<'k> {
    pub pattern: &'k VerbPattern,
    /// The head of the noun phrase in the pattern's target slot, when it has one.
    pub target: Option<usize>,
}

/// Modifiers the matcher may pass over, so that "held lengthy talks with" and "sent some
/// artillery shells to" match `hold talks with _` and `send shell/shells to _`, while a
/// pattern may still spell them (`send fighter jets to _`).
fn is_modifier(t: &Token) -> bool {
    t.deprel != "compound:prt"
        && matches!(t.deprel.split(':').next(), Some("amod" | "advmod" | "nummod" | "compound" | "punct" | "appos" | "det"))
}

/// Words that date an event rather than name its target ("demanded Friday that ...",
/// "agreed on Wednesday to ..."): left out of the matched sequence with their preposition
/// and modifiers.
const TIME_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow",
    "tonight", "week", "weekend", "month", "year", "day", "morning", "afternoon", "evening", "night", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "decade", "time", "hour", "hours", "days", "weeks", "months", "years", "earlier", "later",
];

fn is_time(t: &Token) -> bool {
    matches!(t.upos.as_str(), "NOUN" | "PROPN" | "ADV") && TIME_WORDS.contains(&t.text.to_lowercase().as_str())
}

/// Whether token `i` is a time word or hangs on one ("on Wednesday", "last week").
fn in_time_phrase(tokens: &[Token], i: usize) -> bool {
    is_time(&tokens[i]) || tokens[i].head.is_some_and(|h| h != i && is_time(&tokens[h]) && !is_clausal(&tokens[i].deprel))
}

/// Sectors of role words that name political actors ("his officials", "its forces"), not
/// civilians ("our people").
const POLITICAL_SECTORS: &[&str] = &["GOV", "MIL", "COP", "REB", "OPP", "PTY", "JUD", "LEG", "SPY"];

/// Prepositions of time: what stands in their phrase dates the act ("a ceremony held just
/// after Putin's arrival") and is never its target.
const TEMPORAL_PREPOSITIONS: &[&str] = &["after", "before", "during", "since", "until", "amid", "following", "ahead"];

/// Whether token `i` lies in a phrase of time under `predicate`: on its way up to the
/// predicate, some phrase is headed by a preposition of time.
fn in_temporal_phrase(tokens: &[Token], i: usize, predicate: usize) -> bool {
    let mut at = i;
    for _ in 0..8 {
        if at == predicate {
            return false;
        }
        if children(tokens, at).any(|c| tokens[c].deprel == "case" && TEMPORAL_PREPOSITIONS.contains(&tokens[c].text.to_lowercase().as_str())) {
            return true;
        }
        match tokens[at].head {
            Some(h) => at = h,
            None => return false,
        }
    }
    false
}

/// The tokens a pattern headed by `predicate` is matched against: its own clause, then the
/// clause of an infinitive it controls ("agreed to provide aid to", "threatened to cut ties
/// with"), and, where the clause has no object of its own, the subject of a complement
/// clause, which the act is aimed at ("demanded that Israel ease ...": "demand _").
fn match_positions(tokens: &[Token], predicate: usize) -> Vec<usize> {
    // Modifiers stay in, to be passed over by the matcher unless a pattern spells them.
    let keep = |i: usize, p: usize| i == p || (i > p && !in_time_phrase(tokens, i) && !in_temporal_phrase(tokens, i, p));
    let mut positions: Vec<usize> = clause(tokens, predicate).into_iter().filter(|&i| keep(i, predicate)).collect();
    // A predicative noun or adjective reads with its verb: "called Vietnam a trusted
    // friend" (`call _ friend`), "called the move unacceptable" (`call _ unacceptable`).
    for x in children(tokens, predicate).filter(|&c| has_rel(&tokens[c], "xcomp") && c > predicate && matches!(tokens[c].upos.as_str(), "NOUN" | "ADJ")) {
        positions.extend(clause(tokens, x).into_iter().filter(|&i| keep(i, predicate)));
    }
    let mut current = predicate;
    for _ in 0..3 {
        let Some(x) = children(tokens, current).find(|&c| has_rel(&tokens[c], "xcomp") && c > current && tokens[c].upos == "VERB") else { break };
        let own = clause(tokens, x);
        // The infinitive marker stands before the verb: "to provide" reads "to provide".
        positions.extend(own.into_iter().filter(|&i| keep(i, predicate) && (i >= x || tokens[i].deprel == "mark")));
        current = x;
    }
    let has_object = children(tokens, predicate).any(|c| matches!(tokens[c].deprel.as_str(), "obj" | "iobj") && !is_time(&tokens[c]));
    if !has_object && tokens[predicate].upos == "VERB" {
        if let Some(comp) = children(tokens, predicate).find(|&c| has_rel(&tokens[c], "ccomp") && c > predicate) {
            if let Some(subject) = child_with(tokens, comp, "nsubj") {
                positions.push(subject);
                // "said that Sudan must return ...": the modal after the subject reads as a
                // demand ("say _ must").
                positions.extend(children(tokens, comp).filter(|&c| c > subject && tokens[c].deprel == "aux" && matches!(lemma(&tokens[c]).as_str(), "must" | "should")));
            }
        }
    }
    positions.sort_unstable();
    positions.dedup();
    positions
}

/// The most specific pattern that matches at token `predicate`. An event noun may start
/// its pattern at a modifier before it ("hunger strike", "car bomb", "military aid").
pub fn best_match<'k>(knowledge: &'k Knowledge, tokens: &[Token], predicate: usize) -> Option<Match<'k>> {
    // "is ready to", "are guilty of", "is opposed to": a predicate adjective or passive
    // participle reads with its copula, which patterns spell "be".
    if !matches!(tokens[predicate].upos.as_str(), "VERB" | "NOUN" | "ADJ") {
        return None;
    }
    // The copula stands just before its predicate ("was not yet ready"): a short look back.
    let copula = (predicate.saturating_sub(4)..predicate)
        .rev()
        .find(|&c| tokens[c].head == Some(predicate) && matches!(tokens[c].deprel.as_str(), "cop" | "aux:pass"));
    if tokens[predicate].upos == "ADJ" && copula.is_none() {
        return None;
    }
    let noun = tokens[predicate].upos == "NOUN" && copula.is_none();
    let mut first = predicate;
    while noun && first > 0 && tokens[first - 1].head == Some(predicate) && matches!(tokens[first - 1].deprel.as_str(), "compound" | "amod") {
        first -= 1;
    }
    let mut heads: Vec<usize> = (first..=predicate).filter(|&i| knowledge.verbs_for(&lemma(&tokens[i])).next().is_some()).collect();
    if !matches!(tokens[predicate].upos.as_str(), "VERB" | "NOUN") {
        heads.clear();
    }
    heads.extend(copula);
    if heads.is_empty() {
        return None;
    }
    // The clause from the predicate on: its lemma, but nouns as written, since patterns
    // spell them as news does ("hold talks with").
    let mut positions: Vec<usize> = copula.into_iter().collect();
    positions.extend(first..predicate);
    positions.extend(match_positions(tokens, predicate));
    // Modifiers as written too ("trusted friend", "cross-border incursion").
    let skippable: Vec<bool> = positions.iter().map(|&i| i > predicate && is_modifier(&tokens[i])).collect();
    let words: Vec<String> = positions
        .iter()
        .zip(&skippable)
        .map(|(&i, &modifier)| if i != predicate && (tokens[i].upos == "NOUN" || modifier) { tokens[i].text.to_lowercase() } else { lemma(&tokens[i]) })
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let pos = if noun { PatternPos::Noun } else { PatternPos::Verb };
    let heads_before = |h: usize| h < predicate;
    let (pattern, found) = heads
        .iter()
        .filter_map(|&h| {
            let start = positions.iter().position(|&i| i == h)?;
            // A pattern started at a modifier must reach the event noun itself.
            let found = knowledge.match_pattern_skipping(&words, &skippable, start, Some(pos)).filter(|(_, m)| h == predicate || positions[m.span.end - 1] >= predicate);
            found.map(|(p, m)| (heads_before(h), p, m))
        })
        // A pattern that spells out the noun's modifier ("hunger strike") names the event
        // more closely than any pattern of the bare noun ("strike on _").
        .max_by_key(|(modifier, p, m)| (*modifier, p.specificity(), m.span.len(), m.target.is_some()))
        .map(|(_, p, m)| (p, m))?;
    let open_target = found.target.as_ref().is_some_and(|r| r.end == positions.len());
    let target = found.target.and_then(|range| {
        let first = positions[range.clone()].iter().copied().find(|&i| is_nominal(&tokens[i]) && !is_time(&tokens[i]))?;
        // "met his top security officials": a possessive pronoun before a role word only
        // says whose they are; the role word is the target.
        let first = match tokens[first].head {
            Some(h) if h > first && tokens[first].deprel == "nmod:poss" && tokens[first].upos == "PRON" && knowledge.role(&tokens[h].text).is_some_and(|r| POLITICAL_SECTORS.contains(&r.as_str())) => h,
            _ => first,
        };
        let first = phrase_head(tokens, first);
        // A slot that runs to the end of the clause whose first noun sits in a
        // prepositional phrase is the verb's object, where it has one later: "invited to
        // the summit Ukrainian President Zelensky".
        let in_pp = children(tokens, first).any(|c| tokens[c].deprel == "case" && tokens[c].upos == "ADP");
        // A name the parser left as a bare oblique is an object too.
        let bare = |c: usize| tokens[predicate].upos == "VERB" && !children(tokens, c).any(|m| tokens[m].deprel == "case");
        let object = children(tokens, predicate).find(|&c| {
            c > first
                && (matches!(tokens[c].deprel.as_str(), "obj" | "iobj") || (tokens[c].deprel == "obl" && tokens[c].upos == "PROPN" && bare(c)))
                && positions[range.clone()].contains(&c)
                && !is_time(&tokens[c])
        });
        match object {
            Some(object) if open_target && in_pp => Some(object),
            _ => Some(first),
        }
    });
    Some(Match { pattern, target })
}

/// The code of an act the text only intends or promises: a cooperative act to come (06
/// material cooperation, 07 aid, 08 yielding) is an intent to cooperate (03: "will provide
/// aid" 033, "is willing to withdraw" 0356), and so is material cooperation that would
/// come ("would establish closer cooperation with China" 031); a hostile act to come (14,
/// 16 to 20) is a threat (13: "would boycott" 133, "will blockade" 1381). Visits, meetings and
/// agreements to come keep their code with the planned modality, as the dev gold does.
pub fn as_intent<'k>(knowledge: &'k Knowledge, info: &'k CameoInfo, modality: Modality) -> &'k CameoInfo {
    let code = info.code.as_str();
    let planned = modality == Modality::Planned;
    let possible = planned || modality == Modality::Possible;
    let three = code.get(..3).unwrap_or(code);
    let intent = match code.get(..2).unwrap_or("") {
        "06" if possible => match three {
            "061" => "0311",
            "062" => "0312",
            "063" => "0313",
            "064" => "0314",
            _ => "031",
        },
        "07" if planned => match three {
            "071" => "0331",
            "072" => "0332",
            "073" => "0333",
            "074" => "0334",
            _ => "033",
        },
        "08" if planned => match three {
            "081" => "0351",
            "082" => "0352",
            "083" => "034",
            "084" => "0353",
            "085" => "0354",
            "086" => "0355",
            "087" => "0356",
            _ => "035",
        },
        "14" if possible => "133",
        "16" if possible => match three {
            "161" => "1313",
            "162" => "1311",
            "163" => "1312",
            "164" => "134",
            "165" => "135",
            "166" => "136",
            _ => "131",
        },
        "17" if possible => match code {
            "1721" => "1321",
            "1722" => "1322",
            "1723" => "1323",
            "1724" => "1324",
            _ if three == "172" => "132",
            _ => "137",
        },
        "18" if possible => "1383",
        "19" if possible => match three {
            "191" => "1381",
            "192" => "1382",
            _ => "1384",
        },
        "20" if possible => if three == "204" { "1385" } else { "1383" },
        _ => return info,
    };
    knowledge.cameo(intent).unwrap_or(info)
}

/// Climbs from a name's first word to the head of its phrase ("North" → "Korea").
fn phrase_head(tokens: &[Token], mut at: usize) -> usize {
    while let Some(h) = tokens[at].head {
        let rel = tokens[at].deprel.split(':').next().unwrap_or("");
        if h > at && matches!(rel, "compound" | "flat" | "amod" | "det" | "nummod") {
            at = h;
        } else {
            break;
        }
    }
    at
}



#[cfg(test)]
mod tests {
    use crate::record::Event;
    use dyad_doc::Document;

    fn events(text: &str) -> Vec<Event> {
        let doc = Document::from_text("t", text, chrono::NaiveDate::from_ymd_opt(2001, 5, 4));
        crate::code_document(&doc).events
    }

    fn codes(events: &[Event]) -> Vec<&str> {
        events.iter().map(|e| e.cameo.as_str()).collect()
    }

    #[test]
    fn the_subject_of_a_complement_clause_is_the_target_of_a_demand() {
        let ev = events("The United States on Thursday demanded that North Korea abandon its nuclear program.");
        assert!(ev.iter().any(|e| e.root == "10" && e.target.country.as_deref() == Some("PRK")), "{ev:?}");
    }

    #[test]
    fn saying_that_someone_must_act_is_a_demand() {
        let ev = events("Russia said on Tuesday that Sudan must return the helicopter.");
        assert!(ev.iter().any(|e| e.root == "10" && e.source.country.as_deref() == Some("RUS") && e.target.country.as_deref() == Some("SDN")), "{ev:?}");
    }

    #[test]
    fn a_time_word_is_not_the_target() {
        let ev = events("Palestinian officials demanded Friday that the United States recognise their state.");
        assert!(ev.iter().any(|e| e.root == "10" && e.source.actor.as_deref() == Some("PSEGOV") && e.target.country.as_deref() == Some("USA")), "{ev:?}");
    }

    #[test]
    fn a_pattern_reads_through_a_controlled_infinitive() {
        let ev = events("Iran threatened to break off diplomatic relations with Egypt.");
        assert!(codes(&ev).contains(&"1313"), "{ev:?}");
    }

    #[test]
    fn a_predicate_adjective_reads_with_its_copula() {
        let ev = events("China said it was ready to work with Russia on energy.");
        assert!(ev.iter().any(|e| e.root == "03" && e.target.country.as_deref() == Some("RUS")), "{ev:?}");
    }

    #[test]
    fn a_promised_delivery_is_an_intent_and_a_promised_blockade_a_threat() {
        let aid = events("Finland will give Tanzania a grant of 580 million shillings.");
        assert!(aid.iter().any(|e| e.root == "03" && e.source.country.as_deref() == Some("FIN")), "{aid:?}");
        let threat = events("Iran will impose a blockade on Israel.");
        assert!(threat.iter().any(|e| e.cameo == "1381" && e.target.country.as_deref() == Some("ISR")), "{threat:?}");
        assert!(!threat.iter().any(|e| e.root == "19"), "{threat:?}");
    }

    #[test]
    fn a_noun_pattern_may_start_at_a_modifier() {
        // "hunger strike" is a protest, not an air strike.
        let ev = events("Algerian opposition leaders began a hunger strike against the Algerian government.");
        assert!(!ev.iter().any(|e| e.root == "19"), "{ev:?}");
        assert!(ev.iter().any(|e| e.cameo == "142"), "{ev:?}");
    }
}
