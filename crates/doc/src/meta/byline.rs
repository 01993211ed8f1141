//! Bylines: "By Jane Doe", "by Jane Doe June 19, 2024 12:32 AM 6 min read",
//! "By A. Smith , B. Jones and C. Brown".

/// A line that starts with "By" and a capitalised name, short, not a sentence.
pub fn is_byline(text: &str, words: usize) -> bool {
    words <= 24 && !text.ends_with('.') && name_after_by(text).is_some()
}

/// The names after "By", up to a date, a time or other trailing matter.
pub fn name_after_by(text: &str) -> Option<String> {
    let text = text.strip_prefix("Written ").or_else(|| text.strip_prefix("Words ")).unwrap_or(text);
    let rest = text.strip_prefix("By ").or_else(|| text.strip_prefix("by ")).or_else(|| text.strip_prefix("BY "))?;
    let mut names: Vec<&str> = Vec::new();
    for tok in rest.split(' ') {
        let bare = tok.trim_end_matches([',', ';']);
        let starts_upper = bare.chars().next().is_some_and(char::is_uppercase);
        let is_joiner = matches!(bare, "and" | "&" | "," | "") || tok == ",";
        let is_particle = matches!(bare, "de" | "van" | "von" | "der" | "bin" | "al" | "da" | "du" | "le" | "la" | "del" | "dos");
        if is_month(bare) || bare.chars().next().is_some_and(|c| c.is_ascii_digit()) || (!starts_upper && !is_joiner && !is_particle) {
            break;
        }
        if starts_upper && bare.chars().any(|c| !(c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))) {
            break;
        }
        names.push(tok);
        if tok.ends_with(['|', '•']) {
            break;
        }
    }
    while names.last().is_some_and(|t| matches!(t.trim_end_matches(','), "and" | "&" | "")) {
        names.pop();
    }
    let capitals = names.iter().filter(|t| t.chars().next().is_some_and(char::is_uppercase)).count();
    if capitals < 2 {
        return None;
    }
    let joined = names.join(" ").replace(" ,", ",");
    Some(joined.trim_end_matches([',', ' ']).to_string())
}

fn is_month(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    [
        "Jan", "January", "Feb", "February", "Mar", "March", "Apr", "April", "May", "Jun", "June", "Jul", "July",
        "Aug", "August", "Sep", "Sept", "September", "Oct", "October", "Nov", "November", "Dec", "December",
        "Published", "Updated", "Posted",
    ]
    .contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(name_after_by("by Katie Marie Davies June 19, 2024 12:32 AM 6 min read").as_deref(), Some("Katie Marie Davies"));
        assert_eq!(
            name_after_by("By Trevor Hunnicutt , Patricia Zengerle and Sabine Siebold").as_deref(),
            Some("Trevor Hunnicutt, Patricia Zengerle and Sabine Siebold")
        );
        assert_eq!(name_after_by("By Ana de la Cruz, Reuters").as_deref(), Some("Ana de la Cruz, Reuters"));
        assert_eq!(name_after_by("By picking China for his first trip"), None);
        assert_eq!(name_after_by("Written by Hana Seo in Seoul").as_deref(), Some("Hana Seo"));
        assert_eq!(name_after_by("By Thursday"), None);
        assert!(!is_byline("By Thursday, Russia's Army had pulled back.", 7));
    }
}
