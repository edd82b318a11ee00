// Generated code names everything by absolute path: it compiles where the
// prelude is not in scope.
#![no_implicit_prelude]

extern crate std;
extern crate uni_error;

#[derive(Debug, uni_error::UniError)]
#[subject("uni-noprelude")]
#[errno(category = 4, sub = 4)]
pub enum NoPrelude {
    #[errno(code = 1)]
    #[msg("list of {}", .0.len())]
    List(#[source] std::vec::Vec<std::io::Error>),
    #[errno(code = 2)]
    #[msg("maybe {name:?}")]
    Maybe {
        #[source]
        source: std::option::Option<std::io::Error>,
        #[data]
        name: std::option::Option<std::string::String>,
    },
    #[errno(code = 3)]
    #[msg("from")]
    From(#[from] std::fmt::Error),
}

fn main() {}
