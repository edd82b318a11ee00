// The error types of an example `uni-nfc` plugin, shared by
// `examples/catalog.rs` (which writes the declarations beside this file)
// and the test that checks those files are fresh.

// The types exist for their catalogs; the example never builds a value.
#![allow(dead_code)]

use uni_error::UniError;

/// Errors of a `uni-nfc` plugin.
#[derive(Debug, UniError)]
#[subject("uni-nfc")]
#[errno(category = 15, sub = 4)]
pub enum NfcError {
    /// The device has no NFC hardware.
    #[errno(code = 0)]
    #[msg("NFC is not supported")]
    Unsupported,
    /// NFC is switched off in the system settings.
    #[errno(code = 601, platform = "cross")]
    #[msg("NFC is off: {reason}")]
    Off { reason: String },
    /// Android refused the reader mode the plugin asked for.
    #[errno(code = 701, platform = "android")]
    #[msg("reader mode rejected: {0}")]
    ReaderMode(String),
    /// The tag was lost before it was read (never sent since 1.2).
    #[deprecated(note = "sent as Timeout since 1.2")]
    #[errno(code = 702, platform = "android")]
    #[msg("tag lost")]
    TagLost,
    /// Reading a tag took too long (WeChat's own "time out").
    #[errno(category = 0, sub = 0, code = 5)]
    #[msg("read timed out after {0} ms")]
    Timeout(u64),
}

/// Errors of writing tags, a separate type of the same plugin, with its
/// messages in English, Simplified and Traditional Chinese: the UTS Impl
/// picks the app's language with `uni.getLocale()`.
#[derive(Debug, UniError)]
#[subject("uni-nfc::write")]
#[errno(category = 15, sub = 4)]
#[locales("en", "zh-Hans", "zh-Hant")]
pub enum NfcWriteError {
    /// The tag is read-only.
    #[errno(code = 801, platform = "ios")]
    #[msg("tag is locked")]
    #[locale(zh_Hans = "标签已锁定", zh_Hant = "標籤已鎖定")]
    Locked,
    /// The data does not fit on the tag.
    #[errno(code = 802, platform = "ios")]
    #[msg("tag is full: {size} bytes do not fit")]
    #[locale(
        zh_Hans = "标签已满：{size} 字节写不下",
        zh_Hant = "標籤已滿：{size} 位元組寫不下"
    )]
    Full { size: u32 },
}

/// Errors of an NFC session, which passes write errors through as they
/// are: the generated unions of `NfcSessionError` list the codes and
/// subject of `NfcWriteError` too, so a `switch` over them is exhaustive.
#[derive(Debug, UniError)]
#[subject("uni-nfc::session")]
#[errno(category = 15, sub = 4)]
#[platforms(android, ios)]
pub enum NfcSessionError {
    /// The session ended before the tag answered.
    #[errno(code = 901)]
    #[platforms(web)]
    #[msg("session closed")]
    Closed,
    /// A write inside the session failed.
    #[msg(transparent)]
    Write(NfcWriteError),
}
