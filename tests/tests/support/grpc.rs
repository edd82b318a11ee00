//! What the gRPC tests and the load bench share: a codec whose messages are
//! raw bytes and a server of unary methods over it ([`Served`]: a service
//! without protoc), and the trailer arithmetic of
//! `to_status`'s cut. Include it with
//! `#[path = "support/grpc.rs"] mod grpc;` (from `benches/`:
//! `"../tests/support/grpc.rs"`); a binary uses what it needs.
#![allow(dead_code)]

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::{Buf, BufMut};
use tonic::codec::{Codec, DecodeBuf, Decoder, EncodeBuf, Encoder};
use tonic::server::{Grpc, NamedService, UnaryService};

/// A gRPC service of unary methods over [`Raw`]: its name, and the method
/// a request's path calls (`None`: `UNIMPLEMENTED`).
pub trait Routes: Clone + Send + 'static {
    const NAME: &'static str;
    type Method: UnaryService<Vec<u8>, Response = Vec<u8>> + Send + 'static;
    fn route(&self, path: &str) -> Option<Self::Method>;
}

/// `R` as the `tower` service a tonic server takes.
#[derive(Clone)]
pub struct Served<R>(pub R);

impl<R: Routes> NamedService for Served<R> {
    const NAME: &'static str = R::NAME;
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

impl<R: Routes> tower_service::Service<http::Request<tonic::body::Body>> for Served<R>
where
    <R::Method as UnaryService<Vec<u8>>>::Future: Send,
{
    type Response = http::Response<tonic::body::Body>;
    type Error = Infallible;
    type Future = BoxFuture<Result<Self::Response, Infallible>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<tonic::body::Body>) -> Self::Future {
        match self.0.route(request.uri().path()) {
            Some(method) => {
                Box::pin(async move { Ok(Grpc::new(Raw).unary(method, request).await) })
            }
            None => {
                let response = tonic::Status::unimplemented("no such method").into_http();
                Box::pin(async move { Ok(response) })
            }
        }
    }
}

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
