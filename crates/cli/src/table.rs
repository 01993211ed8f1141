//! Plain aligned tables for the terminal.
use console::{measure_text_width, truncate_str};
use std::io::{self, Write};

/// Rows of cells under a header. One column (the flexible one, usually free text)
/// gives up width when the table is wider than the terminal.
pub struct Table {
    header: Vec<&'static str>,
    rows: Vec<Vec<String>>,
    flexible: usize,
}

const GAP: usize = 2;
const MIN_FLEX: usize = 12;

impl Table {
    pub fn new(header: Vec<&'static str>, flexible: usize) -> Table {
        Table { header, rows: Vec::new(), flexible }
    }

    pub fn push(&mut self, row: Vec<String>) {
        debug_assert_eq!(row.len(), self.header.len());
        let row = row.into_iter().map(|c| one_line(&c)).collect();
        self.rows.push(row);
    }

    /// Writes the table, cutting the flexible column so lines fit `width`.
    pub fn write(&self, out: &mut impl Write, width: Option<usize>) -> io::Result<()> {
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.len()).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(measure_text_width(cell));
            }
        }
        if let Some(width) = width {
            let total: usize = widths.iter().sum::<usize>() + GAP * (widths.len().saturating_sub(1));
            if total > width {
                let others = total - widths[self.flexible];
                widths[self.flexible] = width.saturating_sub(others).max(MIN_FLEX);
            }
        }
        let header: Vec<String> = self.header.iter().map(|h| h.to_string()).collect();
        for row in std::iter::once(&header).chain(&self.rows) {
            let mut line = String::new();
            for (i, (cell, &w)) in row.iter().zip(&widths).enumerate() {
                let cell = truncate_str(cell, w, "…");
                line.push_str(&cell);
                if i + 1 < row.len() {
                    let pad = w - measure_text_width(&cell) + GAP;
                    line.extend(std::iter::repeat_n(' ', pad));
                }
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        Ok(())
    }
}

fn one_line(cell: &str) -> String {
    cell.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(t: &Table, width: Option<usize>) -> String {
        let mut out = Vec::new();
        t.write(&mut out, width).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn columns_align_and_the_flexible_one_is_cut_to_fit() {
        let mut t = Table::new(vec!["DATE", "SOURCE", "SENTENCE"], 2);
        t.push(vec!["2024-06-18".into(), "RUSGOV".into(), "Putin landed in\nPyongyang for talks with Kim Jong Un.".into()]);
        t.push(vec!["2024".into(), "PRK".into(), "Short.".into()]);
        let full = render(&t, None);
        let lines: Vec<&str> = full.lines().collect();
        assert_eq!(lines[0], "DATE        SOURCE  SENTENCE");
        assert_eq!(lines[1], "2024-06-18  RUSGOV  Putin landed in Pyongyang for talks with Kim Jong Un.");
        assert_eq!(lines[2], "2024        PRK     Short.");
        let cut = render(&t, Some(40));
        for line in cut.lines() {
            assert!(measure_text_width(line) <= 40, "{line:?}");
        }
        assert!(cut.lines().nth(1).unwrap().ends_with('…'));
    }
}
