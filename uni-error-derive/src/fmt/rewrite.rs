//! The format string of a `#[msg]` rewritten for one match arm: each field
//! it names becomes an argument of its own (see [`Pass`]), and names it
//! does not resolve are left to `format_args!`'s implicit capture.

use crate::set::SortedSet;

use proc_macro2::{Ident, Punct, Spacing, TokenTree};
use syn::ext::IdentExt;
use syn::Member;

use super::args::rewrite_expr;
use super::diag::{closest_field, describe_fields, is_index, is_named};
use super::{Expanded, FieldNames, FmtTrait, Msg, Pass};
use crate::span::name_span;

/// A placeholder's argument: `{}`, `{3}`, `{name}`.
enum ArgRef {
    /// `{}`: the next positional argument.
    Next,
    /// `{3}`: a field or positional argument by index.
    Index(usize),
    /// `{name}`: a field or named argument (without `r#`).
    Name(String),
}

/// Rewrites `msg` against the fields of `variant_name`, collecting errors.
pub fn expand(
    msg: &Msg,
    fields: &[impl FieldNames],
    variant_name: &Ident,
) -> Result<Expanded, Vec<syn::Error>> {
    let mut errors = Vec::new();
    let mut used = SortedSet::new();
    let mut bounds = SortedSet::new();
    let mut passes = SortedSet::new();
    let template = &msg.lit.value;
    let positional = msg.args.iter().filter(|a| a.name.is_none()).count();
    let named_args: Vec<String> = msg
        .args
        .iter()
        .filter_map(|a| a.name.as_ref().map(|n| n.unraw().to_string()))
        .collect();
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template.as_str();
    let mut any_brace = false;
    while let Some(i) = find_byte(rest, |b| b == b'{' || b == b'}') {
        any_brace = true;
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..2]);
            rest = &tail[2..];
            continue;
        }
        if tail.starts_with('}') {
            // Unmatched: leave it for rustc to report on the string.
            out.push_str(tail);
            rest = "";
            break;
        }
        let Some(end) = find_byte(tail, |b| b == b'}') else {
            out.push_str(tail);
            rest = "";
            break;
        };
        let inner = &tail[1..end];
        let (arg, spec) = match find_byte(inner, |b| b == b':') {
            Some(c) => (&inner[..c], Some(&inner[c + 1..])),
            None => (inner, None),
        };
        let arg = arg.trim();
        let arg_ref = if arg.is_empty() {
            ArgRef::Next
        } else if let Ok(n) = arg.parse::<usize>() {
            ArgRef::Index(n)
        } else {
            ArgRef::Name(arg.strip_prefix("r#").unwrap_or(arg).to_owned())
        };
        let field = match &arg_ref {
            ArgRef::Next => None,
            ArgRef::Index(n) => match fields.iter().position(|f| is_index(f.member(), *n)) {
                Some(i) => Some(i),
                None if *n < positional
                    && !fields
                        .iter()
                        .any(|f| matches!(f.member(), Member::Unnamed(_))) =>
                {
                    None
                }
                None => {
                    errors.push(syn::Error::new(
                        msg.lit.span(),
                        format_args!(
                            "`{{{n}}}` in #[msg] is not a field: {}",
                            describe_fields(fields, variant_name)
                        ),
                    ));
                    None
                }
            },
            ArgRef::Name(name) if named_args.iter().any(|a| a == name) => None,
            ArgRef::Name(name) => match fields.iter().position(|f| is_named(f.member(), name)) {
                Some(i) => Some(i),
                None => {
                    // A lowercase name close to a field is a typo; any other
                    // name is captured from the user's scope by
                    // `format_args!` (a constant, a static, `self`), which
                    // reports one that is not there in its own words.
                    let lowercase = name.starts_with(|c: char| c.is_lowercase() || c == '_');
                    let near = (lowercase && name != "self")
                        .then(|| closest_field(fields, name))
                        .flatten();
                    if let Some(near) = near {
                        let at = template.len() - tail.len()
                            + 1
                            + (inner.len() - inner.trim_start().len());
                        errors.push(syn::Error::new(
                            name_span(&msg.lit, at, arg.len()),
                            format_args!(
                                "`{{{name}}}` in #[msg] is not a field: did you mean `{near}`? ({})",
                                describe_fields(fields, variant_name)
                            ),
                        ));
                    }
                    None
                }
            },
        };
        out.push('{');
        match field {
            Some(i) => {
                let fmt_trait = FmtTrait::of_spec(spec.unwrap_or(""));
                let pass = match fmt_trait {
                    FmtTrait::Display => Pass::Display,
                    FmtTrait::Pointer => Pass::Pointer,
                    _ => Pass::Binding,
                };
                out.push_str(&pass.name(fields[i].binding()).to_string());
                used.insert(i);
                passes.insert((i, pass));
                bounds.insert((i, fmt_trait));
            }
            None => out.push_str(arg),
        }
        if let Some(spec) = spec {
            out.push(':');
            out.push_str(&rewrite_counts(
                spec,
                fields,
                &named_args,
                &mut used,
                &mut passes,
            ));
        }
        out.push('}');
        rest = &tail[end + 1..];
    }
    out.push_str(rest);

    // Token trees, not a `TokenStream`: the Display arm puts them in its
    // group without another round trip to the compiler.
    let mut args: Vec<TokenTree> = Vec::new();
    let comma = || TokenTree::Punct(Punct::new(',', Spacing::Alone));
    let eq = || TokenTree::Punct(Punct::new('=', Spacing::Alone));
    for arg in &msg.args {
        let expr = rewrite_expr(
            arg.expr.clone(),
            fields,
            variant_name,
            &mut used,
            &mut errors,
        );
        args.push(comma());
        if let Some(name) = &arg.name {
            args.extend([TokenTree::Ident(name.clone()), eq()]);
        }
        args.extend(expr);
    }
    if errors.is_empty() {
        let lit = if out == *template {
            // Nothing renamed: the user's token as written.
            msg.lit.token.clone()
        } else {
            let mut lit = proc_macro2::Literal::string(&out);
            lit.set_span(msg.lit.span());
            lit
        };
        Ok(Expanded {
            lit,
            args,
            passes,
            used,
            bounds,
            plain: !any_brace && msg.args.is_empty(),
        })
    } else {
        Err(errors)
    }
}

/// The first byte of `s` that `pred` accepts. `str::find` with a pattern is
/// generic code, slow in the unoptimized build cargo gives proc macros.
fn find_byte(s: &str, pred: impl Fn(u8) -> bool) -> Option<usize> {
    s.bytes().position(pred)
}

/// Rewrites `name$` width/precision references to fields in a format spec
/// (`>width$`, `.prec$`) to a `usize` argument copied from the field.
fn rewrite_counts(
    spec: &str,
    fields: &[impl FieldNames],
    named_args: &[String],
    used: &mut SortedSet<usize>,
    passes: &mut SortedSet<(usize, Pass)>,
) -> String {
    let mut out = String::with_capacity(spec.len());
    let mut rest = spec;
    while let Some(dollar) = rest.find('$') {
        let before = &rest[..dollar];
        let start = before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
            .map_or(0, |i| i + 1);
        let name = &before[start..];
        let field = (!name.is_empty()
            && !name.starts_with(|c: char| c.is_ascii_digit())
            && !named_args.iter().any(|a| a == name))
        .then(|| fields.iter().position(|f| is_named(f.member(), name)))
        .flatten();
        out.push_str(&before[..start]);
        match field {
            Some(i) => {
                used.insert(i);
                passes.insert((i, Pass::Count));
                out.push_str(&Pass::Count.name(fields[i].binding()).to_string());
            }
            None => out.push_str(name),
        }
        out.push('$');
        rest = &rest[dollar + 1..];
    }
    out.push_str(rest);
    out
}
