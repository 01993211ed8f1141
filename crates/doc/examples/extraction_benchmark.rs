//! Runs HTML main-content extraction over the article-extraction benchmark pages and
//! writes the predictions as `{id: {"articleBody": ...}}` for `extraction_score.py`.
//!
//! usage: extraction_benchmark HTML_DIR PRED.json [--baseline]
//!
//! `--baseline` writes trafilatura's own `content_text` (same options, no dyad
//! post-processing), for comparison.
use std::io::Read;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: extraction_benchmark HTML_DIR PRED.json");
        std::process::exit(2);
    };
    let baseline = args.next().as_deref() == Some("--baseline");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    paths.sort();
    let mut pages = Vec::with_capacity(paths.len());
    for p in &paths {
        let mut html = String::new();
        let bytes = std::fs::read(p)?;
        flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut html)?;
        let name = p.file_name().unwrap_or_default().to_string_lossy();
        let id = name.trim_end_matches(".html.gz").to_string();
        pages.push((id, html));
    }
    let start = Instant::now();
    let mut pred = serde_json::Map::new();
    for (id, html) in &pages {
        let text = if baseline {
            let opts = trafilatura::Options::default().with_fallback(true).with_exclude_comments(true).with_deduplicate(false);
            trafilatura::extract(html, &opts).map(|r| r.content_text).unwrap_or_default()
        } else {
            dyad_doc::clean::extract_html(html)
        };
        pred.insert(id.clone(), serde_json::json!({ "articleBody": text }));
    }
    let secs = start.elapsed().as_secs_f64();
    std::fs::write(&out, serde_json::to_string(&pred)?)?;
    println!(
        "pages {}  extraction time {:.2} s  ({:.1} ms/page, {:.0} pages/s, one core)",
        pages.len(),
        secs,
        1000.0 * secs / pages.len().max(1) as f64,
        pages.len() as f64 / secs
    );
    Ok(())
}
