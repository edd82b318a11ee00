//! Token trees built in the macro without a round trip to the compiler per
//! token: the compiler sees a whole list at once when it becomes a
//! `TokenStream` (one call), where `quote!` interpolation pays per stream.

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, TokenStream, TokenTree};
use syn::Member;

use proc_macro2::Span;

use crate::ast::Field;
use crate::fmt::{never_a_path, Expanded, Pass};
use crate::locale::{arg_slot, Part};

/// `ident` resolved at the call site (span policy), and located there
/// too: a pattern's names are never where an error points, and setting
/// a span needs no round trip to the compiler.
fn at_call_site(ident: &Ident, call_site: Span) -> TokenTree {
    let mut ident = ident.clone();
    ident.set_span(call_site);
    TokenTree::Ident(ident)
}

/// Pushes the operator `op` (`::`, `=>`, `,`) as joint punctuation.
fn op(out: &mut Vec<TokenTree>, op: &str) {
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
fn group(delimiter: Delimiter, inner: Vec<TokenTree>) -> TokenTree {
    TokenTree::Group(Group::new(delimiter, inner.into_iter().collect()))
}

/// Pushes `Self::V { a: __field_a, 0: __field_0, .. }` (or
/// `Self { .. }`) binding `fields` to their locals. The variant and
/// member names are re-resolved at the call site (span policy).
fn pattern<'f>(
    out: &mut Vec<TokenTree>,
    is_enum: bool,
    variant: &Ident,
    fields: impl IntoIterator<Item = &'f Field<'f>>,
) {
    let call_site = Span::call_site();
    out.push(TokenTree::Ident(Ident::new("Self", call_site)));
    if is_enum {
        op(out, "::");
        out.push(at_call_site(variant, call_site));
    }
    let mut inner = Vec::new();
    for field in fields {
        inner.push(match &field.member {
            Member::Named(name) => at_call_site(name, call_site),
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

/// Pushes the `Display` arm of a variant with a `#[msg("..")]`:
/// `pattern => formatter.write_str("..")` for a string without braces,
/// else `pattern => core::write!(formatter, "..", args.., fields..)`,
/// then `,`. `private` is the runtime's `__private` path. True if the
/// arm calls the `Display` probe, whose traits `fmt` must import.
#[allow(clippy::too_many_arguments)]
pub fn display_arm(
    out: &mut Vec<TokenTree>,
    is_enum: bool,
    variant: &Ident,
    fields: &[Field<'_>],
    expanded: &Expanded,
    translations: &[(&Expanded, Option<&[Part]>)],
    direct: Option<&[Part]>,
    formatter: &Ident,
    write_path: &TokenStream,
    private: &TokenStream,
) -> bool {
    let mut used: Vec<usize> = expanded.used.iter().copied().collect();
    for (t, _) in translations {
        for i in t.used.iter() {
            if !used.contains(i) {
                used.push(*i);
            }
        }
    }
    used.sort_unstable();
    pattern(out, is_enum, variant, used.iter().map(|i| &fields[*i]));
    op(out, "=>");
    let mut probed = false;
    if let (Some(parts), true) = (direct, translations.is_empty()) {
        probed |= direct_body(out, is_enum, fields, parts, formatter, private);
    } else if translations.is_empty() {
        probed |= display_body(out, fields, expanded, formatter, write_path, private);
    } else {
        // `match __uni_locale { 1 => .., 2 => .., _ => default }`: the
        // index `Display::fmt` read once (see `expand::display`).
        out.push(TokenTree::Ident(Ident::new("match", Span::call_site())));
        out.push(TokenTree::Ident(locale_index()));
        let mut arms = Vec::new();
        for (i, (t, parts)) in translations.iter().enumerate() {
            arms.push(TokenTree::Literal(Literal::usize_unsuffixed(i + 1)));
            op(&mut arms, "=>");
            probed |= match parts {
                Some(parts) => pieces_body(&mut arms, is_enum, fields, parts, formatter, private),
                None => display_body(&mut arms, fields, t, formatter, write_path, private),
            };
            op(&mut arms, ",");
        }
        arms.push(TokenTree::Ident(Ident::new("_", Span::call_site())));
        op(&mut arms, "=>");
        probed |= display_body(&mut arms, fields, expanded, formatter, write_path, private);
        op(&mut arms, ",");
        out.push(group(Delimiter::Brace, arms));
    }
    op(out, ",");
    probed
}

/// The field `fields[i]` as the `&dyn Display` argument the runtime's
/// writers take (`write_text`, `write_pieces`, `write_one`,
/// `write_many`), every token at the field's binding, so that a field
/// without `Display` (or `Debug`) is reported there, about the user's
/// type: `&DebugAsDisplay(field)` for `{field:?}`, the probe
/// `&(&DisplayOf(field)).__display()` where the type may be a path, else
/// the binding, or a reference to it for a struct's last field, which
/// may be unsized (`tail: str`). True if it calls the `Display` probe.
fn display_arg(
    is_enum: bool,
    fields: &[Field<'_>],
    i: usize,
    debug: bool,
    private: &TokenStream,
) -> (TokenStream, bool) {
    let field = &fields[i];
    let binding = &field.binding;
    let span = binding.span();
    let private = crate::span::respan(private, span);
    if debug {
        (
            quote::quote_spanned!(span=> &#private::DebugAsDisplay(#binding)),
            false,
        )
    } else if !never_a_path(field.ty) {
        let probe = quote::quote_spanned!(span=> &(&#private::DisplayOf(#binding)).__display());
        (probe, true)
    } else if !is_enum && i + 1 == fields.len() {
        (quote::quote_spanned!(span=> &#binding), false)
    } else {
        (quote::quote_spanned!(span=> #binding), false)
    }
}

/// A message whose placeholders are all plain `{field}`, written piece
/// by piece to the formatter at hand, without a second `format_args!`
/// (`Display::fmt` hands over only a formatter with default flags,
/// `__private::plain_flags`): `private::write_one(formatter, "..",
/// field, "..")` for one field, else `private::write_many(formatter,
/// &["..", ..], &[field, ..])`, the literal runs around the fields. A
/// field is passed as `&dyn Display` at its binding, so that one
/// without `Display` is reported there, about the user's type; the
/// functions are compiled once, in the runtime. True if it calls the
/// `Display` probe.
fn direct_body(
    out: &mut Vec<TokenTree>,
    is_enum: bool,
    fields: &[Field<'_>],
    parts: &[Part],
    formatter: &Ident,
    private: &TokenStream,
) -> bool {
    let mut probed = false;
    // The literal runs around the fields: one more than the fields.
    let mut lits = Vec::new();
    let mut run = String::new();
    let mut args = Vec::new();
    for part in parts {
        match part {
            Part::Lit(text) => run.push_str(text),
            Part::Field(i, debug) => {
                let (value, p) = display_arg(is_enum, fields, *i, *debug, private);
                probed |= p;
                args.push(value);
                lits.push(Literal::string(&std::mem::take(&mut run)));
            }
        }
    }
    lits.push(Literal::string(&run));
    out.extend(match (&lits[..], &args[..]) {
        ([before, after], [arg]) => quote::quote! {
            #private::write_one(#formatter, #before, #arg, #after)
        },
        _ => quote::quote! {
            #private::write_many(#formatter, &[#(#lits),*], &[#(#args),*])
        },
    });
    probed
}

/// `private::write_pieces(formatter, &[Piece::Lit(".."), Piece::Arg(0),
/// ..], &[field, ..])`: a translation as data (see
/// `crate::locale::Part`). True if it calls the `Display` probe.
fn pieces_body(
    out: &mut Vec<TokenTree>,
    is_enum: bool,
    fields: &[Field<'_>],
    parts: &[Part],
    formatter: &Ident,
    private: &TokenStream,
) -> bool {
    let mut probed = false;
    let mut args: Vec<(usize, bool)> = Vec::new();
    let mut pieces = Vec::new();
    for part in parts {
        match part {
            Part::Lit(text) => {
                let lit = Literal::string(text);
                pieces.push(quote::quote!(#private::Piece::Lit(#lit),));
            }
            Part::Field(i, debug) => {
                let at = Literal::usize_unsuffixed(arg_slot(&mut args, (*i, *debug)));
                pieces.push(quote::quote!(#private::Piece::Arg(#at),));
            }
        }
    }
    let values = args.iter().map(|(i, debug)| {
        let (value, p) = display_arg(is_enum, fields, *i, *debug, private);
        probed |= p;
        value
    });
    let values: Vec<TokenStream> = values.collect();
    out.extend(quote::quote! {
        #private::write_pieces(#formatter, &[#(#pieces)*], &[#(#values),*])
    });
    probed
}

/// Pushes the `Display` arm of a variant whose messages are all data
/// (`crate::locale::Text`): `pattern => private::write_text(formatter,
/// &TEXTS, locale, slot, &[field, ..]),`. The fields are passed as
/// `&dyn Display`, each at its binding, so that a field without
/// `Display` (or `Debug`) is reported there. True if it calls the
/// `Display` probe.
#[allow(clippy::too_many_arguments)]
pub fn text_arm(
    out: &mut Vec<TokenTree>,
    is_enum: bool,
    variant: &Ident,
    fields: &[Field<'_>],
    args: &[(usize, bool)],
    slot: usize,
    formatter: &Ident,
    private: &TokenStream,
) -> bool {
    let mut bound: Vec<usize> = args.iter().map(|(i, _)| *i).collect();
    bound.sort_unstable();
    bound.dedup();
    pattern(out, is_enum, variant, bound.iter().map(|i| &fields[*i]));
    op(out, "=>");
    out.extend(private.clone());
    op(out, "::");
    out.push(TokenTree::Ident(Ident::new(
        "write_text",
        Span::call_site(),
    )));
    let mut inner = vec![TokenTree::Ident(formatter.clone())];
    op(&mut inner, ",");
    op(&mut inner, "&");
    inner.push(TokenTree::Ident(text_table()));
    op(&mut inner, ",");
    inner.push(TokenTree::Ident(locale_index()));
    op(&mut inner, ",");
    inner.push(TokenTree::Literal(Literal::usize_unsuffixed(slot)));
    op(&mut inner, ",");
    op(&mut inner, "&");
    let mut values: Vec<TokenTree> = Vec::new();
    let mut probed = false;
    for (i, debug) in args {
        let (value, p) = display_arg(is_enum, fields, *i, *debug, private);
        probed |= p;
        values.extend(value);
        op(&mut values, ",");
    }
    inner.push(group(Delimiter::Bracket, values));
    out.push(group(Delimiter::Parenthesis, inner));
    op(out, ",");
    probed
}

/// The `static` of `Display::fmt` that holds the texts.
pub fn text_table() -> Ident {
    Ident::new("__UNI_TEXTS", Span::call_site())
}

/// The local `Display::fmt` keeps the requested language's index in.
pub fn locale_index() -> Ident {
    Ident::new("__uni_locale", Span::call_site())
}

/// `formatter.write_str("..")` for a string without braces, else
/// `core::write!(formatter, "..", args.., fields..)`. True if it calls
/// the `Display` probe.
fn display_body(
    out: &mut Vec<TokenTree>,
    fields: &[Field<'_>],
    expanded: &Expanded,
    formatter: &Ident,
    write_path: &TokenStream,
    private: &TokenStream,
) -> bool {
    let mut probed = false;
    let lit = TokenTree::Literal(expanded.lit.clone());
    if expanded.plain {
        out.push(TokenTree::Ident(formatter.clone()));
        op(out, ".");
        out.push(TokenTree::Ident(Ident::new(
            "write_str",
            proc_macro2::Span::call_site(),
        )));
        out.push(group(Delimiter::Parenthesis, vec![lit]));
    } else {
        out.extend(write_path.clone());
        op(out, "!");
        let mut inner = vec![TokenTree::Ident(formatter.clone())];
        op(&mut inner, ",");
        inner.push(lit);
        inner.extend(expanded.args.iter().cloned());
        for (i, pass) in &expanded.passes {
            let field = &fields[*i];
            let name = pass.name(&field.binding);
            let pass = match pass {
                // Named as the string says, passed as the binding.
                Pass::Display if never_a_path(field.ty) => Pass::Binding,
                Pass::Display => {
                    probed = true;
                    Pass::Display
                }
                other => *other,
            };
            field_arg(&mut inner, &name, &field.binding, pass, private);
        }
        out.push(group(Delimiter::Parenthesis, inner));
    }
    probed
}

/// Pushes `, name = value` passing a field the string names (see
/// [`Pass`]). Every token of the value sits at the field's type (the
/// binding's location), so that a missing `Display` or `Pointer` is
/// reported there, about the user's type.
fn field_arg(
    out: &mut Vec<TokenTree>,
    name: &Ident,
    binding: &Ident,
    pass: Pass,
    private: &TokenStream,
) {
    op(out, ",");
    out.push(TokenTree::Ident(name.clone()));
    op(out, "=");
    let span = binding.span();
    match pass {
        Pass::Binding => out.push(TokenTree::Ident(binding.clone())),
        Pass::Pointer | Pass::Count => {
            let mut star = Punct::new('*', Spacing::Alone);
            star.set_span(span);
            out.push(TokenTree::Punct(star));
            out.push(TokenTree::Ident(binding.clone()));
        }
        Pass::Display => {
            // `(&private::DisplayOf(binding)).__display()`: autoref
            // picks `Path::display` for paths and the value itself
            // for everything else, whose `Display` format_args checks.
            let mut probe = vec![punct_at('&', span)];
            probe.extend(crate::span::respan(private, span));
            for c in "::".chars().zip([Spacing::Joint, Spacing::Alone]) {
                let mut p = Punct::new(c.0, c.1);
                p.set_span(span);
                probe.push(TokenTree::Punct(p));
            }
            probe.push(TokenTree::Ident(Ident::new("DisplayOf", span)));
            let mut arg = Group::new(
                Delimiter::Parenthesis,
                TokenTree::Ident(binding.clone()).into(),
            );
            arg.set_span(span);
            probe.push(TokenTree::Group(arg));
            let mut receiver = Group::new(Delimiter::Parenthesis, probe.into_iter().collect());
            receiver.set_span(span);
            out.push(TokenTree::Group(receiver));
            out.push(punct_at('.', span));
            out.push(TokenTree::Ident(Ident::new("__display", span)));
            let mut call = Group::new(Delimiter::Parenthesis, TokenStream::new());
            call.set_span(span);
            out.push(TokenTree::Group(call));
        }
    }
}

/// A lone punctuation character at `span`.
fn punct_at(c: char, span: Span) -> TokenTree {
    let mut p = Punct::new(c, Spacing::Alone);
    p.set_span(span);
    TokenTree::Punct(p)
}
