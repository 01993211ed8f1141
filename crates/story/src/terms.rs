//! Words of an article body: lower-cased tokens, content words for similarity and word
//! shingles for near-duplicate detection.

/// Lower-cased alphanumeric tokens of `text` (apostrophes inside a word are dropped).
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        } else if (c == '\'' || c == '’') && !cur.is_empty() {
            continue;
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Content words: no stop words, no numbers, no one- or two-letter tokens, crudely
/// singularised so that "strikes" and "strike" count as one term.
pub fn content_words(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|w| w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()) && !is_stop(w))
        .map(singular)
        .collect()
}

fn singular(w: String) -> String {
    if w.len() > 4 && w.ends_with("ies") {
        format!("{}y", &w[..w.len() - 3])
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w[..w.len() - 1].to_string()
    } else {
        w
    }
}

/// Function words and the vocabulary of news pages in general (reporting verbs, page
/// furniture), which say nothing about which story an article tells.
fn is_stop(w: &str) -> bool {
    const STOP: &[&str] = &[
        "the", "and", "for", "that", "with", "was", "were", "are", "his", "her", "its", "their", "they", "them", "this",
        "these", "those", "from", "has", "have", "had", "not", "but", "who", "whom", "which", "what", "when", "where",
        "will", "would", "could", "should", "can", "may", "might", "also", "been", "being", "into", "about", "after",
        "before", "over", "under", "than", "then", "there", "here", "said", "says", "say", "told", "according", "more",
        "most", "such", "other", "some", "any", "all", "one", "two", "our", "out", "said", "she", "him", "you", "your",
        "we", "did", "does", "during", "while", "since", "until", "between", "against", "because", "both", "each",
        "very", "just", "only", "own", "same", "still", "yet", "how", "why", "all", "new", "now", "last", "first",
        "year", "years", "day", "days", "week", "time", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "news", "read", "share", "image", "photo", "video", "reuters", "getty", "images", "click",
        "skip", "content", "menu", "live", "radio", "accessibility", "links", "advertisement", "subscribe", "via",
        "per", "cent", "percent", "mr", "ms", "it", "is", "be", "an", "as", "at", "by", "of", "on", "or", "to", "in",
        "if", "do", "so", "no", "up", "he", "us", "well", "made", "make", "many", "much", "further", "including",
        "across", "through", "among", "around", "within", "without", "whether", "however", "another", "even",
        "like", "back", "way", "part", "take", "took", "told", "added", "noted", "stated", "statement", "report",
        "reported", "reports", "agency", "minute", "min", "ago", "updated", "published", "copyright",
    ];
    STOP.contains(&w)
}

/// Hashes of the word `n`-grams of `text`, for MinHash.
pub fn shingles(text: &str, n: usize) -> Vec<u64> {
    let ws = words(text);
    if ws.is_empty() {
        return Vec::new();
    }
    let n = n.min(ws.len()).max(1);
    ws.windows(n)
        .map(|win| {
            let mut h = FNV_OFFSET;
            for w in win {
                h = fnv(h, w.as_bytes());
                h = fnv(h, b" ");
            }
            h
        })
        .collect()
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_words_drop_stop_words_and_singularise() {
        let ws = content_words("The strikes hit Houthi targets in Yemen, officials said on Friday.");
        assert_eq!(ws, vec!["strike", "hit", "houthi", "target", "yemen", "official"]);
    }

    #[test]
    fn shingles_of_equal_texts_are_equal_and_differ_otherwise() {
        assert_eq!(shingles("Putin arrived in Hanoi", 3), shingles("putin ARRIVED in hanoi!", 3));
        assert_ne!(shingles("Putin arrived in Hanoi", 3), shingles("Putin arrived in Beijing", 3));
    }
}
