//! A content problem, precise enough for an editor to fix it without reading Rust.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentError {
    Read {
        file: PathBuf,
        message: String,
    },
    /// Not TOML at all: the parser's message has the line and column.
    Parse {
        file: String,
        message: String,
    },
    /// A value that is missing, of the wrong type, not one of its allowed values, or that
    /// breaks a rule of the content (an unknown id, a weight out of range…).
    Invalid {
        file: String,
        entry: String,
        field: String,
        message: String,
    },
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContentError::Read { file, message } => {
                write!(f, "{}: cannot read: {message}", file.display())
            }
            ContentError::Parse { file, message } => {
                write!(f, "content/{file}: {}", message.trim_end())
            }
            ContentError::Invalid {
                file,
                entry,
                field,
                message,
            } => {
                write!(
                    f,
                    "content/{file}: entry '{entry}', field '{field}': {message}"
                )
            }
        }
    }
}

impl std::error::Error for ContentError {}

/// Where a check is looking: the file and the entry, to name in its error.
pub struct Check<'a> {
    pub file: &'a str,
    pub entry: &'a str,
}

impl Check<'_> {
    pub fn fail(&self, field: &str, message: impl Into<String>) -> ContentError {
        let lang = super::validate::LANGUAGE.with(std::cell::Cell::get);
        ContentError::Invalid {
            // The wording checked is that language's file (references, but for the worded ones,
            // are never translated).
            file: if lang == "en" || self.file == "references.toml" {
                self.file.to_string()
            } else {
                format!("{lang}/{}", self.file)
            },
            entry: self.entry.to_string(),
            field: field.to_string(),
            message: message.into(),
        }
    }
}
