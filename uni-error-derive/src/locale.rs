//! Which variant owes which translation: `#[locale]` keys against the
//! type's `#[locales]`, every declared language on every message, and
//! each translation naming the same fields as the `#[msg]` it translates.
//! Each translation is rewritten here, once, as `#[msg]` is (format specs
//! included), and travels with its variant to the model.

use std::collections::BTreeSet;

use syn::ext::IdentExt;
use syn::Member;

use crate::ast::{Field, Input, Variant};
use crate::attr::{LocaleAttr, LocaleEntry};
use crate::ctxt::Ctxt;
use crate::fmt::{self, Expanded, Msg};
use crate::valid::Checked;

/// One translation of a variant's message, rewritten for its arm.
pub struct Translation<'a> {
    /// The rewritten string and arguments.
    pub expanded: Expanded,
    /// The template as written, for the catalog.
    pub template: &'a str,
    /// The same as literal pieces and fields, when every placeholder is a
    /// plain `{field}` or `{field:?}` and `#[msg]` has no extra arguments:
    /// written by one runtime function instead of a `format_args!`.
    pub pieces: Option<Vec<Part>>,
}

/// Every message of a variant (the `#[msg]` and each translation) in the
/// data form the runtime's `__private::write_text` reads, when every one
/// of them is plain: the variant's `Display` arm is then one call that
/// hands over its fields, whatever the number of languages.
pub struct Text {
    /// The arguments the arm passes: (field index, `Debug`), each once.
    pub args: Vec<(usize, bool)>,
    /// The message in each language, in the order of `#[locales]`,
    /// encoded (see [`encode`]).
    pub texts: Vec<String>,
}

/// In a text, a byte below this starts literal text of that many bytes;
/// from it up, the byte is an argument: `ARG + index`. The core's
/// `__private::pieces::ARG`, which reads texts, is the same constant.
const ARG: u8 = 0x40;

/// `parts` as a text: each literal run as a length byte and its bytes
/// (cut into runs of fewer than [`ARG`] bytes at character boundaries),
/// each field as `ARG` + its index in `args` (added there if new). `None`
/// when the arguments would not fit in a byte.
fn encode(parts: &[Part], args: &mut Vec<(usize, bool)>) -> Option<String> {
    let mut out = String::new();
    for part in parts {
        match part {
            Part::Lit(text) => {
                let mut rest = text.as_str();
                while !rest.is_empty() {
                    let mut n = rest.len().min(usize::from(ARG) - 1);
                    while !rest.is_char_boundary(n) {
                        n -= 1;
                    }
                    out.push(char::from(n as u8));
                    out.push_str(&rest[..n]);
                    rest = &rest[n..];
                }
            }
            Part::Field(i, debug) => {
                let at = arg_slot(args, (*i, *debug));
                let byte = u8::try_from(at).ok().filter(|&b| b < 0x80 - ARG)?;
                out.push(char::from(ARG + byte));
            }
        }
    }
    Some(out)
}

/// Where the argument `key` (field index, `Debug`) sits in `args`, the
/// arguments an arm passes each once: its index, added at the end if new.
pub fn arg_slot(args: &mut Vec<(usize, bool)>, key: (usize, bool)) -> usize {
    match args.iter().position(|a| *a == key) {
        Some(at) => at,
        None => {
            args.push(key);
            args.len() - 1
        }
    }
}

/// The variant's [`Text`], when its `#[msg]` (`msg`, without extra
/// arguments) and every translation are plain.
fn text(msg: &Msg, fields: &[Field], translations: &[Translation]) -> Option<Text> {
    if !msg.args.is_empty() {
        return None;
    }
    let mut args = Vec::new();
    let mut texts = vec![encode(&parts(&msg.lit.value, fields)?, &mut args)?];
    for t in translations {
        texts.push(encode(t.pieces.as_deref()?, &mut args)?);
    }
    Some(Text { args, texts })
}

/// A piece of a translation in its data form.
pub enum Part {
    /// Text.
    Lit(String),
    /// The field at this index, `Debug` when true.
    Field(usize, bool),
}

/// `template` as [`Part`]s, or `None` when a placeholder is more than a
/// field with `{}`/`{:?}` (then `format_args!` writes it).
pub fn parts(template: &str, fields: &[Field]) -> Option<Vec<Part>> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                text.push('}');
            }
            '}' => return None,
            '{' => {
                let mut inner = String::new();
                loop {
                    match chars.next()? {
                        '}' => break,
                        c => inner.push(c),
                    }
                }
                let (name, debug) = match inner.split_once(':') {
                    None => (inner.as_str(), false),
                    Some((name, "?")) => (name, true),
                    Some(_) => return None,
                };
                let index = fields
                    .iter()
                    .position(|f| field_name(f) == name.trim_start_matches("r#"))?;
                if !text.is_empty() {
                    out.push(Part::Lit(std::mem::take(&mut text)));
                }
                out.push(Part::Field(index, debug));
            }
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        out.push(Part::Lit(text));
    }
    Some(out)
}

/// Checks every `#[locale]` of `input` and resolves each variant's
/// translations into `checked`, in the order of `#[locales]` after the
/// first. Every problem is reported, once.
pub fn check<'a>(cx: &Ctxt, input: &'a Input<'a>, checked: &mut [Checked<'a>]) {
    let mut said = Said::default();
    let Some(declared) = input.attrs.locales.as_ref() else {
        for attr in std::iter::once(&input.attrs.locale)
            .chain(input.variants.iter().map(|v| &v.attrs.locale))
            .flatten()
        {
            if let Some(first) = attr.entries.first() {
                cx.error_spanned_by(
                    &first.key,
                    "#[locale] needs the languages declared on the type: add #[locales(\"en\", ..)] (the language of #[msg] first)",
                );
            }
        }
        return;
    };
    let tags: Vec<&str> = declared.tags.iter().map(|(t, _)| t.as_str()).collect();
    let Some((_, span)) = declared.tags.first() else {
        return;
    };
    let has_message = |v: &Variant| input.msg_of(v).is_some() || v.transparent_field().is_some();
    if input.thiserror || !input.variants.iter().any(has_message) {
        cx.error_at(
            *span,
            "#[locales] translates the #[msg] messages, and this type has none: give its variants #[msg(\"..\")] (a Display of your own, or thiserror's, has one language)",
        );
        return;
    }
    if let (Some(locale), None) = (&input.attrs.locale, &input.attrs.msg) {
        if let Some(first) = locale.entries.first() {
            cx.error_spanned_by(
                &first.key,
                "#[locale] on the enum translates its default #[msg], and it has none: move it to the variants",
            );
        }
    }
    for checked in checked.iter_mut() {
        checked.translations = variant(cx, &mut said, input, checked, &tags);
        let v = checked.variant;
        if checked.translations.len() + 1 == tags.len() && v.transparent_field().is_none() {
            checked.text = input
                .msg_of(v)
                .and_then(|msg| text(msg, &v.fields, &checked.translations));
        }
    }
}

/// The translations of one variant (in the order of `tags[1..]`), its
/// `#[locale]` checked; empty when it has none to give (reported if it
/// should).
fn variant<'a>(
    cx: &Ctxt,
    said: &mut Said,
    input: &'a Input<'a>,
    checked: &Checked<'a>,
    tags: &[&str],
) -> Vec<Translation<'a>> {
    let v = checked.variant;
    if v.transparent_field().is_some() {
        if let Some(first) = v.attrs.locale.as_ref().and_then(|l| l.entries.first()) {
            cx.error_spanned_by(
                &first.key,
                "a #[msg(transparent)] variant has no message of its own to translate: it shows its field's, in the field's languages; remove #[locale]",
            );
        }
        return Vec::new();
    }
    let (Some(msg), Some(default)) = (input.msg_of(v), checked.message.as_ref()) else {
        return Vec::new();
    };
    let locale = if v.inherits_msg {
        if let Some(first) = v.attrs.locale.as_ref().and_then(|l| l.entries.first()) {
            cx.error_spanned_by(
                &first.key,
                format_args!(
                    "`{}` shows the enum's default #[msg], whose translations are the enum's #[locale]: give the variant its own #[msg] to translate it apart",
                    v.ident
                ),
            );
        }
        input.attrs.locale.as_ref()
    } else {
        v.attrs.locale.as_ref()
    };
    if let Some(locale) = locale {
        check_keys(cx, said, locale, tags);
    }
    let mut translations = Vec::with_capacity(tags.len() - 1);
    for tag in &tags[1..] {
        let entry = locale.and_then(|l| l.entries.iter().find(|e| e.tag.eq_ignore_ascii_case(tag)));
        let Some(entry) = entry else {
            missing(cx, said, input, v, tag);
            continue;
        };
        if let Some(t) = translate(cx, said, v, msg, default, entry) {
            translations.push(t);
        }
    }
    translations
}

/// Errors already reported (an enum's default `#[msg]` and its `#[locale]`
/// are checked for every variant that inherits them, said once).
#[derive(Default)]
struct Said(BTreeSet<String>);

impl Said {
    /// Reports `message` at `span` unless it was reported already.
    fn error(&mut self, cx: &Ctxt, span: proc_macro2::Span, message: String) {
        let key = format!("{span:?}{message}");
        if self.0.insert(key) {
            cx.error_at(span, message);
        }
    }
}

/// Each key of `locale` is a declared language other than the first.
fn check_keys(cx: &Ctxt, said: &mut Said, locale: &LocaleAttr, tags: &[&str]) {
    for entry in &locale.entries {
        let span = entry.key.span();
        if entry.tag.eq_ignore_ascii_case(tags[0]) {
            said.error(
                cx,
                span,
                format!(
                    "`{}` is the language of #[msg] (the first in #[locales]): its message is the #[msg] itself",
                    entry.key
                ),
            );
            continue;
        }
        if tags[1..].iter().any(|t| t.eq_ignore_ascii_case(&entry.tag)) {
            continue;
        }
        let keys: Vec<String> = tags[1..].iter().map(|t| t.replace('-', "_")).collect();
        let near = crate::similar::closest(
            keys.iter().map(String::as_str),
            &entry.key.unraw().to_string(),
        );
        let message = match (crate::attr::check_tag(&entry.tag), near) {
            (Err(why), _) => why,
            (Ok(()), Some(near)) => format!(
                "`{}` is not declared in #[locales]: did you mean `{near}`?",
                entry.key
            ),
            (Ok(()), None) => format!(
                "`{}` is not declared in #[locales]: declare it there, or translate into {}",
                entry.key,
                keys.iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        said.error(cx, span, message);
    }
}

/// A declared language without a message on `v`: at the variant, or at
/// the enum's `#[locale]` when `v` inherits the enum's message.
fn missing(cx: &Ctxt, said: &mut Said, input: &Input, v: &Variant, tag: &str) {
    let key = tag.replace('-', "_");
    if v.inherits_msg {
        let span = input
            .attrs
            .locale
            .as_ref()
            .and_then(|l| l.entries.first())
            .map_or(input.ident.span(), |e| e.key.span());
        said.error(
            cx,
            span,
            format!(
                "the enum's default #[msg] has no `{tag}` message: add `{key} = \"…\"` to the enum's #[locale] (#[locales] declares `{tag}`)"
            ),
        );
    } else {
        said.error(
            cx,
            v.span,
            format!(
                "`{}` has no `{tag}` message: add #[locale({key} = \"…\")] (#[locales] declares `{tag}`)",
                v.ident
            ),
        );
    }
}

/// The translation `entry` of `msg` rewritten for `v`'s arm, or `None`
/// (reported) when it does not parse or names other fields than the
/// default message `default`.
fn translate<'a>(
    cx: &Ctxt,
    said: &mut Said,
    v: &'a Variant<'a>,
    msg: &Msg,
    default: &Expanded,
    entry: &'a LocaleEntry,
) -> Option<Translation<'a>> {
    let text = Msg {
        lit: entry.text.clone(),
        args: msg.args.clone(),
    };
    let expanded = match fmt::expand(&text, &v.fields, v.ident) {
        Ok(expanded) => expanded,
        Err(errors) => {
            let at = format!("in the `{}` #[locale]", entry.key);
            for e in errors {
                said.error(cx, e.span(), e.to_string().replacen("in #[msg]", &at, 1));
            }
            return None;
        }
    };
    let named = |e: &Expanded| -> BTreeSet<usize> { e.passes.iter().map(|(i, _)| *i).collect() };
    let (want, have) = (named(default), named(&expanded));
    if want != have {
        let list = |set: Vec<&usize>| {
            set.into_iter()
                .map(|i| format!("`{}`", field_name(&v.fields[*i])))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let lacking: Vec<&usize> = want.difference(&have).collect();
        let extra: Vec<&usize> = have.difference(&want).collect();
        let mut message = format!(
            "the `{}` message of `{}` names other fields than its #[msg]:",
            entry.tag, v.ident
        );
        if !lacking.is_empty() {
            message.push_str(&format!(" missing {}", list(lacking)));
        }
        if !extra.is_empty() {
            let sep = if message.ends_with(':') { "" } else { ";" };
            message.push_str(&format!("{sep} extra {}", list(extra)));
        }
        said.error(cx, entry.text.span(), message);
        return None;
    }
    let pieces = if msg.args.is_empty() {
        parts(&entry.text.value, &v.fields)
    } else {
        None
    };
    Some(Translation {
        expanded,
        template: &entry.text.value,
        pieces,
    })
}

/// A field's name as the message writes it: `reason` or `0`.
fn field_name(field: &Field) -> String {
    match &field.member {
        Member::Named(ident) => ident.unraw().to_string(),
        Member::Unnamed(index) => index.index.to_string(),
    }
}
