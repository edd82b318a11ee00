//! `#[locales("en", "zh-Hans")]` on the type (the first is the language
//! of `#[msg]`) and `#[locale(zh_Hans = "…")]` on a variant, a struct or
//! an enum with a default `#[msg]` (`_` in a key is `-` in the tag).
//! Syntax and the form of each tag are checked here; which variant owes
//! which translation is checked in `crate::locale`.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::{Attribute, Token};

use super::parse_list;
use crate::ctxt::Ctxt;
use crate::lit::{string_literal, Str};

/// `#[locales("en", "zh-Hans")]`: the declared languages.
pub struct LocalesAttr {
    /// The tags as written, with their literals' spans; the first is the
    /// language of `#[msg]`.
    pub tags: Vec<(String, Span)>,
}

/// `#[locale(zh_Hans = "…", ..)]`: one translation per key.
pub struct LocaleAttr {
    /// The translations in the order written.
    pub entries: Vec<LocaleEntry>,
}

/// `zh_Hans = "…"`.
pub struct LocaleEntry {
    /// The key as written (`zh_Hans`).
    pub key: syn::Ident,
    /// The tag it names (`zh-Hans`).
    pub tag: String,
    /// The translation.
    pub text: Str,
}

/// Parses `#[locales(..)]`: string literals, each a well-formed BCP 47
/// tag, none twice.
pub fn parse_locales(cx: &Ctxt, attr: &Attribute) -> Option<LocalesAttr> {
    parse_list(cx, attr, super::LOCALES)?;
    let parser = |input: ParseStream| {
        let mut tags: Vec<(String, Span)> = Vec::new();
        while !input.is_empty() {
            let lit = string_literal(input, "#[locales(\"en\", \"zh-Hans\")]")?;
            let tag = lit.value();
            if let Err(why) = check_tag(&tag) {
                cx.error_at(lit.span(), why);
            } else if let Some((first, _)) = tags.iter().find(|(t, _)| t.eq_ignore_ascii_case(&tag))
            {
                cx.error_at(
                    lit.span(),
                    format_args!("`{tag}` is declared twice (as `{first}` before)"),
                );
            } else {
                tags.push((tag, lit.span()));
            }
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        Ok(tags)
    };
    match attr.parse_args_with(parser) {
        Ok(tags) if tags.is_empty() && no_tokens(attr) => {
            cx.error_spanned_by(
                attr,
                "#[locales] lists the languages, the one of #[msg] first: #[locales(\"en\", \"zh-Hans\")]",
            );
            None
        }
        Ok(tags) => Some(LocalesAttr { tags }),
        Err(e) => {
            cx.syn_error(e);
            None
        }
    }
}

/// True when `#[locales(..)]` has no tokens at all (an empty list is
/// reported once, not beside a tag already reported).
fn no_tokens(attr: &Attribute) -> bool {
    match &attr.meta {
        syn::Meta::List(list) => list.tokens.is_empty(),
        _ => false,
    }
}

/// Parses `#[locale(key = "…", ..)]`.
pub fn parse_locale(cx: &Ctxt, attr: &Attribute) -> Option<LocaleAttr> {
    let tokens = parse_list(cx, attr, super::LOCALE)?;
    if tokens.is_empty() {
        cx.error_spanned_by(
            attr,
            "#[locale] gives translations of #[msg] by language: #[locale(zh_Hans = \"…\")]",
        );
        return None;
    }
    let parser = |input: ParseStream| {
        let mut entries: Vec<LocaleEntry> = Vec::new();
        while !input.is_empty() {
            let key = input.call(syn::Ident::parse_any).map_err(|e| {
                syn::Error::new(
                    e.span(),
                    "expected a language key: #[locale(zh_Hans = \"…\")] (`_` for `-`)",
                )
            })?;
            input.parse::<Token![=]>()?;
            let lit = string_literal(input, "#[locale(zh_Hans = \"…\")]")?;
            let tag = key.unraw().to_string().replace('_', "-");
            if let Some(first) = entries.iter().find(|e| e.tag.eq_ignore_ascii_case(&tag)) {
                cx.error_spanned_by(
                    &key,
                    format_args!("`{}` is given twice in #[locale]", first.key),
                );
            } else {
                entries.push(LocaleEntry {
                    key,
                    tag,
                    text: Str::from_lit(&lit),
                });
            }
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        Ok(entries)
    };
    match attr.parse_args_with(parser) {
        Ok(entries) => Some(LocaleAttr { entries }),
        Err(e) => {
            cx.syn_error(e);
            None
        }
    }
}

/// Checks that `tag` is a well-formed BCP 47 language tag (RFC 5646's
/// syntax: a 2–3 or 5–8 letter language, then subtags of 1–8 letters and
/// digits; a script of 4 letters, a region of 2 letters or 3 digits);
/// the error says what is wrong.
pub fn check_tag(tag: &str) -> Result<(), String> {
    let hint = "a BCP 47 language tag such as \"en\", \"zh-Hans\" or \"pt-BR\"";
    if tag.contains('_') {
        return Err(format!(
            "`{tag}` is not a BCP 47 language tag: subtags are joined by `-`, not `_` (\"{}\")",
            tag.replace('_', "-")
        ));
    }
    let mut subtags = tag.split('-');
    let language = subtags.next().unwrap_or_default();
    let letters = |s: &str| s.bytes().all(|b| b.is_ascii_alphabetic());
    if !(letters(language) && matches!(language.len(), 2 | 3 | 5..=8)) {
        return Err(format!(
            "`{tag}` is not a BCP 47 language tag: it starts with a language of 2 or 3 letters; expected {hint}"
        ));
    }
    for subtag in subtags {
        let ok =
            (1..=8).contains(&subtag.len()) && subtag.bytes().all(|b| b.is_ascii_alphanumeric());
        if !ok {
            return Err(format!(
                "`{tag}` is not a BCP 47 language tag: `{subtag}` is no subtag (1 to 8 letters or digits); expected {hint}"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check_tag;

    #[test]
    fn tags() {
        for ok in [
            "en",
            "zh-Hans",
            "zh-Hant-TW",
            "es-419",
            "sr-Latn-RS",
            "de-CH-1996",
            "haw",
        ] {
            assert_eq!(check_tag(ok), Ok(()), "{ok}");
        }
        for bad in [
            "",
            "e",
            "zh_Hans",
            "english-",
            "zh--Hans",
            "1en",
            "zh-Hans!",
            "toolongsubtag-x",
        ] {
            assert!(check_tag(bad).is_err(), "{bad}");
        }
        assert!(check_tag("zh_Hans").unwrap_err().contains("\"zh-Hans\""));
    }
}
