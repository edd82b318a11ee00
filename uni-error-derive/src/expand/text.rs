//! The one place generated code is written as source text or as raw token
//! trees; every other part of the expansion uses `quote!` and calls these
//! typed helpers for the rest.
//!
//! Building code with `quote!` costs a few hundred instructions per token in
//! the unoptimized build cargo gives proc macros, and a 500-variant enum
//! needs tens of thousands of tokens. Parts in which no token needs a
//! user's location (match patterns, `errno()` arms, the catalog table) are
//! written here as text, lexed by rustc in one call; text tokens get the
//! call-site span, as the span policy wants for generated names. The
//! `Display` arms are token trees (`trees`): they carry the user's format
//! strings and expressions with their spans.

use std::fmt::{Display, Write as _};

use proc_macro2::{Ident, TokenStream};
use syn::Member;

/// Lexes `src`, which this module wrote. It always lexes; if it ever did
/// not, the derive reports it instead of panicking.
fn tokens(src: &str) -> TokenStream {
    // Straight to rustc's lexer: proc_macro2's `FromStr` first re-lexes the
    // text with its own lexer to guard against arbitrary input, which costs
    // more than all the rest here in an unoptimized build. This text is ours.
    if proc_macro::is_available() {
        if let Ok(tokens) = src.parse::<proc_macro::TokenStream>() {
            return tokens.into();
        }
    }
    src.parse().unwrap_or_else(|_| {
        let msg = format!("uni-error-derive wrote code that does not lex, please report: {src}");
        quote::quote!(::core::compile_error!(#msg);)
    })
}

/// `Self::V { member: name, .. }` (`Self { .. }` for a struct) for each
/// `(member, name)`.
pub fn pattern<'m>(
    is_enum: bool,
    variant: &Ident,
    bindings: impl IntoIterator<Item = (&'m Member, &'m dyn Display)>,
) -> TokenStream {
    let mut src = String::new();
    write_pattern(&mut src, is_enum, variant, bindings);
    tokens(&src)
}

/// Appends the pattern of [`pattern`] to `out`.
fn write_pattern<'m>(
    out: &mut String,
    is_enum: bool,
    variant: &Ident,
    bindings: impl IntoIterator<Item = (&'m Member, &'m dyn Display)>,
) {
    out.push_str("Self");
    if is_enum {
        // `Display` of an `Ident` keeps `r#`.
        let _ = write!(out, "::{variant}");
    }
    out.push_str(" { ");
    for (member, name) in bindings {
        match member {
            Member::Named(ident) => {
                let _ = write!(out, "{ident}: {name}, ");
            }
            Member::Unnamed(index) => {
                let _ = write!(out, "{}: {name}, ", index.index);
            }
        }
    }
    out.push_str(".. }");
}

/// `#krate::__private::errno(match self { Self::V { .. } => 1504003u32, .. })`
/// for variants that all have a number; a struct's is the number alone.
pub fn errno_match<'v>(
    krate: &TokenStream,
    is_enum: bool,
    arms: impl IntoIterator<Item = (&'v Ident, u32)>,
) -> TokenStream {
    let mut src = format!("{krate}::__private::errno(");
    if is_enum {
        src.push_str("match self { ");
        for (variant, n) in arms {
            write_pattern(&mut src, true, variant, []);
            let _ = write!(src, " => {n}u32, ");
        }
        src.push('}');
    } else if let Some((_, n)) = arms.into_iter().next() {
        let _ = write!(src, "{n}u32");
    }
    src.push(')');
    tokens(&src)
}

/// One catalog row: what `#krate::catalog::CatalogEntry` holds of a
/// variant besides the type's name. A new column is a field here, its
/// parameter in [`CatalogRow::PARAMS`] and its value in
/// [`CatalogRow::write`], next to each other.
pub struct CatalogRow<'a> {
    /// The variant's name, without `r#`.
    pub variant: &'a str,
    /// errSubject.
    pub subject: &'a str,
    /// The validated errno.
    pub errno: u32,
    /// The const holding the errno of `#[errno(PATH)]` (then `errno` is
    /// unused).
    pub errno_const: Option<&'a str>,
    /// The `#[msg]` template as written.
    pub msg: &'a str,
    /// The doc comment's first paragraph.
    pub doc: &'a str,
    /// `#[deprecated]`'s note, `None` when not deprecated.
    pub deprecated: Option<&'a str>,
    /// `#[platforms(..)]`'s bits.
    pub platforms: Option<u8>,
    /// A deprecated row without a message.
    pub union_only: bool,
    /// `#[locales]` (empty without).
    pub locales: &'a [&'a str],
    /// The `#[locale]` templates in the order of `#[locales]` after the
    /// first (empty without).
    pub translations: Vec<&'a str>,
}

impl CatalogRow<'_> {
    /// The parameters of the local `const fn __entry` each row calls, in
    /// the order [`CatalogRow::write`] gives the values.
    pub const PARAMS: &'static str = "__variant: &'static str, __subject: &'static str, \
        __errno: u32, __msg: &'static str, __doc: &'static str";

    /// Appends `__entry("V", "subject", 1504003u32, "msg", "doc"), `,
    /// wrapped in `__deprecated(.., "note")` for a deprecated variant (the
    /// others pay nothing for the column).
    fn write(&self, out: &mut String) {
        let facts = self.platforms.is_some() || self.union_only;
        if facts {
            out.push_str("__facts(");
        }
        if self.deprecated.is_some() {
            out.push_str("__deprecated(");
        }
        out.push_str("__entry(");
        string(out, self.variant);
        out.push_str(", ");
        string(out, self.subject);
        match self.errno_const {
            Some(name) => {
                let _ = write!(out, ", {name}, ");
            }
            None => {
                let _ = write!(out, ", {}u32, ", self.errno);
            }
        }
        string(out, &self.msg_field());
        out.push_str(", ");
        string(out, self.doc);
        out.push(')');
        if let Some(note) = self.deprecated {
            out.push_str(", ");
            string(out, note);
            out.push(')');
        }
        if facts {
            // Bit 7: some platforms are listed.
            let bits = self.platforms.map_or(0, |b| b | 0x80);
            let _ = write!(out, ", {bits}u8, {})", self.union_only);
        }
        out.push_str(", ");
    }
}

impl CatalogRow<'_> {
    /// The row's `msg` field: the template; with `#[locales]` (or a
    /// template that starts with NUL, which would read as it), a NUL and
    /// length-prefixed pieces: the template, the languages, the
    /// translations. The core's `catalog::l10n` reads it: there is no
    /// field for the languages, which every row of every type would carry.
    fn msg_field(&self) -> std::borrow::Cow<'_, str> {
        if self.translations.is_empty() && !self.msg.starts_with('\0') {
            return self.msg.into();
        }
        let mut out = String::from("\0");
        let languages = if self.translations.is_empty() {
            &[][..]
        } else {
            self.locales
        };
        let pieces = std::iter::once(&self.msg)
            .chain(languages)
            .chain(&self.translations);
        for piece in pieces {
            let _ = write!(out, "{}:{piece}", piece.len());
        }
        out.into()
    }
}

/// `[__entry(..), ..]`: the rows as one array expression.
pub fn catalog_rows<'r>(rows: impl IntoIterator<Item = CatalogRow<'r>>) -> TokenStream {
    let mut src = String::from("[");
    for row in rows {
        row.write(&mut src);
    }
    src.push(']');
    tokens(&src)
}

/// The parameter list of [`CatalogRow::PARAMS`], as tokens.
pub fn catalog_params() -> TokenStream {
    tokens(CatalogRow::PARAMS)
}

/// `[&["..", ..], ..]`: each language's texts (see `crate::locale::Text`)
/// as one array of slices.
pub fn text_table(languages: &[Vec<&str>]) -> TokenStream {
    let mut src = String::from("[");
    for texts in languages {
        src.push_str("&[");
        for text in texts {
            string(&mut src, text);
            src.push_str(", ");
        }
        src.push_str("], ");
    }
    src.push(']');
    tokens(&src)
}

/// Appends a string literal whose value is `value`.
fn string(out: &mut String, value: &str) {
    // `Debug` of a `str` is a valid Rust string literal: quotes, backslashes
    // and control characters escaped, everything else as it is.
    let _ = write!(out, "{value:?}");
}

pub mod trees;
