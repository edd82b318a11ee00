//! thiserror's `#[error(..)]`, read (never checked: thiserror does that)
//! when the type also derives `thiserror::Error`: its template documents the
//! variant in the catalog, and `#[error(transparent)]` forwards like
//! `#[msg(transparent)]`.

use proc_macro2::TokenTree;
use syn::{Attribute, Meta};

use super::TRANSPARENT;
use crate::lit::Str;

/// thiserror's attribute name.
pub const ERROR: &str = "error";

/// What a `#[error(..)]` says.
pub enum ErrorAttr {
    /// `#[error("template", args..)]`: the template.
    Template(Str),
    /// `#[error(transparent)]`: the token.
    Transparent(syn::Ident),
    /// Any other form (`#[error(fmt = path)]`, a malformed one): thiserror
    /// writes the message, the catalog has no template.
    Other,
}

/// Reads `#[error(..)]`.
pub fn read(attr: &Attribute) -> ErrorAttr {
    let Meta::List(list) = &attr.meta else {
        return ErrorAttr::Other;
    };
    let mut trees = list.tokens.clone().into_iter();
    match (trees.next(), trees.next()) {
        (Some(TokenTree::Ident(ident)), None) if ident == TRANSPARENT => {
            ErrorAttr::Transparent(ident)
        }
        (Some(TokenTree::Literal(lit)), _) => {
            Str::from_literal(&lit).map_or(ErrorAttr::Other, ErrorAttr::Template)
        }
        _ => ErrorAttr::Other,
    }
}
