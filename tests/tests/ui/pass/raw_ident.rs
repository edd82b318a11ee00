use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-raw")]
#[errno(category = 1, sub = 1)]
pub enum Raw {
    #[errno(code = 1)]
    #[msg("raw {r#type} plain {type} in {r#match:?}")]
    Kind { r#type: String, r#match: u8 },
    #[errno(code = 2)]
    #[msg("{} long", .r#type.len())]
    Len { r#type: String },
}

fn main() {
    let e = Raw::Kind { r#type: "t".into(), r#match: 1 };
    assert_eq!(e.to_string(), "raw t plain t in 1");
    assert_eq!(Raw::Len { r#type: "ab".into() }.to_string(), "2 long");
}
