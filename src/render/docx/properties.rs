//! The package's properties: title, author and dates (`docProps/core.xml`),
//! and the application that wrote it (`docProps/app.xml`). The dates are the
//! ones the PDF records (the letter's date, or `SOURCE_DATE_EPOCH`), never the
//! clock.

use super::xml::{DECLARATION, escape};
use crate::render::pdf::PdfDate;

/// `docProps/core.xml`.
pub fn core_xml(title: &str, author: &str, date: &PdfDate) -> String {
    let when = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        date.year, date.month, date.day, date.hour, date.minute, date.second
    );
    format!(
        "{DECLARATION}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:creator>{}</dc:creator>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:modified></cp:coreProperties>",
        escape(title),
        escape(author)
    )
}

/// `docProps/app.xml`.
pub fn app_xml() -> String {
    format!(
        "{DECLARATION}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>respond</Application></Properties>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_properties_carry_title_author_and_the_given_date() {
        let date = PdfDate {
            year: 2014,
            month: 12,
            day: 9,
            ..PdfDate::default()
        };
        let xml = core_xml("Response & reply", "21Vianet Group, Inc.", &date);
        assert!(xml.contains("<dc:title>Response &amp; reply</dc:title>"));
        assert!(xml.contains("<dc:creator>21Vianet Group, Inc.</dc:creator>"));
        assert_eq!(xml.matches("2014-12-09T00:00:00Z").count(), 2);
    }
}
