//! The writers: the letter's [`Doc`](crate::markdown::Doc) as EDGAR HTML and
//! PDF, and the checks of what they write.

pub mod edgar;
pub mod html;
pub mod table;
