//! Readers: paths in, raw documents (or one error per bad input) out.
//!
//! Reading happens in two steps so that callers can stream and parallelise:
//! [`discover`] expands the command-line inputs into [`Input`]s (walking directories),
//! and [`read_input`] (or the streaming [`documents`]) reads one of them into zero or
//! more documents (a JSONL file holds many), each bad file or bad line an error in place.
//!
//! Supported: `.txt`, `.html`/`.htm`, `.jsonl`, each optionally gzipped (`.gz`), and `-`
//! for standard input (sniffed: JSONL, HTML or text).
mod bytes;
mod jsonl;
mod kind;

pub use bytes::{looks_binary, MAX_DOC_BYTES};
pub use jsonl::parse_published;
pub use kind::{FileKind, Kind};

use crate::{Format, GivenMeta, RawDocument, ReadError};
use flate2::read::MultiGzDecoder;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One item of a read: a document, or the reason one input failed.
pub type ReadResult = Result<RawDocument, ReadError>;

/// One readable input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

/// Expands inputs: files stay files, directories are walked recursively (in sorted
/// order, skipping hidden entries), `-` is standard input. Entries that cannot be
/// listed come back as errors in place.
///
/// Inside a directory, files whose extension dyad does not read are skipped quietly and
/// symbolic links to directories are not followed (no cycles); a supported name that
/// cannot be read (a dangling link, an entry that vanished, a pipe) is an error. A file
/// named explicitly is always passed on: [`read_input`] reports it if unsupported.
pub fn discover<P: AsRef<Path>>(inputs: &[P]) -> Vec<Result<Input, ReadError>> {
    let mut out = Vec::new();
    for p in inputs {
        let p = p.as_ref();
        if p.as_os_str() == "-" {
            out.push(Ok(Input::Stdin));
            continue;
        }
        match std::fs::metadata(p) {
            Err(e) => out.push(Err(ReadError::Io { path: p.to_path_buf(), source: e })),
            Ok(m) if m.is_dir() => walk(p, &mut out),
            Ok(_) => out.push(Ok(Input::File(p.to_path_buf()))),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<Input, ReadError>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            out.push(Err(ReadError::Io { path: dir.to_path_buf(), source: e }));
            return;
        }
    };
    let mut names = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => names.push(e.file_name()),
            Err(e) => out.push(Err(ReadError::Io { path: dir.to_path_buf(), source: e })),
        }
    }
    names.sort();
    for name in names {
        if name.as_encoded_bytes().first() == Some(&b'.') {
            continue;
        }
        let path = dir.join(&name);
        let supported = FileKind::of(&path).is_some();
        let is_link = std::fs::symlink_metadata(&path).map(|m| m.file_type().is_symlink()).unwrap_or(false);
        match std::fs::metadata(&path) {
            Err(e) => {
                if supported {
                    out.push(Err(ReadError::Io { path, source: e }));
                }
            }
            Ok(m) if m.is_dir() => {
                if !is_link {
                    walk(&path, out);
                }
            }
            Ok(m) if supported && m.is_file() => out.push(Ok(Input::File(path))),
            Ok(_) if supported => out.push(Err(ReadError::NotRegular { path })),
            Ok(_) => {}
        }
    }
}

/// Reads one input into its documents.
pub fn read_input(input: &Input) -> Vec<ReadResult> {
    documents(input).collect()
}

/// Reads one input as a stream of documents: a JSONL input is read line by line as the
/// iterator advances, so a large file never sits in memory whole.
pub fn documents(input: &Input) -> Box<dyn Iterator<Item = ReadResult> + Send> {
    match input {
        Input::File(path) => match open_file(path) {
            Ok(it) => it,
            Err(e) => Box::new(std::iter::once(Err(e))),
        },
        Input::Stdin => match read_stdin() {
            Ok(it) => it,
            Err(e) => Box::new(std::iter::once(Err(e))),
        },
    }
}

/// A stream of documents read from one input.
pub type Docs = Box<dyn Iterator<Item = ReadResult> + Send>;

fn open_file(path: &Path) -> Result<Docs, ReadError> {
    let fk = FileKind::of(path).ok_or_else(|| ReadError::Unsupported { path: path.to_path_buf() })?;
    let io = |e| ReadError::Io { path: path.to_path_buf(), source: e };
    let file = File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(ReadError::NotRegular { path: path.to_path_buf() });
    }
    // Sizes are checked before reading: a huge file is refused without touching its data.
    if meta.is_file() {
        if meta.len() == 0 {
            return Err(ReadError::Empty { path: path.to_path_buf() });
        }
        if fk.kind != Kind::Jsonl && meta.len() > MAX_DOC_BYTES {
            return Err(ReadError::TooLarge { path: path.to_path_buf(), size: meta.len(), limit: MAX_DOC_BYTES });
        }
    }
    let reader: Box<dyn Read + Send> = if fk.gzip {
        Box::new(MultiGzDecoder::new(BufReader::new(file)))
    } else {
        Box::new(file)
    };
    match fk.kind {
        Kind::Jsonl => {
            let mut reader = BufReader::with_capacity(64 * 1024, reader);
            check_stream_head(&mut reader, path, fk.gzip)?;
            Ok(Box::new(jsonl::Records::new(reader, path, &fk.stem, fk.gzip)))
        }
        Kind::Text | Kind::Html => {
            let content = bytes::decode(bytes::read_bounded(reader, path, fk.gzip)?, path)?;
            let format = if fk.kind == Kind::Html { Format::Html } else { Format::Text };
            Ok(Box::new(std::iter::once(Ok(raw(fk.stem, path, format, content)))))
        }
    }
}

/// Refuses a stream that is empty or starts like a binary file.
fn check_stream_head(reader: &mut impl BufRead, path: &Path, gzip: bool) -> Result<(), ReadError> {
    let head = reader.fill_buf().map_err(|e| bytes::io_or_gzip(e, path, gzip))?;
    if head.is_empty() {
        return Err(ReadError::Empty { path: path.to_path_buf() });
    }
    if looks_binary(head) {
        return Err(ReadError::Binary { path: path.to_path_buf() });
    }
    Ok(())
}

fn raw(id: String, path: &Path, format: Format, content: String) -> RawDocument {
    RawDocument { id, source: path.display().to_string(), format, content, given: GivenMeta::default() }
}

const STDIN_ID: &str = "stdin";

fn read_stdin() -> Result<Docs, ReadError> {
    read_stream(std::io::stdin(), STDIN_ID)
}

/// Reads an unnamed stream (standard input) whose format is sniffed: JSONL when the
/// first non-blank character is `{`, HTML when it starts with markup, else text. JSONL
/// is streamed; the other formats are read whole (up to [`MAX_DOC_BYTES`]). `id` names
/// the document (JSONL records without an id get `<id>-<line>`); errors name `-`.
pub fn read_stream<R: Read + Send + 'static>(stream: R, id: &str) -> Result<Docs, ReadError> {
    let path = Path::new("-");
    let mut reader = BufReader::with_capacity(64 * 1024, stream);
    check_stream_head(&mut reader, path, false)?;
    let head = reader.fill_buf().map_err(|e| ReadError::Io { path: path.to_path_buf(), source: e })?;
    if first_non_blank(head) == Some(b'{') {
        return Ok(Box::new(jsonl::Records::new(reader, path, id, false)));
    }
    let content = bytes::decode(bytes::read_bounded(reader, path, false)?, path)?;
    let format = if looks_like_html(&content) { Format::Html } else { Format::Text };
    Ok(Box::new(std::iter::once(Ok(raw(id.to_string(), path, format, content)))))
}

fn first_non_blank(bytes: &[u8]) -> Option<u8> {
    bytes.iter().copied().find(|b| !b.is_ascii_whitespace())
}

/// Markup at the start: a `<` first, and a typical page or block tag early on.
pub fn looks_like_html(text: &str) -> bool {
    let t = text.trim_start();
    if !t.starts_with('<') {
        return false;
    }
    let mut end = t.len().min(2048);
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    let head = t[..end].to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body", "<div", "<p>", "<p ", "<article", "<meta", "<title"]
        .iter()
        .any(|tag| head.contains(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_sniffing() {
        assert!(looks_like_html("\n <!DOCTYPE html><html><body><p>x</p>"));
        assert!(looks_like_html("<div class=a>Text</div>"));
        assert!(!looks_like_html("Kyiv <said> on Monday"));
        assert!(!looks_like_html("<3 this story"));
    }
}
