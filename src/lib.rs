//! respond: SEC comment-response letters and redlines from YAML.
//!
//! The pipeline, one module per stage: [`load`] (YAML → raw values with
//! positions) → [`model`] (validated, typed letter) → [`redline`] (revisions
//! compared word by word) → [`check`] (tick and tie) → [`render`] (Markdown,
//! EDGAR HTML, PDF). [`world`] is the only place that touches the file system
//! or the clock; [`build`] strings the stages together.

pub mod blackline;
pub mod build;
pub mod cache;
pub mod check;
pub mod cli;
pub mod confidential;
pub mod diagnostic;
pub mod error;
pub mod history;
pub mod import;
pub mod load;
pub mod markdown;
pub mod model;
pub mod output;
pub mod parallel;
pub mod redline;
pub mod render;
pub mod world;
