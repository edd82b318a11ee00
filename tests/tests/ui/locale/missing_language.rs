use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-nfc")]
#[errno(category = 15, sub = 4)]
#[locales("en", "zh-Hans", "zh-Hant")]
enum NfcError {
    #[errno(code = 1)]
    #[msg("NFC is off")]
    #[locale(zh_Hans = "NFC 已关闭")]
    Off,
    #[errno(code = 2)]
    #[msg("NFC is busy")]
    Busy,
}

fn main() {}
