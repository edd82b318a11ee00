use uni_error::UniError;

const NFC_OFF: u32 = 1_504_001;

#[derive(Debug, UniError)]
#[subject("uni-nfc")]
enum NfcError {
    #[errno(NFC_OFF, platform = "android")]
    #[msg("NFC is off")]
    Off,
}

fn main() {}
