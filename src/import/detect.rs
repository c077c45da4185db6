//! Which kind of file a staff letter was given as: plain text, EDGAR HTML, or
//! something `init` cannot read (PDF, word-processor files, other binary data).

use super::ImportError;

/// The input formats `init` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, as `pdftotext` writes it.
    Text,
    /// HTML as EDGAR serves it (possibly inside an SGML `<DOCUMENT>` wrapper).
    Html,
    /// Plain text inside EDGAR's SGML wrapper (`<DOCUMENT>`, `<TYPE>`, `<TEXT>` lines).
    WrappedText,
}

/// Signatures of formats people are likely to pass by mistake.
const SIGNATURES: [(&[u8], &str); 6] = [
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (for example a .docx file)"),
    (b"\xD0\xCF\x11\xE0", "a Microsoft Office file"),
    (b"{\\rtf", "an RTF file"),
    (b"\x89PNG", "an image"),
    (b"\xFF\xD8\xFF", "an image"),
];

/// Whether the bytes are a PDF file: its signature within the first kilobyte,
/// where PDF readers look for it.
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
}

/// Decodes the bytes of a staff letter to text, rejecting binary formats.
///
/// UTF-8 (with or without a byte-order mark) is read as is; anything else that is
/// text is read as Windows-1252, the encoding of older EDGAR documents.
pub fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some((_, what)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Err(ImportError::NotText {
            what: (*what).to_owned(),
        });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    };
    check_text(&text)?;
    Ok(text)
}

/// Whether `text` is plain text or HTML; an error for anything else.
pub fn detect(text: &str) -> Result<Format, ImportError> {
    check_text(text)?;
    let head: String = text
        .trim_start()
        .chars()
        .take(2000)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("{\\rtf") {
        return Err(ImportError::NotText {
            what: String::from("an RTF file"),
        });
    }
    let html_markers = [
        "<html",
        "<!doctype html",
        "<body",
        "<p>",
        "<p ",
        "<div",
        "<br",
        "<table",
        "<font",
    ];
    if head.starts_with('<') && html_markers.iter().any(|m| head.contains(m)) {
        return Ok(Format::Html);
    }
    if head.starts_with("<document>") || head.starts_with("<sec-document>") {
        return Ok(Format::WrappedText);
    }
    if head.starts_with("<?xml") || head.starts_with('{') && head.contains("\":") {
        return Err(ImportError::NotText {
            what: String::from("structured data (XML or JSON)"),
        });
    }
    Ok(Format::Text)
}

/// Rejects text with the control characters of binary data.
fn check_text(text: &str) -> Result<(), ImportError> {
    if text.starts_with("%PDF") {
        return Err(ImportError::NotText {
            what: String::from("a PDF file"),
        });
    }
    let sample: Vec<char> = text.chars().take(8000).collect();
    let control = sample
        .iter()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if control > 0 && control * 100 >= sample.len().max(1) {
        return Err(ImportError::NotText {
            what: String::from("binary data"),
        });
    }
    Ok(())
}

/// One Windows-1252 byte as a character (the printable range 0x80–0x9F differs from Latin-1).
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_text_from_html_and_rejects_binary() {
        assert_eq!(
            detect("August 16, 2017\n\nDear Mr. Wang:"),
            Ok(Format::Text)
        );
        assert_eq!(
            detect("<html><body><p>August 16, 2017</p></body></html>"),
            Ok(Format::Html)
        );
        assert_eq!(
            detect("<DOCUMENT>\n<TYPE>UPLOAD\n<TEXT>\nAugust 16, 2017\n</TEXT>"),
            Ok(Format::WrappedText)
        );
        assert!(matches!(
            detect("<?xml version=\"1.0\"?><a/>"),
            Err(ImportError::NotText { .. })
        ));
        assert!(matches!(
            decode(b"%PDF-1.7\n..."),
            Err(ImportError::NotText { .. })
        ));
        assert!(matches!(
            decode(b"PK\x03\x04rest"),
            Err(ImportError::NotText { .. })
        ));
        assert!(matches!(
            decode(b"\x00\x01\x02\x03abc\x00\x00"),
            Err(ImportError::NotText { .. })
        ));
        assert_eq!(decode(b"\x93quoted\x94").unwrap(), "“quoted”");
    }
}
