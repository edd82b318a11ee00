//! The errSubject rules (uni-app's error spec): levels joined by `::`, each
//! level made of `A-Z a-z 0-9 - _`, none empty — `uni-login`,
//! `uni-login::weixin`, `uni-SocketTask-onMessage`.
//!
//! `#[derive(UniError)]` applies them when it compiles; [`check`] applies
//! the same rules (one file, `rules.rs`, serves both) at run time, and
//! [`Error::try_new`](crate::Error::try_new) builds an owned error only
//! from a subject that passes.
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

pub use crate::rules::SubjectError;

/// Checks `subject` against the errSubject rules.
///
/// # Errors
///
/// A [`SubjectError`] that says what is wrong: empty, whitespace, a missing
/// first or last level, an empty level, or a character outside a level's set.
pub fn check(subject: &str) -> Result<(), SubjectError> {
    crate::rules::check_subject(subject)
}
