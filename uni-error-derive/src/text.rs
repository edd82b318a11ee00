//! Generated code written as source text and lexed by rustc in one call.
//!
//! Building code with `quote!` costs a few hundred instructions per token in
//! the unoptimized build cargo gives proc macros, and a 500-variant enum
//! needs tens of thousands of tokens. Parts in which no token needs a
//! user's span (match patterns, `errno()` arms, the catalog table) are
//! written here as text instead; anything an error could point at (format
//! strings, field types, user expressions) still carries its span through
//! `quote!`. Text tokens get the call-site span, which is what `quote!`
//! gives its own tokens too, so hygiene is the same.

use std::fmt::{Display, Write as _};

use proc_macro2::TokenStream;
use syn::Member;

use crate::ast::{Field, Input, Variant};

/// Lexes `src`, which this crate wrote. It always lexes; if it ever did
/// not, the derive reports it instead of panicking.
pub fn tokens(src: &str) -> TokenStream {
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

/// Appends `Self::V { a: __field_a, 0: __field_0, .. }` (or `Self { .. }`
/// for a struct) binding `fields` to their locals.
pub fn pattern<'f, 'a: 'f>(
    out: &mut String,
    input: &Input,
    variant: &Variant,
    fields: impl IntoIterator<Item = &'f Field<'a>>,
) {
    let bindings = fields
        .into_iter()
        .map(|f| (&f.member, &f.binding as &dyn Display));
    pattern_with(out, input, variant, bindings);
}

/// Appends `Self::V { member: name, .. }` for each `(member, name)`.
pub fn pattern_with<'m>(
    out: &mut String,
    input: &Input,
    variant: &Variant,
    bindings: impl IntoIterator<Item = (&'m Member, &'m dyn Display)>,
) {
    out.push_str("Self");
    if input.is_enum {
        // `Display` of an `Ident` keeps `r#`.
        let _ = write!(out, "::{}", variant.ident);
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

/// A string literal whose value is `value`.
pub fn string(out: &mut String, value: &str) {
    // `Debug` of a `str` is a valid Rust string literal: quotes, backslashes
    // and control characters escaped, everything else as it is.
    let _ = write!(out, "{value:?}");
}

/// Token trees built in the macro without a round trip to the compiler per
/// token: the compiler sees a whole list at once when it becomes a
/// `TokenStream` (one call), where `quote!` interpolation pays per stream.
pub mod trees {
    use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenTree};
    use syn::Member;

    use crate::ast::{Field, Input, Variant};
    use crate::expand::call_site_ident;

    /// An identifier with the call-site span.
    pub fn ident(name: &str) -> TokenTree {
        TokenTree::Ident(Ident::new(name, Span::call_site()))
    }

    /// Pushes the operator `op` (`::`, `=>`, `,`) as joint punctuation.
    pub fn op(out: &mut Vec<TokenTree>, op: &str) {
        let mut chars = op.chars().peekable();
        while let Some(c) = chars.next() {
            let spacing = if chars.peek().is_some() {
                Spacing::Joint
            } else {
                Spacing::Alone
            };
            out.push(TokenTree::Punct(Punct::new(c, spacing)));
        }
    }

    /// A delimited group of `inner`.
    pub fn group(delimiter: Delimiter, inner: Vec<TokenTree>) -> TokenTree {
        TokenTree::Group(Group::new(delimiter, inner.into_iter().collect()))
    }

    /// Pushes `Self::V { a: __field_a, 0: __field_0, .. }` (or `Self { .. }`)
    /// binding `fields` to their locals.
    pub fn pattern<'f, 'a: 'f>(
        out: &mut Vec<TokenTree>,
        input: &Input,
        variant: &Variant,
        fields: impl IntoIterator<Item = &'f Field<'a>>,
    ) {
        out.push(ident("Self"));
        if input.is_enum {
            op(out, "::");
            out.push(TokenTree::Ident(call_site_ident(variant.ident)));
        }
        let mut inner = Vec::new();
        for field in fields {
            inner.push(match &field.member {
                Member::Named(name) => TokenTree::Ident(call_site_ident(name)),
                Member::Unnamed(index) => {
                    let mut lit = Literal::u32_unsuffixed(index.index);
                    lit.set_span(index.span);
                    TokenTree::Literal(lit)
                }
            });
            op(&mut inner, ":");
            inner.push(TokenTree::Ident(field.binding.clone()));
            op(&mut inner, ",");
        }
        op(&mut inner, "..");
        out.push(group(Delimiter::Brace, inner));
    }
}
