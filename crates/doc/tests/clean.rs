//! The cleaner on junk-laden texts: invented ones here, and the seed articles when the
//! shared corpus is present.
mod common;

use dyad_doc::clean::clean_text;
use dyad_doc::{prepare, Format, GivenMeta, RawDocument};

/// An invented scrape with the kinds of junk real pages leave behind.
const SCRAPE: &str = "\
1. Skip to content
  2. Skip to main menu
WorldEurope

Border talks stall as ministers trade blame

by Anna Kowalska March 3, 2025 09:15 AM 4 min read
Delegates arrive at the conference centre in Vienna on March 2, 2025. (Jan Novak/POOL/AFP via Getty Images)
by Anna Kowalska March 3, 2025 09:15 AM 4 min read
This audio is created with AI assistance

Support independent journalism in Ukraine. Join us in this fight.

Become a member Support us just once

Talks between the two neighbours stalled on Monday after a third day of meetings in Vienna.

No.

\"We came here in good faith,\" the foreign minister told reporters.

Why the dam matters
Farmers downstream depend on the reservoir for irrigation. Engineers warned that the spillway could fail if the water level rose past the safe mar…

Mediators from Austria said the sides would meet again in April.

Water rights

The dispute concerns a dam built in 1998.
The river carries snowmelt from the mountains. Source: Reuters/Petra Horak

Sign up for our newsletter
Border Brief

Officials said the next round would focus on water sharing.

Editors' Picks

Enter your email to subscribe
* indicates required
* indicates required
Successfully subscribed
Thank you for signing up for this newsletter. We've sent you a confirmation email.
";

#[test]
fn junk_goes_and_every_sentence_stays() {
    let body = clean_text(SCRAPE);
    let paragraphs: Vec<&str> = body.split("\n\n").collect();
    assert_eq!(
        paragraphs,
        [
            "Talks between the two neighbours stalled on Monday after a third day of meetings in Vienna.",
            "No.",
            "\"We came here in good faith,\" the foreign minister told reporters.",
            "Mediators from Austria said the sides would meet again in April.",
            "The dispute concerns a dam built in 1998.",
            "Officials said the next round would focus on water sharing.",
        ]
    );
}

#[test]
fn metadata_from_the_scrape() {
    let doc = prepare(RawDocument {
        id: "x".into(),
        source: "x.txt".into(),
        format: Format::Text,
        content: SCRAPE.into(),
        given: GivenMeta::default(),
    });
    assert_eq!(doc.title.as_deref(), Some("Border talks stall as ministers trade blame"));
    assert_eq!(doc.byline.as_deref(), Some("Anna Kowalska"));
    assert_eq!(doc.published.map(|d| d.to_string()).as_deref(), Some("2025-03-03"));
    assert_eq!(doc.outlet.as_deref(), Some("Kyiv Independent"));
    assert!(!doc.text.contains("Border talks stall"), "title stays out of the body");
    assert_eq!(doc.content_hash.len(), 64);
}

#[test]
fn given_metadata_wins() {
    let doc = prepare(RawDocument {
        id: "x".into(),
        source: "feed.jsonl:3".into(),
        format: Format::Text,
        content: SCRAPE.into(),
        given: GivenMeta {
            url: Some("https://example.org/x".into()),
            outlet: Some("Example Post".into()),
            title: None,
            byline: Some("Desk".into()),
            published: chrono::NaiveDate::from_ymd_opt(2025, 3, 4),
        },
    });
    assert_eq!(doc.source, "https://example.org/x");
    assert_eq!(doc.outlet.as_deref(), Some("Example Post"));
    assert_eq!(doc.byline.as_deref(), Some("Desk"));
    assert_eq!(doc.published.map(|d| d.to_string()).as_deref(), Some("2025-03-04"));
    assert_eq!(doc.title.as_deref(), Some("Border talks stall as ministers trade blame"));
}

#[test]
fn players_video_notices_and_repeated_caption_blocks() {
    let raw = "\
Accessibility links
Play Live Radio
Next Up:
0:00 0:00

Breaking News

Harbour reopens after storm

Fishing boats return to the harbour in Valletta on Friday.
Maria Borg
Pool photo via AP
Fishing boats return to the harbour in Valletta on Friday.

Updated Jan. 12, 2024 at 10:05 AM ET

VALLETTA, Malta (AP) — The harbour reopened on Friday after a two-day closure.
Watch the moment the first ferry docked
please wait

No media source currently available

Port officials said damage was limited.
Advertisement
Please use Chrome browser for a more accessible video player
The coast guard said no one was hurt.
";
    let body = clean_text(raw);
    assert_eq!(
        body,
        "VALLETTA, Malta (AP) — The harbour reopened on Friday after a two-day closure.\n\n\
         Port officials said damage was limited.\n\n\
         The coast guard said no one was hurt."
    );
    let meta = dyad_doc::meta::from_text(raw);
    assert_eq!(meta.title.as_deref(), Some("Harbour reopens after storm"));
    assert_eq!(meta.published.map(|d| d.to_string()).as_deref(), Some("2024-01-12"));
    assert_eq!(meta.byline, None, "a photographer's name is not a byline");
}

#[test]
fn author_box_and_repeated_headline_block() {
    let raw = "\
Island states seek climate fund

Lena Ortiz
Lena Ortiz
Lena is a reporter covering the Pacific and has written for regional papers.

More From Me

International
Island states seek climate fund
Pacific island states asked donors on Tuesday for a new climate fund.The request came at a summit in Suva.
Island states seek climate fund
Pacific island states asked donors on Tuesday for a new climate fund.
The request came at a summit in Suva.
Leaders said the fund should open by next year, and that it should be run by the island states themselves, not by donors.
";
    let a = dyad_doc::clean::text::analyze(raw);
    let meta = dyad_doc::meta::from_analysis(&a, raw);
    assert_eq!(meta.byline.as_deref(), Some("Lena Ortiz"));
    assert_eq!(meta.title.as_deref(), Some("Island states seek climate fund"));
    assert_eq!(meta.published, None);
    assert_eq!(
        a.body(),
        "Pacific island states asked donors on Tuesday for a new climate fund. The request came at a summit in Suva.\n\n\
         Leaders said the fund should open by next year, and that it should be run by the island states themselves, not by donors."
    );
}

#[test]
fn scrape_cut_off_mid_sentence_keeps_its_last_line() {
    let raw = "Ministers agreed on a new budget on Monday.\nThe finance minister said the deficit would shrink over the next three years, but economists warned that the foreca";
    let body = clean_text(raw);
    assert!(body.ends_with("economists warned that the foreca"), "{body}");
    assert!(body.starts_with("Ministers agreed"));
}

fn seed(name: &str) -> Option<String> {
    let dir = common::shared("corpus/seeds")?;
    let path = std::fs::read_dir(&dir).ok()?.filter_map(|e| e.ok()).map(|e| e.path()).find(|p| {
        p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(name))
    });
    match path {
        Some(p) => std::fs::read_to_string(p).ok(),
        None => {
            eprintln!("notice: seed {name} absent; skipping");
            None
        }
    }
}

fn prepared(raw: &str) -> dyad_doc::Document {
    prepare(RawDocument { id: "s".into(), source: "s.txt".into(), format: Format::Text, content: raw.into(), given: GivenMeta::default() })
}

fn assert_gone(body: &str, junk: &[&str]) {
    for j in junk {
        assert!(!body.contains(j), "junk kept: {j:?}");
    }
}

fn assert_kept(body: &str, sentences: &[&str]) {
    for s in sentences {
        assert!(body.contains(s), "sentence lost: {s:?}");
    }
}

#[test]
fn seed_000_kyiv_independent() {
    let Some(raw) = seed("000_") else { return };
    let doc = prepared(&raw);
    assert_eq!(doc.title.as_deref(), Some("Putin lands in North Korea looking for support, weapons, validation"));
    assert_eq!(doc.outlet.as_deref(), Some("Kyiv Independent"));
    assert_eq!(doc.byline.as_deref(), Some("Katie Marie Davies"));
    assert_eq!(doc.published.map(|d| d.to_string()).as_deref(), Some("2024-06-19"));
    assert_gone(
        &doc.text,
        &[
            "Skip to content",
            "by Katie Marie Davies",
            "Getty Images",
            "This audio is created",
            "Support independent journalism",
            "Become a member",
            "Russia, China and North Korea have new dynamics",
            "by a Russ…",
            "Kyrgyzstan’s trade is booming",
            "Editors' Picks",
            "indicates required",
            "Enter your email",
            "Sign up for our newsletter",
            "WTF is wrong with Russia?",
            "Successfuly subscribed",
            "Putin lands in North Korea looking",
        ],
    );
    assert_kept(
        &doc.text,
        &[
            "Russian President Vladimir Putin landed in Pyongyang on June 18 for the first time in 24 years.",
            "\"We're certainly going to be watching that very, very closely,\" Kirby told reporters.",
            "Despite surface-level denials, both Pyongyang and Moscow are happy to play into this speculation.",
            "that Russia still has friends around the world, including in Asia.\"",
        ],
    );
    assert!(doc.text.starts_with("Russian President Vladimir Putin landed"));
    assert!(doc.text.contains(".\n\nGreeted by North Korean dictator"), "paragraph breaks kept");
}

#[test]
fn seed_002_dw() {
    let Some(raw) = seed("002_") else { return };
    let doc = prepared(&raw);
    assert_eq!(doc.title.as_deref(), Some("North Korea: Why is Kim Jong Un eager to welcome Putin?"));
    assert_eq!(doc.outlet.as_deref(), Some("DW"));
    assert_eq!(doc.published.map(|d| d.to_string()).as_deref(), Some("2024-06-18"));
    assert_eq!(doc.byline.as_deref(), Some("Julian Ryall"));
    assert_gone(
        &doc.text,
        &["Skip to", "PoliticsNorth Korea", "p.dw.com", "Image: Sputnik", "Kim and Putin shake hands", "Edited by", "Before you leave", "Julian Ryall", "June 18, 2024\n"],
    );
    assert_kept(
        &doc.text,
        &[
            "Both Vladimir Putin and Kim Jong Un are ostracized from much of the international community.",
            "\"That is a major concern in Seoul, Tokyo and Washington, but also in Beijing,\" she said.",
            "Russia and North Korea both denied transferring the ammunition",
            "\"They should urgently enforce sanctions to help ensure that the Putin-Kim vision of international relations fails.\"",
        ],
    );
}

#[test]
fn seed_004_blog_with_author_box() {
    let Some(raw) = seed("004_") else { return };
    let doc = prepared(&raw);
    assert_eq!(doc.title.as_deref(), Some("Putin to Visit North Korea and Vietnam"));
    assert_eq!(doc.byline.as_deref(), Some("Evan Berridge"));
    assert_eq!(doc.published, None, "no dates from body sentences");
    assert_gone(&doc.text, &["Evan Berridge", "Evan is an analyst", "More From Me", "Source: Reuters", "Source: AP"]);
    assert_kept(
        &doc.text,
        &[
            "Russian Federation President Vladimir Putin is scheduled to visit North Korea",
            "This visit would be the first in 24 years.",
            "It could also be a response to the increased support for Ukraine by Western nations providing aid.",
        ],
    );
}

#[test]
fn dev_texts_lose_junk_and_keep_their_last_sentences() {
    let Some(dir) = common::shared("corpus/dev/txt") else { return };
    let read = |n: &str| std::fs::read_to_string(dir.join(n)).unwrap_or_default();
    let d12 = clean_text(&read("d12.txt"));
    assert_gone(&d12, &["Accessibility links", "No media source", "0:00", "please wait"]);
    assert_kept(&d12, &["NATO leaders gathered Wednesday in Washington"]);
    let d16 = clean_text(&read("d16.txt"));
    assert_gone(&d16, &["Play Live Radio", "Pool photo via AP", "Nhac Nguyen", "pose for photos"]);
    assert_kept(&d16, &["HANOI, Vietnam (AP) — Russian President Vladimir Putin signed"]);
    let d05 = clean_text(&read("d05.txt"));
    assert_eq!(d05.matches("Orthodox Church of the Intercession").count(), 1, "repeated block kept once");
}

#[test]
fn long_many_line_text_is_cleaned_in_linear_time() {
    // 40,000 distinct lines (about 2.6 MB): the containment rule must not go quadratic.
    let raw: String = (0..40_000).map(|i| format!("Report number {i} says the convoy moved {} km north.\n", i * 7 % 997)).collect();
    let body = clean_text(&raw);
    assert_eq!(body.matches("\n\n").count(), 39_999);
}

/// Navigation bars set apart by spaces or bars, an author bio naming the byline's
/// author, and sign-up boilerplate are page furniture; the menu is not the title.
#[test]
fn menus_and_author_bios_are_dropped() {
    let raw = "Skip to content\nHarbour Gazette\nSubscribe | Log in\nHome  World  Politics  Opinion\n\n\
               Houthis claim missile strike on cargo ship\n\nBy Daniel Okafor and Layla Haddad\n\n\
               Yemen's Houthi rebels said on Tuesday that they had fired missiles at a cargo vessel in the Red Sea.\n\n\
               The US military said the ship was not hit.\n\n\
               By signing up you agree to our terms.\n\n\
               Daniel Okafor covers defence and security. Layla Haddad reports on the Gulf from Dubai.\n\n\
               © 2025 Harbour Gazette. All rights reserved.\n";
    let doc = dyad_doc::prepare(dyad_doc::RawDocument {
        id: "t".into(),
        source: "t".into(),
        format: dyad_doc::Format::Text,
        content: raw.into(),
        given: Default::default(),
    });
    assert_eq!(doc.title.as_deref(), Some("Houthis claim missile strike on cargo ship"));
    assert_eq!(doc.outlet.as_deref(), Some("Harbour Gazette"));
    assert_eq!(doc.byline.as_deref(), Some("Daniel Okafor and Layla Haddad"));
    for junk in ["Subscribe", "Home", "By signing up", "covers defence", "All rights reserved"] {
        assert!(!doc.text.contains(junk), "{junk:?} left in:\n{}", doc.text);
    }
    assert!(doc.text.starts_with("Yemen's Houthi rebels said on Tuesday"), "{}", doc.text);
    assert!(doc.text.contains("The US military said the ship was not hit."));
}
