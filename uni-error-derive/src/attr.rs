//! Attribute parsing: the helper attributes of one container, variant or
//! field into a plain [`Attrs`]. Syntax errors and misplaced attributes are
//! reported here; meaning (ranges, references) is checked in `valid.rs`.

use proc_macro2::{TokenStream, TokenTree};
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, LitInt, LitStr, Meta, Token};

use crate::ctxt::Ctxt;
use crate::fmt::{self, Msg};
use crate::lit::{string_literal, Num, Str};

/// `#[subject("..")]`.
pub const SUBJECT: &str = "subject";
/// `#[errno(..)]`.
pub const ERRNO: &str = "errno";
/// `#[msg("..", args)]`.
pub const MSG: &str = "msg";
/// `#[source]` on a field.
pub const SOURCE: &str = "source";
/// `#[from]` on a field.
pub const FROM: &str = "from";
/// `#[data]` on a field.
pub const DATA: &str = "data";
/// `#[uni(crate = "..")]` on the type.
pub const UNI: &str = "uni";
/// `#[status(grpc = "..", http = N)]` on the type or a variant.
pub const STATUS: &str = "status";
/// `#[msg(transparent)]`.
pub const TRANSPARENT: &str = "transparent";

/// Keys of `#[errno(..)]`.
pub const CATEGORY: &str = "category";
/// The sub-category key of `#[errno(..)]`.
pub const SUB: &str = "sub";
/// The error-type key of `#[errno(..)]`.
pub const CODE: &str = "code";
/// The platform assertion key of `#[errno(..)]`.
pub const PLATFORM: &str = "platform";
/// The one key of `#[uni(..)]`.
pub const CRATE: &str = "crate";
/// The google.rpc code key of `#[status(..)]`.
pub const GRPC: &str = "grpc";
/// The HTTP status key of `#[status(..)]`.
pub const HTTP: &str = "http";

/// The google.rpc codes: the name `#[status(grpc = "..")]` takes and the
/// `uni_error::status::Code` variant it means, in numeric order.
pub const GRPC_CODES: [(&str, &str); 17] = [
    ("OK", "Ok"),
    ("CANCELLED", "Cancelled"),
    ("UNKNOWN", "Unknown"),
    ("INVALID_ARGUMENT", "InvalidArgument"),
    ("DEADLINE_EXCEEDED", "DeadlineExceeded"),
    ("NOT_FOUND", "NotFound"),
    ("ALREADY_EXISTS", "AlreadyExists"),
    ("PERMISSION_DENIED", "PermissionDenied"),
    ("RESOURCE_EXHAUSTED", "ResourceExhausted"),
    ("FAILED_PRECONDITION", "FailedPrecondition"),
    ("ABORTED", "Aborted"),
    ("OUT_OF_RANGE", "OutOfRange"),
    ("UNIMPLEMENTED", "Unimplemented"),
    ("INTERNAL", "Internal"),
    ("UNAVAILABLE", "Unavailable"),
    ("DATA_LOSS", "DataLoss"),
    ("UNAUTHENTICATED", "Unauthenticated"),
];

/// Where an attribute list sits; decides which helpers are allowed.
#[derive(Copy, Clone, PartialEq, Eq)]
pub enum Position {
    /// On an `enum` item.
    Enum,
    /// On a `struct` item.
    Struct,
    /// On an enum variant.
    Variant,
    /// On a field.
    Field,
}

impl Position {
    /// True if `#[name]` may appear here.
    fn allows(self, name: &str) -> bool {
        match self {
            Position::Enum => matches!(name, SUBJECT | ERRNO | UNI | STATUS),
            Position::Struct => matches!(name, SUBJECT | ERRNO | MSG | UNI | STATUS),
            Position::Variant => matches!(name, SUBJECT | ERRNO | MSG | STATUS),
            Position::Field => matches!(name, SOURCE | FROM | DATA),
        }
    }

    /// This position and what it takes, for error messages.
    fn describe(self) -> &'static str {
        match self {
            Position::Enum => {
                "an enum (it takes #[subject], #[errno(category, sub)], #[status] and #[uni])"
            }
            Position::Struct => {
                "a struct (it takes #[subject], #[errno], #[msg], #[status] and #[uni])"
            }
            Position::Variant => "a variant (it takes #[subject], #[errno], #[msg] and #[status])",
            Position::Field => "a field (it takes #[source], #[from] and #[data])",
        }
    }
}

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
    /// `platform = ".."`.
    pub platform: Option<LitStr>,
}

/// A parsed `#[status(..)]`.
pub struct StatusAttr {
    /// `grpc = ".."`: the `uni_error::status::Code` variant's name, spanned
    /// at the user's string.
    pub grpc: Option<syn::Ident>,
    /// `http = N`, in 100..=599.
    pub http: Option<Num>,
}

/// The helper attributes found on one item.
pub struct Attrs<'a> {
    /// `#[subject("..")]`.
    pub subject: Option<Str>,
    /// `#[errno(..)]`.
    pub errno: Option<ErrnoAttr<'a>>,
    /// `#[msg(..)]`.
    pub msg: Option<Msg>,
    /// `#[msg(transparent)]`: the `transparent` token.
    pub transparent: Option<syn::Ident>,
    /// `#[status(..)]`.
    pub status: Option<StatusAttr>,
    /// `#[uni(crate = "..")]`.
    pub krate: Option<syn::Path>,
    /// `#[source]`.
    pub source: Option<&'a Attribute>,
    /// `#[from]`.
    pub from: Option<&'a Attribute>,
    /// `#[data]`.
    pub data: Option<&'a Attribute>,
    /// `subject = ".."` of `#[source(..)]` or `#[from(..)]`.
    pub source_subject: Option<Str>,
    /// `code = path` of `#[source(..)]` or `#[from(..)]`.
    pub source_code: Option<syn::Path>,
    /// The names of the helper attributes present, parsed or not: a
    /// malformed `#[errno(..)]` is reported once, not again as "missing".
    pub seen: Vec<&'static str>,
}

impl Attrs<'_> {
    /// An empty set of attributes.
    pub fn none() -> Self {
        Attrs {
            subject: None,
            errno: None,
            msg: None,
            transparent: None,
            status: None,
            krate: None,
            source: None,
            from: None,
            data: None,
            source_subject: None,
            source_code: None,
            seen: Vec::new(),
        }
    }

    /// True if `#[name]` was written here, even if it did not parse.
    pub fn has(&self, name: &str) -> bool {
        self.seen.contains(&name)
    }
}

/// The helper attribute `attr` is, or `None` for a foreign one.
fn attr_name(attr: &Attribute) -> Option<&'static str> {
    // One string per attribute (comparing an `Ident` with a `str` makes a
    // string each time).
    let name = attr.path().get_ident()?.to_string();
    [SUBJECT, ERRNO, MSG, SOURCE, FROM, DATA, UNI, STATUS]
        .into_iter()
        .find(|n| *n == name)
}

/// Parses the helper attributes among `attrs` at `pos`, reporting errors to
/// `cx`. Other attributes (`doc`, `serde`, ..) are ignored.
pub fn get<'a>(cx: &Ctxt, attrs: &'a [Attribute], pos: Position) -> Attrs<'a> {
    let mut out = Attrs::none();
    for attr in attrs {
        let Some(name) = attr_name(attr) else {
            continue;
        };
        out.seen.push(name);
        if !pos.allows(name) {
            cx.error_spanned_by(
                attr,
                format_args!("#[{name}] is not allowed on {}", pos.describe()),
            );
            continue;
        }
        let duplicate = match name {
            SUBJECT => out.subject.is_some(),
            ERRNO => out.errno.is_some(),
            MSG => out.msg.is_some() || out.transparent.is_some(),
            STATUS => out.status.is_some(),
            UNI => out.krate.is_some(),
            SOURCE => out.source.is_some(),
            FROM => out.from.is_some(),
            _ => out.data.is_some(),
        };
        if duplicate {
            cx.error_spanned_by(
                attr,
                format_args!("duplicate #[{name}] attribute: give it once"),
            );
            continue;
        }
        match name {
            SUBJECT => out.subject = parse_subject(cx, attr),
            ERRNO => out.errno = parse_errno(cx, attr),
            MSG => {
                let Some(tokens) = parse_list(cx, attr, name) else {
                    continue;
                };
                // Split into trees once, for both forms' fast reading.
                let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
                match transparent(&trees) {
                    Some(Ok(ident)) => out.transparent = Some(ident),
                    Some(Err(e)) => cx.syn_error(e),
                    None => out.msg = fmt::parse_msg(cx, attr, trees),
                }
            }
            STATUS => out.status = parse_status(cx, attr),
            UNI => out.krate = parse_uni(cx, attr),
            SOURCE | FROM => {
                let parsed = parse_source(cx, attr, name, &mut out);
                if name == SOURCE {
                    out.source = parsed;
                } else {
                    out.from = parsed;
                }
            }
            _ => out.data = parse_flag(cx, attr, name),
        }
    }
    out
}

/// Requires the `#[name(..)]` form; reports `#[name]` and `#[name = ..]`.
fn parse_list<'a>(cx: &Ctxt, attr: &'a Attribute, name: &str) -> Option<&'a TokenStream> {
    match &attr.meta {
        Meta::List(list) => Some(&list.tokens),
        _ => {
            let example = match name {
                SUBJECT => "#[subject(\"uni-login\")]",
                ERRNO => "#[errno(category = 15, sub = 4, code = 3)] or #[errno(1504003)]",
                MSG => "#[msg(\"text {field}\")] or #[msg(transparent)]",
                STATUS => "#[status(grpc = \"NOT_FOUND\", http = 404)]",
                _ => "#[uni(crate = \"path\")]",
            };
            cx.error_spanned_by(attr, format_args!("expected {example}"));
            None
        }
    }
}

/// `#[source]`/`#[from]`, optionally `(subject = "csj", code = path)`: a
/// label for a third-party source that has no subject of its own, and a
/// function reading an SDK code off it.
fn parse_source<'a>(
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

/// `Some` if the tokens of `#[msg(..)]` are the `transparent` form: `Ok`
/// with the token, or an error for `transparent` with other arguments.
fn transparent(trees: &[TokenTree]) -> Option<syn::Result<syn::Ident>> {
    let mut iter = trees.iter();
    let Some(TokenTree::Ident(ident)) = iter.next() else {
        return None;
    };
    if ident != TRANSPARENT {
        return None;
    }
    Some(match iter.next() {
        None => Ok(ident.clone()),
        Some(extra) => Err(syn::Error::new(
            extra.span(),
            "#[msg(transparent)] takes no other arguments: the message is the field's own",
        )),
    })
}

/// `#[status(grpc = "NOT_FOUND", http = 404)]`: at least one key.
fn parse_status(cx: &Ctxt, attr: &Attribute) -> Option<StatusAttr> {
    let tokens = parse_list(cx, attr, STATUS)?;
    if tokens.is_empty() {
        cx.error_spanned_by(
            attr,
            "empty #[status]: give grpc = \"NOT_FOUND\", http = 404 or both",
        );
        return None;
    }
    let mut out = StatusAttr {
        grpc: None,
        http: None,
    };
    let result = attr.parse_nested_meta(|meta| {
        if meta.path.is_ident(GRPC) {
            let lit = string_literal(meta.value()?, "grpc = \"NOT_FOUND\"")?;
            if out.grpc.is_some() {
                return Err(meta.error("duplicate status key `grpc`"));
            }
            let value = lit.value();
            let Some((_, variant)) = GRPC_CODES.iter().find(|(n, _)| *n == value) else {
                let names: Vec<&str> = GRPC_CODES.iter().map(|(n, _)| *n).collect();
                return Err(syn::Error::new(
                    lit.span(),
                    format_args!(
                        "unknown google.rpc code \"{value}\", expected one of {}",
                        names.join(", ")
                    ),
                ));
            };
            out.grpc = Some(syn::Ident::new(variant, lit.span()));
            Ok(())
        } else if meta.path.is_ident(HTTP) {
            let input = meta.value()?;
            let Some((tt, _)) = input.cursor().token_tree() else {
                return Err(input.error("expected an HTTP status in 100..=599, as in http = 404"));
            };
            let lit: LitInt = input.parse().map_err(|_| {
                syn::Error::new(
                    tt.span(),
                    format_args!(
                        "expected an HTTP status as an integer literal in 100..=599, found `{tt}`"
                    ),
                )
            })?;
            let value = lit
                .base10_parse::<u64>()
                .ok()
                .filter(|n| (100..=599).contains(n));
            let Some(value) = value else {
                return Err(syn::Error::new(
                    lit.span(),
                    format_args!(
                        "HTTP status {} is out of range: expected 100..=599",
                        lit.base10_digits()
                    ),
                ));
            };
            if out.http.is_some() {
                return Err(meta.error("duplicate status key `http`"));
            }
            out.http = Some(Num {
                value,
                span: lit.span(),
            });
            Ok(())
        } else {
            Err(meta.error(format_args!(
                "unknown status key `{}`, expected grpc or http",
                key_name(&meta.path)
            )))
        }
    });
    match result {
        Ok(()) => Some(out),
        Err(e) => {
            cx.syn_error(e);
            None
        }
    }
}

/// `#[data]`: no arguments.
fn parse_flag<'a>(cx: &Ctxt, attr: &'a Attribute, name: &str) -> Option<&'a Attribute> {
    match &attr.meta {
        Meta::Path(_) => Some(attr),
        _ => {
            cx.error_spanned_by(
                attr,
                format_args!("#[{name}] takes no arguments: write #[{name}]"),
            );
            None
        }
    }
}

/// `#[subject("..")]`: one string literal.
fn parse_subject(cx: &Ctxt, attr: &Attribute) -> Option<Str> {
    let tokens = parse_list(cx, attr, SUBJECT)?;
    // The usual form, read off the tokens; anything else goes through the
    // parser below, which reports what is wrong.
    let mut iter = tokens.clone().into_iter();
    if let (Some(TokenTree::Literal(lit)), None) = (iter.next(), iter.next()) {
        if let Some(s) = Str::from_literal(&lit) {
            return Some(s);
        }
    }
    let parser = |input: ParseStream| {
        let lit = string_literal(input, "#[subject(\"uni-login\")]")?;
        if !input.is_empty() {
            return Err(
                input.error("unexpected tokens after the subject: #[subject] takes one string")
            );
        }
        Ok(lit)
    };
    match parser.parse2(tokens.clone()) {
        Ok(lit) => Some(Str::from_lit(&lit)),
        Err(e) => {
            cx.syn_error(if tokens.is_empty() {
                syn::Error::new_spanned(
                    attr,
                    "expected a string literal: #[subject(\"uni-login\")]",
                )
            } else {
                e
            });
            None
        }
    }
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
            "{what} must be an integer literal in {range}, found `{tt}`: the derive checks errnos when it runs, so constants and expressions cannot be used"
        ),
    ))
}

/// `#[errno(..)]`: the whole number, keys, or a number then keys.
fn parse_errno<'a>(cx: &Ctxt, attr: &'a Attribute) -> Option<ErrnoAttr<'a>> {
    let tokens = parse_list(cx, attr, ERRNO)?;
    let mut out = ErrnoAttr {
        original: attr,
        category: None,
        sub: None,
        code: None,
        whole: None,
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
    let mut keys = |meta: syn::meta::ParseNestedMeta| {
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
    };
    let mut whole = None;
    let parser = |input: ParseStream| {
        if input.peek(LitInt) || input.peek(Token![-]) || input.peek(LitStr) {
            whole = Some(int_literal(input, "whole")?);
            if input.is_empty() {
                return Ok(());
            }
            input.parse::<Token![,]>()?;
        }
        let rest: TokenStream = input.parse()?;
        syn::meta::parser(&mut keys).parse2(rest)
    };
    if let Err(e) = parser.parse2(tokens.clone()) {
        cx.syn_error(e);
        return None;
    }
    out.whole = whole;
    if let Some(whole) = &out.whole {
        if let Some(part) = [&out.category, &out.sub, &out.code]
            .into_iter()
            .flatten()
            .next()
        {
            cx.error_at(
                part.span,
                format_args!(
                    "#[errno({})] already gives the whole errno: drop this part or the number",
                    whole.value
                ),
            );
            return None;
        }
    }
    Some(out)
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

/// `#[uni(crate = "..")]`.
fn parse_uni(cx: &Ctxt, attr: &Attribute) -> Option<syn::Path> {
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

/// A key path as written (`cod`), for messages.
fn key_name(path: &syn::Path) -> String {
    quote::quote!(#path).to_string().replace(' ', "")
}

#[cfg(test)]
mod tests {
    use proc_macro2::{Literal, TokenStream, TokenTree};

    use super::{parse_errno, ErrnoAttr, Str};
    use crate::ctxt::Ctxt;

    /// The literal token of `src`.
    fn literal(src: &str) -> Literal {
        let tokens: TokenStream = src.parse().unwrap();
        match tokens.into_iter().next() {
            Some(TokenTree::Literal(lit)) => lit,
            other => panic!("not a literal: {other:?}"),
        }
    }

    #[test]
    fn str_values_match_syn() {
        let cases = [
            r#""plain text {0}""#,
            r#""""#,
            r#""tab\there \"quoted\" \\ \u{1F600} \x41""#,
            r#""line one
line two""#,
            r#""ünïcödé ✓""#,
            r#"r"raw \n stays""#,
            r##"r#"raw with "quotes" inside"#"##,
            r###"r##"two "# hashes"##"###,
            r#"r"""#,
        ];
        for src in cases {
            let lit = literal(src);
            let syn_value = match syn::Lit::new(lit.clone()) {
                syn::Lit::Str(s) => s.value(),
                _ => panic!("{src} is not a string"),
            };
            let ours = Str::from_literal(&lit).expect(src);
            assert_eq!(ours.value, syn_value, "{src}");
            assert_eq!(ours.token.to_string(), src);
        }
        for not_a_str in ["1", "'c'", "b\"bytes\"", "\"suffixed\"sfx", "r\"raw\"sfx"] {
            assert!(
                Str::from_literal(&literal(not_a_str)).is_none(),
                "{not_a_str}"
            );
        }
    }

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
}
