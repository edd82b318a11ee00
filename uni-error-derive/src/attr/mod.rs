//! Attribute parsing: the helper attributes of one container, variant or
//! field into a plain [`Attrs`]. Syntax errors and misplaced attributes are
//! reported here; meaning (ranges, references) is checked in `valid.rs`.

use proc_macro2::{TokenStream, TokenTree};
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, Meta};

use crate::ctxt::Ctxt;
use crate::fmt::{self, Msg};
use crate::lit::{string_literal, Str};

mod errno;
mod locale;
mod platforms;
mod source;
mod status;
mod thiserror;
mod uni;

pub use self::errno::ErrnoAttr;
pub use self::locale::{check_tag, LocaleAttr, LocaleEntry, LocalesAttr};
pub use self::platforms::PlatformsAttr;
pub use self::status::StatusAttr;
pub use self::thiserror::ErrorAttr;
pub use self::uni::desugar;
use self::{
    errno::parse_errno, locale::parse_locale, locale::parse_locales, platforms::parse_platforms,
    source::parse_source, status::parse_status, uni::parse_uni,
};

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
/// `#[platforms(android, ios, ..)]` on the type or a variant.
pub const PLATFORMS: &str = "platforms";
/// `#[locales("en", "zh-Hans")]` on the type.
pub const LOCALES: &str = "locales";
/// `#[locale(zh_Hans = "…")]` on the type or a variant.
pub const LOCALE: &str = "locale";
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
            Position::Enum | Position::Struct => matches!(
                name,
                SUBJECT | ERRNO | MSG | UNI | STATUS | PLATFORMS | LOCALES | LOCALE
            ),
            Position::Variant => {
                matches!(name, SUBJECT | ERRNO | MSG | STATUS | PLATFORMS | LOCALE)
            }
            Position::Field => matches!(name, SOURCE | FROM | DATA),
        }
    }

    /// This position and what it takes, for error messages.
    fn describe(self) -> &'static str {
        match self {
            Position::Enum => {
                "an enum (it takes #[subject], #[errno(category, sub)], a default #[msg], #[status], #[platforms], #[locales], #[locale] and #[uni])"
            }
            Position::Struct => {
                "a struct (it takes #[subject], #[errno], #[msg], #[status], #[platforms], #[locales], #[locale] and #[uni])"
            }
            Position::Variant => {
                "a variant (it takes #[subject], #[errno], #[msg], #[status], #[platforms] and #[locale])"
            }
            Position::Field => "a field (it takes #[source], #[from] and #[data])",
        }
    }
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
    /// `#[platforms(..)]`.
    pub platforms: Option<PlatformsAttr>,
    /// `#[locales(..)]`.
    pub locales: Option<LocalesAttr>,
    /// `#[locale(..)]`.
    pub locale: Option<LocaleAttr>,
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
    /// thiserror's `#[error(..)]`, read for the catalog and transparency.
    pub error: Option<ErrorAttr>,
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
            platforms: None,
            locales: None,
            locale: None,
            source: None,
            from: None,
            data: None,
            source_subject: None,
            source_code: None,
            error: None,
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
    [
        SUBJECT, ERRNO, MSG, SOURCE, FROM, DATA, UNI, STATUS, PLATFORMS, LOCALES, LOCALE,
    ]
    .into_iter()
    .find(|n| *n == name)
}

/// Parses the helper attributes among `attrs` at `pos`, reporting errors to
/// `cx`. Other attributes (`doc`, `serde`, ..) are ignored.
pub fn get<'a>(cx: &Ctxt, attrs: &'a [Attribute], pos: Position) -> Attrs<'a> {
    let mut out = Attrs::none();
    for attr in attrs {
        let Some(name) = attr_name(attr) else {
            if pos != Position::Field
                && out.error.is_none()
                && attr.path().is_ident(thiserror::ERROR)
            {
                out.error = Some(thiserror::read(attr));
            }
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
            PLATFORMS => out.platforms.is_some(),
            LOCALES => out.locales.is_some(),
            LOCALE => out.locale.is_some(),
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
            PLATFORMS => out.platforms = parse_platforms(cx, attr),
            LOCALES => out.locales = parse_locales(cx, attr),
            LOCALE => out.locale = parse_locale(cx, attr),
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
pub(crate) fn parse_list<'a>(
    cx: &Ctxt,
    attr: &'a Attribute,
    name: &str,
) -> Option<&'a TokenStream> {
    match &attr.meta {
        Meta::List(list) => Some(&list.tokens),
        _ => {
            let example = match name {
                SUBJECT => "#[subject(\"uni-login\")]",
                ERRNO => "#[errno(category = 15, sub = 4, code = 3)] or #[errno(1504003)]",
                MSG => "#[msg(\"text {field}\")] or #[msg(transparent)]",
                STATUS => "#[status(grpc = \"NOT_FOUND\", http = 404)]",
                PLATFORMS => "#[platforms(android, ios, harmony, web, mp)] (where the code occurs)",
                LOCALES => "#[locales(\"en\", \"zh-Hans\")] (the language of #[msg] first)",
                LOCALE => "#[locale(zh_Hans = \"…\")]",
                _ => "#[uni(crate = \"path\")]",
            };
            cx.error_spanned_by(attr, format_args!("expected {example}"));
            None
        }
    }
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

/// A key path as written (`cod`), for messages.
pub(crate) fn key_name(path: &syn::Path) -> String {
    quote::quote!(#path).to_string().replace(' ', "")
}

#[cfg(test)]
mod tests {
    use proc_macro2::{Literal, TokenStream, TokenTree};

    use super::Str;

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
}
