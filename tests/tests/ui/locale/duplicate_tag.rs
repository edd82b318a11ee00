use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-nfc")]
#[errno(category = 15, sub = 4, code = 1)]
#[locales("en", "zh-Hans", "ZH-hans")]
#[msg("NFC is off")]
#[locale(zh_Hans = "NFC 已关闭", zh_Hans = "NFC 关了")]
struct Off;

fn main() {}
