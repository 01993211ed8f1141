//! Which outlet published a scraped text, from the junk each site leaves in it.

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

pub fn is_tagline(line: &str) -> bool {
    TAGLINES.contains(&line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures() {
        assert_eq!(from_signatures("Skip to content\nSupport independent journalism in Ukraine. Join us."), Some("Kyiv Independent"));
        assert_eq!(from_signatures("1. Skip to content\n 3. Skip to more DW sites\n"), Some("DW"));
        assert_eq!(from_signatures("KYIV (Reuters) - Ukraine said"), Some("Reuters"));
        assert_eq!(from_signatures("Ukraine said on Monday."), None);
    }
}
