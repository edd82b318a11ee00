//! The extra arguments of `#[msg("..", args..)]`: field references in their
//! expressions become the locals the `match` arm binds. `.field` and `.0`
//! (a dot that does not follow an expression) always name a field; a bare
//! `field` does too, as if the fields were locals (thiserror's reading, and
//! Rust's format implicit capture's), unless it is a path segment, a
//! method or field after a dot, a macro, a struct literal's field name or
//! an associated type binding (`Tr<A = i32>`).

use crate::set::SortedSet;

use proc_macro2::{Delimiter, Group, Punct, Spacing, TokenStream, TokenTree};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::Ident;

use super::diag::{describe_fields, is_index, is_named};
use super::FieldNames;
use crate::span::relocated;

/// Replaces `.field` / `.0` (a dot that does not follow an expression) with
/// the field's binding, through groups.
pub fn rewrite_expr(
    tokens: TokenStream,
    fields: &[impl FieldNames],
    variant_name: &Ident,
    used: &mut SortedSet<usize>,
    errors: &mut Vec<syn::Error>,
) -> TokenStream {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = TokenStream::new();
    let mut after_expr = false;
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            TokenTree::Punct(p)
                if p.as_char() == '.'
                    && !after_expr
                    && p.spacing() == proc_macro2::Spacing::Alone =>
            {
                if let Some(target) = dot_target(tokens.get(i + 1), fields) {
                    match target.field {
                        Some(f) => {
                            used.insert(f);
                            target.push(fields[f].binding(), &mut out);
                        }
                        None => errors.push(syn::Error::new(
                            target.span,
                            format_args!(
                                "`{}` in #[msg] is not a field: {}",
                                target.text,
                                describe_fields(fields, variant_name)
                            ),
                        )),
                    }
                    i += 2;
                    after_expr = true;
                    continue;
                }
                p.to_tokens(&mut out);
                after_expr = false;
            }
            TokenTree::Punct(p) => {
                p.to_tokens(&mut out);
                // `..` is a range: the dot after it starts nothing.
                after_expr = false;
                if p.as_char() == '.' && p.spacing() == proc_macro2::Spacing::Joint {
                    if let Some(next) = tokens.get(i + 1) {
                        next.to_tokens(&mut out);
                        i += 1;
                    }
                }
            }
            TokenTree::Group(g) => {
                let inner = rewrite_expr(g.stream(), fields, variant_name, used, errors);
                let mut group = Group::new(g.delimiter(), inner);
                group.set_span(g.span());
                group.to_tokens(&mut out);
                after_expr = g.delimiter() != Delimiter::None || after_expr;
            }
            TokenTree::Ident(ident) => {
                match bare_field(&tokens, i, ident, fields) {
                    Some(f) => {
                        used.insert(f);
                        relocated(fields[f].binding(), ident.span()).to_tokens(&mut out);
                    }
                    None => ident.to_tokens(&mut out),
                }
                after_expr = ends_expr(ident);
            }
            TokenTree::Literal(lit) => {
                lit.to_tokens(&mut out);
                after_expr = true;
            }
        }
        i += 1;
    }
    out
}

/// False after a keyword such as `if`/`match`/`return`, where a dot would
/// start a field reference too; `self.x` stays a field access.
fn ends_expr(ident: &Ident) -> bool {
    !matches!(
        ident.to_string().as_str(),
        "if" | "match" | "return" | "in" | "while" | "else" | "let" | "move"
    )
}

/// What a `.` that starts an expression is followed by: `.name` or `.0`
/// (`.0.1` lexes as `.` and the float `0.1`: field 0, then its own `.1`).
struct DotTarget {
    /// The field it names, if any.
    field: Option<usize>,
    /// `.name` as written, for messages.
    text: String,
    /// The span of the name or index.
    span: proc_macro2::Span,
    /// The `1` of `.0.1`.
    tail: Option<u32>,
}

impl DotTarget {
    /// Pushes the field's `binding` (the local as generated, at the user's
    /// `.field`), then `.1` of `.0.1`.
    fn push(&self, binding: &Ident, out: &mut TokenStream) {
        relocated(binding, self.span).to_tokens(out);
        if let Some(tail) = self.tail {
            let mut dot = Punct::new('.', Spacing::Alone);
            dot.set_span(self.span);
            let mut index = proc_macro2::Literal::u32_unsuffixed(tail);
            index.set_span(self.span);
            dot.to_tokens(out);
            index.to_tokens(out);
        }
    }
}

/// The target of a `.` followed by `next`, or `None` when it is neither a
/// name nor an index.
fn dot_target(next: Option<&TokenTree>, fields: &[impl FieldNames]) -> Option<DotTarget> {
    match next? {
        TokenTree::Ident(ident) => {
            let name = ident.unraw().to_string();
            Some(DotTarget {
                field: fields.iter().position(|f| is_named(f.member(), &name)),
                text: format!(".{ident}"),
                span: ident.span(),
                tail: None,
            })
        }
        TokenTree::Literal(lit) => {
            let text = lit.to_string();
            let (index, tail) = match text.split_once('.') {
                Some((n, m)) if !m.is_empty() && m.bytes().all(|b| b.is_ascii_digit()) => {
                    (n, m.parse::<u32>().ok())
                }
                _ => (text.as_str(), None),
            };
            let field = index
                .parse::<usize>()
                .ok()
                .filter(|_| tail.is_some() || !text.contains('.'))
                .and_then(|n| fields.iter().position(|f| is_index(f.member(), n)));
            Some(DotTarget {
                field,
                text: format!(".{text}"),
                span: lit.span(),
                tail,
            })
        }
        _ => None,
    }
}

/// The field a bare identifier at `tokens[i]` names, if it is used as a
/// value: not after `.` (a method or another value's field), `::` or `'`
/// (a path segment, a lifetime), nor before `::`, `!` (a path, a macro),
/// a single `:` (a struct literal's field) or a single `=` (`Tr<A = i32>`;
/// `x == y` compares and is a value).
fn bare_field(
    tokens: &[TokenTree],
    i: usize,
    ident: &Ident,
    fields: &[impl FieldNames],
) -> Option<usize> {
    let punct = |j: Option<usize>| match j.and_then(|j| tokens.get(j)) {
        Some(TokenTree::Punct(p)) => Some((p.as_char(), p.spacing())),
        _ => None,
    };
    if let Some(('.' | ':' | '\'', _)) = punct(i.checked_sub(1)) {
        return None;
    }
    match punct(Some(i + 1)) {
        Some((':', _)) => return None,
        // `x!(..)` but not `x != y`; `A = i32` but not `x == y`.
        Some(('!' | '=', _)) if !matches!(punct(Some(i + 2)), Some(('=', _))) => return None,
        _ => {}
    }
    let name = ident.unraw().to_string();
    fields.iter().position(|f| is_named(f.member(), &name))
}

#[cfg(test)]
mod tests {
    use crate::set::SortedSet;

    use proc_macro2::{Ident, Span, TokenStream};
    use syn::Member;

    use super::rewrite_expr;
    use crate::fmt::FieldNames;

    struct Named(Member, Ident);

    impl FieldNames for Named {
        fn member(&self) -> &Member {
            &self.0
        }
        fn binding(&self) -> &Ident {
            &self.1
        }
    }

    /// `src` with the fields `token` and `A` rewritten, as text.
    fn rewrite(src: &str) -> String {
        let fields: Vec<Named> = ["token", "A"]
            .iter()
            .map(|n| {
                let span = Span::call_site();
                Named(
                    Member::Named(Ident::new(n, span)),
                    Ident::new(&format!("__field_{n}"), span),
                )
            })
            .collect();
        let (mut used, mut errors) = (SortedSet::new(), Vec::new());
        let tokens: TokenStream = src.parse().unwrap();
        let variant = Ident::new("V", Span::call_site());
        let out = rewrite_expr(tokens, &fields, &variant, &mut used, &mut errors);
        assert!(errors.is_empty(), "{src}");
        out.to_string()
    }

    #[test]
    fn bare_names_are_fields_where_they_are_values() {
        let cases = [
            ("token", "__field_token"),
            ("token . len ()", "__field_token . len ()"),
            ("f (token , & A)", "f (__field_token , & __field_A)"),
            ("token != 1", "__field_token != 1"),
            ("token == 1", "__field_token == 1"),
            ("| t | t . token", "| t | t . token"),
            ("token :: f ()", "token :: f ()"),
            ("m :: token", "m :: token"),
            ("token ! ()", "token ! ()"),
            ("S { token : 1 }", "S { token : 1 }"),
            ("& 0 as & dyn Tr < A = i32 >", "& 0 as & dyn Tr < A = i32 >"),
            ("x :: < 'token > ()", "x :: < 'token > ()"),
        ];
        for (src, expected) in cases {
            assert_eq!(rewrite(src), expected, "{src}");
        }
    }
}
