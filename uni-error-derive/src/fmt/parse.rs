//! Reading `#[msg("..", args..)]`: the string, then the extra arguments
//! split at the commas between them (not at the commas inside a type's
//! generic arguments, as in `&x as &dyn Tr<i32, A = i32>`).

use proc_macro2::{Ident, Spacing, TokenTree};
use syn::parse::ParseStream;
use syn::{Attribute, Token};

use super::{Arg, Msg};
use crate::ctxt::Ctxt;
use crate::lit::{string_literal, Str};

/// Parses `#[msg("..", args..)]` (`trees` are its arguments), reporting
/// syntax errors.
pub fn parse_msg(cx: &Ctxt, attr: &Attribute, trees: Vec<TokenTree>) -> Option<Msg> {
    if let Some(msg) = msg_fast(trees) {
        return Some(msg);
    }
    msg_full(cx, attr)
}

/// `#[msg(..)]` through syn's parser, with its errors.
pub(super) fn msg_full(cx: &Ctxt, attr: &Attribute) -> Option<Msg> {
    let result = attr.parse_args_with(|input: ParseStream| {
        let lit = string_literal(input, "#[msg(\"login timed out after {0} ms\")]")?;
        let mut args = Vec::new();
        if !input.is_empty() {
            input.parse::<Token![,]>()?;
            let mut rest = Vec::new();
            while !input.is_empty() {
                rest.push(input.parse::<TokenTree>()?);
            }
            for (comma, arg) in split_args(rest) {
                if arg.is_empty() {
                    let span = comma.map_or_else(|| input.span(), |c| c.span());
                    return Err(syn::Error::new(
                        span,
                        "expected an argument before this comma",
                    ));
                }
                args.push(split_named(arg));
            }
        }
        Ok(Msg {
            lit: Str::from_lit(&lit),
            args,
        })
    });
    match result {
        Ok(msg) => Some(msg),
        Err(e) => {
            cx.syn_error(e);
            None
        }
    }
}

/// The usual `#[msg("..", args..)]` read straight off the tokens: a string
/// literal, then arguments separated by single commas. `None` for anything
/// else, which the full parser reads and reports on.
pub(super) fn msg_fast(trees: Vec<TokenTree>) -> Option<Msg> {
    let mut iter = trees.into_iter();
    let Some(TokenTree::Literal(first)) = iter.next() else {
        return None;
    };
    let lit = Str::from_literal(&first)?;
    let mut args = Vec::new();
    match iter.next() {
        None => {}
        Some(TokenTree::Punct(p)) if p.as_char() == ',' => {
            // `"..",,` and `"..", a,, b` are errors for the full parser.
            for (_, arg) in split_args(iter.collect()) {
                if arg.is_empty() {
                    return None;
                }
                args.push(split_named(arg));
            }
        }
        // `".." a`
        Some(_) => return None,
    }
    Some(Msg { lit, args })
}

/// The arguments after the string's comma, each with the comma that ends
/// it (none for the last); a trailing comma ends the list. A comma splits
/// only outside a type's `<..>`: a `<` opens one at the start of an
/// argument or after an operator or path separator (`<T as Tr<A = i32>>`,
/// `f::<A, B>()`), and anywhere after an `as` (`x as Tr<A, B>`), while
/// after a value it compares (`a < b, c > d` is two arguments).
fn split_args(tokens: Vec<TokenTree>) -> Vec<(Option<proc_macro2::Punct>, Vec<TokenTree>)> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    let mut depth = 0usize;
    let mut after_as = false;
    let mut iter = tokens.into_iter().peekable();
    while let Some(tt) = iter.next() {
        let opens_type = depth > 0
            || after_as
            || match current.last() {
                None => true,
                Some(TokenTree::Punct(p)) => p.as_char() != '?',
                Some(_) => false,
            };
        match &tt {
            TokenTree::Punct(p) if p.as_char() == ',' && depth == 0 => {
                out.push((Some(p.clone()), std::mem::take(&mut current)));
                after_as = false;
                continue;
            }
            TokenTree::Punct(p) if p.as_char() == '<' => {
                if opens_type {
                    depth += 1;
                } else if p.spacing() == Spacing::Joint {
                    // `<<` and `<=` after a value: one operator.
                    current.push(tt);
                    if let Some(next) = iter.next() {
                        current.push(next);
                    }
                    continue;
                }
            }
            TokenTree::Punct(p) if p.as_char() == '>' && depth > 0 => {
                // `->` in `Fn() -> T` closes nothing.
                let arrow = matches!(current.last(),
                    Some(TokenTree::Punct(q)) if q.as_char() == '-' && q.spacing() == Spacing::Joint);
                if !arrow {
                    depth -= 1;
                }
            }
            TokenTree::Ident(ident) if depth == 0 && is_as(ident) => after_as = true,
            // A value ends the type after `as` (`x as u8 + 1 < y`).
            TokenTree::Literal(_) | TokenTree::Group(_) if depth == 0 => after_as = false,
            _ => {}
        }
        current.push(tt);
    }
    if !current.is_empty() {
        out.push((None, current));
    }
    out
}

/// True for the keyword `as`.
fn is_as(ident: &Ident) -> bool {
    ident == "as"
}

/// `name = expr` (but not `a == b`) or a positional `expr`.
fn split_named(tokens: Vec<TokenTree>) -> Arg {
    if let [TokenTree::Ident(name), TokenTree::Punct(eq), rest @ ..] = tokens.as_slice() {
        let next_is_eq = matches!(rest.first(), Some(TokenTree::Punct(p)) if p.as_char() == '=');
        if eq.as_char() == '=' && !next_is_eq && !rest.is_empty() {
            return Arg {
                name: Some(name.clone()),
                expr: rest.iter().cloned().collect(),
            };
        }
    }
    Arg {
        name: None,
        expr: tokens.into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::{msg_fast, msg_full, Msg};
    use crate::ctxt::Ctxt;
    use crate::fmt::FmtTrait;

    /// The string's value and each argument as `name = expr` text.
    fn summary(msg: &Msg) -> (String, Vec<String>) {
        let args = msg
            .args
            .iter()
            .map(|a| match &a.name {
                Some(name) => format!("{name} = {}", a.expr),
                None => a.expr.to_string(),
            })
            .collect();
        (msg.lit.value.clone(), args)
    }

    /// Both parsers' reading of `#[msg(src)]`, checked equal.
    fn parse_both(src: &str) -> (String, Vec<String>) {
        let item: syn::DeriveInput =
            syn::parse_str(&format!("#[msg({src})] struct S;")).expect(src);
        let syn::Meta::List(list) = &item.attrs[0].meta else {
            panic!("{src}");
        };
        let fast = msg_fast(list.tokens.clone().into_iter().collect()).expect(src);
        let cx = Ctxt::new();
        let full = msg_full(&cx, &item.attrs[0]).expect(src);
        assert!(cx.check().is_ok());
        assert_eq!(summary(&fast), summary(&full), "{src}");
        summary(&fast)
    }

    #[test]
    fn fast_msg_reads_like_the_full_parser() {
        let fast_cases = [
            r#""plain""#,
            r#""{0} and {name}", extra"#,
            r#""{n} {}", n = a.len(), .b, f(x, y),"#,
            r#""{}", a == b, [1, 2], x = if c { 1 } else { 2 }"#,
            r#""esc \" {0}", 1"#,
        ];
        for src in fast_cases {
            parse_both(src);
        }
        // Left to the full parser, which reports them.
        for src in [r#""a" b"#, r#""a",, b"#, r#"a, "b""#, "1", r#""a"s"#] {
            let tokens: proc_macro2::TokenStream = src.parse().unwrap();
            assert!(msg_fast(tokens.into_iter().collect()).is_none(), "{src}");
        }
    }

    #[test]
    fn commas_inside_generic_arguments_do_not_split() {
        let args = |src: &str| parse_both(&format!("\"..\", {src}")).1;
        assert_eq!(
            args("b = &0 as &dyn Tr<i32, A = i32>"),
            ["b = & 0 as & dyn Tr < i32 , A = i32 >"]
        );
        assert_eq!(
            args("<T as Tr<A = i32, B = u8>>::f(), x"),
            ["< T as Tr < A = i32 , B = u8 >>:: f ()", "x"]
        );
        assert_eq!(
            args("f::<A, B>(), g::<fn() -> u8, C>()"),
            ["f ::< A , B > ()", "g ::< fn () -> u8 , C > ()"]
        );
        // Comparisons and shifts after a value split as usual.
        assert_eq!(args("a < b, c > d"), ["a < b", "c > d"]);
        assert_eq!(args("a << 1, b <= c, d"), ["a << 1", "b <= c", "d"]);
        assert_eq!(args("x as u8 + 1 < y, z"), ["x as u8 + 1 < y", "z"]);
    }

    #[test]
    fn spec_selects_the_trait() {
        let cases = [
            ("", FmtTrait::Display),
            (">8", FmtTrait::Display),
            ("x<5", FmtTrait::Display),
            ("?", FmtTrait::Debug),
            ("#?", FmtTrait::Debug),
            ("x?", FmtTrait::Debug),
            ("#x", FmtTrait::LowerHex),
            ("08X", FmtTrait::UpperHex),
            ("o", FmtTrait::Octal),
            ("b", FmtTrait::Binary),
            (".3e", FmtTrait::LowerExp),
            ("E", FmtTrait::UpperExp),
            ("p", FmtTrait::Pointer),
        ];
        for (spec, expected) in cases {
            assert!(FmtTrait::of_spec(spec) == expected, "{spec:?}");
        }
    }
}
