//! Generated code is lint-clean in strict user crates: this file derives
//! every attribute combination under the strictest common lint settings
//! (CI runs clippy over it with `-D warnings`), with user modules named
//! `std`, `core` and `serde` in scope, so any relative path in the
//! expansion would fail to resolve.

#![deny(warnings, unused_qualifications, clippy::all, clippy::pedantic)]
#![forbid(unsafe_code)]
#![allow(clippy::missing_errors_doc)]

/// Shadows `std` for relative paths.
#[allow(dead_code)]
mod std {}
/// Shadows `core` for relative paths.
#[allow(dead_code)]
mod core {}
/// Shadows `serde` for relative paths.
#[allow(dead_code)]
mod serde {}

use uni_error::UniError;

/// A data payload.
#[derive(Debug, ::serde::Serialize)]
pub struct Profile {
    /// The user's name.
    pub name: String,
}

/// A typed source.
#[derive(Debug, UniError)]
#[subject("uni-lints::sdk")]
#[errno(category = 14, sub = 16, code = 601, platform = "cross")]
#[msg("sdk failed with {code}")]
pub struct SdkError {
    /// The SDK's own code.
    pub code: i32,
}

/// Every field and message form.
#[derive(Debug, UniError)]
#[subject("uni-lints")]
#[errno(category = 15, sub = 4)]
pub enum Everything {
    /// Named field in the message.
    #[errno(code = 1)]
    #[msg("named {reason}")]
    Named {
        /// Why.
        reason: String,
    },
    /// Positional field, debug format, format spec.
    #[errno(code = 2)]
    #[msg("positional {0:?} {1:>5}")]
    Positional(String, u32),
    /// Extra format arguments.
    #[errno(code = 3)]
    #[msg("{} items, first {first}", .0.len(), first = .0.first().copied().unwrap_or_default())]
    Args(Vec<u8>),
    /// A whole number errno and a per-variant subject.
    #[errno(1_504_004)]
    #[subject("uni-lints::other")]
    #[msg("unit")]
    Unit,
    /// A typed source and optional data.
    #[errno(code = 705, platform = "android")]
    #[msg("typed source")]
    Typed {
        /// The cause.
        #[source]
        sdk: SdkError,
        /// Partial result.
        #[data]
        partial: Option<Profile>,
    },
    /// A plain std source via `From`.
    #[errno(code = 6)]
    #[msg("io: {0}")]
    Io(#[from] ::std::io::Error),
    /// A field named `source` is a source.
    #[errno(code = 7)]
    #[msg("boxed")]
    Boxed {
        /// The cause.
        source: Box<dyn ::std::error::Error + Send + Sync>,
    },
    /// Several sources become an aggregate.
    #[errno(code = 8)]
    #[msg("all failed")]
    All {
        /// The causes.
        #[source]
        errors: Vec<SdkError>,
    },
    /// An optional source.
    #[errno(code = 909, platform = "web")]
    #[msg("maybe")]
    Maybe(#[source] Option<SdkError>),
    /// Required data.
    #[errno(code = 810, platform = "ios")]
    #[msg("with data")]
    Data(#[data] Profile),
}

/// A generic error with a generic source and data.
#[derive(Debug, UniError)]
#[subject("uni-lints::generic")]
#[errno(category = 1, sub = 2, code = 3)]
#[msg("generic: {source}")]
pub struct Generic<E, T>
where
    E: ::std::fmt::Debug,
{
    /// The cause.
    pub source: E,
    /// The payload.
    #[data]
    pub payload: T,
}

#[test]
fn strict_user_code_compiles_and_runs() {
    let e = Everything::Typed {
        sdk: SdkError { code: 3 },
        partial: None,
    };
    assert_eq!(e.errno().get(), 1_504_705);
    let g = Generic {
        source: ::std::io::Error::other("x"),
        payload: 1u8,
    };
    assert_eq!(
        ::serde_json::to_string(&g).unwrap(),
        r#"{"errSubject":"uni-lints::generic","errCode":102003,"errMsg":"generic: x","data":1,"cause":{"message":"x"}}"#
    );
}
