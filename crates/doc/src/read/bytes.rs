//! Turning the bytes of one input into text, or into the error that says why not.
use crate::ReadError;
use std::io::Read;
use std::path::Path;

/// Largest single document dyad reads (a whole text or HTML file, or one JSONL line).
/// Real articles are far smaller; anything over this is a wrong input, not news.
pub const MAX_DOC_BYTES: u64 = 32 * 1024 * 1024;

/// How much of the start of an input is inspected to tell binary from text.
const SNIFF_BYTES: usize = 8192;

/// Reads at most [`MAX_DOC_BYTES`] from `r`; more is an error, so a huge or endless
/// input never fills memory.
pub fn read_bounded(mut r: impl Read, path: &Path, gzip: bool) -> Result<Vec<u8>, ReadError> {
    let mut buf = Vec::new();
    let n = r
        .by_ref()
        .take(MAX_DOC_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| io_or_gzip(e, path, gzip))?;
    if n as u64 > MAX_DOC_BYTES {
        return Err(ReadError::OverLimit { path: path.to_path_buf(), limit: MAX_DOC_BYTES });
    }
    Ok(buf)
}

/// A read error from a gzip stream is a corrupt archive; from a plain file, an I/O error.
pub fn io_or_gzip(e: std::io::Error, path: &Path, gzip: bool) -> ReadError {
    if gzip {
        ReadError::Gzip { path: path.to_path_buf(), reason: e.to_string() }
    } else {
        ReadError::Io { path: path.to_path_buf(), source: e }
    }
}

/// True when the bytes look like a binary file: a NUL byte, or more than one in ten
/// bytes a control character that text does not use.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    control * 10 > head.len()
}

/// Checks and decodes a whole document: not empty, not binary, valid UTF-8 (a leading
/// byte-order mark is dropped), not only whitespace.
pub fn decode(bytes: Vec<u8>, path: &Path) -> Result<String, ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::Empty { path: path.to_path_buf() });
    }
    if looks_binary(&bytes) {
        return Err(ReadError::Binary { path: path.to_path_buf() });
    }
    let mut text = String::from_utf8(bytes).map_err(|e| ReadError::InvalidUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if text.trim().is_empty() {
        return Err(ReadError::Empty { path: path.to_path_buf() });
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_detection() {
        assert!(looks_binary(b"abc\0def"));
        assert!(looks_binary(&[1u8, 2, 3, 4, 5, 6, b'a', b'b']));
        assert!(!looks_binary("Kyiv said on Monday.\r\n\tIt was \u{2014} late.".as_bytes()));
    }

    #[test]
    fn decode_reports_where_utf8_breaks() {
        let err = decode(b"caf\xc3\xa9 ok \xff more".to_vec(), Path::new("x.txt")).unwrap_err();
        assert!(matches!(err, ReadError::InvalidUtf8 { offset: 9, .. }), "{err}");
        let err = decode(b"  \n\t ".to_vec(), Path::new("x.txt")).unwrap_err();
        assert!(matches!(err, ReadError::Empty { .. }));
        assert_eq!(decode(b"\xef\xbb\xbfHi.".to_vec(), Path::new("x")).unwrap(), "Hi.");
    }
}
