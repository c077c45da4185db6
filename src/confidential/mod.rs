//! Rule 83 confidential treatment, in one place.
//!
//! The model marks confidential text in Markdown fields (the `confidential`
//! style of a piece) and in plain-text fields ([`PlainText`] spans); every other
//! field refuses `<ct>` when it is loaded ([`fields`]). This module turns a
//! letter into the version a document is written from ([`redact`]): the
//! public one, where each span is `[***]`, or the staff's copy, where it is
//! bracketed. Writers and templates only ever see a [`Redacted`] letter, never
//! the source text; notes are gone from it and its origins no longer reach the
//! YAML files. As the second line of defence, [`secrets`] lists every span and
//! internal note with the words around it, and [`scan`] looks for them in the
//! text a reader of a written file would see.
//!
//! [`PlainText`]: crate::model::PlainText

mod apply;
pub mod fields;
mod known;
mod redact;
mod scan;
mod secrets;

pub use apply::apply;
pub use known::redact_known;
pub use redact::{Redacted, redact};
pub use scan::{Leak, key, normalize, scan};
pub use secrets::{Secret, SecretKind, secrets};

/// What replaces a confidential span in the public version.
pub const REDACTION_MARK: &str = "[***]";

/// Which version of a letter is being written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Version {
    /// No confidential treatment request: the text as written (a span, which the
    /// model refuses without a request, would still be redacted).
    Plain,
    /// The EDGAR version: every confidential span replaced by `[***]`.
    Public,
    /// The staff's copy: confidential text shown in brackets.
    Staff,
}

impl Version {
    /// True for the versions anyone may read (everything but the staff's copy).
    pub fn is_public(self) -> bool {
        self != Version::Staff
    }
}
