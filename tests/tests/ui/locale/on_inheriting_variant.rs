use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-storage")]
#[errno(category = 15, sub = 5)]
#[locales("en", "zh-Hans")]
#[msg("storage failed: {0}")]
#[locale(zh_Hans = "存储失败：{0}")]
enum StorageError {
    #[errno(code = 1)]
    #[locale(zh_Hans = "满了：{0}")]
    Full(String),
}

fn main() {}
