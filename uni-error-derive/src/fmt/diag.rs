//! What the message language's errors say: the field names a variant has,
//! the one a misspelled name probably meant, and where in the string to
//! point.

use proc_macro2::Ident;
use syn::ext::IdentExt;
use syn::Member;

use super::FieldNames;

/// True if `member` is the tuple field `n`.
pub fn is_index(member: &Member, n: usize) -> bool {
    matches!(member, Member::Unnamed(index) if index.index as usize == n)
}

/// True if `member` is the named field `name` (raw or not).
pub fn is_named(member: &Member, name: &str) -> bool {
    matches!(member, Member::Named(ident) if ident.unraw() == name)
}

/// The named field closest to a misspelled `name`, if one is close enough
/// to be what the user meant (see [`crate::similar::closest`]).
pub fn closest_field(fields: &[impl FieldNames], name: &str) -> Option<String> {
    let names: Vec<String> = fields
        .iter()
        .filter_map(|f| match f.member() {
            Member::Named(i) => Some(i.unraw().to_string()),
            Member::Unnamed(_) => None,
        })
        .collect();
    crate::similar::closest(names.iter().map(String::as_str), name).map(str::to_owned)
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
