//! A fault-injecting upstream on a raw `TcpListener`: it answers each request as a script says,
//! including what no HTTP framework would let a handler do (hang forever, send a body without
//! end, declare a gigabyte). Every request head it reads is counted per path.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// How to answer one request.
#[derive(Debug, Clone)]
pub enum Reply {
    /// A complete answer with this status and JSON body.
    Json(u16, String),
    /// Read the request, then never answer (the connection stays open).
    Hang,
    /// 200 with `Content-Length: n`, streaming zeros until the reader stops.
    Declared(u64),
    /// 200 chunked, streaming chunks forever.
    Endless,
}

type Script = dyn Fn(&str) -> Reply + Send + Sync;

pub struct Faulty {
    pub base_url: String,
    pub addr: SocketAddr,
    seen: Arc<Mutex<HashMap<String, u64>>>,
}

impl Faulty {
    /// Requests whose path was `path`.
    pub fn count(&self, path: &str) -> u64 {
        self.seen
            .lock()
            .expect("lock")
            .get(path)
            .copied()
            .unwrap_or(0)
    }
}

/// Serves `script(path)` for every request.
pub async fn spawn(script: impl Fn(&str) -> Reply + Send + Sync + 'static) -> Faulty {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let seen = Arc::new(Mutex::new(HashMap::new()));
    let script: Arc<Script> = Arc::new(script);
    let counts = seen.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(answer(stream, script.clone(), counts.clone()));
        }
    });
    Faulty {
        base_url: format!("http://{addr}"),
        addr,
        seen,
    }
}

/// A token response with this `expires_in` JSON value (a number, a string, anything).
pub fn token_json(expires_in: &str) -> Reply {
    Reply::Json(
        200,
        format!(
            r#"{{"access_token":"faulty-token","token_type":"bearer","expires_in":{expires_in}}}"#
        ),
    )
}

async fn answer(
    mut stream: TcpStream,
    script: Arc<Script>,
    seen: Arc<Mutex<HashMap<String, u64>>>,
) {
    let Some(path) = read_request(&mut stream).await else {
        return;
    };
    *seen.lock().expect("lock").entry(path.clone()).or_default() += 1;
    match script(&path) {
        Reply::Json(status, body) => {
            let head = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes()).await;
            let _ = stream.write_all(body.as_bytes()).await;
        }
        Reply::Hang => {
            let mut sink = [0u8; 1024];
            // Hold the connection until the client gives up.
            while matches!(stream.read(&mut sink).await, Ok(n) if n > 0) {}
        }
        Reply::Declared(n) => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {n}\r\nConnection: close\r\n\r\n"
            );
            let _ = stream.write_all(head.as_bytes()).await;
            let chunk = vec![b' '; 64 * 1024];
            let mut left = n;
            while left > 0 {
                let k = left.min(chunk.len() as u64) as usize;
                if stream.write_all(&chunk[..k]).await.is_err() {
                    return;
                }
                left -= k as u64;
            }
        }
        Reply::Endless => {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
            let _ = stream.write_all(head.as_bytes()).await;
            let chunk = format!("10000\r\n{}\r\n", " ".repeat(0x10000));
            while stream.write_all(chunk.as_bytes()).await.is_ok() {}
        }
    }
}

/// Reads one request (head and `Content-Length` body); returns its path.
async fn read_request(stream: &mut TcpStream) -> Option<String> {
    let mut buf = Vec::new();
    let mut byte = [0u8; 1];
    while !buf.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte).await.ok()? == 0 {
            return None;
        }
        buf.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&buf).to_string();
    let path = head.split(' ').nth(1)?.split('?').next()?.to_string();
    let len: usize = head
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case("content-length")
                .then(|| v.trim().parse().ok())?
        })
        .unwrap_or(0);
    let mut body = vec![0u8; len];
    stream.read_exact(&mut body).await.ok()?;
    Some(path)
}
