//! Finding the shared data next to the workspace (`../shared`), when it is there.
use std::path::PathBuf;

/// `<workspace>/../shared/<rel>`, or `None` (with a notice) when absent.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let mut dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    loop {
        let manifest = dir.join("Cargo.toml");
        if std::fs::read_to_string(&manifest).is_ok_and(|s| s.contains("[workspace]")) {
            break;
        }
        if !dir.pop() {
            eprintln!("notice: workspace root not found; skipping");
            return None;
        }
    }
    let p = dir.join("..").join("shared").join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("notice: {} is absent; skipping", p.display());
        None
    }
}
