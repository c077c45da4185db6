//! Render stage: the typed letter → Markdown (Tera), then the parsed Markdown → HTML and PDF.

pub mod html;
pub mod markdown;
pub mod view;
