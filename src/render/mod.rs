//! Render stage: the typed letter → Markdown (Tera), then the parsed Markdown → HTML, PDF and DOCX.

pub mod docx;
pub mod edgar;
pub mod html;
pub mod label;
pub mod letterhead;
pub mod markdown;
pub mod note_labels;
pub mod pdf;
pub mod style;
pub mod table;
pub mod units;
pub mod view;
pub mod writers;
