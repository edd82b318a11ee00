use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-nfc")]
#[errno(category = 15, sub = 4, code = 1)]
#[locales("en", "zh-Hans")]
struct Off;

impl std::fmt::Display for Off {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("off")
    }
}

fn main() {}
