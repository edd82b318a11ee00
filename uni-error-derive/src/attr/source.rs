//! `#[source]`/`#[from]` on a field, with their optional labels
//! `(subject = "csj", code = path::to_fn)`.

use syn::parse::ParseStream;
use syn::{Attribute, Meta, Token};

use super::{key_name, Attrs, CODE, SUBJECT};
use crate::ctxt::Ctxt;
use crate::lit::{string_literal, Str};

/// `#[source]`/`#[from]`, optionally `(subject = "csj", code = path)`: a
/// label for a third-party source that has no subject of its own, and a
/// function reading an SDK code off it.
pub fn parse_source<'a>(
    cx: &Ctxt,
    attr: &'a Attribute,
    name: &str,
    out: &mut Attrs<'a>,
) -> Option<&'a Attribute> {
    if let Meta::Path(_) = &attr.meta {
        return Some(attr);
    }
    if let Meta::NameValue(_) = &attr.meta {
        cx.error_spanned_by(
            attr,
            format_args!("expected #[{name}] or #[{name}(subject = \"csj\", code = path::to_fn)]"),
        );
        return None;
    }
    let result = attr.parse_nested_meta(|meta| {
        if meta.path.is_ident(SUBJECT) {
            let lit = string_literal(meta.value()?, "subject = \"csj\"")?;
            if out.source_subject.is_some() {
                return Err(meta.error(format_args!("duplicate {name} key `subject`")));
            }
            out.source_subject = Some(Str::from_lit(&lit));
            Ok(())
        } else if meta.path.is_ident(CODE) {
            let path = function_path(meta.value()?)?;
            if out.source_code.is_some() {
                return Err(meta.error(format_args!("duplicate {name} key `code`")));
            }
            out.source_code = Some(path);
            Ok(())
        } else {
            Err(meta.error(format_args!(
                "unknown {name} key `{}`, expected subject or code",
                key_name(&meta.path)
            )))
        }
    });
    match result {
        Ok(()) => Some(attr),
        Err(e) => {
            cx.syn_error(e);
            None
        }
    }
}

/// The `path::to_fn` of `code = path::to_fn`, or an error at the user's
/// token that is not one (a literal, an expression).
fn function_path(input: ParseStream) -> syn::Result<syn::Path> {
    let example = "code = my_sdk::code_of, a `fn(&E) -> Option<i64>`";
    let not_a_path = |tt: &proc_macro2::TokenTree| {
        syn::Error::new(
            tt.span(),
            format_args!("expected the path of a function, as in {example}, found `{tt}`"),
        )
    };
    let Some((tt, _)) = input.cursor().token_tree() else {
        return Err(input.error(format_args!(
            "expected the path of a function, as in {example}"
        )));
    };
    if input.peek(syn::Lit) {
        return Err(not_a_path(&tt));
    }
    let path = input
        .call(syn::Path::parse_mod_style)
        .map_err(|_| not_a_path(&tt))?;
    if !(input.is_empty() || input.peek(Token![,])) {
        let next = input.cursor().token_tree().map_or(tt, |(t, _)| t);
        return Err(not_a_path(&next));
    }
    Ok(path)
}
