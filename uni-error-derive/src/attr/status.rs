//! `#[status(grpc = "..", http = N)]`: the google.rpc code and HTTP status
//! override of the type or a variant.

use syn::parse::ParseStream;
use syn::{Attribute, LitInt};

use super::{key_name, parse_list, STATUS};
use crate::ctxt::Ctxt;
use crate::lit::{string_literal, Num, Str};

/// The google.rpc code key of `#[status(..)]`.
pub const GRPC: &str = "grpc";
/// The HTTP status key of `#[status(..)]`.
pub const HTTP: &str = "http";
/// The google.rpc `ErrorInfo.reason` key of `#[status(..)]`.
pub const REASON: &str = "reason";
/// The google.rpc `ErrorInfo.domain` key of `#[status(..)]` (on the type).
pub const DOMAIN: &str = "domain";

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

/// A parsed `#[status(..)]`.
pub struct StatusAttr {
    /// `grpc = ".."`: the `uni_error::status::Code` variant's name, spanned
    /// at the user's string.
    pub grpc: Option<syn::Ident>,
    /// `http = N`, in 100..=599.
    pub http: Option<Num>,
    /// `reason = "UPPER_SNAKE"`: `ErrorInfo.reason` instead of the
    /// variant's name.
    pub reason: Option<Str>,
    /// `domain = "..."`: `ErrorInfo.domain` instead of errSubject.
    pub domain: Option<Str>,
}

impl StatusAttr {
    /// True when it overrides the google.rpc code or the HTTP status (not
    /// only the `ErrorInfo`).
    pub fn overrides_code(&self) -> bool {
        self.grpc.is_some() || self.http.is_some()
    }
}

/// `#[status(grpc = "NOT_FOUND", http = 404)]`: at least one key.
pub fn parse_status(cx: &Ctxt, attr: &Attribute) -> Option<StatusAttr> {
    let tokens = parse_list(cx, attr, STATUS)?;
    if tokens.is_empty() {
        cx.error_spanned_by(
            attr,
            "empty #[status]: give grpc = \"NOT_FOUND\", http = 404, reason = \"..\" or domain = \"..\"",
        );
        return None;
    }
    let mut out = StatusAttr {
        grpc: None,
        http: None,
        reason: None,
        domain: None,
    };
    let result = attr.parse_nested_meta(|meta| {
        if meta.path.is_ident(GRPC) {
            let code = grpc_code(meta.value()?)?;
            if out.grpc.is_some() {
                return Err(meta.error("duplicate status key `grpc`"));
            }
            out.grpc = Some(code);
            Ok(())
        } else if meta.path.is_ident(HTTP) {
            let status = http_status(meta.value()?)?;
            if out.http.is_some() {
                return Err(meta.error("duplicate status key `http`"));
            }
            out.http = Some(status);
            Ok(())
        } else if meta.path.is_ident(REASON) || meta.path.is_ident(DOMAIN) {
            let is_reason = meta.path.is_ident(REASON);
            let lit = string_literal(meta.value()?, "reason = \"NO_SUCH_ORDER\"")?;
            let slot = if is_reason {
                &mut out.reason
            } else {
                &mut out.domain
            };
            if slot.is_some() {
                return Err(meta.error(format_args!(
                    "duplicate status key `{}`",
                    key_name(&meta.path)
                )));
            }
            *slot = Some(Str::from_lit(&lit));
            Ok(())
        } else {
            Err(meta.error(format_args!(
                "unknown status key `{}`, expected grpc, http, reason or domain",
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

/// The value of `grpc = "NOT_FOUND"`: the `uni_error::status::Code`
/// variant's name, spanned at the user's string.
fn grpc_code(input: ParseStream) -> syn::Result<syn::Ident> {
    let lit = string_literal(input, "grpc = \"NOT_FOUND\"")?;
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
    Ok(syn::Ident::new(variant, lit.span()))
}

/// The value of `http = 404`: an integer literal in 100..=599.
fn http_status(input: ParseStream) -> syn::Result<Num> {
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
    Ok(Num {
        value,
        span: lit.span(),
    })
}
