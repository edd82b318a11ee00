//! The errno rules applied to `#[errno(..)]`: completing a variant's parts
//! from the enum's defaults, and errno 0. The ranges, the platforms and
//! their messages are `rules`, the file the runtime's `uni_error::Errno`
//! uses too.

use syn::LitStr;

use crate::rules::{self, OutsidePlatform, Part, PartOutOfRange, TooLarge, UnknownPlatform};

use crate::ast::Item;
use crate::attr;
use crate::attr::ErrnoAttr;
use crate::ctxt::Ctxt;
use crate::lit::Num;

/// Checks one part's range (`category`/`sub` 0..=99, `code` 0..=999).
pub fn check_part(cx: &Ctxt, num: &Num, part: Part) -> bool {
    if num.value > u64::from(part.max()) {
        let problem = PartOutOfRange {
            part,
            value: num.value,
        };
        cx.error_at(num.span, problem);
        return false;
    }
    true
}

/// Checks the whole-number form against `0..=9_999_999`.
pub fn check_whole(cx: &Ctxt, num: &Num) -> bool {
    if num.value > u64::from(rules::ERRNO_MAX) {
        cx.error_at(num.span, TooLarge(num.value));
        return false;
    }
    true
}

/// The enum-level defaults: only `category` and `sub` (and for a struct,
/// whose errno is its own, nothing here applies).
pub fn check_defaults(cx: &Ctxt, attr: &ErrnoAttr) {
    if let Some(path) = &attr.path {
        cx.error_spanned_by(
            path,
            "an enum-level #[errno] gives defaults only: #[errno(category = .., sub = ..)]; put a const errno on each variant",
        );
    }
    if let Some(whole) = &attr.whole {
        cx.error_at(
            whole.span,
            "an enum-level #[errno] gives defaults only: #[errno(category = .., sub = ..)]; put the whole errno on each variant",
        );
    }
    if let Some(code) = &attr.code {
        cx.error_at(
            code.span,
            "`code` belongs on each variant: the enum-level #[errno] gives only `category` and `sub` defaults",
        );
    }
    if let Some(platform) = &attr.platform {
        cx.error_spanned_by(
            platform,
            "`platform` belongs on each variant's #[errno]: it asserts that variant's code",
        );
    }
    for (num, part) in [(&attr.category, Part::Category), (&attr.sub, Part::Sub)] {
        if let Some(num) = num {
            check_part(cx, num, part);
        }
    }
}

/// A variant's errno, completed from the defaults; reports what is wrong
/// (ranges, missing parts, platform) and gives `None` then.
pub fn resolve(
    cx: &Ctxt,
    own: &ErrnoAttr,
    defaults: Option<&ErrnoAttr>,
    variant: &syn::Ident,
    item: Item,
) -> Option<u32> {
    let n = if let Some(whole) = &own.whole {
        if !check_whole(cx, whole) {
            return None;
        }
        whole.value
    } else {
        // A variant that names `category` or `sub` itself gives all three
        // parts: a mix with the enum's defaults would be a number nobody
        // wrote (`category = 7, code = 0` under `sub = 4` is 704000).
        let partial = own.category.is_some() != own.sub.is_some()
            || (own.category.is_some() && own.code.is_none());
        if partial {
            cx.error_spanned_by(
                own.original,
                format_args!(
                    "incomplete errno for `{variant}`: write `code` alone (completed from the enum's #[errno(category, sub)]), all three parts as in #[errno(category = 15, sub = 4, code = 3)], or the whole number as in #[errno(1504003)]"
                ),
            );
            return None;
        }
        let mut ok = true;
        let mut part = |part: Part, mine: &Option<Num>, default: Option<&Option<Num>>| {
            let key = key_of(part);
            let found = mine.as_ref().or_else(|| default.and_then(Option::as_ref));
            match found {
                Some(num) => {
                    ok &= check_part(cx, num, part);
                    num.value
                }
                None => {
                    let hint = if key == "code" || !item.has_defaults() {
                        String::new()
                    } else {
                        format!(", or give a default with #[errno({key} = ..)] on the enum")
                    };
                    cx.error_spanned_by(
                        own.original,
                        format_args!(
                            "missing errno `{key}` for `{variant}`: add `{key} = ..` here{hint}"
                        ),
                    );
                    ok = false;
                    0
                }
            }
        };
        let category = part(Part::Category, &own.category, defaults.map(|d| &d.category));
        let sub = part(Part::Sub, &own.sub, defaults.map(|d| &d.sub));
        let code = part(Part::Code, &own.code, None);
        if !ok {
            return None;
        }
        // In range, checked above.
        u64::from(rules::compose(category as u32, sub as u32, code as u32))
    };
    if n == 0 {
        cx.error_spanned_by(
            own.original,
            format_args!(
                "errno 0 means success in the uni-app and WeChat specs: give `{variant}` a non-zero errno"
            ),
        );
        return None;
    }
    if let Some(platform) = &own.platform {
        if !check_platform(cx, platform, (n % 1_000) as u16) {
            return None;
        }
    }
    u32::try_from(n).ok()
}

/// The `#[errno(..)]` key of `part`.
fn key_of(part: Part) -> &'static str {
    match part {
        Part::Category => attr::CATEGORY,
        Part::Sub => attr::SUB,
        Part::Code => attr::CODE,
    }
}

/// `platform = ".."`: a known name whose range holds `code`.
fn check_platform(cx: &Ctxt, lit: &LitStr, code: u16) -> bool {
    let Some(range) = platform_range(cx, lit) else {
        return false;
    };
    if !(range.0..=range.1).contains(&code) {
        let name = lit.value();
        let problem = OutsidePlatform {
            code,
            name: &name,
            range,
        };
        cx.error_spanned_by(lit, problem);
        return false;
    }
    true
}

/// The code range `platform = ".."` names, or an error for an unknown name.
pub fn platform_range(cx: &Ctxt, lit: &LitStr) -> Option<(u16, u16)> {
    let name = lit.value();
    let range = rules::platform_named(&name);
    if range.is_none() {
        cx.error_spanned_by(lit, UnknownPlatform(&name));
    }
    range
}
