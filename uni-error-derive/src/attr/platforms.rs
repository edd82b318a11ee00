//! `#[platforms(android, ios, harmony, web, mp)]`: where a code occurs
//! (DCloud's `@uniPlatform`), on the type (the default of its variants) or
//! a variant. Independent of the errno range rule of
//! `#[errno(.., platform = "..")]`, which still applies where it is given.

use syn::Attribute;

use super::{key_name, parse_list, PLATFORMS};
use crate::ctxt::Ctxt;

/// The names `#[platforms(..)]` takes, with their bit in the catalog's
/// `Platforms` (the same order as the runtime's `Platforms::NAMED`).
const NAMES: [(&str, u8); 5] = [
    ("android", 1),
    ("ios", 1 << 1),
    ("harmony", 1 << 2),
    ("web", 1 << 3),
    ("mp", 1 << 4),
];

/// The names, for messages.
const EXPECTED: &str = "android, ios, harmony, web, mp";

/// A parsed `#[platforms(..)]`.
pub struct PlatformsAttr {
    /// The bits of the catalog's `Platforms`: at least one, each once.
    pub bits: u8,
    /// The attribute's name, for errors about where it is.
    pub span: proc_macro2::Span,
}

/// A `#[platforms(..)]`: at least one platform, each once.
pub fn parse_platforms(cx: &Ctxt, attr: &Attribute) -> Option<PlatformsAttr> {
    let tokens = parse_list(cx, attr, PLATFORMS)?;
    if tokens.is_empty() {
        cx.error_spanned_by(
            attr,
            format_args!("empty #[platforms]: list where the code occurs, from {EXPECTED}"),
        );
        return None;
    }
    let mut bits = 0u8;
    let result = attr.parse_nested_meta(|meta| {
        let name = key_name(&meta.path);
        let Some(&(_, bit)) = NAMES.iter().find(|(n, _)| *n == name) else {
            return Err(meta.error(format_args!(
                "unknown platform `{name}`, expected one of {EXPECTED}"
            )));
        };
        if !meta.input.is_empty() && !meta.input.peek(syn::Token![,]) {
            return Err(meta.error(format_args!(
                "a platform is a bare name: write `{name}`, not `{name} = ..`"
            )));
        }
        if bits & bit != 0 {
            return Err(meta.error(format_args!("platform `{name}` is listed twice")));
        }
        bits |= bit;
        Ok(())
    });
    match result {
        Ok(()) => Some(PlatformsAttr {
            bits,
            span: syn::spanned::Spanned::span(attr.path()),
        }),
        Err(e) => {
            cx.syn_error(e);
            None
        }
    }
}
