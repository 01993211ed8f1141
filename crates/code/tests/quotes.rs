//! Direct and indirect quotes on real sentences: who said what, and what is not a quote.
use dyad_code::entities;
use dyad_code::quotes;
use dyad_code::record::{Quote, QuoteKind};
use std::path::PathBuf;

fn quotes_of(text: &str) -> Vec<Quote> {
    let sentences = dyad_nlp::tokenize::sentences(text);
    let ents = entities::resolve(&sentences, text, None, None);
    quotes::find(text, &sentences, &ents)
}

fn speaker(q: &Quote) -> &str {
    q.speaker.name.as_deref().unwrap_or("")
}

/// The quote whose text starts with `start`.
fn starting<'a>(qs: &'a [Quote], start: &str) -> Option<&'a Quote> {
    qs.iter().find(|q| q.text.starts_with(start))
}

#[test]
fn speaker_after_the_quote_resolved_to_full_name_with_description() {
    let text = "Yong-Chool Ha, director of the Center for Korea Studies at the Henry M. Jackson School of International Studies, University of Washington, spoke to DW.\n\n\"It remains to be seen how far Russia will go with North Korea regarding military cooperation,\" says Ha.";
    let qs = quotes_of(text);
    let q = starting(&qs, "It remains to be seen").expect("the quote is found");
    assert_eq!(speaker(q), "Yong-Chool Ha");
    assert_eq!(q.speaker.text, "Ha");
    assert_eq!(q.kind, QuoteKind::Direct);
    let d = q.speaker.description.as_deref().unwrap_or("");
    assert!(d.starts_with("director of the Center for Korea Studies"), "{d}");
    assert_eq!(&text.chars().skip(q.span[0]).take(10).collect::<String>(), "It remains");
}

#[test]
fn inverted_speaker_with_appositive() {
    let text = "\"The list of countries willing to welcome Putin is shorter than ever, but for Kim Jong Un, this visit is a victory,\" said Leif-Eric Easley, professor of international studies at the Ewha Womans University in South Korea.";
    let qs = quotes_of(text);
    let q = starting(&qs, "The list of countries").expect("quote");
    assert_eq!(speaker(q), "Leif-Eric Easley");
    assert!(q.speaker.description.as_deref().unwrap_or("").starts_with("professor of international studies"));
}

#[test]
fn speaker_before_the_quote_with_colon() {
    let text = "While speaking at the Stimson Center on June 12th, Campbell stated: “Hard currency? Is it energy? We don’t know. But we’re concerned by that and watching carefully.”";
    let qs = quotes_of(text);
    let q = starting(&qs, "Hard currency?").expect("quote");
    assert_eq!(speaker(q), "Campbell");
}

#[test]
fn pronoun_speaker_is_the_person_introduced_before() {
    let text = "Yakov Zinberg, a Russian-born professor of international relations at Japan's Kokushikan University, sees Putin's visit to Pyongyang as \"threatening.\"\n\n\"This is a calculated threat to the US-South Korean-Japanese security alliance in the region,\" he said.";
    let qs = quotes_of(text);
    assert!(starting(&qs, "threatening").is_none(), "a one-word scare quote is no quote");
    let q = starting(&qs, "This is a calculated threat").expect("quote");
    assert_eq!(speaker(q), "Yakov Zinberg");
    assert_eq!(q.speaker.text, "he");
}

#[test]
fn she_told_dw_after_an_introduction() {
    let text = "Lim Eun-jung, an associate professor of international studies at South Korea's Kongju National University, adds that Kim made the \"strategic choice\" to support Russia from the outset.\n\n\"Kim went to the Vostochy Cosmodrome in the Russian Far East in September last year,\" she told DW.";
    let qs = quotes_of(text);
    let q = starting(&qs, "Kim went to the Vostochy").expect("quote");
    assert_eq!(speaker(q), "Lim Eun-jung");
}

#[test]
fn interrupted_quote_is_one_utterance() {
    let text = "Foreign Minister Dmytro Kuleba spoke on Monday. \"We will not back down from this position,\" he said, \"and we will defend every inch of our land.\"";
    let qs = quotes_of(text);
    let direct: Vec<&Quote> = qs.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
    assert_eq!(direct.len(), 1, "{direct:?}");
    assert_eq!(speaker(direct[0]), "Dmytro Kuleba");
    assert!(direct[0].text.contains("every inch"));
}

#[test]
fn multi_paragraph_quote_keeps_its_speaker() {
    let text = "\"It's good that we're stronger than ever,\" Biden said, speaking at the beginning of the three-day summit. \"Because this moment in history calls for our collective strength.\n\n\"Autocrats want to overturn global order, which has been kept for nearly 80 years and counting.\"";
    let qs = quotes_of(text);
    for start in ["It's good that", "Because this moment", "Autocrats want"] {
        let q = starting(&qs, start).unwrap_or_else(|| panic!("{start}: {qs:?}"));
        assert_eq!(speaker(q), "Biden", "{start}");
    }
}

#[test]
fn speaker_in_the_previous_sentence() {
    let text = "Zelenskyy joked: “I’m better” than Putin. Biden agreed. “You’re a hell of a lot better than he is, my friend.”";
    let qs = quotes_of(text);
    assert!(starting(&qs, "I’m better").is_none(), "two words are no direct quote");
    assert_eq!(starting(&qs, "You’re a hell").map(speaker), Some("Biden"));
}

#[test]
fn speaker_in_the_next_sentence() {
    let text = "Maria Zakharova spoke on Friday.\n\n\"The U.S. airstrikes on Yemen are an example of the perversion of resolutions.\" Zakharova said.";
    let qs = quotes_of(text);
    assert_eq!(starting(&qs, "The U.S. airstrikes").map(speaker), Some("Maria Zakharova"));
}

#[test]
fn indirect_quotes_with_and_without_that() {
    let text = "Commander-in-Chief Oleksandr Syrskyi said on Aug. 13 that Ukraine's Armed Forces advanced 3 kilometers. Russia said it had requested an urgent meeting of the United Nations Security Council.";
    let qs = quotes_of(text);
    let q = starting(&qs, "Ukraine's Armed Forces advanced").expect("after that");
    assert_eq!(speaker(q), "Oleksandr Syrskyi");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(starting(&qs, "it had requested").map(speaker), Some("Russia"));
}

#[test]
fn indirect_quote_with_the_speaker_after_it() {
    let text = "Ukraine is setting up a commandant’s office in the town, Zelensky said, while more than 80 settlements in Kursk have now fallen.";
    let qs = quotes_of(text);
    // The knowledge tables give the full name the text leaves out.
    assert_eq!(starting(&qs, "Ukraine is setting up").map(speaker), Some("Volodymyr Zelensky"));
}

#[test]
fn told_reporters_and_the_hearer_is_not_the_speaker() {
    let text = "White House spokesperson John Kirby reportedly told media outlets on Air Force One that the US is \"not interested\" in a war with Yemen.";
    let qs = quotes_of(text);
    let q = starting(&qs, "the US is").expect("indirect quote with a short fragment");
    assert_eq!(speaker(q), "John Kirby");
    assert_eq!(q.kind, QuoteKind::Indirect);
}

#[test]
fn according_to() {
    let text = "According to TASS, the two leaders will sign a strategic partnership treaty on Wednesday.";
    let qs = quotes_of(text);
    assert_eq!(starting(&qs, "the two leaders will sign").map(speaker), Some("TASS"));
}

#[test]
fn scare_quotes_titles_and_metonyms_are_not_quotes() {
    let text = "Both sides are scheduled to sign a \"strategic partnership treaty,\" and TASS heralded the deal as an \"answer to Asian NATO,\" a media-friendly term. Moscow claims the strikes were illegal. Officials said the talks went well.";
    let qs = quotes_of(text);
    assert!(qs.is_empty(), "{qs:?}");
}

#[test]
fn an_indirect_report_that_quotes_five_words_lists_the_direct_part_only() {
    let text = "Putin said the relationship between the two countries was \"based on the principles of equality, mutual respect and trust.\"";
    let qs = quotes_of(text);
    assert_eq!(qs.len(), 1, "{qs:?}");
    assert_eq!(qs[0].kind, QuoteKind::Direct);
    assert!(qs[0].text.starts_with("based on the principles"));
    assert_eq!(speaker(&qs[0]), "Vladimir Putin");
}

#[test]
fn a_description_names_the_speaker() {
    let text = "Russian President Vladimir Putin arrived in Beijing on Thursday. The Russian leader told reporters that the document \"sets new ambitious tasks and long-term objectives for the development of relations.\"";
    let qs = quotes_of(text);
    assert_eq!(starting(&qs, "sets new ambitious").map(speaker), Some("Vladimir Putin"));
}

#[test]
fn odd_input_never_panics() {
    for text in [
        "",
        "\"",
        "“”",
        "'",
        "\"\"\" said",
        "said \"",
        "He said: “",
        "“Unclosed quote runs on\n\n“and on,” he said, “",
        ", said ,",
        "According to",
        "according to the",
        "The leaders said",
        "\u{200B}\"x\" said Y.",
        "A\nB\n\n\"C D E F G,\" Z said.\n",
    ] {
        let _ = quotes_of(text);
    }
}

fn seeds_dir() -> Option<PathBuf> {
    let mut dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    while !dir.join("Cargo.lock").exists() {
        if !dir.pop() {
            return None;
        }
    }
    let seeds = dir.join("../shared/corpus/seeds");
    seeds.is_dir().then_some(seeds)
}

/// Every quote of the named experts in the seed articles, with the right speaker.
#[test]
fn seed_articles_quote_the_experts() {
    let Some(dir) = seeds_dir() else {
        eprintln!("skipped: ../shared/corpus/seeds not found");
        return;
    };
    let mut by_speaker: std::collections::HashMap<String, usize> = Default::default();
    let mut all = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("seeds readable") {
        let path = entry.expect("entry").path();
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        for q in quotes_of(&text) {
            *by_speaker.entry(speaker(&q).to_string()).or_default() += 1;
            all.push(q);
        }
    }
    // (speaker, how many quotes at least, a quote that must be theirs)
    let expected = [
        ("Yong-Chool Ha", 5, "On the part of Putin, the trip means"),
        ("John Kirby", 1, "We're certainly going to be watching"),
        ("Ian J. Storey", 5, "Vietnam did not condemn Russia's invasion"),
        ("Leif-Eric Easley", 5, "The list of countries willing to welcome"),
        ("Yakov Zinberg", 1, "This is a calculated threat"),
        ("Lim Eun-jung", 2, "Kim went to the Vostochy Cosmodrome"),
        ("Kurt Campbell", 1, "Hard currency?"),
    ];
    for (name, n, start) in expected {
        let got = by_speaker.get(name).copied().unwrap_or(0);
        assert!(got >= n, "{name}: {got} quotes, want {n}; speakers {by_speaker:?}");
        let q = all.iter().find(|q| q.text.starts_with(start)).unwrap_or_else(|| panic!("no quote starting {start:?}"));
        assert_eq!(speaker(q), name, "{start}");
    }
    for scare in ["strategic partnership treaty", "answer to Asian NATO", "rules-based order", "concerning", "threatening"] {
        assert!(!all.iter().any(|q| q.kind == QuoteKind::Direct && q.text.starts_with(scare)), "scare quote {scare} listed");
    }
}
