//! `#[uni(..)]`: the type's `crate = ".."`, and the namespaced spelling of
//! every other helper.

use syn::Attribute;

use super::{key_name, parse_list, CRATE, UNI};
use crate::ctxt::Ctxt;
use crate::lit::string_literal;

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
            Err(meta.error(format_args!(
                "unknown uni key `{}`, expected crate",
                key_name(&meta.path)
            )))
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
