//! Which outlet published a scraped text, from the junk each site leaves in it.
use regex::Regex;
use std::sync::LazyLock;

/// A phrase only one outlet's pages carry, and that outlet's name. Phrases are
/// matched case-sensitively anywhere in the raw text; the first hit wins, so the more
/// specific site furniture comes before wire datelines.
const SIGNATURES: &[(&str, &str)] = &[
    ("Support independent journalism in Ukraine", "Kyiv Independent"),
    ("(The Kyiv Independent)", "Kyiv Independent"),
    ("Skip to more DW sites", "DW"),
    ("p.dw.com/", "DW"),
    ("www.dw.com/", "DW"),
    ("The Bay Area's Jazz Station to the World", "KCSM"),
    ("No media source currently available", "VOA"),
    ("/TASS/.", "TASS"),
    ("(Sputnik) -", "Sputnik"),
    ("Follow Sputnik’s live feed", "Sputnik"),
    ("(Reuters) -", "Reuters"),
    ("(AP) —", "AP"),
    ("(AFP) -", "AFP"),
];

/// Station and site slogans: lines that name the outlet and say nothing else.
const TAGLINES: &[&str] = &["The Bay Area's Jazz Station to the World"];

pub fn from_signatures(raw: &str) -> Option<&'static str> {
    SIGNATURES.iter().find(|(needle, _)| raw.contains(needle)).map(|(_, name)| *name)
}

/// "© 2024 Meridian Wire. All rights reserved."
static COPYRIGHT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^\s*(?:©|\(c\)|Copyright)\s*(?:\d{4}\s+)?([A-Z][\w&'’ ]{1,40}?)\.?\s+All rights reserved").unwrap());
/// "is the Pacific Ledger's Korea correspondent", "is Europe Today's diplomatic correspondent".
static STAFF_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bis (?:the )?((?:[A-Z][\w&]*\s?){1,4})['’]s (?:[\w-]+ ){0,3}(?:correspondent|reporter|editor|writer|columnist)\b").unwrap()
});

/// The outlet a page names as its own: its copyright line, or the staff title in
/// an author box.
pub fn from_self_reference(raw: &str) -> Option<String> {
    let found = COPYRIGHT.captures(raw).or_else(|| STAFF_OF.captures(raw))?;
    let name = found[1].trim();
    Some(name.strip_prefix("The ").unwrap_or(name).to_string())
}

pub fn is_tagline(line: &str) -> bool {
    TAGLINES.contains(&line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_that_name_themselves() {
        assert_eq!(from_self_reference("Text.\n\n© 2024 Meridian Wire. All rights reserved.\n").as_deref(), Some("Meridian Wire"));
        assert_eq!(
            from_self_reference("Hana Seo is the Pacific Ledger's Korea correspondent.").as_deref(),
            Some("Pacific Ledger")
        );
        assert_eq!(from_self_reference("Kim said the treaty is the country's best hope."), None);
    }

    #[test]
    fn signatures() {
        assert_eq!(from_signatures("Skip to content\nSupport independent journalism in Ukraine. Join us."), Some("Kyiv Independent"));
        assert_eq!(from_signatures("1. Skip to content\n 3. Skip to more DW sites\n"), Some("DW"));
        assert_eq!(from_signatures("KYIV (Reuters) - Ukraine said"), Some("Reuters"));
        assert_eq!(from_signatures("Ukraine said on Monday."), None);
    }
}
