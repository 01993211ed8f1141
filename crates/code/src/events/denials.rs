//! Denials of what an earlier sentence claimed: "Although Moscow and Pyongyang deny the
//! claims", "Russia and North Korea both denied transferring the ammunition".
//!
//! When the denied act cannot be coded from the denial itself (its object only points
//! back, or its complement lacks a target), it is the latest claimed event
//! of the last few sentences that one of the deniers is party to (and, where the
//! complement names an act, of the same CAMEO root). That event is reported again, as
//! denied on the deniers' word.
use super::parse::{child_with, lemma};
use super::{arguments, patterns, resolve_all, Dated};
use crate::events::actors::Context;
use crate::record::{ActorRef, Attribution, Event, Modality};
use dyad_nlp::AnnotatedSentence;

const DENIAL: &[&str] = &["deny", "reject", "dismiss", "refute", "dispute"];
/// Objects of a denial that point back to a claim rather than name an act.
const POINTERS: &[&str] =
    &["claim", "allegation", "accusation", "report", "charge", "suggestion", "assertion", "it", "them", "this", "that"];
/// How many sentences back a denial may reach.
pub(super) const LOOKBACK: usize = 3;

/// The denied events of sentence `si`, given the events coded so far. `first_char` is
/// where the sentence `LOOKBACK` sentences back starts.
pub(super) fn code(cx: &Context<'_>, si: usize, sentence: &AnnotatedSentence, text: &str, first_char: usize, events: &[Dated]) -> Vec<Dated> {
    let tokens = &sentence.tokens;
    let mut out: Vec<Dated> = Vec::new();
    for p in 0..tokens.len() {
        if tokens[p].upos != "VERB" || !DENIAL.contains(&lemma(&tokens[p]).as_str()) {
            continue;
        }
        let pointer = child_with(tokens, p, "obj").filter(|&o| POINTERS.contains(&lemma(&tokens[o]).as_str()));
        let complement = child_with(tokens, p, "xcomp").or_else(|| child_with(tokens, p, "ccomp"));
        let Some(content) = pointer.or(complement) else { continue };
        let root = (pointer.is_none())
            .then(|| patterns::best_match(cx.knowledge, tokens, content))
            .flatten()
            .and_then(|m| cx.knowledge.cameo(m.pattern.code.as_str()))
            .map(|info| info.code.root_code().to_string());
        let told = super::Told { together: &[], events };
        let deniers = resolve_all(cx, si, tokens, &arguments::verb_sources(tokens, p), &told);
        if deniers.is_empty() {
            continue;
        }
        let party = |a: &ActorRef| deniers.iter().any(|d| d.country.is_some() && d.country == a.country);
        let denied_here = |e: &Dated| e.event.span[0] == sentence.start && e.event.modality == Modality::Denied;
        if events.iter().chain(&out).any(denied_here) {
            continue;
        }
        // Of the recent claims the deniers are party to, the one most of them are party
        // to ("Moscow and Pyongyang deny": North Korea's deliveries to Russia, not
        // Russia's war), the latest on a tie.
        let parties = |e: &Event| usize::from(party(&e.source)) + usize::from(party(&e.target));
        let claim = events
            .iter()
            .filter(|d| {
                let e = &d.event;
                e.span[0] >= first_char && e.modality == Modality::Claimed && parties(e) > 0 && root.as_deref().is_none_or(|r| r == e.root)
            })
            .max_by_key(|d| (parties(&d.event), d.event.span[0]));
        let attribution = attribution(&deniers);
        let deny = |mut event: Event| {
            event.modality = Modality::Denied;
            event.attribution = Some(attribution.clone());
            event.sentence = text.trim_end().to_string();
            event.span = [sentence.start, sentence.end];
            event
        };
        match claim {
            Some(claim) => out.push(Dated { event: deny(claim.event.clone()), explicit: claim.explicit }),
            // "Russia and North Korea both denied transferring the ammunition": with no
            // claim to point back to, an act between the deniers themselves.
            None if deniers.len() >= 2 => {
                let Some(code) = pointer.is_none().then(|| patterns::best_match(cx.knowledge, tokens, content)).flatten() else {
                    continue;
                };
                let Some(info) = cx.knowledge.cameo(code.pattern.code.as_str()) else { continue };
                for a in &deniers {
                    for b in deniers.iter().filter(|b| b.country != a.country) {
                        let event = super::event_between(a.clone(), b.clone(), info, text, sentence, None, None);
                        out.push(Dated { event: deny(event), explicit: false });
                    }
                }
            }
            None => {}
        }
    }
    out
}

/// "Moscow and Pyongyang": the deniers as one attribution.
fn attribution(deniers: &[ActorRef]) -> Attribution {
    let join = |f: &dyn Fn(&ActorRef) -> String| deniers.iter().map(f).collect::<Vec<_>>().join(" and ");
    Attribution { text: join(&|a| a.text.clone()), name: Some(join(&|a| a.name.clone().unwrap_or_else(|| a.text.clone()))) }
}
