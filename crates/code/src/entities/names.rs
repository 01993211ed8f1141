//! When two written names are the same name: "Kim Jong-Un" = "Kim Jong Un" =
//! "Kim Jung Un", and "Putin" is part of "Vladimir Putin".

/// The words of a name, lower-cased, split at spaces and hyphens, punctuation dropped.
pub(crate) fn parts(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == '-' || c == '‐')
        .map(|w| w.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Levenshtein distance, for short words.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb { prev } else { 1 + prev.min(cur).min(row[j]) };
            prev = cur;
        }
    }
    row[b.len()]
}

/// Two words of a name agree: equal, or one letter apart in a given name of four
/// letters or more ("Jong"/"Jung" needs three: Korean given names are short).
fn word_agrees(a: &str, b: &str) -> bool {
    a == b || (a.chars().count() >= 3 && b.chars().count() >= 3 && distance(a, b) <= 1 && a.chars().next() == b.chars().next())
}

/// Same full name, spelled alike: same number of words, the last (or, for names
/// written family name first, the first) equal and the others agreeing.
pub(crate) fn same_name(a: &[String], b: &[String]) -> bool {
    if a.len() != b.len() || a.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let n = a.len();
    let family_last = a[n - 1] == b[n - 1];
    let family_first = a[0] == b[0];
    (family_last || family_first) && a.iter().zip(b).all(|(x, y)| word_agrees(x, y))
}

/// A shorter name is part of a longer one: "Putin" of "Vladimir Putin", "Kim" of
/// "Kim Jong Un", "Gould-Davies" of "Nigel Gould-Davies". Returns how well: 2 for the
/// last word(s), 1 for the first.
pub(crate) fn part_of(short: &[String], long: &[String]) -> Option<u8> {
    if short.is_empty() || short.len() >= long.len() {
        return None;
    }
    if long.ends_with(short) {
        return Some(2);
    }
    if long.starts_with(short) {
        return Some(1);
    }
    None
}

/// Initials of a multi-word name: "International Criminal Court" → "icc".
pub(crate) fn initials(parts: &[String]) -> String {
    parts
        .iter()
        .filter(|w| !matches!(w.as_str(), "of" | "the" | "for" | "and"))
        .filter_map(|w| w.chars().next())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Vec<String> {
        parts(s)
    }

    #[test]
    fn korean_name_variants_agree() {
        assert!(same_name(&p("Kim Jong-Un"), &p("Kim Jong Un")));
        assert!(same_name(&p("Kim Jung Un"), &p("Kim Jong Un")));
        assert!(!same_name(&p("Kim Yo Jong"), &p("Kim Jong Un")));
        assert!(!same_name(&p("Joe Biden"), &p("Hunter Biden")));
    }

    #[test]
    fn surnames_and_family_names_are_parts() {
        assert_eq!(part_of(&p("Putin"), &p("Vladimir Putin")), Some(2));
        assert_eq!(part_of(&p("Kim"), &p("Kim Jong Un")), Some(1));
        assert_eq!(part_of(&p("Ha"), &p("Yong-Chool Ha")), Some(2));
        assert_eq!(part_of(&p("Jong"), &p("Kim Jong Un")), None);
        assert_eq!(initials(&p("International Criminal Court")), "icc");
    }
}
