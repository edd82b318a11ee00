// #[locales] expands with absolute paths only, inside macro_rules! (the
// body passed as token trees), on deprecated items, with field names that
// look like the derive's locals, and with positional arguments.
#![no_implicit_prelude]
#![deny(deprecated)]

extern crate std;
extern crate uni_error;

macro_rules! localized_error {
    ($name:ident { $($body:tt)* }) => {
        #[derive(Debug, uni_error::UniError)]
        #[subject("uni-macro")]
        #[errno(category = 4, sub = 5)]
        #[locales("en", "zh-Hans")]
        pub enum $name { $($body)* }
    };
}

localized_error!(InMacro {
    #[errno(code = 1)]
    #[msg("slot {__uni_locale} of {count:>width$}", width = 3)]
    #[locale(zh_Hans = "{count:>width$} 的第 {__uni_locale} 槽")]
    Slot { __uni_locale: u8, count: u8 },
    #[errno(code = 2)]
    #[msg("pair {0} {1:?}")]
    #[locale(zh_Hans = "一对 {1:?} {0}")]
    Pair(u8, &'static str),
});

#[derive(Debug, uni_error::UniError)]
#[subject("uni-deprecated")]
#[errno(category = 4, sub = 6)]
#[uni(locales("en", "zh-Hant"))]
#[allow(deprecated)]
pub enum Old {
    #[deprecated(note = "use New")]
    #[errno(code = 1)]
    #[msg("old: {f}")]
    #[uni(locale(zh_Hant = "舊：{f}"))]
    Gone { f: std::string::String },
    #[deprecated]
    #[errno(code = 2)]
    Kept,
}

fn main() {
    let e = InMacro::Slot { __uni_locale: 1, count: 2 };
    ::std::assert_eq!(::std::string::ToString::to_string(&e), "slot 1 of   2");
    let zh = uni_error::UniError::localized(&e, "zh-Hans");
    ::std::assert_eq!(::std::string::ToString::to_string(&zh), "  2 的第 1 槽");
}
