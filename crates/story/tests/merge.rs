//! Event merging, corroboration and contradiction over hand-built codings: two outlets
//! reporting one event, a wire copy, a claim and a denial, dates and figures that differ.
use dyad_code::{ActorRef, Attribution, CodedDocument, DocRecord, Event, Modality};
use dyad_story::{Article, ContestKind, Story, StoryId};

fn actor(code: &str, country: Option<&str>) -> ActorRef {
    ActorRef { text: code.to_string(), actor: Some(code.to_string()), country: country.map(str::to_string), name: None }
}

fn event(src: (&str, Option<&str>), tgt: (&str, Option<&str>), cameo: &str, m: Modality, date: Option<&str>, sentence: &str) -> Event {
    Event {
        source: actor(src.0, src.1),
        target: actor(tgt.0, tgt.1),
        cameo: cameo.to_string(),
        root: cameo[..2].to_string(),
        quad_class: 0,
        goldstein: 0.0,
        plover: String::new(),
        modality: m,
        attribution: (m == Modality::Claimed || m == Modality::Denied)
            .then(|| Attribution { text: "a spokesman".to_string(), name: Some("Spokesman".to_string()) }),
        date: date.map(str::to_string),
        location: None,
        sentence: sentence.to_string(),
        span: [0, sentence.len()],
    }
}

fn article(id: &str, outlet: &str, events: Vec<Event>, duplicate_of: Option<&str>) -> Article {
    Article {
        coded: CodedDocument {
            doc: DocRecord {
                id: id.to_string(),
                source: format!("{id}.txt"),
                title: Some(format!("Report {id}")),
                outlet: Some(outlet.to_string()),
                byline: None,
                published: None,
                language: "en".to_string(),
                text_chars: 0,
            },
            entities: Vec::new(),
            events,
            quotes: Vec::new(),
        },
        duplicate_of: duplicate_of.map(str::to_string),
    }
}

const RUS: (&str, Option<&str>) = ("RUSGOV", Some("RUS"));
const CHN: (&str, Option<&str>) = ("CHNGOV", Some("CHN"));
const PRK: (&str, Option<&str>) = ("PRK", Some("PRK"));

#[test]
fn two_outlets_reporting_one_visit_give_one_corroborated_event() {
    let story = Story {
        id: StoryId(1),
        articles: vec![
            article("a", "one.example", vec![event(RUS, CHN, "042", Modality::Asserted, Some("2024-05-16"), "Putin arrived in Beijing on Thursday.")], None),
            article("b", "two.example", vec![event(("RUS", Some("RUS")), CHN, "042", Modality::Asserted, Some("2024-05"), "The Russian leader is in China this month.")], None),
        ],
    };
    let events = story.events();
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].sources.len(), 2);
    assert_eq!(events[0].independent_outlets, 2);
    assert!(events[0].corroborated());
    assert!(!events[0].contested(), "a month is a prefix of the day: {:?}", events[0].contests);
    assert_eq!(events[0].date.as_deref(), Some("2024-05-16"));
}

#[test]
fn a_wire_copy_counts_once_and_distant_dates_stay_apart() {
    let s = "The United States and Britain struck Houthi targets.";
    let usa = ("USAMIL", Some("USA"));
    let yem = ("YEMREB", Some("YEM"));
    let story = Story {
        id: StoryId(1),
        articles: vec![
            article("a", "wire.example", vec![event(usa, yem, "195", Modality::Asserted, Some("2024-01-11"), s)], None),
            article("b", "copy.example", vec![event(usa, yem, "195", Modality::Asserted, Some("2024-01-11"), s)], Some("a")),
            article("c", "late.example", vec![event(usa, yem, "195", Modality::Asserted, Some("2024-01-22"), "New strikes hit Yemen.")], None),
        ],
    };
    let events = story.events();
    assert_eq!(events.len(), 2, "strikes eleven days apart are two events: {events:#?}");
    assert_eq!(events[0].sources.len(), 2);
    assert_eq!(events[0].independent_outlets, 1, "the copy is not independent");
    assert!(!events[0].corroborated());
}

#[test]
fn claimed_and_denied_is_contested_with_both_versions() {
    let story = Story {
        id: StoryId(1),
        articles: vec![
            article("a", "one.example", vec![event(PRK, RUS, "072", Modality::Claimed, Some("2023-10"), "Seoul says Pyongyang sent five million shells to Russia.")], None),
            article("b", "two.example", vec![event(PRK, RUS, "072", Modality::Denied, Some("2023-09"), "Moscow denies that North Korea sent millions of shells.")], None),
        ],
    };
    let events = story.events();
    assert_eq!(events.len(), 1, "{events:#?}");
    let e = &events[0];
    let kinds: Vec<&ContestKind> = e.contests.iter().map(|c| &c.kind).collect();
    assert!(kinds.contains(&&ContestKind::Modality), "{kinds:?}");
    assert!(kinds.contains(&&ContestKind::Date), "{kinds:?}");
    assert!(kinds.contains(&&ContestKind::Figure("ammunition".to_string())), "{kinds:?}");
    let modality = e.contests.iter().find(|c| c.kind == ContestKind::Modality).expect("modality contest");
    assert_eq!(modality.versions.len(), 2);
    assert!(modality.versions.iter().all(|v| v.sources.len() == 1));

    let md = dyad_story::brief::markdown(&story);
    assert!(md.contains("## Denied") && md.contains("## Disagreements"));
    assert!(md.contains("one.example (a)") && md.contains("two.example (b)"), "{md}");
    let html = dyad_story::brief::html(&story);
    assert!(html.starts_with("<!DOCTYPE html>") && !html.contains("<script") && !html.contains("http"));
}

#[test]
fn html_escapes_text_from_articles() {
    let story = Story {
        id: StoryId(1),
        articles: vec![article("a<b>", "x&y.example", vec![event(RUS, CHN, "042", Modality::Planned, None, "<script>alert(1)</script>")], None)],
    };
    let html = dyad_story::brief::html(&story);
    assert!(!html.contains("<script>") && html.contains("x&amp;y.example") && html.contains("a&lt;b&gt;"), "{html}");
}

#[test]
fn an_undated_report_does_not_chain_distant_dates_together() {
    let rus = ("RUS", Some("RUS"));
    let ukr = ("UKR", Some("UKR"));
    let story = Story {
        id: StoryId(1),
        articles: vec![
            article("a", "one.example", vec![event(rus, ukr, "190", Modality::Asserted, Some("2022-02"), "Russia invaded Ukraine.")], None),
            article("b", "two.example", vec![event(rus, ukr, "190", Modality::Asserted, None, "Russia is fighting Ukraine.")], None),
            article("c", "three.example", vec![event(rus, ukr, "190", Modality::Asserted, Some("2024-06-20"), "Fighting went on.")], None),
        ],
    };
    let events = story.events();
    assert_eq!(events.len(), 2, "{events:#?}");
    assert!(events.iter().all(|e| !e.contested()));
}

fn attributed(mut e: Event, by: &str) -> Event {
    e.attribution = Some(Attribution { text: by.to_string(), name: Some(by.to_string()) });
    e
}

fn section<'a>(md: &'a str, heading: &str) -> &'a str {
    let start = md.find(&format!("## {heading}\n")).unwrap_or_else(|| panic!("no section {heading} in\n{md}"));
    let rest = &md[start + heading.len() + 4..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

/// The records the event coder must emit for the seed articles (Putin in Pyongyang,
/// June 2024) for their brief to show the visit, the arms deliveries claimed and denied,
/// and the contested date of Kim's trip to the Far East; outlets and ids are made up.
#[test]
fn a_brief_of_seed_like_records_shows_visit_claims_denials_and_the_contested_trip() {
    let rus = ("RUSGOV", Some("RUS"));
    let prk = ("PRKGOV", Some("PRK"));
    let visit = |s: &str| event(rus, prk, "042", Modality::Asserted, Some("2024-06-19"), s);
    let story = Story {
        id: StoryId(1),
        articles: vec![
            article(
                "kyiv",
                "Kyiv Independent",
                vec![
                    visit("Putin landed in Pyongyang."),
                    attributed(event(PRK, ("RUSMIL", Some("RUS")), "072", Modality::Claimed, Some("2023"), "North Korea has reportedly sent some five million artillery shells to the Russian military."), "monitoring groups"),
                    attributed(event(PRK, RUS, "072", Modality::Denied, Some("2023"), "Moscow and Pyongyang deny the claims."), "Moscow and Pyongyang"),
                    event(prk, rus, "042", Modality::Asserted, Some("2023-10"), "Kim toured Russia's Far East in October 2023."),
                ],
                None,
            ),
            article(
                "dw",
                "DW",
                vec![
                    visit("Putin is visiting Pyongyang."),
                    attributed(event(PRK, RUS, "072", Modality::Denied, Some("2023"), "Russia and North Korea both denied transferring the ammunition."), "Russia and North Korea"),
                    event(prk, rus, "042", Modality::Asserted, Some("2023-09"), "Kim went to the Far East in September last year."),
                ],
                None,
            ),
            article("nis", "National Interest", vec![visit("Putin is scheduled to visit North Korea.")], None),
            article("neg", "Other", vec![event(("VNM", Some("VNM")), RUS, "111", Modality::Negated, Some("2022-02"), "Vietnam did not condemn the invasion.")], None),
        ],
    };
    let md = dyad_story::brief::markdown(&story);
    let timeline = section(&md, "Timeline");
    let visit_line = timeline.lines().find(|l| l.contains("2024-06-19") && l.contains("CAMEO 042")).expect("the visit");
    for src in ["Kyiv Independent (kyiv)", "DW (dw)", "National Interest (nis)"] {
        assert!(visit_line.contains(src), "{visit_line}");
    }
    assert!(visit_line.contains("corroborated by 3 independent outlets"), "{visit_line}");
    let claimed = section(&md, "Claimed");
    assert!(claimed.contains("CAMEO 072") && claimed.contains("claimed by monitoring groups"), "{claimed}");
    let denied = section(&md, "Denied");
    assert!(denied.contains("denied by Moscow and Pyongyang, Russia and North Korea"), "{denied}");
    assert!(denied.contains("Kyiv Independent (kyiv)") && denied.contains("DW (dw)"), "{denied}");
    assert!(!denied.contains("VNM"), "a negated event is not a denial: {denied}");
    assert!(section(&md, "Reported as not happening").contains("VNM"), "{md}");
    let disagreements = section(&md, "Disagreements");
    let trip = disagreements.lines().find(|l| l.contains("on the date")).expect("the contested trip");
    assert!(trip.contains("“2023-10” (Kyiv Independent kyiv)") && trip.contains("“2023-09” (DW dw)"), "{trip}");
    let arms = disagreements.lines().find(|l| l.contains("whether it happened")).expect("claim against denial");
    assert!(arms.contains("claimed by monitoring groups") && arms.contains("denied by Moscow and Pyongyang"), "{arms}");
    let html = dyad_story::brief::html(&story);
    assert!(html.contains("denied by Moscow and Pyongyang") && html.contains("“2023-09” (DW dw)"));
}
