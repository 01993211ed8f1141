//! Entity labels, and the IOB tags the sequence model predicts.

/// An entity type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    Per,
    Org,
    Loc,
    Gpe,
    Norp,
    Date,
}

impl Label {
    pub const ALL: [Label; 6] = [Label::Per, Label::Org, Label::Loc, Label::Gpe, Label::Norp, Label::Date];

    pub fn as_str(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Gpe => "GPE",
            Label::Norp => "NORP",
            Label::Date => "DATE",
        }
    }

    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// The types the statistical model learns (from UNER, with `OTH` as NORP); GPE and
/// DATE come from the gazetteer and the date rules.
pub const MODEL_TYPES: [Label; 4] = [Label::Per, Label::Org, Label::Loc, Label::Norp];

/// Number of model classes: O, then B and I for each model type.
pub const N_TAGS: usize = 1 + 2 * MODEL_TYPES.len();

/// Tag index 0 is O; `1 + 2k` is B of type k, `2 + 2k` is I of type k.
pub fn tag_of(label: Label, inside: bool) -> Option<usize> {
    let k = MODEL_TYPES.iter().position(|&l| l == label)?;
    Some(1 + 2 * k + inside as usize)
}

/// (type, is-inside) of a tag, `None` for O.
pub fn type_of(tag: usize) -> Option<(Label, bool)> {
    (tag > 0 && tag < N_TAGS).then(|| (MODEL_TYPES[(tag - 1) / 2], (tag - 1) % 2 == 1))
}

/// Tag names, used as feature parts for the previous tags.
pub const TAG_NAMES: [&str; N_TAGS + 1] =
    ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-NORP", "I-NORP", "<s>"];

/// Which tags may follow `prev` (an I tag only continues its own type).
pub fn allowed_after(prev: usize) -> [bool; N_TAGS] {
    let mut a = [true; N_TAGS];
    for (t, ok) in a.iter_mut().enumerate() {
        if let Some((label, true)) = type_of(t) {
            *ok = matches!(type_of(prev), Some((l, _)) if l == label);
        }
    }
    a
}

/// Token spans `[start, end)` with their types, from a tag sequence.
pub fn spans_of(tags: &[usize]) -> Vec<(usize, usize, Label)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, Label)> = None;
    for (i, &t) in tags.iter().enumerate() {
        match type_of(t) {
            Some((l, true)) if matches!(cur, Some((_, c)) if c == l) => {}
            Some((l, _)) => {
                if let Some((s, c)) = cur.take() {
                    out.push((s, i, c));
                }
                cur = Some((i, l));
            }
            None => {
                if let Some((s, c)) = cur.take() {
                    out.push((s, i, c));
                }
            }
        }
    }
    if let Some((s, c)) = cur {
        out.push((s, tags.len(), c));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_to_spans() {
        let b_per = tag_of(Label::Per, false).unwrap();
        let i_per = tag_of(Label::Per, true).unwrap();
        let b_loc = tag_of(Label::Loc, false).unwrap();
        assert_eq!(spans_of(&[0, b_per, i_per, 0, b_loc, b_loc]), [(1, 3, Label::Per), (4, 5, Label::Loc), (5, 6, Label::Loc)]);
        assert!(!allowed_after(0)[i_per]);
        assert!(allowed_after(b_per)[i_per]);
        assert!(tag_of(Label::Gpe, false).is_none());
    }
}
