//! Reading documents and events back out.
use crate::filter::{DateBound, DocFilter, EventFilter};
use crate::rows::{DocRow, EventRow, StoredDoc};
use crate::store::{modality_str, Store};
use crate::StoreError;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, OptionalExtension, Row};

/// A WHERE clause under construction: conditions joined by AND, with their parameters.
#[derive(Default)]
struct Where {
    conds: Vec<String>,
    params: Vec<Value>,
}

impl Where {
    fn param(&mut self, v: impl Into<String>) -> String {
        self.params.push(Value::Text(v.into()));
        format!("?{}", self.params.len())
    }

    fn equals(&mut self, column: &str, v: &Option<String>) {
        if let Some(v) = v {
            let p = self.param(v.as_str());
            self.conds.push(format!("{column} = {p}"));
        }
    }

    /// `column` starts with `prefix`, as a range so that an index can serve it.
    fn prefix(&mut self, columns: &[&str], prefix: &Option<String>) {
        let Some(prefix) = prefix.as_deref().filter(|p| !p.is_empty()) else { return };
        let lo = self.param(prefix);
        let hi = self.param(prefix_successor(prefix));
        let any: Vec<String> = columns.iter().map(|c| format!("({c} >= {lo} AND {c} < {hi})")).collect();
        self.conds.push(format!("({})", any.join(" OR ")));
    }

    /// The partial date in `column` overlaps or follows `since`.
    fn since(&mut self, column: &str, since: &Option<DateBound>) {
        if let Some(b) = since {
            let p = self.param(b.as_str());
            self.conds.push(format!("({column} >= {p} OR substr({p}, 1, length({column})) = {column})"));
        }
    }

    /// The partial date in `column` overlaps or precedes `until`.
    fn until(&mut self, column: &str, until: &Option<DateBound>) {
        if let Some(b) = until {
            let p = self.param(b.as_str());
            self.conds.push(format!("({column} <= {p} OR substr({column}, 1, length({p})) = {p})"));
        }
    }

    /// A document given by id or by a prefix of its hash.
    fn doc(&mut self, id_col: &str, hash_col: &str, doc: &Option<String>) {
        if let Some(d) = doc {
            let id = self.param(d.as_str());
            let hi = self.param(prefix_successor(d));
            self.conds.push(format!("({id_col} = {id} OR ({hash_col} >= {id} AND {hash_col} < {hi}))"));
        }
    }

    /// The document in `hash_col` belongs to the story.
    fn story(&mut self, hash_col: &str, story: Option<u32>) {
        if let Some(n) = story {
            self.params.push(Value::Integer(i64::from(n)));
            let p = format!("?{}", self.params.len());
            self.conds.push(format!("{hash_col} IN (SELECT s.doc_hash FROM story_docs s WHERE s.story = {p})"));
        }
    }

    fn limit(&mut self, limit: Option<usize>) -> String {
        match limit {
            Some(n) => {
                self.params.push(Value::Integer(n.min(i64::MAX as usize) as i64));
                format!(" LIMIT ?{}", self.params.len())
            }
            None => String::new(),
        }
    }

    fn sql(&self) -> String {
        if self.conds.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.conds.join(" AND "))
        }
    }
}

/// The smallest string greater than every string starting with `prefix`.
fn prefix_successor(prefix: &str) -> String {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(last) = chars.pop() {
        if let Some(next) = char::from_u32(last as u32 + 1) {
            chars.push(next);
            return chars.into_iter().collect();
        }
    }
    // Only for a prefix of char::MAX characters: nothing is greater.
    char::MAX.to_string().repeat(prefix.chars().count() + 1)
}

const DOC_COLUMNS: &str = "d.hash, d.id, d.source, d.title, d.outlet, d.byline, d.published, d.language,
     d.text_chars, (SELECT count(*) FROM events e WHERE e.doc_hash = d.hash), d.ingested_at,
     (SELECT s.story FROM story_docs s WHERE s.doc_hash = d.hash),
     (SELECT s.duplicate_of FROM story_docs s WHERE s.doc_hash = d.hash)";

fn doc_row(r: &Row<'_>) -> rusqlite::Result<DocRow> {
    Ok(DocRow {
        hash: r.get(0)?,
        id: r.get(1)?,
        source: r.get(2)?,
        title: r.get(3)?,
        outlet: r.get(4)?,
        byline: r.get(5)?,
        published: r.get(6)?,
        language: r.get(7)?,
        text_chars: r.get::<_, i64>(8)? as usize,
        events: r.get::<_, i64>(9)? as usize,
        ingested_at: r.get(10)?,
        story: r.get::<_, Option<i64>>(11)?.map(|s| s as u32),
        duplicate_of: r.get(12)?,
    })
}

impl Store {
    /// Documents matching `filter`, by publication date (undated last), then id.
    pub fn docs(&self, filter: &DocFilter) -> Result<Vec<DocRow>, StoreError> {
        let mut w = Where::default();
        w.equals("d.outlet", &filter.outlet);
        w.since("d.published", &filter.since);
        w.until("d.published", &filter.until);
        w.doc("d.id", "d.hash", &filter.doc);
        w.story("d.hash", filter.story);
        let limit = w.limit(filter.limit);
        let sql = format!(
            "SELECT {DOC_COLUMNS} FROM documents d{} ORDER BY d.published IS NULL, d.published, d.id, d.hash{limit}",
            w.sql()
        );
        self.query(&sql, &w.params, "listing documents", doc_row)
    }

    /// One document in full, by its content hash.
    pub fn doc(&self, hash: &str) -> Result<Option<StoredDoc>, StoreError> {
        let op = || format!("reading document {hash}");
        let sql = format!("SELECT {DOC_COLUMNS}, d.text, d.coded FROM documents d WHERE d.hash = ?1");
        let found = self
            .conn
            .query_row(&sql, [hash], |r| Ok((doc_row(r)?, r.get::<_, String>(13)?, r.get::<_, String>(14)?)))
            .optional()
            .map_err(|e| self.sqlite(op(), e))?;
        let Some((row, text, coded)) = found else { return Ok(None) };
        let coded = serde_json::from_str(&coded).map_err(|source| StoreError::Json {
            path: self.path.clone(),
            op: op(),
            source,
        })?;
        Ok(Some(StoredDoc { row, text, coded }))
    }

    /// Events matching `filter`, by event date (undated last), document and position.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventRow>, StoreError> {
        let mut w = Where::default();
        w.prefix(&["e.source_actor", "e.target_actor"], &filter.actor);
        w.prefix(&["e.source_actor"], &filter.source);
        w.prefix(&["e.target_actor"], &filter.target);
        w.prefix(&["e.cameo"], &filter.cameo);
        w.equals("e.root", &filter.root);
        w.equals("e.plover", &filter.plover);
        w.equals("e.modality", &filter.modality.map(|m| modality_str(m).to_string()));
        w.since("e.date", &filter.since);
        w.until("e.date", &filter.until);
        w.doc("d.id", "d.hash", &filter.doc);
        w.story("e.doc_hash", filter.story);
        let limit = w.limit(filter.limit);
        let sql = format!(
            "SELECT e.doc_hash, d.id, e.seq, e.json FROM events e JOIN documents d ON d.hash = e.doc_hash{}
             ORDER BY e.date IS NULL, e.date, d.id, e.doc_hash, e.seq{limit}",
            w.sql()
        );
        let raw = self.query(&sql, &w.params, "listing events", |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?, r.get::<_, String>(3)?))
        })?;
        raw.into_iter()
            .map(|(doc_hash, doc_id, seq, json)| {
                let event = serde_json::from_str(&json).map_err(|source| StoreError::Json {
                    path: self.path.clone(),
                    op: format!("reading event {seq} of document {doc_hash}"),
                    source,
                })?;
                Ok(EventRow { doc_hash, doc_id, seq: seq as usize, event })
            })
            .collect()
    }

    fn query<T>(
        &self,
        sql: &str,
        params: &[Value],
        op: &str,
        map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, StoreError> {
        let run = || -> rusqlite::Result<Vec<T>> {
            let mut stmt = self.conn.prepare(sql)?;
            let rows = stmt.query_map(params_from_iter(params.iter()), map)?;
            rows.collect()
        };
        run().map_err(|e| self.sqlite(op, e))
    }
}

#[cfg(test)]
mod tests {
    use super::prefix_successor;

    #[test]
    fn prefix_successor_bounds_every_extension() {
        let hi = prefix_successor("RUS");
        assert_eq!(hi, "RUT");
        for s in ["RUS", "RUSGOV", "RUSMIL", "RUS\u{10FFFF}"] {
            assert!(s >= "RUS" && s < hi.as_str(), "{s}");
        }
        assert!("RUT" >= hi.as_str() && "RU" < "RUS");
    }
}
