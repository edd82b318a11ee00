use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-inner")]
#[errno(1_505_001)]
#[msg("inner")]
struct Inner;

#[derive(Debug, UniError)]
#[subject("uni-app")]
#[errno(category = 15, sub = 6)]
#[locales("en", "zh-Hans")]
enum AppError {
    #[msg(transparent)]
    #[locale(zh_Hans = "内部")]
    Inner(Inner),
}

fn main() {}
