use uni_error::UniError;

// The same errno under two subjects is fine; twice under one is not.
#[derive(Debug, UniError)]
#[subject("uni-login")]
enum LoginError {
    #[errno(1504001)]
    #[subject("uni-login::weixin")]
    #[msg("weixin")]
    Weixin,

    #[errno(1504001)]
    #[subject("uni-login::alipay")]
    #[msg("alipay")]
    Alipay,

    #[errno(1504001)]
    #[subject("uni-login::alipay")]
    #[msg("alipay again")]
    AlipayAgain,
}

fn main() {}
