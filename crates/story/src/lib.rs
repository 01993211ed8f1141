//! Stories across outlets: groups coded articles about the same story and merges the
//! events they share. (Not yet built: see the open issue on stories.)
//!
//! Reads only [`dyad_code::CodedDocument`]s; knows nothing of storage or serving.
