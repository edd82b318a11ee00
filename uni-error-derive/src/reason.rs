//! google.rpc `ErrorInfo.reason` (AIP-193): each variant's, from
//! `#[status(reason = "..")]` or its name in UPPER_SNAKE_CASE, checked
//! (at most 63 characters, `[A-Z][A-Z0-9_]*[A-Z0-9]`) and unique per
//! errSubject within the type. Resolved and checked only under the
//! derive's `google` feature (what `uniapp-error/google` turns on), the
//! only reader.

use std::collections::BTreeMap;

use proc_macro2::Span;
use syn::ext::IdentExt;

use crate::ast::Input;
use crate::ctxt::Ctxt;
use crate::valid::Checked;

/// AIP-193's limit on `reason`.
const MAX: usize = 63;

/// Resolves every variant's reason into `checked`, reporting a malformed
/// override and two variants of one subject with one reason.
pub fn check(cx: &Ctxt, input: &Input, checked: &mut [Checked]) {
    // Only the `google` feature reads a reason: other builds spend nothing
    // on it (a 500-variant enum compiles ~1% faster without the check).
    if !cfg!(feature = "google") {
        return;
    }
    if let Some(domain) = input.attrs.status.as_ref().and_then(|s| s.domain.as_ref()) {
        if domain.value.trim().is_empty() {
            cx.error_at(
                domain.span(),
                "an empty `domain`: give the service's name, as \"pay.example.com\"",
            );
        }
    }
    let mut seen: BTreeMap<(String, String), String> = BTreeMap::new();
    for c in checked.iter_mut() {
        let v = c.variant;
        let own = v.attrs.status.as_ref().and_then(|s| s.reason.as_ref());
        if let Some(domain) = v.attrs.status.as_ref().and_then(|s| s.domain.as_ref()) {
            if input.item == crate::ast::Item::Enum {
                cx.error_at(domain.span(), "`domain` goes on the type's #[status], not a variant's: ErrorInfo.domain names the service of every variant");
            }
        }
        let (reason, span) = match own {
            Some(lit) => {
                if let Err(why) = check_reason(&lit.value) {
                    cx.error_at(lit.span(), why);
                }
                (lit.value.clone(), lit.span())
            }
            None => {
                let reason = upper_snake(&v.ident.unraw().to_string());
                if reason.len() > MAX {
                    cx.error_at(
                        v.span,
                        format_args!(
                            "`{}` gives the google.rpc ErrorInfo.reason `{reason}`, over AIP-193's {MAX} characters: name a shorter one with #[status(reason = \"..\")]",
                            v.ident
                        ),
                    );
                }
                (reason, v.span)
            }
        };
        let subject = input
            .subject_of(v)
            .map(|s| s.value.clone())
            .unwrap_or_default();
        if let Some(first) = seen.get(&(subject.clone(), reason.clone())) {
            report_twice(cx, span, &reason, first, &v.ident.to_string(), &subject);
        } else {
            seen.insert((subject, reason.clone()), v.ident.to_string());
        }
        c.reason = reason;
    }
}

/// Two variants of one subject with one reason, reported at the second.
fn report_twice(cx: &Ctxt, span: Span, reason: &str, first: &str, second: &str, subject: &str) {
    cx.error_at(
        span,
        format_args!(
            "`{second}` and `{first}` have one google.rpc ErrorInfo.reason, `{reason}`, under errSubject \"{subject}\": AIP-193 makes it unique per domain; give one #[status(reason = \"..\")]"
        ),
    );
}

/// An override must be UPPER_SNAKE_CASE of at most 63 characters.
fn check_reason(reason: &str) -> Result<(), String> {
    let bytes = reason.as_bytes();
    let ok = bytes.first().is_some_and(u8::is_ascii_uppercase)
        && bytes
            .last()
            .is_some_and(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && bytes
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_');
    if !ok {
        return Err(format!(
            "`{reason}` is no google.rpc ErrorInfo.reason: AIP-193 asks for UPPER_SNAKE_CASE (`[A-Z][A-Z0-9_]*[A-Z0-9]`), as \"{}\"",
            upper_snake(reason)
        ));
    }
    if reason.len() > MAX {
        return Err(format!(
            "`{reason}` is {} characters: AIP-193 allows a google.rpc ErrorInfo.reason at most {MAX}",
            reason.len()
        ));
    }
    Ok(())
}

/// `NfcUnavailable` → `NFC_UNAVAILABLE`, `HTTPError` → `HTTP_ERROR`,
/// `Io2Failed` → `IO2_FAILED`: a `_` before an uppercase letter that
/// follows a lowercase letter or digit, or that starts a word after an
/// acronym.
pub fn upper_snake(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' || c == '-' || c == ' ' {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            continue;
        }
        if c.is_uppercase() && i > 0 {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if (prev.is_lowercase() || prev.is_ascii_digit() || (prev.is_uppercase() && next_lower))
                && !out.ends_with('_')
            {
                out.push('_');
            }
        }
        out.extend(c.to_uppercase());
    }
    out.trim_end_matches('_').to_owned()
}

#[cfg(test)]
mod tests {
    use super::{check_reason, upper_snake};

    #[test]
    fn names_in_upper_snake_case() {
        assert_eq!(upper_snake("NfcUnavailable"), "NFC_UNAVAILABLE");
        assert_eq!(upper_snake("HTTPError"), "HTTP_ERROR");
        assert_eq!(upper_snake("Io2Failed"), "IO2_FAILED");
        assert_eq!(upper_snake("A"), "A");
        assert_eq!(upper_snake("already_snake"), "ALREADY_SNAKE");
        assert_eq!(upper_snake("NoOrder"), "NO_ORDER");
    }

    #[test]
    fn overrides() {
        assert!(check_reason("NO_SUCH_ORDER").is_ok());
        assert!(check_reason("no_such").is_err());
        assert!(check_reason("TRAILING_").is_err());
        assert!(check_reason(&"A".repeat(64)).is_err());
        assert!(check_reason(&"A".repeat(63)).is_ok());
    }
}
