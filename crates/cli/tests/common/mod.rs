//! Helpers shared by the end-to-end tests: running the binary, the sample corpus.
#![allow(dead_code)]
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn dyad() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dyad"));
    cmd.env_remove("RUST_LOG");
    cmd
}

pub fn run(args: &[&str]) -> Output {
    dyad().args(args).output().expect("running dyad")
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

pub fn samples() -> PathBuf {
    repo_root().join("samples")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn json_lines(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// The shared data beside the project, or `None` (with a notice) when absent.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = repo_root().join("../shared").join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipping: {} is not here", p.display());
        None
    }
}

/// The `ingested N, skipped M already stored, failed K` summary as numbers.
pub fn summary(o: &Output) -> (usize, usize, usize) {
    let err = stderr(o);
    let line = err
        .lines()
        .find(|l| l.starts_with("ingested "))
        .unwrap_or_else(|| panic!("no summary line in: {err}"));
    let nums: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    assert_eq!(nums.len(), 3, "{line}");
    (nums[0], nums[1], nums[2])
}

/// Writes `n` distinct short reports as plain-text files into `dir`.
pub fn generate_reports(dir: &Path, prefix: &str, n: usize) {
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        let body = format!(
            "Skip to content\n\nTalks resume in round {prefix}{i}\n\nForeign ministers from Japan and South Korea met in Tokyo on Monday for the {prefix}{i} round of talks on trade and security, officials said.\n\nThe ministers agreed to meet again next month. China criticised the meeting as aimed at Beijing.\n\n* indicates required\n"
        );
        std::fs::write(dir.join(format!("{prefix}{i:04}.txt")), body).unwrap();
    }
}
