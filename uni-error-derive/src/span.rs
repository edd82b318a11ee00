//! Span helpers, the one place spans are made (see the span policy at the
//! top of `expand`): a span's *resolution* decides which names a token
//! sees, its *location* where an error about it points. Generated names
//! resolve at the call site; errors point at the user's tokens.

use proc_macro2::{Ident, Span, TokenStream, TokenTree};

use crate::lit::Str;

/// A span that resolves at the call site, located at `span` (see the span
/// policy).
pub fn located(span: Span) -> Span {
    Span::call_site().located_at(span)
}

/// `ident` resolved at the call site, where the user wrote it.
pub fn call_site_ident(ident: &Ident) -> Ident {
    let mut ident = ident.clone();
    ident.set_span(located(ident.span()));
    ident
}

/// `tokens` with every span set to `span`.
pub fn respan(tokens: &TokenStream, span: Span) -> TokenStream {
    tokens
        .clone()
        .into_iter()
        .map(|mut tt| {
            if let TokenTree::Group(g) = &tt {
                let mut group = proc_macro2::Group::new(g.delimiter(), respan(&g.stream(), span));
                group.set_span(span);
                tt = TokenTree::Group(group);
            } else {
                tt.set_span(span);
            }
            tt
        })
        .collect()
}

/// `ident` with its resolution kept and its location moved to `at`: a
/// generated local written where the user's token is (`.field` in a
/// `#[msg]` argument).
pub fn relocated(ident: &Ident, at: Span) -> Ident {
    let mut ident = ident.clone();
    ident.set_span(ident.span().located_at(at));
    ident
}

/// The span of `len` bytes at `at` in the string's value: a subspan of the
/// literal where the compiler gives one (a plain `"..."` or raw string,
/// whose value is its source text) and the whole string otherwise.
pub fn name_span(lit: &Str, at: usize, len: usize) -> Span {
    let repr = lit.token.to_string();
    let start = if repr.starts_with('"') && !repr.contains('\\') {
        Some(1)
    } else {
        repr.strip_prefix('r')
            .map(|raw| 2 + raw.len() - raw.trim_start_matches('#').len())
    };
    start
        .and_then(|start| lit.token.subspan(start + at..start + at + len))
        .unwrap_or_else(|| lit.span())
}
