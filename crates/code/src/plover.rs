//! Scoring the coder against the PLOVER gold standard records (`PLOVER_GSR_CAMEO.json`):
//! each record is one sentence with its PLOVER event type and the codes of its source
//! and target actors. A record's event type counts as right when any event coded from
//! its sentence carries it; source and target count as right when the event chosen
//! for the record (among those with the right type, else among all, the first with the
//! most sides coded to a country) has a country among the gold codes.
//!
//! The gold records use the PLOVER 0.5 (2016) categories; the coder follows the 2021
//! CAMEO-to-PLOVER table, which renamed or merged four of them (DISAPPROVE and
//! INVESTIGATE into ACCUSE, DEMAND into REQUEST, FIGHT into ASSAULT). A record's event
//! type counts as right under either name; the exact-name figure is kept beside it.
use crate::record::{CodedDocument, Event};
use chrono::NaiveDate;
use dyad_doc::Document;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

#[derive(Debug, thiserror::Error)]
pub enum PloverError {
    #[error("the PLOVER gold file is not the expected JSON list of records: {0}")]
    Json(#[from] serde_json::Error),
}

/// One gold actor: the words and the code (a country such as `HUN`, or `IGO`, ...).
#[derive(Debug, Clone, Deserialize)]
pub struct GoldActor {
    #[serde(rename = "actorText", default)]
    pub text: String,
    #[serde(default)]
    pub code: String,
}

/// The file writes "no actor" as null, as an empty string or leaves it out.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum Actors {
    List(Vec<GoldActor>),
    #[allow(dead_code)] // read only to accept the file's other spellings of "none"
    Other(serde_json::Value),
}

#[derive(Debug, Clone, Deserialize)]
struct RawRecord {
    id: String,
    event: String,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    source: Option<Actors>,
    #[serde(default)]
    target: Option<Actors>,
}

/// A gold record with a sentence to code.
#[derive(Debug, Clone)]
pub struct GoldRecord {
    pub id: String,
    /// PLOVER event type, upper case (`AGREE`, `PROTEST`, ...).
    pub event: String,
    pub text: String,
    pub date: Option<NaiveDate>,
    pub source: Vec<GoldActor>,
    pub target: Vec<GoldActor>,
}

fn actors(a: Option<Actors>) -> Vec<GoldActor> {
    match a {
        Some(Actors::List(v)) => v,
        _ => Vec::new(),
    }
}

/// Reads the gold file; records without a sentence (the `DOCUMENT` header) are left out.
pub fn read_gold(json: &str) -> Result<Vec<GoldRecord>, PloverError> {
    let raw: Vec<RawRecord> = serde_json::from_str(json)?;
    Ok(raw
        .into_iter()
        .filter_map(|r| {
            let text = r.text.filter(|t| !t.trim().is_empty())?;
            Some(GoldRecord {
                id: r.id,
                event: r.event.to_ascii_uppercase(),
                date: r
                    .date
                    .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
                text,
                source: actors(r.source),
                target: actors(r.target),
            })
        })
        .collect())
}

impl GoldRecord {
    /// The record's sentence as a document to code.
    pub fn document(&self) -> Document {
        Document { source: "plover-gsr".into(), ..Document::from_text(&self.id, &self.text, self.date) }
    }
}

/// Right out of how many, for one measure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub right: usize,
    pub total: usize,
}

impl Tally {
    fn add(&mut self, right: bool) {
        self.total += 1;
        self.right += usize::from(right);
    }
    pub fn pct(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            100.0 * self.right as f64 / self.total as f64
        }
    }
}

/// What one record's coding got right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordResult {
    pub id: String,
    pub gold_event: String,
    /// PLOVER types of all coded events, in order, each with its CAMEO code
    /// (`REQUEST/100`; `/010` alone for statements, which PLOVER does not code).
    pub coded: Vec<String>,
    /// A coded event carries the gold category under its 0.5 name.
    pub event_exact: bool,
    /// ... under its 0.5 or its 2021 name.
    pub event_right: bool,
    /// `None` when the gold record names no actor on that side.
    pub source_right: Option<bool>,
    pub target_right: Option<bool>,
}

/// Scores over all records.
#[derive(Debug, Clone, Default)]
pub struct PloverScores {
    pub records: usize,
    /// Records from which at least one event was coded.
    pub with_events: usize,
    pub event_type: Tally,
    pub event_type_exact: Tally,
    pub source: Tally,
    pub target: Tally,
    /// Event-type tally per gold PLOVER type.
    pub by_type: BTreeMap<String, Tally>,
}

fn country_right(gold: &[GoldActor], country: Option<&str>) -> Option<bool> {
    if gold.is_empty() {
        return None;
    }
    Some(country.is_some_and(|c| gold.iter().any(|g| g.code.eq_ignore_ascii_case(c))))
}

/// The 2021 name of a PLOVER 0.5 category (the same name where it was kept).
pub fn name_2021(category: &str) -> &str {
    match category {
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "DEMAND" => "REQUEST",
        "FIGHT" => "ASSAULT",
        other => other,
    }
}

/// The first event with the most sides coded to a country.
fn best_coded<'e>(events: impl Iterator<Item = &'e Event>) -> Option<&'e Event> {
    let sides = |e: &Event| usize::from(e.source.country.is_some()) + usize::from(e.target.country.is_some());
    let mut best: Option<&Event> = None;
    for e in events {
        if best.is_none_or(|b| sides(e) > sides(b)) {
            best = Some(e);
        }
    }
    best
}

/// Scores the events coded from one record.
pub fn score_record(record: &GoldRecord, events: &[Event]) -> RecordResult {
    let renamed = name_2021(&record.event);
    let is_gold = |e: &&Event| {
        e.plover.eq_ignore_ascii_case(&record.event) || e.plover.eq_ignore_ascii_case(renamed)
    };
    // Of the events with the gold type (else of all), the first whose actors are coded
    // best.
    let chosen = best_coded(events.iter().filter(is_gold)).or_else(|| best_coded(events.iter()));
    RecordResult {
        id: record.id.clone(),
        gold_event: record.event.clone(),
        coded: events.iter().map(|e| format!("{}/{}", e.plover, e.cameo)).collect(),
        event_exact: events
            .iter()
            .any(|e| e.plover.eq_ignore_ascii_case(&record.event)),
        event_right: events.iter().any(|e| is_gold(&e)),
        source_right: country_right(
            &record.source,
            chosen.and_then(|e| e.source.country.as_deref()),
        ),
        target_right: country_right(
            &record.target,
            chosen.and_then(|e| e.target.country.as_deref()),
        ),
    }
}

/// Scores the codings of the records' documents, `coded[i]` from `records[i]`.
pub fn evaluate(
    records: &[GoldRecord],
    coded: &[CodedDocument],
) -> (PloverScores, Vec<RecordResult>) {
    let mut scores = PloverScores::default();
    let mut results = Vec::with_capacity(records.len());
    for (record, coded) in records.iter().zip(coded) {
        let r = score_record(record, &coded.events);
        scores.records += 1;
        scores.with_events += usize::from(!coded.events.is_empty());
        scores.event_type.add(r.event_right);
        scores.event_type_exact.add(r.event_exact);
        scores
            .by_type
            .entry(r.gold_event.clone())
            .or_default()
            .add(r.event_right);
        if let Some(ok) = r.source_right {
            scores.source.add(ok);
        }
        if let Some(ok) = r.target_right {
            scores.target.add(ok);
        }
        results.push(r);
    }
    (scores, results)
}

impl fmt::Display for PloverScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} records, {} with at least one coded event",
            self.records, self.with_events
        )?;
        writeln!(
            f,
            "{:<16} {:>6} {:>6} {:>7}",
            "measure", "right", "of", "percent"
        )?;
        for (name, t) in [
            ("event type", self.event_type),
            ("  exact name", self.event_type_exact),
            ("source country", self.source),
            ("target country", self.target),
        ] {
            writeln!(
                f,
                "{:<16} {:>6} {:>6} {:>7.1}",
                name,
                t.right,
                t.total,
                t.pct()
            )?;
        }
        writeln!(f, "\nevent type by gold type (0.5 or 2021 name):")?;
        for (name, t) in &self.by_type {
            writeln!(
                f,
                "{:<16} {:>6} {:>6} {:>7.1}",
                name,
                t.right,
                t.total,
                t.pct()
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"[
      {"id": "DOC", "event": "DOCUMENT", "eventText": "header"},
      {"id": "A1", "date": "2000-01-01", "event": "AGREE",
       "source": [{"actorText": "Hungarian", "code": "HUN"}], "target": "",
       "text": "Hungary agreed."},
      {"id": "A2", "date": "2000-01-02", "event": "demand", "source": null,
       "target": [{"actorText": "Libya", "code": "LBY"}], "text": "They demanded."}
    ]"#;

    #[test]
    fn reads_records_and_skips_the_header() {
        let gold = read_gold(SAMPLE).unwrap();
        assert_eq!(gold.len(), 2);
        assert_eq!(gold[0].source[0].code, "HUN");
        assert!(gold[0].target.is_empty());
        assert_eq!(gold[1].event, "DEMAND");
        assert!(gold[1].source.is_empty());
        assert_eq!(gold[1].date, NaiveDate::from_ymd_opt(2000, 1, 2));
    }

    #[test]
    fn renamed_categories_map_to_their_2021_names() {
        assert_eq!(name_2021("DISAPPROVE"), "ACCUSE");
        assert_eq!(name_2021("INVESTIGATE"), "ACCUSE");
        assert_eq!(name_2021("DEMAND"), "REQUEST");
        assert_eq!(name_2021("FIGHT"), "ASSAULT");
        assert_eq!(name_2021("AGREE"), "AGREE");
    }

    #[test]
    fn bad_json_is_an_error() {
        assert!(read_gold("{\"id\": 1}").is_err());
    }
}
