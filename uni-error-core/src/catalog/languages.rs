//! The UTS message maps of a type with `#[locales(..)]`: one map per
//! further language beside the default one, and the function that picks
//! the map of the app's language with `uni.getLocale()`, as DCloud's own
//! components pick their texts (`uni-actionSheet`, `uni-modal`: a
//! `startsWith` test per language, the default last).

use std::fmt::Write as _;

use super::groups::TypeGroup;
use super::typescript::{json_string, write_comment};

/// The further languages of a group (its type's `#[locales]` after the
/// first), empty for a type without them.
pub(super) fn further(group: &TypeGroup) -> Vec<&'static str> {
    let mut locales = group
        .entries
        .first()
        .map(|e| e.locales())
        .unwrap_or_default();
    if !locales.is_empty() {
        locales.remove(0);
    }
    locales
}

/// The default language of a group, if it declares one.
fn default_language(group: &TypeGroup) -> Option<&'static str> {
    group
        .entries
        .first()
        .and_then(|e| e.locales().first().copied())
}

/// The name of a language's map: the default map's with the tag in
/// PascalCase (`LoginUniErrors` + `zh-Hans` → `LoginUniErrorsZhHans`).
pub(super) fn map_name(errors: &str, tag: &str) -> String {
    let mut name = errors.to_owned();
    for part in tag.split(['-', '_']) {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            name.extend(first.to_uppercase());
            name.push_str(chars.as_str());
        }
    }
    name
}

/// The name of the function that picks a map: `LoginUniErrorsOfLocale`.
pub(super) fn picker_name(errors: &str) -> String {
    format!("{errors}OfLocale")
}

/// Writes each further language's map and the picker; `row` writes one
/// `[code, 'message']` line of a map from a template.
pub(super) fn write_maps(
    out: &mut String,
    group: &TypeGroup,
    row: &dyn Fn(&mut String, &super::CatalogEntry, &str, bool),
) {
    let languages = further(group);
    if languages.is_empty() {
        return;
    }
    let (errors, code) = (group.names.errors(), group.names.code());
    let rust = group.label();
    let rows: Vec<_> = group.entries.iter().filter(|e| !e.union_only()).collect();
    for &tag in &languages {
        write_comment(
            out,
            "",
            &[format!("Messages of {rust} by errCode in {tag}.")],
        );
        let _ = writeln!(
            out,
            "export const {}: Map<{code}, string> = new Map([",
            map_name(errors, tag)
        );
        for (i, entry) in rows.iter().enumerate() {
            let template = entry
                .messages()
                .find(|(t, _)| *t == tag)
                .map_or(entry.msg(), |(_, m)| m);
            row(out, entry, template, i + 1 == rows.len());
        }
        out.push_str("])\n\n");
    }
    let default = default_language(group).unwrap_or_default();
    write_comment(
        out,
        "",
        &[format!(
            "The messages of {rust} in the app's language (`uni.getLocale()`), else in {default}."
        )],
    );
    let _ = writeln!(
        out,
        "export function {}(): Map<{code}, string> {{\n  const locale = uni.getLocale()",
        picker_name(errors)
    );
    // The longest tag first: `zh-Hant` is tested before a plain `zh`.
    let mut by_length: Vec<&str> = languages.to_vec();
    by_length.sort_by_key(|t| core::cmp::Reverse(t.len()));
    for tag in by_length {
        let _ = writeln!(
            out,
            "  if (locale.startsWith('{tag}')) {{\n    return {}\n  }}",
            map_name(errors, tag)
        );
    }
    let _ = writeln!(out, "  return {errors}\n}}\n");
}

/// The `.d.ts` map of a group with `#[locales]`: a type with every
/// language's message of every code, so that TypeScript code can check a
/// message table of its own against it, or show a message by
/// language (`LoginUniErrors["zh-Hans"][1504003]`).
pub(super) fn write_ts_map(out: &mut String, group: &TypeGroup) {
    let Some(first) = group.entries.first().filter(|e| e.locales().len() > 1) else {
        return;
    };
    let rust = group.label();
    let _ = write!(
        out,
        "\n/** Messages of {rust} by language and errCode: the Rust templates, `{{name}}` marks a value. */\nexport type {} = {{\n",
        group.names.errors()
    );
    let rows: Vec<_> = group.entries.iter().filter(|e| !e.union_only()).collect();
    for tag in first.locales() {
        let _ = writeln!(out, "  readonly {}: {{", json_string(tag));
        for entry in &rows {
            let template = entry
                .messages()
                .find(|(t, _)| *t == tag)
                .map_or(entry.msg(), |(_, m)| m);
            let _ = writeln!(
                out,
                "    readonly {}: {};",
                entry.errno(),
                json_string(template)
            );
        }
        out.push_str("  };\n");
    }
    out.push_str("};\n");
}

#[cfg(test)]
mod tests {
    use super::map_name;

    #[test]
    fn map_names_are_pascal_case() {
        assert_eq!(
            map_name("LoginUniErrors", "zh-Hans"),
            "LoginUniErrorsZhHans"
        );
        assert_eq!(map_name("LoginUniErrors", "es"), "LoginUniErrorsEs");
        assert_eq!(map_name("E", "sr-Latn-RS"), "ESrLatnRS");
    }
}
