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

/// Where a token is in its entity span: first, inside, last, or the whole span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Begin,
    Inside,
    Last,
    Unit,
}

impl Part {
    const ALL: [Part; 4] = [Part::Begin, Part::Inside, Part::Last, Part::Unit];

    /// The part of token `k` of a span of `len` tokens.
    pub fn at(k: usize, len: usize) -> Part {
        match (k == 0, k + 1 == len) {
            (true, true) => Part::Unit,
            (true, false) => Part::Begin,
            (false, true) => Part::Last,
            (false, false) => Part::Inside,
        }
    }

    /// Whether the span goes on after this token.
    fn continues(self) -> bool {
        matches!(self, Part::Begin | Part::Inside)
    }
}

/// Number of model classes: O, then B, I, L and U (BILOU) for each model type.
pub const N_TAGS: usize = 1 + 4 * MODEL_TYPES.len();

/// Tag index 0 is O; `1 + 4k + part` is the part of a span of type k.
pub fn tag_of(label: Label, part: Part) -> Option<usize> {
    let k = MODEL_TYPES.iter().position(|&l| l == label)?;
    Some(1 + 4 * k + part as usize)
}

/// (type, part) of a tag, `None` for O.
pub fn type_of(tag: usize) -> Option<(Label, Part)> {
    (tag > 0 && tag < N_TAGS).then(|| (MODEL_TYPES[(tag - 1) / 4], Part::ALL[(tag - 1) % 4]))
}

/// Tag names, used as feature parts for the previous tags.
pub const TAG_NAMES: [&str; N_TAGS + 1] = [
    "O", "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG", "L-ORG", "U-ORG", "B-LOC", "I-LOC", "L-LOC", "U-LOC", "B-NORP",
    "I-NORP", "L-NORP", "U-NORP", "<s>",
];

/// Which tags may follow `prev`: a span that has begun goes on with I or L of its own
/// type; otherwise O, B or U. After the last token comes O (a tag may end a sentence
/// if O may follow it).
pub fn allowed_after(prev: usize) -> [bool; N_TAGS] {
    let open = type_of(prev).filter(|(_, p)| p.continues()).map(|(l, _)| l);
    let mut a = [false; N_TAGS];
    for (t, ok) in a.iter_mut().enumerate() {
        *ok = match (type_of(t), open) {
            (None, None) => true,
            (None, Some(_)) => false,
            (Some((_, p)), None) => !matches!(p, Part::Inside | Part::Last),
            (Some((l, p)), Some(o)) => l == o && matches!(p, Part::Inside | Part::Last),
        };
    }
    a
}

/// Number of [`edge_group`]s.
pub const N_EDGE_GROUPS: usize = 1 + MODEL_TYPES.len();

/// Names of the edge groups, used as feature parts.
pub const EDGE_GROUP_NAMES: [&str; N_EDGE_GROUPS] = ["out", "open-PER", "open-ORG", "open-LOC", "open-NORP"];

/// What the edge features see of the previous tag (`N_TAGS`: the sentence start):
/// 0 when no span is open after it, else 1 + the type of the open span. Coarser than
/// the tag, so a token's edge features are scored a few times, not once per tag.
pub fn edge_group(prev: usize) -> usize {
    match type_of(prev) {
        Some((l, p)) if p.continues() => 1 + MODEL_TYPES.iter().position(|&m| m == l).unwrap_or(0),
        _ => 0,
    }
}

/// Token spans `[start, end)` with their types, from a tag sequence (read leniently:
/// a B or U starts a span, an I or L of another type starts one too).
pub fn spans_of(tags: &[usize]) -> Vec<(usize, usize, Label)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, Label)> = None;
    for (i, &t) in tags.iter().enumerate() {
        match type_of(t) {
            Some((l, Part::Inside | Part::Last)) if matches!(cur, Some((_, c)) if c == l) => {}
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
        if let Some((l, Part::Last | Part::Unit)) = type_of(t) {
            if let Some((s, c)) = cur.take() {
                out.push((s, i + 1, c));
                debug_assert_eq!(c, l);
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
        let t = |l, p| tag_of(l, p).unwrap();
        let (b_per, l_per, u_loc) = (t(Label::Per, Part::Begin), t(Label::Per, Part::Last), t(Label::Loc, Part::Unit));
        assert_eq!(spans_of(&[0, b_per, l_per, 0, u_loc, u_loc]), [(1, 3, Label::Per), (4, 5, Label::Loc), (5, 6, Label::Loc)]);
        assert!(!allowed_after(0)[l_per]);
        assert!(allowed_after(b_per)[l_per]);
        assert!(!allowed_after(b_per)[0]);
        assert!(allowed_after(l_per)[u_loc]);
        assert!(tag_of(Label::Gpe, Part::Unit).is_none());
    }
}
