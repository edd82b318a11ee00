use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-nfc")]
#[errno(category = 15, sub = 4)]
#[msg("NFC failed: {reason}")]
enum NfcError {
    #[errno(code = 1)]
    Read { reason: String },

    #[errno(code = 2)]
    Write { resaon: String },

    #[errno(code = 3)]
    #[msg("NFC is off")]
    Off,
}

fn main() {}
