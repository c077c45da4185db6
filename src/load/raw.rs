//! The YAML files exactly as written: serde types with the field names of SPEC §2–3.
//!
//! These types are the single source of truth for the file format: the loader
//! validates against the JSON Schema generated from them and then deserializes
//! into them; `respond schema` prints that same schema.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `letter.yaml`: the letter's metadata.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "letter.yaml",
    description = "Metadata of one SEC comment-response letter."
)]
pub struct RawLetter {
    /// Letter date, YYYY-MM-DD; printed as "December 9, 2014".
    pub date: String,
    /// Delivery line under the date. Default: "VIA EDGAR".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// Lines printed at the top of page 1 (the company's letterhead).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letterhead: Option<Vec<String>>,
    /// The SEC staff members the letter is addressed to, in order.
    pub addressees: Vec<RawAddressee>,
    /// The office line(s) under the addressees. Default: "Division of Corporation Finance".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<Lines>,
    /// Address lines under "Securities and Exchange Commission". Default: 100 F Street, N.E. / Washington, D.C. 20549.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Vec<String>>,
    /// The company that files the response.
    pub company: RawCompany,
    /// The filing the staff commented on.
    pub filing: RawFiling,
    /// Date of the staff letter being answered, YYYY-MM-DD.
    pub staff_letter: String,
    /// Replaces the default opening paragraph (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<String>,
    /// Closing paragraph(s) before "Very truly yours," (Markdown), usually whom to contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing: Option<String>,
    /// Print the "Tandy" acknowledgments (no longer required since October 2016). Default: false.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledgments: Option<bool>,
    /// Who signs the letter; printed as "/s/ Name", name, title.
    pub signatory: RawSignatory,
    /// Copy recipients, one line each, printed after "cc:".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cc: Option<Vec<String>>,
    /// Convenience translation used by `respond check` to recompute paired figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation: Option<RawTranslation>,
    /// Rule 83 confidential treatment request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidential_treatment: Option<RawConfidentialTreatment>,
    /// The name Word shows on the tracked changes of letter.docx and redline.docx, e.g. the law firm drafting the letter. Default: the company's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision_author: Option<String>,
}

/// One line of text, or several.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Lines {
    /// A single line.
    One(String),
    /// Several lines, in order.
    Many(Vec<String>),
}

impl Lines {
    /// The lines, in order.
    pub fn into_vec(self) -> Vec<String> {
        match self {
            Lines::One(line) => vec![line],
            Lines::Many(lines) => lines,
        }
    }
}

/// An SEC staff member the letter is addressed to.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAddressee {
    /// Full name, e.g. "Craig Wilson".
    pub name: String,
    /// Title, e.g. "Senior Assistant Chief Accountant".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// How the salutation names them, e.g. "Mr. Wilson".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salutation: Option<String>,
}

/// The company that files the response.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCompany {
    /// Legal name, e.g. "21Vianet Group, Inc.".
    pub name: String,
    /// The defined term used in the letter, with its article. Default: "the Company".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
}

/// The filing the staff commented on.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFiling {
    /// The form, e.g. "20-F" or "10-K".
    pub form: String,
    /// Fiscal year end, YYYY-MM-DD.
    pub fiscal_year_end: String,
    /// Date the filing was filed, YYYY-MM-DD.
    pub filed: String,
    /// Commission file number, e.g. "001-35126".
    pub file_number: String,
    /// The defined term for the filing, with its article. Default: "the {fiscal year} {form}".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
}

/// Who signs the letter.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSignatory {
    /// Full name.
    pub name: String,
    /// Title, e.g. "Chief Financial Officer".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// A convenience translation between two currencies.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTranslation {
    /// Currency prefix of the reported figures, e.g. "RMB".
    pub from: String,
    /// Currency prefix of the translated figures, e.g. "US$".
    pub to: String,
    /// Units of `from` per one unit of `to`, e.g. 6.0537.
    pub rate: f64,
}

/// A Rule 83 confidential treatment request.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawConfidentialTreatment {
    /// Who requests confidential treatment, printed at the top of every page.
    pub requested_by: String,
    /// Page code printed at the foot of every page, numbered "{page_code}-001", "-002", ….
    pub page_code: String,
}

/// `comments/NN-*.yaml`: one staff comment and the company's response.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "comment file",
    description = "One staff comment and the company's response."
)]
pub struct RawComment {
    /// The comment's number in the staff letter (1, 2, 3, …).
    pub number: i64,
    /// The staff letter's heading path above the comment; printed where it differs from the previous comment's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headings: Option<Vec<String>>,
    /// The staff's comment, verbatim (Markdown); printed in bold with its number.
    pub comment: String,
    /// The company's response: an ordered list of `text` and `revise` parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<Vec<RawPart>>,
    /// Internal drafting notes; never rendered anywhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// One part of a response: exactly one of `text` or `revise`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPart {
    /// Response text (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// A passage of the filing the company will revise, shown as a redline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revise: Option<RawRevision>,
}

/// A passage of the filing as filed and as it will read.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRevision {
    /// Where the passage is, e.g. "Item 5. Operating and Financial Review and Prospects—B. Liquidity and Capital Resources".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// The page of the filing the passage is currently on, e.g. "76" or "F-77".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<Scalar>,
    /// Replaces the default sentence introducing the passage (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<String>,
    /// The passage as filed (Markdown). Required: write `original: ""` for wholly new disclosure.
    pub original: String,
    /// The passage as it will read in future filings (Markdown).
    pub revised: String,
    /// Show deleted text struck through in the letter. Default: true. The redline document always shows deletions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_deletions: Option<bool>,
}

/// A scalar written as text or as a number (e.g. a page: `76` or `"F-77"`).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Scalar {
    /// An integer, e.g. 76.
    Integer(i64),
    /// A decimal number.
    Float(f64),
    /// Text, e.g. "F-77".
    Text(String),
}

impl Scalar {
    /// The scalar as text.
    pub fn to_text(&self) -> String {
        match self {
            Scalar::Integer(i) => i.to_string(),
            Scalar::Float(f) => f.to_string(),
            Scalar::Text(s) => s.clone(),
        }
    }
}

/// First line of `responses/<letter-id>/letter.yaml`: yaml-language-server
/// resolves the path from the file's own folder (`respond schema --write .respond`
/// writes the schema there).
pub const SCHEMA_MODELINE_LETTER: &str =
    "# yaml-language-server: $schema=../../.respond/letter.schema.json";
/// First line of `responses/<letter-id>/comments/NN-*.yaml`.
pub const SCHEMA_MODELINE_COMMENT: &str =
    "# yaml-language-server: $schema=../../../.respond/comment.schema.json";

/// The JSON Schema of `letter.yaml`.
pub fn letter_schema() -> serde_json::Value {
    schemars::schema_for!(RawLetter).to_value()
}

/// The JSON Schema of a comment file.
pub fn comment_schema() -> serde_json::Value {
    schemars::schema_for!(RawComment).to_value()
}

/// Every field name of `letter.yaml` and of a comment file, at any depth.
pub fn field_names() -> &'static [String] {
    static NAMES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = Vec::new();
        collect_properties(&letter_schema(), &mut names);
        collect_properties(&comment_schema(), &mut names);
        names.sort();
        names.dedup();
        names
    })
}

fn collect_properties(schema: &serde_json::Value, names: &mut Vec<String>) {
    match schema {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::Object(props)) = map.get("properties") {
                names.extend(props.keys().cloned());
            }
            map.values().for_each(|v| collect_properties(v, names));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_properties(v, names)),
        _ => {}
    }
}
