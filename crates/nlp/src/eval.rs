//! CoNLL-U evaluation with gold tokenization: UPOS, XPOS, lemma accuracy and
//! unlabeled / labeled attachment scores, counted over every syntactic word,
//! punctuation included, as in the CoNLL 2018 shared task (LAS compares the universal
//! part of the relation: `nsubj:pass` counts as `nsubj`).
use crate::conllu::Sentence;
use std::fmt;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EvalError {
    #[error("gold has {gold} sentences but the prediction has {predicted}")]
    SentenceCount { gold: usize, predicted: usize },
    #[error("sentence {sentence} ({id}): gold has {gold} words but the prediction has {predicted}")]
    WordCount { sentence: usize, id: String, gold: usize, predicted: usize },
    #[error("sentence {sentence} ({id}) word {word}: gold form {gold:?} but predicted form {predicted:?}")]
    Form { sentence: usize, id: String, word: usize, gold: String, predicted: String },
}

/// Matches out of gold and predicted items (entity spans, words from raw text): the
/// counts behind a precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub gold: usize,
    pub pred: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        self.tp as f64 / self.pred.max(1) as f64
    }
    pub fn recall(&self) -> f64 {
        self.tp as f64 / self.gold.max(1) as f64
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Counts of correct words per metric, over `words` words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    pub words: usize,
    pub upos: usize,
    pub xpos: usize,
    pub lemma: usize,
    /// Right head.
    pub uas: usize,
    /// Right head and right universal relation.
    pub las: usize,
}

impl Scores {
    fn pct(&self, n: usize) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            100.0 * n as f64 / self.words as f64
        }
    }
    pub fn upos_pct(&self) -> f64 {
        self.pct(self.upos)
    }
    pub fn xpos_pct(&self) -> f64 {
        self.pct(self.xpos)
    }
    pub fn lemma_pct(&self) -> f64 {
        self.pct(self.lemma)
    }
    pub fn uas_pct(&self) -> f64 {
        self.pct(self.uas)
    }
    pub fn las_pct(&self) -> f64 {
        self.pct(self.las)
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:<7} {:>8} {:>8} {:>8}", "metric", "correct", "words", "percent")?;
        for (name, n) in
            [("UPOS", self.upos), ("XPOS", self.xpos), ("Lemma", self.lemma), ("UAS", self.uas), ("LAS", self.las)]
        {
            writeln!(f, "{:<7} {:>8} {:>8} {:>8.2}", name, n, self.words, self.pct(n))?;
        }
        Ok(())
    }
}

fn universal(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

/// Scores `predicted` against `gold`; both must hold the same sentences with the same
/// words (forms) in the same order.
pub fn evaluate_conllu(gold: &[Sentence], predicted: &[Sentence]) -> Result<Scores, EvalError> {
    if gold.len() != predicted.len() {
        return Err(EvalError::SentenceCount { gold: gold.len(), predicted: predicted.len() });
    }
    let mut s = Scores::default();
    for (i, (g, p)) in gold.iter().zip(predicted).enumerate() {
        let id = || g.id.clone().unwrap_or_default();
        if g.words.len() != p.words.len() {
            return Err(EvalError::WordCount { sentence: i, id: id(), gold: g.words.len(), predicted: p.words.len() });
        }
        for (j, (gw, pw)) in g.words.iter().zip(&p.words).enumerate() {
            if gw.form != pw.form {
                return Err(EvalError::Form {
                    sentence: i,
                    id: id(),
                    word: j + 1,
                    gold: gw.form.clone(),
                    predicted: pw.form.clone(),
                });
            }
            s.words += 1;
            s.upos += (gw.upos == pw.upos) as usize;
            s.xpos += (gw.xpos == pw.xpos) as usize;
            s.lemma += (gw.lemma == pw.lemma) as usize;
            if gw.head == pw.head {
                s.uas += 1;
                s.las += (universal(&gw.deprel) == universal(&pw.deprel)) as usize;
            }
        }
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::parse;

    const GOLD: &str = "1\tPutin\tPutin\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
2\tlanded\tland\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\tin\tin\tADP\tIN\t_\t4\tcase\t_\t_\n\
4\tPyongyang\tPyongyang\tPROPN\tNNP\t_\t2\tobl\t_\t_\n\
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n\
1\tShells\tshell\tNOUN\tNNS\t_\t2\tnsubj:pass\t_\t_\n\
2\twere\tbe\tAUX\tVBD\t_\t0\troot\t_\t_\n\n";

    // Errors: "landed" lemma; "in" XPOS; "Pyongyang" head (so also LAS); "." relation;
    // "Shells" UPOS+XPOS; "were" has a wrong head; "nsubj" vs "nsubj:pass" is not an error.
    const PRED: &str = "1\tPutin\tPutin\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
2\tlanded\tlanded\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\tin\tin\tADP\tRP\t_\t4\tcase\t_\t_\n\
4\tPyongyang\tPyongyang\tPROPN\tNNP\t_\t3\tobl\t_\t_\n\
5\t.\t.\tPUNCT\t.\t_\t2\tobj\t_\t_\n\n\
1\tShells\tshell\tPROPN\tNNPS\t_\t2\tnsubj\t_\t_\n\
2\twere\tbe\tAUX\tVBD\t_\t1\troot\t_\t_\n\n";

    #[test]
    fn counts_each_metric_on_a_hand_made_pair() {
        let s = evaluate_conllu(&parse(GOLD).unwrap(), &parse(PRED).unwrap()).unwrap();
        assert_eq!(s.words, 7);
        assert_eq!(s.upos, 6);
        assert_eq!(s.xpos, 5);
        assert_eq!(s.lemma, 6);
        assert_eq!(s.uas, 5);
        assert_eq!(s.las, 4);
        assert!((s.uas_pct() - 500.0 / 7.0).abs() < 1e-9);
        let table = s.to_string();
        assert!(table.contains("LAS"), "{table}");
    }

    #[test]
    fn refuses_a_different_tokenization() {
        let gold = parse(GOLD).unwrap();
        let mut pred = gold.clone();
        pred[1].words.pop();
        assert!(matches!(evaluate_conllu(&gold, &pred), Err(EvalError::WordCount { sentence: 1, .. })));
        let mut pred = gold.clone();
        pred[0].words[3].form = "Pyong".into();
        assert!(matches!(evaluate_conllu(&gold, &pred), Err(EvalError::Form { sentence: 0, word: 4, .. })));
        assert!(matches!(evaluate_conllu(&gold, &pred[..1]), Err(EvalError::SentenceCount { .. })));
    }
}
