//! Literals as the user wrote them: [`Str`] (a string unescaped once) and
//! [`Num`] (an integer with its span), and the string-literal parser that
//! names the offending token. The leaf every other stage reads literals
//! through.

use proc_macro2::{Literal, Span, TokenStream};
use syn::parse::ParseStream;
use syn::LitStr;

/// An integer given in an attribute, with the literal's span for errors.
#[derive(Clone)]
pub struct Num {
    /// The value (parsed as u64, so 300 is reported as 300, not wrapped).
    pub value: u64,
    /// The span of the user's literal.
    pub span: Span,
}

/// A string literal as written and its value, unescaped once (syn's
/// `LitStr::value` unescapes on every call, which is most of the cost of a
/// big enum's messages in an unoptimized macro build).
#[derive(Clone)]
pub struct Str {
    /// The user's token, for spans and to be written back as it is.
    pub token: Literal,
    /// The string's value.
    pub value: String,
}

impl Str {
    /// From a `"..."` token; `None` if it is not a string literal.
    pub fn from_literal(token: &Literal) -> Option<Str> {
        let repr = token.to_string();
        // The common case needs no unescaping: a plain `"..."` without a
        // backslash or a suffix.
        if let Some(inner) = repr.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
            if !inner.as_bytes().contains(&b'\\') && !inner.as_bytes().contains(&b'"') {
                return Some(Str {
                    token: token.clone(),
                    value: inner.to_owned(),
                });
            }
        }
        // A raw string (doc comments arrive as `r"..."`) has no escapes.
        if let Some(raw) = repr.strip_prefix('r') {
            let hashes = raw.len() - raw.trim_start_matches('#').len();
            let body = &raw[hashes..];
            let close = &raw[..hashes];
            if let Some(inner) = body
                .strip_prefix('"')
                .and_then(|b| b.strip_suffix(close))
                .and_then(|b| b.strip_suffix('"'))
            {
                return Some(Str {
                    token: token.clone(),
                    value: inner.to_owned(),
                });
            }
        }
        match syn::Lit::new(token.clone()) {
            syn::Lit::Str(lit) if lit.suffix().is_empty() => Some(Str::from_lit(&lit)),
            _ => None,
        }
    }

    /// From syn's literal.
    pub fn from_lit(lit: &LitStr) -> Str {
        Str {
            token: lit.token(),
            value: lit.value(),
        }
    }

    /// The literal's span.
    pub fn span(&self) -> Span {
        self.token.span()
    }
}

impl quote::ToTokens for Str {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        self.token.to_tokens(tokens);
    }
}

/// Parses a string literal or reports the user's token that is not one.
pub fn string_literal(input: ParseStream, example: &str) -> syn::Result<LitStr> {
    if input.peek(LitStr) {
        return input.parse();
    }
    let span = input
        .cursor()
        .token_tree()
        .map_or(input.span(), |(tt, _)| tt.span());
    Err(syn::Error::new(
        span,
        format_args!("expected a string literal, as in {example}"),
    ))
}
