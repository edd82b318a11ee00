//! The errSubject and errno rules and their messages, written once for
//! both crates. This file is `uni-error-core/src/rules.rs`;
//! `uni-error-derive/src/rules.rs` is a symlink to it (serde_derive shares
//! its `internals` with serde_derive_internals the same way), so each
//! package ships its own copy of the same text. The runtime applies the
//! rules to values (`uni_error::subject::check`, `Errno::new`, `Platform`),
//! the derive to attribute literals when it runs; the derive's test
//! `agree` runs both on one table of inputs.
//!
//! Only `core` and `std` here: nothing of either crate. An item only one
//! crate uses says so with `#[allow(dead_code)]`.

use core::fmt;

// ---------------------------------------------------------------------------
// errSubject (uni-app's error spec): levels joined by `::`, each level made
// of `A-Z a-z 0-9 - _`, none empty.
// ---------------------------------------------------------------------------

/// Why a string is not an errSubject, with the subject (its first 80
/// characters) for the message. Returned by `uni_error::subject::check`
/// and reported by `#[derive(UniError)]` for a bad `#[subject]`, in the
/// same words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubjectError {
    /// The subject (its first 80 characters).
    subject: String,
    /// What is wrong with it.
    problem: SubjectProblem,
}

/// What is wrong with a subject: the first rule it breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
enum SubjectProblem {
    /// `""`.
    Empty,
    /// A space, tab, newline, ...
    Whitespace,
    /// `::b`.
    NoFirstLevel,
    /// `a::`.
    NoLastLevel,
    /// `a::::b`.
    EmptyLevel,
    /// A character outside a level's set, and the level (its first 40
    /// characters).
    BadChar(char, String),
}

/// Checks `subject` against the errSubject rules: `Err` names the first
/// rule it breaks.
pub fn check_subject(subject: &str) -> Result<(), SubjectError> {
    let problem = if subject.is_empty() {
        SubjectProblem::Empty
    } else if subject.chars().any(char::is_whitespace) {
        SubjectProblem::Whitespace
    } else if subject.starts_with("::") {
        SubjectProblem::NoFirstLevel
    } else if subject.ends_with("::") {
        SubjectProblem::NoLastLevel
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

/// What is wrong with one level of a subject.
fn level_problem(level: &str) -> Option<SubjectProblem> {
    if level.is_empty() {
        return Some(SubjectProblem::EmptyLevel);
    }
    let bad = level
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))?;
    Some(SubjectProblem::BadChar(
        bad,
        level.chars().take(40).collect(),
    ))
}

impl SubjectError {
    /// The subject that was refused (its first 80 characters).
    #[allow(dead_code)] // the runtime's accessor
    pub fn subject(&self) -> &str {
        &self.subject
    }
}

impl fmt::Display for SubjectError {
    /// The same words `#[derive(UniError)]` uses for a bad `#[subject]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.subject;
        match &self.problem {
            SubjectProblem::Empty => f.write_str(
                "errSubject is empty: expected e.g. \"uni-login\" or \"uni-login::weixin\"",
            ),
            SubjectProblem::Whitespace => write!(
                f,
                "errSubject {s:?} contains whitespace: join words with `-` (\"uni-login\") and levels with `::`"
            ),
            SubjectProblem::NoFirstLevel => {
                write!(f, "errSubject {s:?} starts with `::`: the first level is missing")
            }
            SubjectProblem::NoLastLevel => {
                write!(f, "errSubject {s:?} ends with `::`: the last level is missing")
            }
            SubjectProblem::EmptyLevel => write!(
                f,
                "errSubject {s:?} has an empty level: `::::` where one `::` was meant"
            ),
            SubjectProblem::BadChar(c, level) => write!(
                f,
                "errSubject {s:?} has {c:?} in level {level:?}: a level is made of A-Z, a-z, 0-9, `-` and `_`, and levels are joined by `::`"
            ),
        }
    }
}

impl std::error::Error for SubjectError {}

// ---------------------------------------------------------------------------
// errno: seven decimal digits, category (2) sub-category (2) code (3).
// ---------------------------------------------------------------------------

/// The largest errno, `9_999_999`.
pub const ERRNO_MAX: u32 = 9_999_999;

/// A part of an errno.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// Digits 1–2.
    Category,
    /// Digits 3–4.
    Sub,
    /// Digits 5–7.
    Code,
}

impl Part {
    /// The part's largest value: 99, 99, 999.
    pub const fn max(self) -> u16 {
        match self {
            Part::Category | Part::Sub => 99,
            Part::Code => 999,
        }
    }

    /// The part's name in messages.
    pub const fn name(self) -> &'static str {
        match self {
            Part::Category => "category",
            Part::Sub => "sub-category",
            Part::Code => "code",
        }
    }
}

/// The errno of three parts in range.
pub const fn compose(category: u32, sub: u32, code: u32) -> u32 {
    category * 100_000 + sub * 1_000 + code
}

/// "errno category 100 is out of range: expected 0..=99".
pub struct PartOutOfRange {
    /// The part.
    pub part: Part,
    /// Its value, as given.
    pub value: u64,
}

impl fmt::Display for PartOutOfRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "errno {} {} is out of range: expected 0..={}",
            self.part.name(),
            self.value,
            self.part.max()
        )
    }
}

/// "errno 10000000 is out of range: expected at most 7 digits
/// (0..=9999999)", for a number or its digits.
pub struct TooLarge<T>(pub T);

impl<T: fmt::Display> fmt::Display for TooLarge<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "errno {} is out of range: expected at most 7 digits (0..={ERRNO_MAX})",
            self.0
        )
    }
}

// ---------------------------------------------------------------------------
// Platforms: the hundreds digit of the code (uni-app's error spec).
// ---------------------------------------------------------------------------

/// Each platform's name (as `#[errno(platform = "..")]` takes it) and code
/// range, in the order of `uni_error::Platform`'s variants.
pub const PLATFORMS: [(&str, u16, u16); 5] = [
    ("shared", 0, 599),
    ("cross", 600, 699),
    ("android", 700, 799),
    ("ios", 800, 899),
    ("web", 900, 999),
];

/// The index in [`PLATFORMS`] of the platform whose range holds `code`
/// (taken modulo 1000).
#[allow(dead_code)] // the runtime's `Platform::of_code`
pub const fn platform_of_code(code: u16) -> usize {
    let code = code % 1000;
    let mut i = 0;
    while i < PLATFORMS.len() {
        if code >= PLATFORMS[i].1 && code <= PLATFORMS[i].2 {
            return i;
        }
        i += 1;
    }
    0
}

/// The code range of the platform called `name`.
#[allow(dead_code)] // the derive's `platform = ".."`
pub fn platform_named(name: &str) -> Option<(u16, u16)> {
    PLATFORMS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|&(_, lo, hi)| (lo, hi))
}

/// "unknown platform `mac`, expected one of shared, cross, android, ios, web".
#[allow(dead_code)] // the derive's
pub struct UnknownPlatform<'a>(pub &'a str);

impl fmt::Display for UnknownPlatform<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown platform `{}`, expected one of ", self.0)?;
        for (i, (name, _, _)) in PLATFORMS.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(name)?;
        }
        Ok(())
    }
}

/// "errno code 005 is outside the cross range: platform = "cross" expects
/// 600..=699".
#[allow(dead_code)] // the derive's
pub struct OutsidePlatform<'a> {
    /// The code (the errno's last three digits).
    pub code: u16,
    /// The platform's name.
    pub name: &'a str,
    /// Its range.
    pub range: (u16, u16),
}

impl fmt::Display for OutsidePlatform<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (name, (lo, hi)) = (self.name, self.range);
        write!(
            f,
            "errno code {:03} is outside the {name} range: platform = \"{name}\" expects {lo:03}..={hi:03}",
            self.code
        )
    }
}

#[cfg(test)]
mod tests {
    use super::{check_subject, platform_named, platform_of_code, PLATFORMS};

    #[test]
    fn subjects_the_spec_allows() {
        for ok in [
            "uni-login",
            "uni-login::weixin",
            "uni-getSystemInfo",
            "uni-SocketTask-onMessage",
            "my_plugin-api::a::b",
            "csj",
        ] {
            assert_eq!(check_subject(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn each_malformed_subject_is_named() {
        let cases = [
            ("", "is empty"),
            ("uni login", "whitespace"),
            ("uni-login\t", "whitespace"),
            ("::weixin", "starts with `::`"),
            ("uni-login::", "ends with `::`"),
            ("a::::b", "empty level"),
            ("a:::b", "':'"),
            ("uni.login", "'.'"),
            ("登录", "'登'"),
            ("a/b", "'/'"),
        ];
        for (bad, expected) in cases {
            let msg = check_subject(bad).err().map(|e| e.to_string());
            assert!(
                msg.as_deref().is_some_and(|m| m.contains(expected)),
                "{bad:?}: {msg:?}"
            );
        }
    }

    #[test]
    fn platform_ranges_tile_the_codes() {
        let mut next = 0;
        for (i, (name, lo, hi)) in PLATFORMS.into_iter().enumerate() {
            assert_eq!(lo, next, "{name}");
            assert_eq!(platform_named(name), Some((lo, hi)));
            assert_eq!(platform_of_code(lo), i);
            assert_eq!(platform_of_code(hi), i);
            next = hi + 1;
        }
        assert_eq!(next, 1000);
        assert_eq!(platform_of_code(1601), 1);
        assert_eq!(platform_named("mac"), None);
    }
}
