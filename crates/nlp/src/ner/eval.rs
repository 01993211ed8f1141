//! Span-level precision, recall and F1 per label and micro-averaged.
use super::labels::Label;
use std::collections::BTreeMap;
use std::fmt;

pub use crate::eval::Counts;

/// Exact-match span scores: a predicted span counts when its start, end and label all
/// equal a gold span's.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub by_label: BTreeMap<Label, Counts>,
}

impl Scores {
    pub fn add(&mut self, gold: &[(usize, usize, Label)], pred: &[(usize, usize, Label)]) {
        for g in gold {
            self.by_label.entry(g.2).or_default().gold += 1;
        }
        for p in pred {
            let c = self.by_label.entry(p.2).or_default();
            c.pred += 1;
            if gold.contains(p) {
                c.tp += 1;
            }
        }
    }

    pub fn micro(&self) -> Counts {
        self.by_label.values().fold(Counts::default(), |a, c| Counts { tp: a.tp + c.tp, gold: a.gold + c.gold, pred: a.pred + c.pred })
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:<6} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}", "label", "gold", "pred", "tp", "P", "R", "F1")?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, c: &Counts| {
            writeln!(
                f,
                "{:<6} {:>6} {:>6} {:>6} {:>7.2} {:>7.2} {:>7.2}",
                name,
                c.gold,
                c.pred,
                c.tp,
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1()
            )
        };
        for (l, c) in &self.by_label {
            row(f, l.as_str(), c)?;
        }
        row(f, "micro", &self.micro())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_exact_matches_only() {
        let mut s = Scores::default();
        s.add(&[(0, 5, Label::Per), (10, 14, Label::Loc)], &[(0, 5, Label::Per), (10, 13, Label::Loc), (20, 22, Label::Org)]);
        let m = s.micro();
        assert_eq!((m.tp, m.gold, m.pred), (1, 2, 3));
        assert!((s.by_label[&Label::Per].f1() - 1.0).abs() < 1e-9);
        assert_eq!(s.by_label[&Label::Loc].tp, 0);
    }
}
