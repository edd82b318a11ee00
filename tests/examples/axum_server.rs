//! A uni error from an axum handler, served on 127.0.0.1 (a free port) and
//! fetched once with a hyper client; the server stops by itself.
//!
//! `cargo run -p uni-error-tests --example axum_server`

use axum::{extract::Path, routing::get, Router};
use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use uni_error::axum::ErrorResponse;
use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-pay")]
#[errno(category = 7, sub = 0)]
enum PayError {
    #[errno(code = 4)]
    #[status(http = 404)]
    #[msg("no such order: {0}")]
    NoOrder(u64),
}

fn find(id: u64) -> Result<String, PayError> {
    Err(PayError::NoOrder(id))
}

// `?` turns the derived error into an ErrorResponse: status 404, JSON body.
async fn order(Path(id): Path<u64>) -> Result<String, ErrorResponse> {
    Ok(find(id)?)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    let result = run(&mut out).await;
    std::io::Write::write_all(&mut std::io::stdout(), &out)?;
    result
}

/// Serves, fetches once, writes what `main` prints to `out` and stops
/// (tests/tests/readme.rs compares it with the README).
pub async fn run(out: &mut impl std::io::Write) -> Result<(), Box<dyn std::error::Error>> {
    let app = Router::new().route("/order/{id}", get(order));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await
    });

    let stream = tokio::net::TcpStream::connect(addr).await?;
    let (mut client, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(conn);
    let request = http::Request::get("/order/7")
        .header("host", addr.to_string())
        .body(Empty::<Bytes>::new())?;
    let response = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        client.send_request(request),
    )
    .await??;
    let status = response.status();
    let content_type = response.headers()["content-type"].to_str()?.to_owned();
    let body = response.into_body().collect().await?.to_bytes();
    writeln!(out, "GET /order/7 -> {status} {content_type}")?;
    writeln!(out, "{}", String::from_utf8_lossy(&body))?;

    stop.send(()).ok();
    server.await??;
    Ok(())
}
