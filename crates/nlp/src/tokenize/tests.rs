use super::*;

/// Tokens of `text`, after checking that every token is the slice of the input at
/// its character offsets.
fn toks(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let tokens = tokens(text);
    for t in &tokens {
        let slice: String = chars[t.start..t.end].iter().collect();
        assert_eq!(t.text, slice, "offsets of {:?} in {:?}", t.text, text);
    }
    tokens.into_iter().map(|t| t.text).collect()
}

fn sents(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    sentences(text)
        .into_iter()
        .map(|s| {
            for t in &s.tokens {
                assert_eq!(t.text, chars[t.start..t.end].iter().collect::<String>());
            }
            chars[s.start..s.end].iter().collect()
        })
        .collect()
}

#[test]
fn splits_clitics_the_ud_way() {
    assert_eq!(toks("I can't go, he won't."), ["I", "ca", "n't", "go", ",", "he", "wo", "n't", "."]);
    assert_eq!(toks("They don’t know"), ["They", "do", "n’t", "know"]);
    assert_eq!(toks("Korea's and Russia’s ties"), ["Korea", "'s", "and", "Russia", "’s", "ties"]);
    assert_eq!(toks("we're we'll I've I'd I'm"), ["we", "'re", "we", "'ll", "I", "'ve", "I", "'d", "I", "'m"]);
    assert_eq!(toks("You cannot stop"), ["You", "can", "not", "stop"]);
    assert_eq!(toks("the leaders' meeting"), ["the", "leaders", "'", "meeting"]);
    assert_eq!(toks("O'Brien said"), ["O'Brien", "said"]);
    assert_eq!(toks("in the '90s"), ["in", "the", "'90s"]);
    assert_eq!(toks("Kim Jong-Un's visit"), ["Kim", "Jong-Un", "'s", "visit"]);
}

#[test]
fn keeps_abbreviations_and_initials() {
    assert_eq!(toks("U.S. and U.N. officials"), ["U.S.", "and", "U.N.", "officials"]);
    assert_eq!(toks("on Oct. 13, Dr. Ha met Gen. Lee"), ["on", "Oct.", "13", ",", "Dr.", "Ha", "met", "Gen.", "Lee"]);
    assert_eq!(toks("Sen. Joe Smith Jr. and Mr. Ian J. Storey, Ph.D."), [
        "Sen.", "Joe", "Smith", "Jr.", "and", "Mr.", "Ian", "J.", "Storey", ",", "Ph.D."
    ]);
    assert_eq!(toks("at 9 a.m. today"), ["at", "9", "a.m.", "today"]);
    assert_eq!(toks("ranked No. 1"), ["ranked", "No.", "1"]);
    assert_eq!(toks("He said no."), ["He", "said", "no", "."]);
}

#[test]
fn numbers_money_and_percentages() {
    assert_eq!(toks("$1.5 billion"), ["$", "1.5", "billion"]);
    assert_eq!(toks("5,000 shells, 10.5% more"), ["5,000", "shells", ",", "10.5", "%", "more"]);
    assert_eq!(toks("at 3:30 on 2024-06-18"), ["at", "3:30", "on", "2024-06-18"]);
    assert_eq!(toks("(€20m)"), ["(", "€", "20m", ")"]);
}

#[test]
fn quotes_dashes_and_ellipses() {
    assert_eq!(toks("\"We will,\" he said."), ["\"", "We", "will", ",", "\"", "he", "said", "."]);
    assert_eq!(toks("“It is ‘historic’,” Kim said."), [
        "“", "It", "is", "‘", "historic", "’", ",", "”", "Kim", "said", "."
    ]);
    assert_eq!(toks("Putin—who arrived late—spoke"), ["Putin", "—", "who", "arrived", "late", "—", "spoke"]);
    assert_eq!(toks("2019–2023 and 2000 -- then"), ["2019", "–", "2023", "and", "2000", "--", "then"]);
    assert_eq!(toks("wait... and… more"), ["wait", "...", "and", "…", "more"]);
    assert_eq!(toks("a two-part, far-reaching deal"), ["a", "two-part", ",", "far-reaching", "deal"]);
    assert_eq!(toks("Yong-Chool (KCNA):"), ["Yong-Chool", "(", "KCNA", ")", ":"]);
}

#[test]
fn links_stay_whole() {
    assert_eq!(toks("See https://kyivindependent.com/news?id=1."), [
        "See",
        "https://kyivindependent.com/news?id=1",
        "."
    ]);
    assert_eq!(toks("(mail news@dw.com, @dwnews #NorthKorea)"), [
        "(", "mail", "news@dw.com", ",", "@dwnews", "#NorthKorea", ")"
    ]);
    assert_eq!(toks("www.example.org."), ["www.example.org", "."]);
}

#[test]
fn offsets_count_characters_not_bytes() {
    let text = "Über “Kim” — ok";
    let t = tokens(text);
    assert_eq!(t[0].start, 0);
    assert_eq!(t[0].end, 4);
    assert_eq!(t[1].text, "“");
    assert_eq!(t[1].start, 5);
    assert_eq!(t.last().unwrap().end, text.chars().count());
}

#[test]
fn splits_news_sentences() {
    let text = "Russian President Vladimir Putin landed in Pyongyang on June 18. The White House announced on Oct. 13 that North Korea had delivered shells. Dr. Ha disagreed.";
    assert_eq!(sents(text), [
        "Russian President Vladimir Putin landed in Pyongyang on June 18.",
        "The White House announced on Oct. 13 that North Korea had delivered shells.",
        "Dr. Ha disagreed."
    ]);
}

#[test]
fn splits_after_quotes_and_questions() {
    let text = "\"We will win.\" Kim said so. \"Why?\" he asked. Is it over? Yes!";
    assert_eq!(sents(text), ["\"We will win.\"", "Kim said so.", "\"Why?\" he asked.", "Is it over?", "Yes!"]);
    assert_eq!(sents("He left (finally.) Then"), ["He left (finally.)", "Then"]);
}

#[test]
fn abbreviations_end_sentences_only_before_a_sentence_opener() {
    assert_eq!(sents("U.S. officials met Ian J. Storey. He left."), ["U.S. officials met Ian J. Storey.", "He left."]);
    assert_eq!(sents("He flew to the U.S. The talks ended."), ["He flew to the U.S.", "The talks ended."]);
    assert_eq!(sents("The U.S. President spoke."), ["The U.S. President spoke."]);
    assert_eq!(sents("Samsung Electronics Co. Chairman Lee spoke."), ["Samsung Electronics Co. Chairman Lee spoke."]);
}

#[test]
fn blank_lines_end_sentences() {
    let text = "Putin visits Pyongyang\n\nRussian President Vladimir Putin arrived.\nHe met Kim.";
    assert_eq!(sents(text), ["Putin visits Pyongyang", "Russian President Vladimir Putin arrived.", "He met Kim."]);
    assert!(sentences("").is_empty());
    assert!(sentences(" \n\n ").is_empty());
}

#[test]
fn ellipsis_ends_a_sentence_only_before_a_capital() {
    assert_eq!(sents("It was... odd. So... Then it ended."), ["It was... odd.", "So...", "Then it ended."]);
}

#[test]
fn datelines_stand_apart_from_the_sentence_they_open() {
    assert_eq!(
        sents("HANOI, Vietnam (AP) — Russian President Vladimir Putin arrived on Thursday."),
        ["HANOI, Vietnam (AP) —", "Russian President Vladimir Putin arrived on Thursday."]
    );
    assert_eq!(sents("WASHINGTON - Joe Biden welcomes the heads of NATO."), ["WASHINGTON -", "Joe Biden welcomes the heads of NATO."]);
    assert_eq!(sents("Kyiv: Russian President Vladimir Putin on Wednesday described it."), ["Kyiv:", "Russian President Vladimir Putin on Wednesday described it."]);
    // Not datelines: a name before a hyphenated aside, a lower-case word, a colon in running text.
    assert_eq!(sents("Kim - who rarely travels - went to Russia."), ["Kim - who rarely travels - went to Russia."]);
    assert_eq!(sents("Russia-Ukraine war: talks stall."), ["Russia-Ukraine war: talks stall."]);
    assert_eq!(sents("The message was clear: Moscow will not back down."), ["The message was clear: Moscow will not back down."]);
}

#[test]
fn slashes_between_words_and_run_together_sentences_are_split() {
    // A photo credit: photographer, agency, wire.
    assert_eq!(toks("Photo: Gavriil Grigorov/Kremlin/dpa"), [
        "Photo", ":", "Gavriil", "Grigorov", "/", "Kremlin", "/", "dpa"
    ]);
    assert_eq!(toks("talks with ENA/Enron and/or others"), ["talks", "with", "ENA", "/", "Enron", "and", "/", "or", "others"]);
    assert_eq!(toks("w/o an I/C at 24/7 or 50 km/h"), ["w/o", "an", "I/C", "at", "24/7", "or", "50", "km/h"]);
    assert_eq!(toks("see example.com/news/World"), ["see", "example.com/news/World"]);
    // A scraper glued a "Follow us" box to the last sentence.
    assert_eq!(toks("at Seoul National University.Follow us"), ["at", "Seoul", "National", "University", ".", "Follow", "us"]);
    assert_eq!(toks("Dr.Michael has a Ph.D from St.Petersburg"), ["Dr.", "Michael", "has", "a", "Ph.D", "from", "St.", "Petersburg"]);
    assert_eq!(toks("node.js, U.S.A, Newsfeeds.Com and Mc.Donalds"), [
        "node.js", ",", "U.S.A", ",", "Newsfeeds.Com", "and", "Mc.Donalds"
    ]);
}
