//! HTTP API and dashboard over a dyad store. (Not yet built.)
//!
//! Reads through [`dyad_store`] only; never runs the pipeline itself.
