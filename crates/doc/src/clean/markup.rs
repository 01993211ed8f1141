//! Plain text from the cleaned HTML the extractor returns: tags dropped, entities
//! decoded, one paragraph per block element. The input is the extractor's own
//! serialisation (well-formed, scripts and styles already removed), so a scan over the
//! tags is enough; no second DOM parse.

/// Elements whose start or end begins a new paragraph.
const BLOCKS: &[&str] = &[
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "br", "tr", "table", "section",
    "article", "header", "footer", "pre", "dd", "dt", "dl", "figure", "figcaption", "hr", "main", "aside", "td", "th",
];

/// Paragraph texts of an HTML fragment, whitespace collapsed, empty ones dropped.
pub fn paragraphs(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_text(&rest[..lt], &mut cur);
        let after = &rest[lt + 1..];
        let Some(gt) = after.find('>') else {
            rest = "";
            break;
        };
        let tag = &after[..gt];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if BLOCKS.contains(&name.as_str()) {
            flush(&mut cur, &mut out);
        } else if name == "td" || name == "th" {
            cur.push(' ');
        }
        rest = &after[gt + 1..];
    }
    push_text(rest, &mut cur);
    flush(&mut cur, &mut out);
    out
}

fn flush(cur: &mut String, out: &mut Vec<String>) {
    let t = cur.trim();
    if !t.is_empty() {
        out.push(t.to_string());
    }
    cur.clear();
}

/// Appends text with entities decoded and whitespace runs collapsed to one space.
fn push_text(raw: &str, cur: &mut String) {
    let mut rest = raw;
    while !rest.is_empty() {
        let amp = rest.find('&').unwrap_or(rest.len());
        push_spaced(&rest[..amp], cur);
        rest = &rest[amp..];
        if rest.is_empty() {
            break;
        }
        match decode_entity(rest) {
            Some((c, len)) => {
                if c.is_whitespace() {
                    push_spaced(" ", cur);
                } else {
                    cur.push(c);
                }
                rest = &rest[len..];
            }
            None => {
                cur.push('&');
                rest = &rest[1..];
            }
        }
    }
}

fn push_spaced(s: &str, cur: &mut String) {
    for c in s.chars() {
        if c.is_whitespace() {
            if !cur.is_empty() && !cur.ends_with(' ') {
                cur.push(' ');
            }
        } else {
            cur.push(c);
        }
    }
}

/// `&amp;`, `&#8217;`, `&#x2019;` … at the start of `s`: the character and the length.
fn decode_entity(s: &str) -> Option<(char, usize)> {
    let semi = s.bytes().take(12).position(|b| b == b';')?;
    let body = &s[1..semi];
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code)?
    } else {
        match body {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            "mdash" => '—',
            "ndash" => '–',
            "hellip" => '…',
            "rsquo" => '’',
            "lsquo" => '‘',
            "rdquo" => '”',
            "ldquo" => '“',
            _ => return None,
        }
    };
    Some((c, semi + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_inline_and_entities() {
        let html = "<h1>Title</h1><p>One <b>bold</b>\n  word &amp; more&#8230;</p><ul><li>a&nbsp;b</li><li>c &unknown; d</li></ul>x<br/>y";
        assert_eq!(paragraphs(html), ["Title", "One bold word & more…", "a b", "c &unknown; d", "x", "y"]);
        assert_eq!(paragraphs("War &amp; Peace” — “Wild Rose” &"), ["War & Peace” — “Wild Rose” &"]);
        assert_eq!(paragraphs("&#xD800; &#99999999; &"), ["&#xD800; &#99999999; &"]);
    }
}
