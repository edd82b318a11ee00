extern crate uni_error as renamed;

// No `uni_error` path is used by the generated code.
mod uni_error {}

#[derive(Debug, renamed::UniError)]
#[uni(crate = "renamed")]
#[subject("uni-renamed")]
#[errno(category = 2, sub = 0)]
pub enum Renamed {
    #[errno(code = 1)]
    #[msg("a {0}")]
    A(#[from] std::io::Error),
    #[errno(code = 2)]
    #[msg("b")]
    B {
        #[data]
        d: u8,
    },
}

fn main() {
    use renamed::UniError as _;
    assert_eq!(Renamed::B { d: 1 }.errno().get(), 200_002);
}
