//! What the message language's errors say: the field names a variant has,
//! the one a misspelled name probably meant, and where in the string to
//! point.

use proc_macro2::{Ident, Span};
use syn::ext::IdentExt;
use syn::Member;

use super::FieldNames;
use crate::lit::Str;

/// True if `member` is the tuple field `n`.
pub fn is_index(member: &Member, n: usize) -> bool {
    matches!(member, Member::Unnamed(index) if index.index as usize == n)
}

/// True if `member` is the named field `name` (raw or not).
pub fn is_named(member: &Member, name: &str) -> bool {
    matches!(member, Member::Named(ident) if ident.unraw() == name)
}

/// The span of `len` bytes at `at` in the string's value: a subspan of the
/// literal where the compiler gives one (a plain `"..."` or raw string,
/// whose value is its source text) and the whole string otherwise.
pub fn name_span(lit: &Str, at: usize, len: usize) -> Span {
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
pub fn closest_field(fields: &[impl FieldNames], name: &str) -> Option<String> {
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
pub fn describe_fields(fields: &[impl FieldNames], variant_name: &Ident) -> String {
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
