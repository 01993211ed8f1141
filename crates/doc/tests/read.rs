//! Readers: every supported input kind, and every kind of bad input, each giving one
//! clear error that names the file (and line).
use dyad_doc::read::{discover, read_input, read_stream, Input, MAX_DOC_BYTES};
use dyad_doc::{Format, ReadError};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

const ARTICLE: &str = "Skip to content\n\nMinisters meet in Geneva\n\nForeign ministers met in Geneva on Tuesday to discuss a ceasefire.\n\n\"We made progress,\" one minister said.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&p, bytes).unwrap();
    p
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn read_file(p: &Path) -> Vec<Result<dyad_doc::RawDocument, ReadError>> {
    read_input(&Input::File(p.to_path_buf()))
}

fn one_error(p: &Path) -> ReadError {
    let mut out = read_file(p);
    assert_eq!(out.len(), 1, "{p:?}");
    let err = out.pop().unwrap().expect_err("expected an error");
    assert!(err.to_string().contains(&p.display().to_string()), "error does not name the file: {err}");
    err
}

#[test]
fn text_and_html_files_plain_and_gzipped() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("001_a.txt", ARTICLE.as_bytes().to_vec(), "001_a", Format::Text),
        ("002_b.txt.gz", gz(ARTICLE.as_bytes()), "002_b", Format::Text),
        ("page.html", b"<html><body><p>Hello.</p></body></html>".to_vec(), "page", Format::Html),
        ("page2.htm.gz", gz(b"<html><body><p>Hi.</p></body></html>"), "page2", Format::Html),
    ];
    for (name, bytes, id, format) in cases {
        let p = write(dir.path(), name, &bytes);
        let docs = read_file(&p);
        assert_eq!(docs.len(), 1);
        let doc = docs.into_iter().next().unwrap().unwrap();
        assert_eq!(doc.id, id);
        assert_eq!(doc.format, format);
        assert_eq!(doc.source, p.display().to_string());
        assert!(!doc.content.is_empty());
    }
}

#[test]
fn jsonl_records_with_metadata_and_fallback_ids() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"id": "k1", "url": "https://example.org/a", "outlet": "Example News", "published": "2024-06-19", "title": "Talks resume", "byline": "Jo Doe", "text": "Talks resumed on Monday."}"#,
        "",
        r#"{"text": "No id here, so the stem and line number name it.", "published": "2024-06-19T08:30:00+09:00", "extra": [1, 2]}"#,
        r#"{"id": 7, "html": "<html><body><p>Markup body.</p></body></html>"}"#,
    ];
    let body = lines.join("\n") + "\n";
    for name in ["feed.jsonl", "feed2.jsonl.gz"] {
        let bytes = if name.ends_with(".gz") { gz(body.as_bytes()) } else { body.clone().into_bytes() };
        let p = write(dir.path(), name, &bytes);
        let docs: Vec<_> = read_file(&p).into_iter().map(Result::unwrap).collect();
        assert_eq!(docs.len(), 3);
        assert_eq!(docs[0].id, "k1");
        assert_eq!(docs[0].given.outlet.as_deref(), Some("Example News"));
        assert_eq!(docs[0].given.title.as_deref(), Some("Talks resume"));
        assert_eq!(docs[0].given.published.map(|d| d.to_string()).as_deref(), Some("2024-06-19"));
        assert_eq!(docs[0].source, format!("{}:1", p.display()));
        let stem = name.split('.').next().unwrap();
        assert_eq!(docs[1].id, format!("{stem}-3"));
        assert_eq!(docs[1].given.published.map(|d| d.to_string()).as_deref(), Some("2024-06-19"));
        assert_eq!(docs[2].id, "7");
        assert_eq!(docs[2].format, Format::Html);
    }
}

#[test]
fn bad_jsonl_lines_are_errors_in_place_and_the_rest_comes_through() {
    let dir = tempfile::tempdir().unwrap();
    let mut body = Vec::new();
    body.extend_from_slice(br#"{"id": "ok1", "text": "First good record."}"#);
    body.extend_from_slice(b"\n{\"id\": \"broken\", \"text\": \"unterminated\n");
    body.extend_from_slice(b"{\"id\": \"none\", \"title\": \"No body\"}\n");
    body.extend_from_slice(b"{\"id\": \"typed\", \"text\": 42}\n");
    body.extend_from_slice(b"{\"id\": \"date\", \"text\": \"Body.\", \"published\": \"last Tuesday\"}\n");
    body.extend_from_slice(b"{\"id\": \"utf\", \"text\": \"caf\xff\"}\n");
    body.extend_from_slice(br#"{"id": "ok2", "text": "Second good record."}"#);
    let p = write(dir.path(), "mixed.jsonl", &body);
    let out = read_file(&p);
    assert_eq!(out.len(), 7);
    assert_eq!(out[0].as_ref().unwrap().id, "ok1");
    assert_eq!(out[6].as_ref().unwrap().id, "ok2");
    let expect = [(2, "JSON"), (3, "neither"), (4, "JSON"), (5, "last Tuesday"), (6, "invalid UTF-8")];
    for (i, (line, words)) in expect.into_iter().enumerate() {
        match &out[i + 1] {
            Err(e @ ReadError::BadRecord { line: l, .. }) => {
                assert_eq!(*l, line, "{e}");
                let msg = e.to_string();
                assert!(msg.contains(&format!("mixed.jsonl:{line}:")), "{msg}");
                assert!(msg.contains(words), "{msg}");
            }
            other => panic!("line {line}: expected BadRecord, got {other:?}"),
        }
    }
}

#[test]
fn directories_are_walked_sorted_skipping_hidden_and_unknown_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "b.txt", ARTICLE.as_bytes());
    write(d, "a.txt", ARTICLE.as_bytes());
    write(d, "sub/c.html", b"<html><body><p>x</p></body></html>");
    write(d, ".hidden.txt", ARTICLE.as_bytes());
    write(d, ".git/d.txt", ARTICLE.as_bytes());
    write(d, "notes.md", b"# notes");
    write(d, "image.png", b"\x89PNG");
    let found: Vec<PathBuf> = discover(&[d])
        .into_iter()
        .map(|r| match r.unwrap() {
            Input::File(p) => p.strip_prefix(d).unwrap().to_path_buf(),
            Input::Stdin => panic!("no stdin here"),
        })
        .collect();
    assert_eq!(found, vec![PathBuf::from("a.txt"), PathBuf::from("b.txt"), PathBuf::from("sub/c.html")]);
}

#[test]
fn explicit_unsupported_file_is_an_error_and_stdin_is_recognised() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "notes.md", b"# notes");
    let inputs = discover(&[p.as_path(), Path::new("-")]);
    assert_eq!(inputs.len(), 2);
    assert_eq!(inputs[1].as_ref().unwrap(), &Input::Stdin);
    assert!(matches!(one_error(&p), ReadError::Unsupported { .. }));
    let missing = dir.path().join("missing.txt");
    let r = discover(&[&missing]);
    assert!(matches!(&r[0], Err(ReadError::Io { path, .. }) if path == &missing));
}

#[test]
fn stdin_stream_is_sniffed() {
    let docs: Vec<_> = read_stream(Cursor::new(b"\n  {\"id\": \"s1\", \"text\": \"A.\"}\n{\"text\": \"B.\"}\n".to_vec()), "stdin")
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["s1", "stdin-3"]);
    let html = read_stream(Cursor::new(b"<!DOCTYPE html><html><body><p>x</p></body></html>".to_vec()), "stdin")
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(html.format, Format::Html);
    let text = read_stream(Cursor::new(ARTICLE.as_bytes().to_vec()), "stdin").unwrap().next().unwrap().unwrap();
    assert_eq!((text.format, text.id.as_str()), (Format::Text, "stdin"));
    assert!(matches!(read_stream(Cursor::new(Vec::new()), "stdin").err(), Some(ReadError::Empty { .. })));
}

#[test]
fn binary_empty_and_whitespace_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(std::iter::repeat_n(0u8, 100));
    assert!(matches!(one_error(&write(dir.path(), "photo.txt", &png)), ReadError::Binary { .. }));
    assert!(matches!(one_error(&write(dir.path(), "photo2.jsonl", &png)), ReadError::Binary { .. }));
    let control: Vec<u8> = (0..200u8).map(|i| [1, 2, 3, b'a', 5, 6, 7, 8, 14, 15][i as usize % 10]).collect();
    assert!(matches!(one_error(&write(dir.path(), "ctl.txt", &control)), ReadError::Binary { .. }));
    assert!(matches!(one_error(&write(dir.path(), "empty.txt", b"")), ReadError::Empty { .. }));
    assert!(matches!(one_error(&write(dir.path(), "empty.jsonl", b"")), ReadError::Empty { .. }));
    assert!(matches!(one_error(&write(dir.path(), "blank.html", b" \n\t\r\n  ")), ReadError::Empty { .. }));
    assert!(matches!(one_error(&write(dir.path(), "blank.txt.gz", &gz(b"   \n"))), ReadError::Empty { .. }));
}

#[test]
fn invalid_utf8_names_the_byte() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "latin1.txt", b"Minister Jos\xe9 said so.");
    match one_error(&p) {
        e @ ReadError::InvalidUtf8 { offset: 12, .. } => assert!(e.to_string().contains("byte 12"), "{e}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn truncated_and_corrupt_gzip() {
    let dir = tempfile::tempdir().unwrap();
    let long = ARTICLE.repeat(50);
    let full = gz(long.as_bytes());
    let p = write(dir.path(), "cut.txt.gz", &full[..full.len() / 2]);
    assert!(matches!(one_error(&p), ReadError::Gzip { .. }));
    let records: String = (0..2000).map(|i| format!("{{\"text\": \"Record {} of {}.\"}}\n", i * 7919 % 1000, i)).collect();
    let full = gz(records.as_bytes());
    let p = write(dir.path(), "cut.jsonl.gz", &full[..full.len() / 2]);
    let out = read_file(&p);
    assert!(matches!(out.last(), Some(Err(ReadError::Gzip { .. }))), "{:?}", out.last());
    let p = write(dir.path(), "notgz.html.gz", b"<html><body>plain, not gzip</body></html>");
    assert!(matches!(one_error(&p), ReadError::Gzip { .. }));
}

#[test]
fn file_over_the_size_limit_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.txt");
    // Sparse: 100 MB on paper, no data written. Reading it would take 100 MB of memory.
    std::fs::File::create(&p).unwrap().set_len(100_000_000).unwrap();
    match one_error(&p) {
        ReadError::TooLarge { size, limit, .. } => {
            assert_eq!(size, 100_000_000);
            assert_eq!(limit, MAX_DOC_BYTES);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn gzip_that_unpacks_past_the_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    let line = b"The ministry said the talks would resume on Monday.\n";
    for _ in 0..(MAX_DOC_BYTES as usize / line.len() + 2) {
        e.write_all(line).unwrap();
    }
    let p = write(dir.path(), "bomb.txt.gz", &e.finish().unwrap());
    assert!(std::fs::metadata(&p).unwrap().len() < MAX_DOC_BYTES / 100);
    assert!(matches!(one_error(&p), ReadError::OverLimit { limit: MAX_DOC_BYTES, .. }));
}

/// Tests run as root, where permission bits do not stop reads, so unreadable entries
/// are made in ways that fail for root too: a symbolic link to nothing, a socket with
/// a text file's name, and an entry removed between listing and reading.
#[cfg(unix)]
#[test]
fn unreadable_directory_entries_are_errors_naming_the_entry() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good.txt", ARTICLE.as_bytes());
    std::os::unix::fs::symlink(d.join("nowhere.txt"), d.join("dangling.txt")).unwrap();
    std::os::unix::fs::symlink(d.join("nowhere"), d.join("dangling.md")).unwrap();
    let _sock = std::os::unix::net::UnixListener::bind(d.join("socket.txt")).unwrap();
    let out = discover(&[d]);
    assert_eq!(out.len(), 3, "{out:?}");
    assert!(matches!(&out[0], Err(ReadError::Io { path, .. }) if path.ends_with("dangling.txt")), "{:?}", out[0]);
    assert!(matches!(&out[1], Ok(Input::File(p)) if p.ends_with("good.txt")));
    assert!(matches!(&out[2], Err(ReadError::NotRegular { path }) if path.ends_with("socket.txt")), "{:?}", out[2]);
    // Listed, then gone before it is read.
    std::fs::remove_file(d.join("good.txt")).unwrap();
    let Ok(input) = &out[1] else { unreachable!() };
    let err = read_input(input).pop().unwrap().unwrap_err();
    assert!(matches!(&err, ReadError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound), "{err}");
    assert!(err.to_string().contains("good.txt"));
}
