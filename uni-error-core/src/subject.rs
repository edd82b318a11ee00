//! The errSubject rules (uni-app's error spec): levels joined by `::`, each
//! level made of `A-Z a-z 0-9 - _`, none empty — `uni-login`,
//! `uni-login::weixin`, `uni-SocketTask-onMessage`.
//!
//! `#[derive(UniError)]` applies them when it compiles; [`check`] applies
//! the same rules at run time, and [`Error::try_new`](crate::Error::try_new)
//! builds an owned error only from a subject that passes.
//! [`Error::new`](crate::Error::new) stays permissive on purpose: a subject
//! read from another system is kept as it came.
//!
//! ```
//! use uni_error::subject;
//!
//! assert!(subject::check("uni-login::weixin").is_ok());
//! assert_eq!(
//!     subject::check("uni login").unwrap_err().to_string(),
//!     r#"errSubject "uni login" contains whitespace: join words with `-` ("uni-login") and levels with `::`"#
//! );
//! ```

use core::fmt;

/// Checks `subject` against the errSubject rules.
///
/// # Errors
///
/// A [`SubjectError`] that says what is wrong: empty, whitespace, a missing
/// first or last level, an empty level, or a character outside a level's set.
pub fn check(subject: &str) -> Result<(), SubjectError> {
    let problem = if subject.is_empty() {
        Problem::Empty
    } else if subject.chars().any(char::is_whitespace) {
        Problem::Whitespace
    } else if subject.starts_with("::") {
        Problem::NoFirstLevel
    } else if subject.ends_with("::") {
        Problem::NoLastLevel
    } else {
        match subject.split("::").find_map(level_problem) {
            Some(problem) => problem,
            None => return Ok(()),
        }
    };
    Err(SubjectError {
        subject: subject.chars().take(80).collect(),
        problem,
    })
}

fn level_problem(level: &str) -> Option<Problem> {
    if level.is_empty() {
        return Some(Problem::EmptyLevel);
    }
    let bad = level
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))?;
    Some(Problem::BadChar(bad, level.chars().take(40).collect()))
}

/// Why a string is not an errSubject; see [`check`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubjectError {
    /// The subject (its first 80 characters).
    subject: String,
    problem: Problem,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Problem {
    Empty,
    Whitespace,
    NoFirstLevel,
    NoLastLevel,
    EmptyLevel,
    BadChar(char, String),
}

impl SubjectError {
    /// The subject that was refused (its first 80 characters).
    pub fn subject(&self) -> &str {
        &self.subject
    }
}

impl fmt::Display for SubjectError {
    /// The same words `#[derive(UniError)]` uses for a bad `#[subject]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.subject;
        match &self.problem {
            Problem::Empty => f.write_str(
                "errSubject is empty: expected e.g. \"uni-login\" or \"uni-login::weixin\"",
            ),
            Problem::Whitespace => write!(
                f,
                "errSubject {s:?} contains whitespace: join words with `-` (\"uni-login\") and levels with `::`"
            ),
            Problem::NoFirstLevel => {
                write!(f, "errSubject {s:?} starts with `::`: the first level is missing")
            }
            Problem::NoLastLevel => {
                write!(f, "errSubject {s:?} ends with `::`: the last level is missing")
            }
            Problem::EmptyLevel => write!(
                f,
                "errSubject {s:?} has an empty level: `::::` where one `::` was meant"
            ),
            Problem::BadChar(c, level) => write!(
                f,
                "errSubject {s:?} has {c:?} in level {level:?}: a level is made of A-Z, a-z, 0-9, `-` and `_`, and levels are joined by `::`"
            ),
        }
    }
}

impl std::error::Error for SubjectError {}
