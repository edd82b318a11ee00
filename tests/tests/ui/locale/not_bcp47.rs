use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-nfc")]
#[errno(category = 15, sub = 4, code = 1)]
#[locales("en", "zh_Hans", "chinese-simplified-script")]
#[msg("NFC is off")]
struct Off;

fn main() {}
