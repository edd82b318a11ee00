use uni_error::UniError;

#[derive(UniError)]
#[subject("uni-login")]
union Bits {
    a: u32,
    b: f32,
}

fn main() {}
