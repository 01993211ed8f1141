//! Briefings: a story as Markdown or as a self-contained HTML page. Both render the same
//! [`Brief`], so they always say the same thing; every line names its sources.
use crate::model::{ContestKind, Source, Story, StoryEvent};
use dyad_code::Modality;

/// Where a line of the brief comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRef {
    pub outlet: String,
    pub doc_id: String,
}

impl SourceRef {
    fn of(s: &Source) -> SourceRef {
        SourceRef { outlet: s.outlet.clone(), doc_id: s.doc_id.clone() }
    }
}

/// One statement of the brief with the articles it rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub sources: Vec<SourceRef>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub heading: &'static str,
    pub lines: Vec<Line>,
}

/// What a briefing says, before rendering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brief {
    pub title: String,
    /// Every article: outlet and document id (with the original for a wire copy).
    pub articles: Vec<Line>,
    pub sections: Vec<Section>,
}

/// The short English name of a CAMEO root.
pub fn root_name(root: &str) -> &'static str {
    match root {
        "01" => "made a public statement about",
        "02" => "appealed to",
        "03" => "expressed intent to cooperate with",
        "04" => "consulted with",
        "05" => "cooperated diplomatically with",
        "06" => "cooperated materially with",
        "07" => "provided aid to",
        "08" => "yielded to",
        "09" => "investigated",
        "10" => "demanded of",
        "11" => "disapproved of",
        "12" => "rejected",
        "13" => "threatened",
        "14" => "protested against",
        "15" => "exhibited force posture toward",
        "16" => "reduced relations with",
        "17" => "coerced",
        "18" => "assaulted",
        "19" => "fought",
        "20" => "used unconventional mass violence against",
        _ => "interacted with",
    }
}

fn modality_word(m: Modality) -> &'static str {
    match m {
        Modality::Asserted => "asserted",
        Modality::Claimed => "claimed",
        Modality::Denied => "denied",
        Modality::Planned => "planned",
        Modality::Possible => "possible",
        Modality::Negated => "negated",
    }
}

fn who(e: &StoryEvent) -> String {
    // The name a reader knows, with the code the data uses: "Vladimir Putin (RUSGOV)".
    let side = |s: &crate::model::Side| {
        let code = s.actor.clone().unwrap_or_else(|| s.key.clone());
        match &s.name {
            Some(n) if !n.is_empty() && *n != code => format!("{n} ({code})"),
            _ => code,
        }
    };
    format!("{} {} {} (CAMEO {})", side(&e.source), root_name(&e.root), side(&e.target), e.cameo)
}

fn refs<'a>(sources: impl Iterator<Item = &'a Source>) -> Vec<SourceRef> {
    let mut out: Vec<SourceRef> = Vec::new();
    for s in sources {
        let r = SourceRef::of(s);
        if !out.contains(&r) {
            out.push(r);
        }
    }
    out
}

/// One line per story event that some source gives one of `modalities`, naming who
/// says so (`by_word` the attribution, as in "claimed by Seoul") where the sources do.
fn modality_lines(events: &[StoryEvent], modalities: &[Modality], by_word: &str) -> Vec<Line> {
    let mut out = Vec::new();
    for e in events {
        let picked: Vec<&Source> = e.sources.iter().filter(|s| modalities.contains(&s.modality)).collect();
        if picked.is_empty() {
            continue;
        }
        let mut by: Vec<String> = Vec::new();
        for a in picked.iter().filter_map(|s| s.attribution.clone()) {
            if !by.contains(&a) {
                by.push(a);
            }
        }
        let date = e.date.as_deref().map(|d| format!("{d}: ")).unwrap_or_default();
        let by = if by.is_empty() || by_word.is_empty() { String::new() } else { format!(", {by_word} {}", by.join(", ")) };
        out.push(Line { text: format!("{date}{}{by}", who(e)), sources: refs(picked.into_iter()) });
    }
    out
}

/// Builds the brief of one story.
pub fn build(story: &Story) -> Brief {
    let events = story.events();
    let articles = story
        .articles
        .iter()
        .map(|a| {
            let text = match (&a.coded.doc.title, &a.duplicate_of) {
                (Some(t), Some(o)) => format!("{t} (copy of {o})"),
                (Some(t), None) => t.clone(),
                (None, Some(o)) => format!("copy of {o}"),
                (None, None) => String::new(),
            };
            Line { text, sources: vec![SourceRef { outlet: a.outlet().to_string(), doc_id: a.coded.doc.id.clone() }] }
        })
        .collect();

    let timeline = events
        .iter()
        .map(|e| {
            let mut mods: Vec<&str> = e.sources.iter().map(|s| modality_word(s.modality)).collect();
            mods.sort_unstable();
            mods.dedup();
            let status = if e.corroborated() {
                format!("corroborated by {} independent outlets", e.independent_outlets)
            } else {
                "single outlet".to_string()
            };
            let contested = if e.contested() { ", contested" } else { "" };
            Line {
                text: format!(
                    "{}: {} [{}; {status}{contested}]",
                    e.date.as_deref().unwrap_or("undated"),
                    who(e),
                    mods.join(", ")
                ),
                sources: refs(e.sources.iter()),
            }
        })
        .collect();

    let quotes = story
        .articles
        .iter()
        .flat_map(|a| {
            a.coded.quotes.iter().map(move |q| Line {
                text: format!("{}: “{}”", q.speaker.name.as_deref().unwrap_or(&q.speaker.text), q.text),
                sources: vec![SourceRef { outlet: a.outlet().to_string(), doc_id: a.coded.doc.id.clone() }],
            })
        })
        .collect();

    let mut disagreements = Vec::new();
    for e in &events {
        for c in &e.contests {
            let what = match &c.kind {
                ContestKind::Date => "the date".to_string(),
                ContestKind::Modality => "whether it happened".to_string(),
                ContestKind::Figure(thing) => format!("the number of {thing}"),
            };
            let versions: Vec<String> = c
                .versions
                .iter()
                .map(|v| {
                    let by: Vec<String> = v.sources.iter().filter_map(|i| e.sources.get(*i)).map(|s| format!("{} {}", s.outlet, s.doc_id)).collect();
                    format!("“{}” ({})", v.value, by.join(", "))
                })
                .collect();
            let sources = refs(c.versions.iter().flat_map(|v| v.sources.iter().filter_map(|i| e.sources.get(*i))));
            disagreements.push(Line { text: format!("{} — on {what}: {}", who(e), versions.join(" vs ")), sources });
        }
    }

    Brief {
        title: story.title(),
        articles,
        sections: vec![
            Section { heading: "Timeline", lines: timeline },
            Section { heading: "Claimed", lines: modality_lines(&events, &[Modality::Claimed], "claimed by") },
            // Denied: a party says it did not happen. Negated: the article itself says so.
            Section { heading: "Denied", lines: modality_lines(&events, &[Modality::Denied], "denied by") },
            Section { heading: "Reported as not happening", lines: modality_lines(&events, &[Modality::Negated], "") },
            Section { heading: "Planned", lines: modality_lines(&events, &[Modality::Planned], "according to") },
            Section { heading: "Quotes", lines: quotes },
            Section { heading: "Disagreements", lines: disagreements },
        ],
    }
}

fn source_list(sources: &[SourceRef]) -> String {
    sources.iter().map(|s| format!("{} ({})", s.outlet, s.doc_id)).collect::<Vec<_>>().join("; ")
}

/// The brief as Markdown.
pub fn markdown(story: &Story) -> String {
    let b = build(story);
    let mut out = format!("# {}\n\n## Outlets\n\n", b.title.replace('\n', " "));
    for a in &b.articles {
        let title = if a.text.is_empty() { String::new() } else { format!(": {}", a.text) };
        out.push_str(&format!("- {}{title}\n", source_list(&a.sources)));
    }
    for s in &b.sections {
        out.push_str(&format!("\n## {}\n\n", s.heading));
        if s.lines.is_empty() {
            out.push_str("- none\n");
        }
        for l in &s.lines {
            out.push_str(&format!("- {} — sources: {}\n", l.text.replace('\n', " "), source_list(&l.sources)));
        }
    }
    out
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The brief as one self-contained HTML page (inline style, no external assets).
pub fn html(story: &Story) -> String {
    let b = build(story);
    let mut out = String::from("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.push_str(&format!("<title>{}</title>", escape(&b.title)));
    out.push_str(
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}\
         .src{color:#555;font-size:90%}li{margin:.3em 0}</style></head><body>\n",
    );
    out.push_str(&format!("<h1>{}</h1>\n<h2>Outlets</h2>\n<ul>\n", escape(&b.title)));
    for a in &b.articles {
        out.push_str(&format!("<li><span class=\"src\">{}</span> {}</li>\n", escape(&source_list(&a.sources)), escape(&a.text)));
    }
    out.push_str("</ul>\n");
    for s in &b.sections {
        out.push_str(&format!("<h2>{}</h2>\n<ul>\n", escape(s.heading)));
        if s.lines.is_empty() {
            out.push_str("<li>none</li>\n");
        }
        for l in &s.lines {
            out.push_str(&format!("<li>{} <span class=\"src\">— sources: {}</span></li>\n", escape(&l.text), escape(&source_list(&l.sources))));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body></html>\n");
    out
}
