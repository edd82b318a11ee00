use std::fmt::Debug;
use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-generic")]
#[errno(category = 1, sub = 2)]
pub enum Generic<'a, E, D, M, P>
where
    P: Debug,
{
    #[errno(code = 1)]
    #[msg("source: {0}")]
    Source(#[source] E),
    #[errno(code = 2)]
    #[msg("data {label} {extra:?}")]
    Data {
        #[data]
        value: Option<D>,
        label: M,
        extra: P,
    },
    #[errno(code = 3)]
    #[msg("list")]
    List(#[source] Vec<E>),
    #[errno(code = 4)]
    #[msg("borrowed {0}")]
    Borrowed(&'a str),
}

#[derive(Debug, UniError)]
#[subject("uni-bounded")]
#[errno(1)]
#[msg("bounded")]
pub struct Bounded<E: UniError + 'static>(#[from] E);

#[derive(Debug, UniError)]
#[subject("uni-leaf")]
#[errno(2)]
#[msg("leaf")]
pub struct Leaf;

fn assert_uni<T: UniError + serde::Serialize>() {}

fn main() {
    assert_uni::<Generic<'static, std::io::Error, u8, String, ()>>();
    assert_uni::<Bounded<Leaf>>();
}
