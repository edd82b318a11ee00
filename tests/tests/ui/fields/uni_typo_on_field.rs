use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-ad")]
#[errno(category = 14, sub = 16, code = 601)]
#[msg("no fill")]
struct NoFill {
    #[uni(sorce(subject = "csj"))]
    sdk: std::io::Error,
}

fn main() {}
