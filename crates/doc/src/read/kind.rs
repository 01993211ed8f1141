//! Which reader a path needs, from its name.
use std::path::Path;

/// The content a file name promises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Html,
    Jsonl,
}

/// A supported file: its kind, whether it is gzipped, and the document id its name gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileKind {
    pub kind: Kind,
    pub gzip: bool,
    /// File name without `.gz` and without the type extension.
    pub stem: String,
}

impl FileKind {
    /// `None` for a name with an extension dyad does not read.
    pub fn of(path: &Path) -> Option<FileKind> {
        let name = path.file_name()?.to_str()?;
        let (name, gzip) = match strip_suffix_ci(name, ".gz") {
            Some(rest) => (rest, true),
            None => (name, false),
        };
        let (stem, kind) = [
            (".txt", Kind::Text),
            (".html", Kind::Html),
            (".htm", Kind::Html),
            (".jsonl", Kind::Jsonl),
        ]
        .into_iter()
        .find_map(|(ext, kind)| strip_suffix_ci(name, ext).map(|stem| (stem, kind)))?;
        if stem.is_empty() {
            return None;
        }
        Some(FileKind { kind, gzip, stem: stem.to_string() })
    }
}

fn strip_suffix_ci<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(suffix.len())?;
    (s.is_char_boundary(cut) && s[cut..].eq_ignore_ascii_case(suffix)).then(|| &s[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_stems() {
        let k = FileKind::of(Path::new("a/000_x.txt")).unwrap();
        assert_eq!((k.kind, k.gzip, k.stem.as_str()), (Kind::Text, false, "000_x"));
        let k = FileKind::of(Path::new("page.HTM.gz")).unwrap();
        assert_eq!((k.kind, k.gzip, k.stem.as_str()), (Kind::Html, true, "page"));
        let k = FileKind::of(Path::new("feed.jsonl.gz")).unwrap();
        assert_eq!((k.kind, k.gzip, k.stem.as_str()), (Kind::Jsonl, true, "feed"));
        assert!(FileKind::of(Path::new("notes.md")).is_none());
        assert!(FileKind::of(Path::new("archive.gz")).is_none());
        assert!(FileKind::of(Path::new(".txt")).is_none());
    }
}
