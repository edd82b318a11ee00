//! The message mini-language of `#[msg("text {field} {0:?}", extra, n = ..)]`:
//! parsing the attribute, and rewriting field references to the locals a
//! `match` arm binds (`{reason}` -> `{__field_reason}`, `.0` -> `__field_0`).

use std::collections::BTreeSet;

use proc_macro2::{Delimiter, Group, Ident, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::{Attribute, Member, Token};

use crate::ctxt::Ctxt;
use crate::lit::{string_literal, Str};

/// What the message language needs of a field: its name, and the local a
/// `match` arm binds it to. (`ast::Field` implements it; this module knows
/// nothing else of the syntax tree.)
pub trait FieldNames {
    /// `name` or `0`.
    fn member(&self) -> &Member;
    /// The local the field is bound to.
    fn binding(&self) -> &Ident;
}

/// A parsed `#[msg(..)]`.
pub struct Msg {
    /// The format string.
    pub lit: Str,
    /// Extra arguments after the string, in order.
    pub args: Vec<Arg>,
}

/// One extra argument: `expr` or `name = expr`, as raw tokens (no `full`
/// syn: the expression is scanned, not parsed).
pub struct Arg {
    /// `name` of `name = expr`.
    pub name: Option<Ident>,
    /// The expression's tokens.
    pub expr: TokenStream,
}

/// Parses `#[msg("..", args..)]` (`trees` are its arguments), reporting
/// syntax errors.
pub fn parse_msg(cx: &Ctxt, attr: &Attribute, trees: Vec<TokenTree>) -> Option<Msg> {
    if let Some(msg) = msg_fast(trees) {
        return Some(msg);
    }
    msg_full(cx, attr)
}

/// `#[msg(..)]` through syn's parser, with its errors.
fn msg_full(cx: &Ctxt, attr: &Attribute) -> Option<Msg> {
    let result = attr.parse_args_with(|input: ParseStream| {
        let lit = string_literal(input, "#[msg(\"login timed out after {0} ms\")]")?;
        let mut args = Vec::new();
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let mut tokens = Vec::new();
            while !input.is_empty() && !input.peek(Token![,]) {
                tokens.push(input.parse::<TokenTree>()?);
            }
            args.push(split_named(tokens));
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
fn msg_fast(trees: Vec<TokenTree>) -> Option<Msg> {
    let mut iter = trees.into_iter();
    let Some(TokenTree::Literal(first)) = iter.next() else {
        return None;
    };
    let lit = Str::from_literal(&first)?;
    let mut args = Vec::new();
    let mut current = Vec::new();
    // `"..",,`, `"..", a,, b` and `".." a` are errors for the full parser.
    let (mut any_comma, mut after_comma) = (false, false);
    for tt in iter {
        if matches!(&tt, TokenTree::Punct(p) if p.as_char() == ',') {
            if after_comma {
                return None;
            }
            (any_comma, after_comma) = (true, true);
            if !current.is_empty() {
                args.push(split_named(std::mem::take(&mut current)));
            }
        } else {
            if !any_comma {
                return None;
            }
            after_comma = false;
            current.push(tt);
        }
    }
    if !current.is_empty() {
        args.push(split_named(current));
    }
    Some(Msg { lit, args })
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

/// Which formatting trait a placeholder uses, for inferred bounds.
#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum FmtTrait {
    /// `{}`.
    Display,
    /// `{:?}`.
    Debug,
    /// `{:x}`.
    LowerHex,
    /// `{:X}`.
    UpperHex,
    /// `{:o}`.
    Octal,
    /// `{:b}`.
    Binary,
    /// `{:e}`.
    LowerExp,
    /// `{:E}`.
    UpperExp,
    /// `{:p}`.
    Pointer,
}

impl FmtTrait {
    /// The trait a format spec (the part after `:`) selects.
    fn of_spec(spec: &str) -> FmtTrait {
        if spec.ends_with('?') {
            return FmtTrait::Debug;
        }
        // The type is the last character when it is a letter; a fill char
        // is always followed by an alignment, so `{:x<5}` ends in a digit.
        match spec.chars().last() {
            Some('x') => FmtTrait::LowerHex,
            Some('X') => FmtTrait::UpperHex,
            Some('o') => FmtTrait::Octal,
            Some('b') => FmtTrait::Binary,
            Some('e') => FmtTrait::LowerExp,
            Some('E') => FmtTrait::UpperExp,
            Some('p') => FmtTrait::Pointer,
            _ => FmtTrait::Display,
        }
    }

    /// The trait's path under `core::fmt`.
    pub fn ident(self) -> Ident {
        let name = match self {
            FmtTrait::Display => "Display",
            FmtTrait::Debug => "Debug",
            FmtTrait::LowerHex => "LowerHex",
            FmtTrait::UpperHex => "UpperHex",
            FmtTrait::Octal => "Octal",
            FmtTrait::Binary => "Binary",
            FmtTrait::LowerExp => "LowerExp",
            FmtTrait::UpperExp => "UpperExp",
            FmtTrait::Pointer => "Pointer",
        };
        Ident::new(name, Span::call_site())
    }
}

/// A `#[msg]` rewritten for one match arm.
pub struct Expanded {
    /// The format string with field references renamed to their bindings.
    pub lit: proc_macro2::Literal,
    /// `, extra, n = .., __field_x = __field_x` to follow the string.
    pub args: Vec<TokenTree>,
    /// Indices of the fields the arm must bind.
    pub used: BTreeSet<usize>,
    /// (field index, trait) for each field the string formats.
    pub bounds: BTreeSet<(usize, FmtTrait)>,
    /// True when the string has no brace at all (`write_str` will do).
    pub plain: bool,
}

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
    let mut used = BTreeSet::new();
    let mut bounds = BTreeSet::new();
    let mut named_fields = BTreeSet::new();
    let mut count_fields = BTreeSet::new();
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
                    let at =
                        template.len() - tail.len() + 1 + (inner.len() - inner.trim_start().len());
                    let hint = match closest_field(fields, name) {
                        Some(near) => format!(": did you mean `{near}`?"),
                        None => String::new(),
                    };
                    errors.push(syn::Error::new(
                        name_span(&msg.lit, at, arg.len()),
                        format_args!(
                            "`{{{name}}}` in #[msg] is not a field{hint} ({})",
                            describe_fields(fields, variant_name)
                        ),
                    ));
                    None
                }
            },
        };
        out.push('{');
        match field {
            Some(i) => {
                let binding = fields[i].binding();
                out.push_str(&binding.to_string());
                used.insert(i);
                named_fields.insert(i);
                bounds.insert((i, FmtTrait::of_spec(spec.unwrap_or(""))));
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
                &mut count_fields,
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
    for i in &named_fields {
        let binding = fields[*i].binding();
        args.extend([
            comma(),
            TokenTree::Ident(binding.clone()),
            eq(),
            TokenTree::Ident(binding.clone()),
        ]);
    }
    for i in &count_fields {
        let binding = fields[*i].binding();
        args.extend([
            comma(),
            TokenTree::Ident(count_name(binding)),
            eq(),
            TokenTree::Punct(Punct::new('*', Spacing::Alone)),
            TokenTree::Ident(binding.clone()),
        ]);
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
    used: &mut BTreeSet<usize>,
    count_fields: &mut BTreeSet<usize>,
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
                count_fields.insert(i);
                out.push_str(&count_name(fields[i].binding()).to_string());
            }
            None => out.push_str(name),
        }
        out.push('$');
        rest = &rest[dollar + 1..];
    }
    out.push_str(rest);
    out
}

/// The `usize` argument for a field used as a width or precision:
/// `__count_name` beside the binding `__field_name` (the prefix is
/// underscores only, see `ast::local_prefix`), so that it cannot be another
/// field's binding.
fn count_name(binding: &Ident) -> Ident {
    let name = binding.to_string().replacen("field_", "count_", 1);
    Ident::new(&name, binding.span())
}

/// True if `member` is the tuple field `n`.
fn is_index(member: &Member, n: usize) -> bool {
    matches!(member, Member::Unnamed(index) if index.index as usize == n)
}

/// True if `member` is the named field `name` (raw or not).
fn is_named(member: &Member, name: &str) -> bool {
    matches!(member, Member::Named(ident) if ident.unraw() == name)
}

/// The span of `len` bytes at `at` in the string's value: a subspan of the
/// literal where the compiler gives one (a plain `"..."` or raw string,
/// whose value is its source text) and the whole string otherwise.
fn name_span(lit: &Str, at: usize, len: usize) -> proc_macro2::Span {
    let repr = lit.token.to_string();
    let start = if repr.starts_with('"') && !repr.contains('\\') {
        Some(1)
    } else {
        repr.strip_prefix('r')
            .map(|raw| 2 + raw.len() - raw.trim_start_matches('#').len())
    };
    start
        .and_then(|start| lit.token.subspan(start + at..start + at + len))
        .unwrap_or_else(|| lit.span())
}

/// The named field closest to a misspelled `name`, if one is close enough
/// to be what the user meant (an edit distance of at most a third of the
/// name, and at least one).
fn closest_field(fields: &[impl FieldNames], name: &str) -> Option<String> {
    let limit = (name.chars().count() / 3).max(1);
    fields
        .iter()
        .filter_map(|f| match f.member() {
            Member::Named(i) => Some(i.unraw().to_string()),
            Member::Unnamed(_) => None,
        })
        .map(|field| (edit_distance(&field, name), field))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, field)| field)
}

/// Levenshtein distance over chars (names are short).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(diag + usize::from(ca != *cb));
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// "the fields of `V` are a, b", for messages.
fn describe_fields(fields: &[impl FieldNames], variant_name: &Ident) -> String {
    if fields.is_empty() {
        return format!("`{variant_name}` has no fields");
    }
    let names: Vec<String> = fields
        .iter()
        .map(|f| match f.member() {
            Member::Named(i) => i.unraw().to_string(),
            Member::Unnamed(i) => i.index.to_string(),
        })
        .collect();
    if let [only] = names.as_slice() {
        return format!("`{variant_name}` has one field, `{only}`");
    }
    format!("`{variant_name}` has the fields `{}`", names.join("`, `"))
}

/// Replaces `.field` / `.0` (a dot that does not follow an expression) with
/// the field's binding, through groups.
fn rewrite_expr(
    tokens: TokenStream,
    fields: &[impl FieldNames],
    variant_name: &Ident,
    used: &mut BTreeSet<usize>,
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
                let target = match tokens.get(i + 1) {
                    Some(TokenTree::Ident(ident)) => {
                        let name = ident.unraw().to_string();
                        Some((
                            fields.iter().position(|f| is_named(f.member(), &name)),
                            format!(".{ident}"),
                            ident.span(),
                            None,
                        ))
                    }
                    Some(TokenTree::Literal(lit)) => {
                        let text = lit.to_string();
                        // `.0.1` lexes as `.` and the float `0.1`: field 0,
                        // then its own `.1`.
                        let (index, tail) = match text.split_once('.') {
                            Some((n, m))
                                if !m.is_empty() && m.bytes().all(|b| b.is_ascii_digit()) =>
                            {
                                (n, m.parse::<u32>().ok())
                            }
                            _ => (text.as_str(), None),
                        };
                        let pos = index
                            .parse::<usize>()
                            .ok()
                            .filter(|_| tail.is_some() || !text.contains('.'))
                            .and_then(|n| fields.iter().position(|f| is_index(f.member(), n)));
                        Some((pos, format!(".{text}"), lit.span(), tail))
                    }
                    _ => None,
                };
                match target {
                    Some((Some(f), _, span, tail)) => {
                        // The local as generated, at the user's `.field`.
                        let mut binding = fields[f].binding().clone();
                        binding.set_span(binding.span().located_at(span));
                        used.insert(f);
                        binding.to_tokens(&mut out);
                        if let Some(tail) = tail {
                            let mut dot = Punct::new('.', Spacing::Alone);
                            dot.set_span(span);
                            let mut index = proc_macro2::Literal::u32_unsuffixed(tail);
                            index.set_span(span);
                            dot.to_tokens(&mut out);
                            index.to_tokens(&mut out);
                        }
                        i += 2;
                        after_expr = true;
                        continue;
                    }
                    Some((None, text, span, _)) => {
                        errors.push(syn::Error::new(
                            span,
                            format_args!(
                                "`{text}` in #[msg] is not a field: {}",
                                describe_fields(fields, variant_name)
                            ),
                        ));
                        i += 2;
                        after_expr = true;
                        continue;
                    }
                    None => {
                        p.to_tokens(&mut out);
                        after_expr = false;
                    }
                }
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
                ident.to_tokens(&mut out);
                // After a keyword such as `if`/`match`/`return` a dot would
                // start a field reference too; `self.x` stays a field access.
                after_expr = !matches!(
                    ident.to_string().as_str(),
                    "if" | "match" | "return" | "in" | "while" | "else" | "let" | "move"
                );
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

#[cfg(test)]
mod tests {
    use super::{msg_fast, msg_full, FmtTrait, Msg};
    use crate::ctxt::Ctxt;

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
        }
        // Left to the full parser, which reports them.
        for src in [r#""a" b"#, r#""a",, b"#, r#"a, "b""#, "1", r#""a"s"#] {
            let tokens: proc_macro2::TokenStream = src.parse().unwrap();
            assert!(msg_fast(tokens.into_iter().collect()).is_none(), "{src}");
        }
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
