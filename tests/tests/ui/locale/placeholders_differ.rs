use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-nfc")]
#[errno(category = 15, sub = 4)]
#[locales("en", "zh-Hans")]
enum NfcError {
    #[errno(code = 1)]
    #[msg("NFC is off: {reason} ({code})")]
    #[locale(zh_Hans = "NFC 已关闭：{reason}（{slot}）")]
    Off { reason: String, code: u32, slot: u8 },
}

fn main() {}
