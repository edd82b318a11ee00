//! `#[uni(..)]`: the type's `crate = ".."`, and the namespaced spelling of
//! every other helper.

use proc_macro2::TokenTree;
use quote::ToTokens;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{token, AttrStyle, Attribute, Data, DeriveInput, Fields, Meta, Token};

use super::{
    key_name, parse_list, CRATE, DATA, ERRNO, FROM, LOCALE, LOCALES, MSG, PLATFORMS, SOURCE,
    STATUS, SUBJECT, UNI,
};
use crate::ctxt::Ctxt;
use crate::lit::string_literal;

/// The keys of `#[uni(..)]`, in the order messages list them: `crate`,
/// then the helpers it spells out under their own names, for a type where
/// another derive owns the bare name (thiserror's `#[source]`/`#[from]`, a
/// web framework's `#[status]`).
const KEYS: [&str; 11] = [
    CRATE, SUBJECT, ERRNO, MSG, STATUS, PLATFORMS, LOCALES, LOCALE, SOURCE, FROM, DATA,
];

/// "unknown uni key `erno`, did you mean `errno`?", or the list of keys
/// when none is close.
fn unknown_key(key: &syn::Path) -> String {
    let name = key_name(key);
    match crate::similar::closest(KEYS, &name) {
        Some(near) => format!("unknown uni key `{name}`, did you mean `{near}`?"),
        None => format!(
            "unknown uni key `{name}`, expected one of {}",
            KEYS.join(", ")
        ),
    }
}

/// `meta` if its key is one of [`KEYS`]; else the error, and `meta` read
/// as the key it probably meant (so `#[uni(erno(code = 1))]` is reported
/// once, not again as a missing errno), or `None` when no key is close.
fn known_key(cx: &Ctxt, mut meta: Meta) -> Option<Meta> {
    let key = meta.path();
    if KEYS.iter().any(|k| key.is_ident(k)) {
        return Some(meta);
    }
    cx.error_spanned_by(key, unknown_key(key));
    let near = crate::similar::closest(KEYS, &key.get_ident()?.to_string())?;
    let path = match &mut meta {
        Meta::Path(path) => path,
        Meta::List(list) => &mut list.path,
        Meta::NameValue(nv) => &mut nv.path,
    };
    *path = syn::Ident::new(near, path.span()).into();
    Some(meta)
}

/// `#[uni(crate = "..")]`.
pub fn parse_uni(cx: &Ctxt, attr: &Attribute) -> Option<syn::Path> {
    parse_list(cx, attr, UNI)?;
    let mut krate = None;
    let result = attr.parse_nested_meta(|meta| {
        if meta.path.is_ident(CRATE) {
            let lit = string_literal(meta.value()?, "#[uni(crate = \"my_uni_error\")]")?;
            if krate.is_some() {
                return Err(meta.error("duplicate uni key `crate`"));
            }
            let path = lit.parse::<syn::Path>().map_err(|_| {
                syn::Error::new(
                    lit.span(),
                    format_args!(
                        "`{}` is not a path: expected e.g. \"my_uni_error\"",
                        lit.value()
                    ),
                )
            })?;
            krate = Some(path);
            Ok(())
        } else {
            Err(meta.error(unknown_key(&meta.path)))
        }
    });
    match result {
        Ok(()) => krate,
        Err(e) => {
            cx.syn_error(e);
            None
        }
    }
}

/// `node` with every namespaced helper inside `#[uni(..)]` rewritten as its
/// bare attribute (`#[uni(errno(code = 3), status(http = 404))]` becomes
/// `#[errno(code = 3)] #[status(http = 404)]`, tokens and spans as
/// written), so that one parser reads both spellings. `None` when there is
/// nothing to rewrite (no input is cloned then).
pub fn desugar(cx: &Ctxt, node: &DeriveInput) -> Option<DeriveInput> {
    let any = |attrs: &[Attribute]| attrs.iter().any(namespaced);
    let needed = any(&node.attrs)
        || match &node.data {
            Data::Struct(data) => data.fields.iter().any(|f| any(&f.attrs)),
            Data::Enum(data) => data
                .variants
                .iter()
                .any(|v| any(&v.attrs) || v.fields.iter().any(|f| any(&f.attrs))),
            Data::Union(_) => false,
        };
    if !needed {
        return None;
    }
    // thiserror's #[error] on the type or a variant: it composes (see
    // `ast::Input::thiserror`).
    let is_error = |attrs: &[Attribute]| attrs.iter().any(|a| a.path().is_ident("error"));
    let composing = is_error(&node.attrs)
        || matches!(&node.data, Data::Enum(data) if data.variants.iter().any(|v| is_error(&v.attrs)));
    let mut node = node.clone();
    rewrite(cx, &mut node.attrs, None);
    let fields: Vec<&mut Fields> = match &mut node.data {
        Data::Struct(data) => vec![&mut data.fields],
        Data::Enum(data) => data
            .variants
            .iter_mut()
            .map(|v| {
                rewrite(cx, &mut v.attrs, None);
                &mut v.fields
            })
            .collect(),
        Data::Union(_) => Vec::new(),
    };
    for fields in fields {
        for field in fields.iter_mut() {
            // thiserror takes a field named `source` as the cause unmarked.
            let named_source = field.ident.as_ref().is_some_and(|i| i == SOURCE);
            rewrite(cx, &mut field.attrs, Some(composing && !named_source));
        }
    }
    Some(node)
}

/// True for a `#[uni(..)]` with a key besides `crate = ".."`: a
/// namespaced helper, or a key that is none (reported by [`rewrite`] with
/// what it probably meant, wherever the attribute sits).
fn namespaced(attr: &Attribute) -> bool {
    if !attr.path().is_ident(UNI) {
        return false;
    }
    let Meta::List(list) = &attr.meta else {
        return false;
    };
    // A key starts the list or follows a top-level comma.
    let mut at_key = true;
    for tt in list.tokens.clone() {
        match tt {
            TokenTree::Ident(ident) if at_key && ident != CRATE => return true,
            TokenTree::Punct(p) if p.as_char() == ',' => at_key = true,
            _ => at_key = false,
        }
    }
    false
}

/// Rewrites the `#[uni(..)]` attributes among `attrs` in place. On a field
/// (`field` is `Some`), a namespaced `source(..)` labels the source that a
/// bare `#[source]` or `#[from]` (thiserror's, or ours) marks: the two
/// become one attribute. Under thiserror (`Some(true)`), the cause must be
/// marked by thiserror's own attribute, or its `source()` and the JSON
/// `cause` would disagree.
fn rewrite(cx: &Ctxt, attrs: &mut Vec<Attribute>, field: Option<bool>) {
    if !attrs.iter().any(namespaced) {
        return;
    }
    let mut out: Vec<Attribute> = Vec::with_capacity(attrs.len() + 2);
    let mut added: Vec<Attribute> = Vec::new();
    for attr in attrs.drain(..) {
        if !namespaced(&attr) {
            out.push(attr);
            continue;
        }
        let parser = Punctuated::<Meta, Token![,]>::parse_terminated;
        let items = match attr.parse_args_with(parser) {
            Ok(items) => items,
            Err(e) => {
                cx.syn_error(e);
                continue;
            }
        };
        let mut kept = Punctuated::<Meta, Token![,]>::new();
        for meta in items.into_iter().filter_map(|meta| known_key(cx, meta)) {
            if meta.path().is_ident(CRATE) {
                kept.push(meta);
                continue;
            }
            let span = meta.path().span();
            added.push(Attribute {
                pound_token: Token![#](span),
                style: AttrStyle::Outer,
                bracket_token: token::Bracket(span),
                meta,
            });
        }
        if !kept.is_empty() {
            let mut attr = attr;
            attr.meta = Meta::List(syn::MetaList {
                path: attr.meta.path().clone(),
                delimiter: syn::MacroDelimiter::Paren(token::Paren(attr.meta.path().span())),
                tokens: kept.to_token_stream(),
            });
            out.push(attr);
        }
    }
    for attr in added {
        if let Some(composing) = field {
            let marker = attr.path().is_ident(SOURCE) || attr.path().is_ident(FROM);
            let key = attr.path().clone();
            if !merge_marker(&mut out, attr) && composing && marker {
                cx.error_spanned_by(
                    &key,
                    format_args!(
                        "thiserror does not read #[uni({})]: mark the cause with thiserror's #[source] or #[from] (both derives read it), and label it with #[uni(source(subject = .., code = ..))]",
                        key_name(&key)
                    ),
                );
            }
        } else {
            out.push(attr);
        }
    }
    *attrs = out;
}

/// Adds the namespaced field attribute `attr` to `out`, merged with a bare
/// `#[source]`/`#[from]` marker already there: `#[from]` plus
/// `#[uni(source(subject = "csj"))]` is `#[from(subject = "csj")]`, and a
/// marker given in both spellings counts once. True if there was a bare
/// marker.
fn merge_marker(out: &mut Vec<Attribute>, mut attr: Attribute) -> bool {
    let bare = |out: &[Attribute], name: &str| {
        out.iter()
            .position(|a| a.path().is_ident(name) && matches!(a.meta, Meta::Path(_)))
    };
    let labels = matches!(attr.meta, Meta::List(_));
    let mut merged = false;
    if attr.path().is_ident(SOURCE) && labels {
        if let Some(i) = bare(out, FROM) {
            // The labels of the `#[from]` field.
            let from = out.remove(i);
            if let Meta::List(list) = &mut attr.meta {
                list.path = from.meta.path().clone();
            }
            merged = true;
        }
    }
    for name in [SOURCE, FROM] {
        if !attr.path().is_ident(name) {
            continue;
        }
        if let Some(i) = bare(out, name) {
            if !labels {
                return true;
            }
            out.remove(i);
            merged = true;
        }
    }
    out.push(attr);
    merged
}

#[cfg(test)]
mod tests {
    use super::unknown_key;

    #[test]
    fn an_unknown_key_names_the_close_one_else_lists_them() {
        let path = |s: &str| syn::parse_str::<syn::Path>(s).unwrap();
        assert_eq!(
            unknown_key(&path("erno")),
            "unknown uni key `erno`, did you mean `errno`?"
        );
        assert_eq!(
            unknown_key(&path("transparent")),
            "unknown uni key `transparent`, expected one of crate, subject, errno, msg, status, platforms, locales, locale, source, from, data"
        );
    }
}
