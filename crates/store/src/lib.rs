//! Storage of coded documents in an embedded SQLite database. (stub: to be written)
