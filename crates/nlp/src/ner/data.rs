//! Reading annotated entity data (Universal NER IOB2, Worldwide newswire TSV) into
//! texts with character-offset entity spans, and projecting those onto our tokens.
use super::labels::{tag_of, Label, Part};
use super::NerError;
use crate::Token;

/// A text with its gold entities as character spans `[start, end)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gold {
    pub text: String,
    pub spans: Vec<(usize, usize, Label)>,
}

/// How a dataset's type names map to ours (`None`: not scored, treated as O).
pub type LabelMap = fn(&str) -> Option<Label>;

/// Universal NER: PER, ORG, LOC; the train file's `OTH` (nationalities, religious and
/// political groups) becomes NORP, its stray `O` types become O.
pub fn uner_label(t: &str) -> Option<Label> {
    match t {
        "PER" => Some(Label::Per),
        "ORG" => Some(Label::Org),
        "LOC" => Some(Label::Loc),
        "OTH" => Some(Label::Norp),
        _ => None,
    }
}

/// Worldwide newswire types: Location counts as LOC (our LOC and GPE both map to it).
pub fn newswire_label(t: &str) -> Option<Label> {
    match t {
        "Person" => Some(Label::Per),
        "Organization" => Some(Label::Org),
        "Location" => Some(Label::Loc),
        "NORP" => Some(Label::Norp),
        "Date" => Some(Label::Date),
        _ => None,
    }
}

/// Spans of tagged words (IOB2; BIOES prefixes are read too) as word-index ranges.
fn word_spans(tags: &[&str], map: LabelMap) -> Vec<(usize, usize, Label)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, &str)> = None;
    for (i, t) in tags.iter().enumerate() {
        let (prefix, ty) = t.split_once('-').unwrap_or(("O", ""));
        let continues = matches!(prefix, "I" | "E") && cur.is_some_and(|(_, c)| c == ty);
        if !continues {
            if let Some((s, c)) = cur.take() {
                if let Some(l) = map(c) {
                    out.push((s, i, l));
                }
            }
            if prefix != "O" && !ty.is_empty() {
                cur = Some((i, ty));
            }
        }
    }
    if let Some((s, c)) = cur {
        if let Some(l) = map(c) {
            out.push((s, tags.len(), l));
        }
    }
    out
}

/// Character offsets of each word in `text`, found left to right; `None` when a word
/// is not where expected.
fn locate(text: &str, words: &[&str]) -> Option<Vec<(usize, usize)>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    for w in words {
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        let n = w.chars().count();
        if i + n > chars.len() || !chars[i..i + n].iter().copied().eq(w.chars()) {
            return None;
        }
        out.push((i, i + n));
        i += n;
    }
    Some(out)
}

fn to_chars(offsets: &[(usize, usize)], spans: Vec<(usize, usize, Label)>) -> Vec<(usize, usize, Label)> {
    spans.into_iter().map(|(s, e, l)| (offsets[s].0, offsets[e - 1].1, l)).collect()
}

/// Reads a Universal NER IOB2 file (`# text =` lines, then `id word tag ...` rows).
/// Sentences whose words cannot be found in their text are skipped; their count is
/// returned beside the sentences.
pub fn read_uner(input: &str, map: LabelMap) -> Result<(Vec<Gold>, usize), NerError> {
    let mut out = Vec::new();
    let mut skipped = 0;
    let mut text: Option<String> = None;
    let mut words: Vec<&str> = Vec::new();
    let mut tags: Vec<&str> = Vec::new();
    let mut finish = |text: &mut Option<String>, words: &mut Vec<&str>, tags: &mut Vec<&str>| {
        if words.is_empty() {
            return;
        }
        let t = text.take().unwrap_or_else(|| words.join(" "));
        match locate(&t, words) {
            Some(offsets) => out.push(Gold { spans: to_chars(&offsets, word_spans(tags, map)), text: t }),
            None => skipped += 1,
        }
        words.clear();
        tags.clear();
    };
    for (n, line) in input.lines().enumerate() {
        if let Some(t) = line.strip_prefix("# text = ") {
            text = Some(t.to_string());
        } else if line.starts_with('#') {
            continue;
        } else if line.trim().is_empty() {
            finish(&mut text, &mut words, &mut tags);
        } else {
            let mut cols = line.split('\t');
            let (_, word, tag) = (cols.next(), cols.next(), cols.next());
            match (word, tag) {
                (Some(w), Some(t)) => {
                    words.push(w);
                    tags.push(t);
                }
                _ => return Err(NerError::Format { line: n + 1, reason: "expected id, word and tag columns".into() }),
            }
        }
    }
    finish(&mut text, &mut words, &mut tags);
    Ok((out, skipped))
}

/// Reads a Universal NER file as documents (split at `# newdoc`): each document's
/// sentences joined by blank lines into one text, so entity tagging sees the whole
/// document as it does in the pipeline.
pub fn read_uner_documents(input: &str, map: LabelMap) -> Result<(Vec<Gold>, usize), NerError> {
    let mut docs = Vec::new();
    let mut skipped = 0;
    let mut chunks: Vec<&str> = Vec::new();
    let mut last = 0;
    for (at, _) in input.match_indices("# newdoc") {
        if at == 0 || input.as_bytes()[at - 1] == b'\n' {
            chunks.push(&input[last..at]);
            last = at;
        }
    }
    chunks.push(&input[last..]);
    for chunk in chunks {
        let (sentences, sk) = read_uner(chunk, map)?;
        skipped += sk;
        let mut doc = Gold { text: String::new(), spans: Vec::new() };
        let mut len = 0;
        for g in sentences {
            if !doc.text.is_empty() {
                doc.text.push_str("\n\n");
                len += 2;
            }
            doc.spans.extend(g.spans.iter().map(|&(s, e, l)| (s + len, e + len, l)));
            doc.text.push_str(&g.text);
            len += g.text.chars().count();
        }
        if !doc.text.is_empty() {
            docs.push(doc);
        }
    }
    Ok((docs, skipped))
}

/// Reads a Worldwide newswire TSV file (`word<TAB>tag`, sometimes a second, nested
/// tag column, which is ignored; blank lines between blocks) as one document: each
/// block's words joined back into text (see [`detokenize`]), blocks by blank lines.
pub fn read_newswire(input: &str, map: LabelMap) -> Result<Vec<Gold>, NerError> {
    // One document: blocks joined by blank lines.
    let mut doc = Gold { text: String::new(), spans: Vec::new() };
    let mut doc_len = 0usize;
    let mut words: Vec<&str> = Vec::new();
    let mut tags: Vec<&str> = Vec::new();
    let mut finish = |words: &mut Vec<&str>, tags: &mut Vec<&str>| {
        if words.is_empty() {
            return;
        }
        let (text, offsets) = detokenize(words);
        if !doc.text.is_empty() {
            doc.text.push_str("\n\n");
            doc_len += 2;
        }
        let shift = doc_len;
        let spans = word_spans(tags, map).into_iter().map(|(s, e, l)| (s, e + abbreviation_period(words, e) as usize, l)).collect();
        doc.spans.extend(to_chars(&offsets, spans).into_iter().map(|(s, e, l)| (s + shift, e + shift, l)));
        doc.text.push_str(&text);
        doc_len += text.chars().count();
        words.clear();
        tags.clear();
    };
    for (n, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            finish(&mut words, &mut tags);
            continue;
        }
        // word<TAB>tag[<TAB>inner tag]; a few rows use spaces instead of tabs.
        let mut cols: Vec<&str> = line.split('\t').collect();
        if cols.len() == 1 {
            cols = line.split_whitespace().collect();
        }
        match cols.as_slice() {
            [w, t, ..] => {
                words.push(w);
                tags.push(t);
            }
            _ => return Err(NerError::Format { line: n + 1, reason: "expected word<TAB>tag".into() }),
        }
    }
    finish(&mut words, &mut tags);
    Ok(if doc.text.is_empty() { Vec::new() } else { vec![doc] })
}

/// The newswire files split a sentence-final "U.S." into "U.S" and "."; in the
/// rebuilt text the period is the abbreviation's, so a span ending in "U.S" or an
/// initial ("Y") takes it.
fn abbreviation_period(words: &[&str], end: usize) -> bool {
    let last = words[end - 1];
    let dotted = last.split('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase));
    dotted && words.get(end) == Some(&".")
}

/// Joins tokenized words back into running text, the way news is written ("U . S ."
/// becomes "U.S.", no space before "," or "'s"), with each word's character offsets.
pub fn detokenize(words: &[&str]) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut offsets = Vec::with_capacity(words.len());
    let mut len = 0usize;
    let mut open_quote = false;
    let single_cap = |w: &str| w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase());
    for (i, w) in words.iter().enumerate() {
        let prev = if i > 0 { words[i - 1] } else { "" };
        let glue = if i == 0 {
            true
        } else if *w == "\"" {
            open_quote = !open_quote;
            !open_quote
        } else if prev == "\"" && open_quote {
            true
        } else if matches!(*w, "," | "." | ";" | ":" | "!" | "?" | ")" | "]" | "}" | "%" | "”" | "’")
            || matches!(w.to_lowercase().as_str(), "'s" | "n't" | "'re" | "'ve" | "'ll" | "'d" | "'m" | "’s" | "n’t")
        {
            // "U.S ." style: a period after a lone capital or a dotted abbreviation.
            true
        } else if matches!(prev, "(" | "[" | "{" | "$" | "“" | "‘") {
            true
        } else if prev == "’" && matches!(*w, "s" | "t" | "re" | "ve" | "ll" | "d" | "m") && i >= 2 && words[i - 2].chars().last().is_some_and(|c| c.is_alphanumeric()) {
            // "Korea ’ s" was written "Korea’s".
            true
        } else if *w == "-" || prev == "-" {
            // "Díaz - Canel" was written "Díaz-Canel": a hyphen between words is glued.
            let around = |a: &str, b: &str| {
                a.chars().last().is_some_and(|c| c.is_alphanumeric()) && b.chars().next().is_some_and(|c| c.is_alphanumeric())
            };
            if *w == "-" {
                words.get(i + 1).is_some_and(|n| around(prev, n))
            } else {
                i >= 2 && around(words[i - 2], w)
            }
        } else {
            // "U . S": a lone capital right after "X ."
            single_cap(w) && prev == "." && i >= 2 && single_cap(words[i - 2])
        };
        if !glue {
            text.push(' ');
            len += 1;
        }
        let n = w.chars().count();
        offsets.push((len, len + n));
        text.push_str(w);
        len += n;
    }
    (text, offsets)
}

/// Our tokens of `gold.text` with IOB tags of the model types: a token takes the type
/// of the gold span it overlaps (BILOU: where the token is in the span).
pub fn project(gold: &Gold) -> (Vec<Token>, Vec<usize>) {
    let tokens = crate::tokenize::tokens(&gold.text);
    let mut tags = vec![0usize; tokens.len()];
    for &(s, e, label) in &gold.spans {
        let inside: Vec<usize> = (0..tokens.len()).filter(|&t| tokens[t].end > s && tokens[t].start < e).collect();
        for (k, &t) in inside.iter().enumerate() {
            if let Some(tag) = tag_of(label, Part::at(k, inside.len())) {
                tags[t] = tag;
            }
        }
    }
    (tokens, tags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_uner_with_offsets_and_oth_as_norp() {
        let input = "# text = Al-Zaman : American forces killed Shaikh Abdullah.\n1\tAl\tB-ORG\t-\tx\n2\t-\tI-ORG\n3\tZaman\tI-ORG\n4\t:\tO\n5\tAmerican\tB-OTH\n6\tforces\tO\n7\tkilled\tB-O\n8\tShaikh\tB-PER\n9\tAbdullah\tI-PER\n10\t.\tO\n\n";
        let (gold, skipped) = read_uner(input, uner_label).unwrap();
        assert_eq!(skipped, 0);
        let g = &gold[0];
        let text_of = |s: usize, e: usize| g.text.chars().skip(s).take(e - s).collect::<String>();
        let got: Vec<_> = g.spans.iter().map(|&(s, e, l)| (text_of(s, e), l)).collect();
        assert_eq!(got, [
            ("Al-Zaman".to_string(), Label::Org),
            ("American".to_string(), Label::Norp),
            ("Shaikh Abdullah".to_string(), Label::Per)
        ]);
        let (tokens, tags) = project(g);
        assert_eq!(tokens[0].text, "Al-Zaman");
        assert_eq!(tags[0], tag_of(Label::Org, Part::Unit).unwrap());
    }

    #[test]
    fn detokenizes_news_tokens() {
        let (text, offsets) = detokenize(&["The", "U", ".", "S", ".", "said", "\"", "no", "\"", ",", "Korea", "'s", "(", "KCNA", ")"]);
        assert_eq!(text, "The U.S. said \"no\", Korea's (KCNA)");
        assert_eq!(detokenize(&["Díaz", "-", "Canel", "won", "-", "again"]).0, "Díaz-Canel won-again");
        assert_eq!(detokenize(&["war", "-", "\"", "again"]).0, "war - \"again");
        assert_eq!(detokenize(&["Korea", "’", "s", "army"]).0, "Korea’s army");
        assert_eq!(offsets[1], (4, 5));
        assert_eq!(offsets[14], (33, 34));
    }
}
