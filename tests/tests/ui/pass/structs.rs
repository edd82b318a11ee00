use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-a")]
#[errno(1)]
#[msg("unit")]
pub struct Unit;

#[derive(Debug, UniError)]
#[subject("uni-b")]
#[errno(category = 15, sub = 9, code = 801, platform = "ios")]
#[msg("tuple {0} {1:?}")]
pub struct Tuple(pub u8, #[data] pub Vec<String>);

#[derive(Debug, UniError)]
#[subject("uni-c::d")]
#[errno(9999999)]
#[msg("named {a}")]
pub struct Named {
    pub a: String,
    #[source]
    pub io: std::io::Error,
}

#[derive(Debug, UniError)]
#[subject("uni-e")]
#[errno(category = 0, sub = 0, code = 1)]
#[msg("from io")]
pub struct FromIo(#[from] std::io::Error);

fn main() {
    let _: FromIo = std::io::Error::other("x").into();
}
