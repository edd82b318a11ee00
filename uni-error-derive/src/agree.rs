//! The derive and the runtime answer alike: the whole derive runs on a
//! table of `#[subject]` and `#[errno]` inputs, good and bad, and its
//! compile errors (or the errno it generates) are compared with what
//! `uni_error::subject::check`, `Errno::new`, `Errno::from_i64` and
//! `Platform` say of the same values. Both read `rules.rs`; this fails if
//! either side stops doing so, or applies it differently.

use proc_macro2::{TokenStream, TokenTree};
use quote::quote;
use syn::{DeriveInput, LitInt, LitStr};
use uni_error_core::{Errno, Platform};

/// The messages of the `compile_error!`s in `out`, in order.
fn errors(out: &TokenStream) -> Vec<String> {
    let trees: Vec<TokenTree> = out.clone().into_iter().collect();
    let mut found = Vec::new();
    for window in trees.windows(3) {
        let [TokenTree::Ident(name), TokenTree::Punct(bang), TokenTree::Group(args)] = window
        else {
            continue;
        };
        if name != "compile_error" || bang.as_char() != '!' {
            continue;
        }
        let lit: LitStr = syn::parse2(args.stream()).expect("a compile_error! message");
        found.push(lit.value());
    }
    found
}

/// The derive's output for a struct with these `#[subject]` and `#[errno]`
/// arguments (and a message).
fn derive(subject: &LitStr, errno: &TokenStream) -> TokenStream {
    let input: DeriveInput = syn::parse2(quote! {
        #[subject(#subject)]
        #[errno(#errno)]
        #[msg("failed")]
        struct Failure;
    })
    .expect("a struct");
    crate::derive(&input)
}

/// A literal of `n`, as a user writes it.
fn int(n: u64) -> LitInt {
    LitInt::new(&n.to_string(), proc_macro2::Span::call_site())
}

/// Asserts what the derive says of `errno` against what the runtime says
/// of the same number: `Ok(n)` for a valid errno (the derive generates
/// `n`), else the runtime's message (the derive's first error).
fn assert_errno(errno: &TokenStream, runtime: Result<u32, String>) {
    let out = derive(
        &LitStr::new("uni-agree", proc_macro2::Span::call_site()),
        errno,
    );
    let derive_errors = errors(&out);
    match runtime {
        Ok(0) => assert!(
            derive_errors
                .first()
                .is_some_and(|e| e.starts_with("errno 0 means success")),
            "#[errno({errno})]: {derive_errors:?}"
        ),
        Ok(n) => {
            assert_eq!(derive_errors, Vec::<String>::new(), "#[errno({errno})]");
            let code = out.to_string().replace(' ', "");
            assert!(
                code.contains(&format!("errno({n}u32)")),
                "#[errno({errno})] does not generate {n}"
            );
        }
        Err(message) => assert_eq!(
            derive_errors.first(),
            Some(&message),
            "#[errno({errno})]: {derive_errors:?}"
        ),
    }
}

#[test]
fn subjects() {
    let long_bad = format!("uni-{}.x", "a".repeat(100));
    let long_level = format!("uni::{}/", "b".repeat(60));
    let cases = [
        "uni-login",
        "uni-login::weixin",
        "uni-getSystemInfo",
        "uni-SocketTask-onMessage",
        "my_plugin-api::a::b",
        "csj",
        "A_9-z",
        "",
        "uni login",
        "uni-login\t",
        "::weixin",
        "uni-login::",
        "::",
        ":",
        "a::::b",
        "a:::b",
        "uni.login",
        "登录",
        "a/b",
        "uni-\"quoted\"",
        &long_bad,
        &long_level,
    ];
    let errno = quote!(1504003);
    for subject in cases {
        let lit = LitStr::new(subject, proc_macro2::Span::call_site());
        let derive_errors = errors(&derive(&lit, &errno));
        let runtime: Vec<String> = uni_error_core::subject::check(subject)
            .err()
            .map(|e| e.to_string())
            .into_iter()
            .collect();
        assert_eq!(derive_errors, runtime, "#[subject({subject:?})]");
    }
}

#[test]
fn errno_parts() {
    for category in [0u64, 1, 15, 99, 100, 255] {
        for sub in [0u64, 4, 99, 100, 200] {
            for code in [0u64, 1, 599, 600, 999, 1000, 4000] {
                let runtime = Errno::new(category as u8, sub as u8, code as u16)
                    .map(Errno::get)
                    .map_err(|e| e.to_string());
                let (c, s, k) = (int(category), int(sub), int(code));
                assert_errno(&quote!(category = #c, sub = #s, code = #k), runtime);
            }
        }
    }
}

#[test]
fn whole_errnos() {
    for n in [
        0u64,
        1,
        5,
        100_000,
        1_504_003,
        9_999_999,
        10_000_000,
        99_999_999,
        u64::from(u32::MAX) + 1,
        i64::MAX as u64,
    ] {
        let runtime = Errno::from_i64(n as i64)
            .map(Errno::get)
            .map_err(|e| e.to_string());
        let lit = int(n);
        assert_errno(&quote!(#lit), runtime);
    }
}

#[test]
fn platforms() {
    let all = [
        Platform::Shared,
        Platform::CrossPlatform,
        Platform::Android,
        Platform::Ios,
        Platform::Web,
    ];
    let known: Vec<&str> = all.iter().map(|p| p.as_str()).collect();
    for code in [0u16, 1, 599, 600, 601, 699, 700, 799, 800, 899, 900, 999] {
        let errno = Errno::new(14, 16, code).expect("in range");
        for name in [
            "shared", "cross", "android", "ios", "web", "Cross", "mac", "",
        ] {
            let runtime = match all.iter().find(|p| p.as_str() == name) {
                Some(p) if errno.platform() == *p => Ok(errno.get()),
                Some(p) => {
                    let (first, last) = p.code_range();
                    Err(format!(
                        "errno code {code:03} is outside the {name} range: platform = \"{name}\" expects {first:03}..={last:03}"
                    ))
                }
                None => Err(format!(
                    "unknown platform `{name}`, expected one of {}",
                    known.join(", ")
                )),
            };
            let k = int(u64::from(code));
            let lit = LitStr::new(name, proc_macro2::Span::call_site());
            assert_errno(
                &quote!(category = 14, sub = 16, code = #k, platform = #lit),
                runtime,
            );
        }
    }
}
