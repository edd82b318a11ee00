//! `#[errno(..)]` read into an [`ErrnoAttr`]: the whole number, its parts
//! as keys, or a const path. The rules (ranges, completion from the
//! enum's defaults) are in the crate's `errno` module.

use proc_macro2::{TokenStream, TokenTree};
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, LitInt, LitStr, Token};

use super::{key_name, parse_list, CATEGORY, CODE, ERRNO, PLATFORM, SUB};
use crate::ctxt::Ctxt;
use crate::lit::{string_literal, Num};

/// A parsed `#[errno(..)]`.
pub struct ErrnoAttr<'a> {
    /// The whole attribute, for "missing part" errors.
    pub original: &'a Attribute,
    /// `category = N`.
    pub category: Option<Num>,
    /// `sub = N`.
    pub sub: Option<Num>,
    /// `code = N`.
    pub code: Option<Num>,
    /// `#[errno(1504003)]`: the whole number.
    pub whole: Option<Num>,
    /// `#[errno(path::TO_CONST)]`: a `const` errno or integer, checked by
    /// the generated code.
    pub path: Option<syn::Path>,
    /// `platform = ".."`.
    pub platform: Option<LitStr>,
}

/// Parses an integer literal or reports the user's token that is not one.
fn int_literal(input: ParseStream, key: &str) -> syn::Result<Num> {
    let (what, range) = match key {
        CATEGORY => ("errno `category`", "0..=99"),
        SUB => ("errno `sub`", "0..=99"),
        CODE => ("errno `code`", "0..=999"),
        _ => ("an errno", "0..=9999999"),
    };
    if input.peek(LitInt) {
        let lit: LitInt = input.parse()?;
        let value = lit.base10_parse::<u64>().map_err(|_| {
            let problem = if lit.base10_digits().starts_with('-') {
                "cannot be negative"
            } else {
                "is too large"
            };
            syn::Error::new(
                lit.span(),
                format_args!("{what} {problem}: expected an integer literal in {range}"),
            )
        })?;
        return Ok(Num {
            value,
            span: lit.span(),
        });
    }
    let Some((tt, _)) = input.cursor().token_tree() else {
        return Err(input.error(format_args!(
            "expected {what} as an integer literal in {range}"
        )));
    };
    if input.peek(Token![-]) {
        return Err(syn::Error::new(
            tt.span(),
            format_args!("{what} cannot be negative: expected an integer literal in {range}"),
        ));
    }
    if input.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        return Err(syn::Error::new(
            lit.span(),
            format_args!(
                "{what} is a number, not a string: write it without quotes, as in {}",
                lit.value().trim()
            ),
        ));
    }
    Err(syn::Error::new(
        tt.span(),
        format_args!(
            "{what} must be an integer literal in {range}, found `{tt}`: the parts are checked when the derive runs; a constant can give the whole errno, as in #[errno(path::TO_CONST)]"
        ),
    ))
}

/// `#[errno(..)]`: the whole number, keys, or a number then keys.
pub fn parse_errno<'a>(cx: &Ctxt, attr: &'a Attribute) -> Option<ErrnoAttr<'a>> {
    let tokens = parse_list(cx, attr, ERRNO)?;
    let mut out = ErrnoAttr {
        original: attr,
        category: None,
        sub: None,
        code: None,
        whole: None,
        path: None,
        platform: None,
    };
    if tokens.is_empty() {
        cx.error_spanned_by(
            attr,
            "empty #[errno]: expected #[errno(category = 15, sub = 4, code = 3)] or #[errno(1504003)]",
        );
        return None;
    }
    if errno_fast(tokens, &mut out) {
        return Some(out);
    }
    if let Err(e) = parse_full(tokens, &mut out) {
        cx.syn_error(e);
        return None;
    }
    // A constant or a whole number is the errno: no parts beside it.
    let whole_form = match (&out.path, &out.whole) {
        (Some(path), _) => Some((key_name(path), "constant")),
        (None, Some(whole)) => Some((whole.value.to_string(), "number")),
        (None, None) => None,
    };
    let part = [&out.category, &out.sub, &out.code]
        .into_iter()
        .flatten()
        .next();
    if let (Some((given, what)), Some(part)) = (whole_form, part) {
        cx.error_at(
            part.span,
            format_args!(
                "#[errno({given})] already gives the whole errno: drop this part or the {what}"
            ),
        );
        return None;
    }
    Some(out)
}

/// Every form of `#[errno(..)]` with syn's parser: a whole number or a
/// const path, then `key = value` pairs, into `out`.
fn parse_full(tokens: &TokenStream, out: &mut ErrnoAttr) -> syn::Result<()> {
    let parser = |input: ParseStream| {
        if input.peek(LitInt) || input.peek(Token![-]) || input.peek(LitStr) {
            out.whole = Some(int_literal(input, "whole")?);
            if input.is_empty() {
                return Ok(());
            }
            input.parse::<Token![,]>()?;
        } else if let Some(p) = const_path(input)? {
            out.path = Some(p);
            if input.is_empty() {
                return Ok(());
            }
            input.parse::<Token![,]>()?;
        }
        let rest: TokenStream = input.parse()?;
        syn::meta::parser(|meta| parse_key(&meta, out)).parse2(rest)
    };
    parser.parse2(tokens.clone())
}

/// One `key = value` of `#[errno(..)]`.
fn parse_key(meta: &syn::meta::ParseNestedMeta, out: &mut ErrnoAttr) -> syn::Result<()> {
    let slot = if meta.path.is_ident(CATEGORY) {
        Some(&mut out.category)
    } else if meta.path.is_ident(SUB) {
        Some(&mut out.sub)
    } else if meta.path.is_ident(CODE) {
        Some(&mut out.code)
    } else {
        None
    };
    let name = key_name(&meta.path);
    if let Some(slot) = slot {
        let num = int_literal(meta.value()?, &name)?;
        if slot.is_some() {
            return Err(meta.error(format_args!("duplicate errno key `{name}`")));
        }
        *slot = Some(num);
        Ok(())
    } else if meta.path.is_ident(PLATFORM) {
        let lit = string_literal(meta.value()?, "platform = \"cross\"")?;
        if out.platform.is_some() {
            return Err(meta.error("duplicate errno key `platform`"));
        }
        out.platform = Some(lit);
        Ok(())
    } else {
        Err(meta.error(format_args!(
            "unknown errno key `{name}`, expected one of category, sub, code, platform"
        )))
    }
}

/// `#[errno(path::TO_CONST)]`: a path not followed by `=` (which would make
/// it a key, as in `code = 3`). A lone key name (`#[errno(code)]`) is left to
/// the key parser, which says what it lacks.
fn const_path(input: ParseStream) -> syn::Result<Option<syn::Path>> {
    let starts_path = input.peek(Token![::])
        || input.peek(Token![crate])
        || input.peek(Token![self])
        || input.peek(Token![super])
        || input.peek(Token![Self])
        || input.peek(syn::Ident);
    if !starts_path {
        return Ok(None);
    }
    let fork = input.fork();
    let Ok(path) = fork.call(syn::Path::parse_mod_style) else {
        return Ok(None);
    };
    if !(fork.is_empty() || fork.peek(Token![,])) {
        return Ok(None);
    }
    let key = path
        .get_ident()
        .is_some_and(|i| [CATEGORY, SUB, CODE, PLATFORM].iter().any(|k| i == k));
    if key {
        return Ok(None);
    }
    input.call(syn::Path::parse_mod_style).map(Some)
}

/// The usual `#[errno(..)]` forms read straight off the tokens: the whole
/// number, or `key = N` pairs of `category`, `sub` and `code`, each number
/// plain decimal digits. False (and `out` untouched) for anything else,
/// which the full parser then reads and reports on. Parsing every variant's
/// attribute with syn's meta parser was the largest part of the macro's
/// time on a big enum.
fn errno_fast(tokens: &TokenStream, out: &mut ErrnoAttr) -> bool {
    /// A plain decimal literal's value and span.
    fn number(tt: &TokenTree) -> Option<Num> {
        let TokenTree::Literal(lit) = tt else {
            return None;
        };
        let repr = lit.to_string();
        if repr.is_empty() || repr.len() > 18 || !repr.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let value = repr.parse().ok()?;
        Some(Num {
            value,
            span: lit.span(),
        })
    }
    let tts: Vec<TokenTree> = tokens.clone().into_iter().collect();
    if let [only] = tts.as_slice() {
        return match number(only) {
            Some(num) => {
                out.whole = Some(num);
                true
            }
            None => false,
        };
    }
    let (mut category, mut sub, mut code) = (None, None, None);
    for pair in tts.chunks(4) {
        let (key, eq, value) = match pair {
            [TokenTree::Ident(k), TokenTree::Punct(e), v] => (k, e, v),
            [TokenTree::Ident(k), TokenTree::Punct(e), v, TokenTree::Punct(c)]
                if c.as_char() == ',' =>
            {
                (k, e, v)
            }
            _ => return false,
        };
        if eq.as_char() != '=' || eq.spacing() != proc_macro2::Spacing::Alone {
            return false;
        }
        let Some(num) = number(value) else {
            return false;
        };
        let slot = match key.to_string().as_str() {
            CATEGORY => &mut category,
            SUB => &mut sub,
            CODE => &mut code,
            _ => return false,
        };
        if slot.is_some() {
            return false;
        }
        *slot = Some(num);
    }
    out.category = category;
    out.sub = sub;
    out.code = code;
    true
}

#[cfg(test)]
mod tests {
    use super::{parse_errno, ErrnoAttr};
    use crate::ctxt::Ctxt;

    /// `(whole, category, sub, code)` of `#[errno(<args>)]`, by the fast
    /// path when it applies and by syn's meta parser otherwise.
    fn errno(args: &str) -> Option<[Option<u64>; 4]> {
        let item: syn::DeriveInput =
            syn::parse_str(&format!("#[errno({args})] struct S;")).unwrap();
        let cx = Ctxt::new();
        let parsed = parse_errno(&cx, &item.attrs[0]).map(|a: ErrnoAttr| {
            [&a.whole, &a.category, &a.sub, &a.code].map(|n| n.as_ref().map(|n| n.value))
        });
        let ok = cx.check().is_ok();
        assert_eq!(ok, parsed.is_some(), "{args}");
        parsed
    }

    #[test]
    fn errno_forms() {
        assert_eq!(errno("1504003"), Some([Some(1_504_003), None, None, None]));
        assert_eq!(
            errno("category = 15, sub = 4, code = 3"),
            Some([None, Some(15), Some(4), Some(3)])
        );
        assert_eq!(errno("code = 3,"), Some([None, None, None, Some(3)]));
        assert_eq!(
            errno("sub = 4, category = 15"),
            Some([None, Some(15), Some(4), None])
        );
        // Forms the fast path leaves to the full parser, read the same way.
        assert_eq!(errno("code = 1_0"), Some([None, None, None, Some(10)]));
        assert_eq!(errno("code = 0x10"), Some([None, None, None, Some(16)]));
        assert_eq!(
            errno("1504003, platform = \"cross\""),
            Some([Some(1_504_003), None, None, None])
        );
        // Misuse is reported by the full parser.
        for bad in [
            "code = 3, code = 4",
            "cod = 3",
            "code = -3",
            "code == 3",
            "code = 3 sub = 4",
            "code = 3,, sub = 4",
            "code = X",
            "code",
            "1504003, code = 3",
        ] {
            assert_eq!(errno(bad), None, "{bad}");
        }
    }

    /// The path of `#[errno(<args>)]`, as written, when it is the const form.
    fn path(args: &str) -> Option<String> {
        let item: syn::DeriveInput =
            syn::parse_str(&format!("#[errno({args})] struct S;")).unwrap();
        let cx = Ctxt::new();
        let parsed = parse_errno(&cx, &item.attrs[0]);
        let ok = cx.check().is_ok();
        assert_eq!(ok, parsed.is_some(), "{args}");
        let path = parsed?.path?;
        Some(quote::quote!(#path).to_string().replace(' ', ""))
    }

    #[test]
    fn errno_const_paths() {
        assert_eq!(path("LOGIN_FAILED").as_deref(), Some("LOGIN_FAILED"));
        assert_eq!(
            path("crate::codes::LOGIN").as_deref(),
            Some("crate::codes::LOGIN")
        );
        assert_eq!(
            path("::uni_error::Errno::TIMEOUT, platform = \"shared\"").as_deref(),
            Some("::uni_error::Errno::TIMEOUT")
        );
        assert_eq!(path("Self::CODE").as_deref(), Some("Self::CODE"));
        // Keys stay keys, and a path beside parts is refused.
        assert_eq!(errno("code = 3"), Some([None, None, None, Some(3)]));
        for bad in [
            "code",
            "LOGIN = 3",
            "LOGIN, code = 3",
            "LOGIN LOGIN",
            "a::<u8>::B",
        ] {
            assert_eq!(path(bad), None, "{bad}");
            assert_eq!(errno(bad), None, "{bad}");
        }
    }
}
