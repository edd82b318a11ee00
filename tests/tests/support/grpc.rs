//! What the gRPC tests and the load bench share: a codec whose messages are
//! raw bytes (a service without protoc), and the trailer arithmetic of
//! `to_status`'s cut. Include it with
//! `#[path = "support/grpc.rs"] mod grpc;` (from `benches/`:
//! `"../tests/support/grpc.rs"`); a binary uses what it needs.
#![allow(dead_code)]

use bytes::{Buf, BufMut};
use tonic::codec::{Codec, DecodeBuf, Decoder, EncodeBuf, Encoder};

/// Messages are the raw bytes of the request and response.
#[derive(Clone, Copy, Default)]
pub struct Raw;

impl Codec for Raw {
    type Encode = Vec<u8>;
    type Decode = Vec<u8>;
    type Encoder = Raw;
    type Decoder = Raw;
    fn encoder(&mut self) -> Raw {
        Raw
    }
    fn decoder(&mut self) -> Raw {
        Raw
    }
}

impl Encoder for Raw {
    type Item = Vec<u8>;
    type Error = tonic::Status;
    fn encode(&mut self, item: Vec<u8>, dst: &mut EncodeBuf<'_>) -> Result<(), tonic::Status> {
        dst.put_slice(&item);
        Ok(())
    }
}

impl Decoder for Raw {
    type Item = Vec<u8>;
    type Error = tonic::Status;
    fn decode(&mut self, src: &mut DecodeBuf<'_>) -> Result<Option<Vec<u8>>, tonic::Status> {
        Ok(Some(src.copy_to_bytes(src.remaining()).to_vec()))
    }
}

/// What the two headers `to_status` writes take on the wire:
/// `grpc-message` (percent-encoded) and `grpc-status-details-bin` (base64),
/// as tonic writes them for this status.
pub fn trailer_len(status: &tonic::Status) -> usize {
    let response = status.clone().into_http::<()>();
    ["grpc-message", "grpc-status-details-bin"]
        .iter()
        .filter_map(|name| response.headers().get(*name))
        .map(|value| value.len())
        .sum()
}

/// `text` cut to its first `kept` bytes and the note that ends a text cut
/// to fit a trailer.
pub fn cut_text(text: &str, kept: usize) -> String {
    format!(
        "{}\n[{} bytes were cut to fit a gRPC trailer]",
        &text[..kept],
        text.len() - kept
    )
}
