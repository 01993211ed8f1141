//! Words that keep their period: titles, month and day abbreviations, company and
//! other abbreviations, initials and dotted acronyms ("U.S.", "Ph.D.").

/// What an abbreviation is, which decides whether it may end a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevKind {
    /// "Mr.", "Dr.", "Gen.": always followed by a name, never sentence-final.
    Title,
    /// A capital letter and a period ("J."): a middle initial, never sentence-final.
    Initial,
    /// "Oct.", "Tue.": followed by a day or date, never sentence-final.
    Date,
    /// "No.": only before a number.
    Number,
    /// "U.S.", "Inc.", "etc.", "a.m.": may end a sentence (see the splitter).
    Other,
}

const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Sen", "Sens", "Rep", "Reps", "Gov", "Lt", "Col", "Maj",
    "Capt", "Cpt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Cmdt", "Brig", "Rev", "Hon", "Pres", "Supt", "Atty",
    "Amb", "Insp", "Fr", "Msgr", "St", "Mt", "Ft", "Sr", "Jr", "Mme", "Mlle", "Lieut", "Gov", "Pfc", "Spc",
];

const DATES: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues",
    "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
];

const OTHERS: &[&str] = &[
    "Inc", "Corp", "Co", "Ltd", "v", "pop", "Ont", "Que", "Bros", "Cos", "Plc", "PLC", "LLC", "vs", "etc", "approx", "Dept", "Univ", "Ave",
    "Blvd", "Rd", "Assn", "Est", "Fig", "Vol", "Vols", "pp", "ca", "cf", "al", "Nos", "Ref", "Sec", "est", "min",
    "max", "mln", "bln", "yr", "yrs", "Calif", "Mass", "Conn", "Ill", "Ariz", "Ore", "Wash", "Penn", "Fla",
    "Mich", "Minn", "Wis", "Tenn", "Okla", "Kan", "Ala", "Ark", "Colo", "Del", "Nev", "Ky", "Va", "Md",
];

/// Classifies `word` (without its final period) as an abbreviation, or `None`.
/// `next_is_digit` says whether the next non-space character is a digit ("No. 1").
pub fn classify(word: &[char], next_is_digit: bool) -> Option<AbbrevKind> {
    match word.len() {
        0 => return None,
        1 if word[0].is_uppercase() => return Some(AbbrevKind::Initial),
        _ => {}
    }
    if word.contains(&'.') {
        // Dotted: every segment one to three letters ("U.S", "Ph.D", "a.m", "e.g").
        let mut seg = 0usize;
        for &c in word {
            if c == '.' {
                if seg == 0 {
                    return None;
                }
                seg = 0;
            } else if c.is_alphabetic() && seg < 3 {
                seg += 1;
            } else {
                return None;
            }
        }
        return (seg > 0).then_some(AbbrevKind::Other);
    }
    if word.len() > 6 || !word.iter().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut buf = [0u8; 6];
    for (b, c) in buf.iter_mut().zip(word) {
        *b = *c as u8;
    }
    let s = std::str::from_utf8(&buf[..word.len()]).unwrap_or("");
    if s == "No" || s == "no" || s == "Nos" {
        return next_is_digit.then_some(AbbrevKind::Number);
    }
    if TITLES.contains(&s) {
        return Some(AbbrevKind::Title);
    }
    if DATES.contains(&s) {
        return Some(AbbrevKind::Date);
    }
    if OTHERS.contains(&s) {
        return Some(AbbrevKind::Other);
    }
    None
}

/// Words that, capitalised after an abbreviation such as "U.S." or "Inc.", show that
/// a new sentence has begun: closed-class words that rarely continue a name.
pub fn starts_sentence(word: &str) -> bool {
    const STARTERS: &[&str] = &[
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "There",
        "In", "On", "At", "But", "And", "Or", "So", "Yet", "If", "When", "While", "After", "Before", "As", "Since",
        "Although", "Though", "His", "Her", "Its", "Their", "Our", "My", "Your", "Some", "Many", "Most", "Both",
        "Neither", "Such", "Meanwhile", "However", "Still", "Also", "Then", "Now", "Last", "Earlier", "Later",
        "According", "Asked", "What", "Why", "How", "Who", "Where", "No", "Not", "Other", "Another", "One", "Two",
        "For", "From", "With", "By", "Under", "Despite", "Instead", "Each", "All", "Any",
    ];
    STARTERS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn classifies_news_abbreviations() {
        assert_eq!(classify(&c("U.S"), false), Some(AbbrevKind::Other));
        assert_eq!(classify(&c("Ph.D"), false), Some(AbbrevKind::Other));
        assert_eq!(classify(&c("Dr"), false), Some(AbbrevKind::Title));
        assert_eq!(classify(&c("Oct"), false), Some(AbbrevKind::Date));
        assert_eq!(classify(&c("J"), false), Some(AbbrevKind::Initial));
        assert_eq!(classify(&c("No"), true), Some(AbbrevKind::Number));
        assert_eq!(classify(&c("No"), false), None);
        assert_eq!(classify(&c("Korea"), false), None);
        assert_eq!(classify(&c("1.5"), false), None);
        assert_eq!(classify(&c("a"), false), None);
    }
}
