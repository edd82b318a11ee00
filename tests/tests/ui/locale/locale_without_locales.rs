use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-nfc")]
#[errno(category = 15, sub = 4, code = 1)]
#[msg("NFC is off")]
#[locale(zh_Hans = "NFC 已关闭")]
struct Off;

fn main() {}
