use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-nfc")]
#[errno(category = 15, sub = 4)]
#[locales("en", "zh-Hans")]
enum NfcError {
    #[errno(code = 1)]
    #[msg("NFC is off")]
    #[locale(zh_Hnas = "NFC 已关闭", fr = "NFC désactivé")]
    Off,
}

fn main() {}
