//! Starting the companion server for tests, benches and screenshots, and knowing when it
//! is ready — with std only (a raw HTTP/1.1 GET on loopback).

use crate::error::{Error, Result};
use crate::paths::Paths;
use crate::shell::Cmd;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::Child;
use std::time::{Duration, Instant};

/// A free loopback port, chosen by the OS.
pub fn free_port() -> Result<u16> {
    let listener =
        TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).map_err(|e| Error::io("127.0.0.1:0", e))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| Error::io("127.0.0.1:0", e))
}

/// Whether something already listens on 127.0.0.1:`port`.
pub fn port_in_use(port: u16) -> bool {
    TcpListener::bind((Ipv4Addr::LOCALHOST, port)).is_err()
}

/// `GET path` on 127.0.0.1:`port`; the status code and body, if anything answered.
pub fn http_get(port: u16, path: &str) -> Option<(u16, String)> {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(2)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    let status = response.split_whitespace().nth(1)?.parse().ok()?;
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    Some((status, body))
}

/// A server process we started; killed when dropped.
pub struct RunningServer {
    child: Child,
    pub port: u16,
}

impl RunningServer {
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The process id (to read its memory from `/proc`).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Start `bin --port <free> --dist dist/ --demo` and wait until `/api/health` answers 200.
pub fn start_demo(paths: &Paths, bin: &Path, extra: &[String]) -> Result<RunningServer> {
    let port = free_port()?;
    let child = Cmd::new(bin, &paths.root, &paths.tool_path())
        .arg("--port")
        .arg(port.to_string())
        .arg("--dist")
        .arg(&paths.dist)
        .arg("--demo")
        .args(extra)
        // One log line per request would bury the figures and script output.
        .env(
            "RUST_LOG",
            std::env::var("RUST_LOG").unwrap_or_else(|_| "warn".into()),
        )
        .spawn()?;
    wait_ready(child, port, "/api/health", bin)
}

/// Adopt a started `child` listening on `port`; ready once `GET ready_path` answers 200.
pub fn wait_ready(child: Child, port: u16, ready_path: &str, bin: &Path) -> Result<RunningServer> {
    let mut server = RunningServer { child, port };
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if matches!(http_get(port, ready_path), Some((200, _))) {
            return Ok(server);
        }
        if let Ok(Some(status)) = server.child.try_wait() {
            return Err(Error::Failed {
                cmd: bin.display().to_string(),
                status: format!("exited before it was ready: {status}"),
            });
        }
        if Instant::now() > deadline {
            return Err(Error::Timeout(format!(
                "{} did not answer {ready_path} within 60 s",
                bin.display()
            )));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_port_is_free_and_detected_once_taken() {
        let port = free_port().unwrap_or(0);
        assert_ne!(port, 0);
        let held = TcpListener::bind((Ipv4Addr::LOCALHOST, port));
        assert!(held.is_ok());
        assert!(port_in_use(port));
    }

    #[test]
    fn http_get_reads_status_and_body() {
        let Ok(listener) = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)) else {
            panic!("cannot bind loopback");
        };
        let port = listener.local_addr().map(|a| a.port()).unwrap_or(0);
        let handle = std::thread::spawn(move || {
            if let Ok((mut s, _)) = listener.accept() {
                let mut buf = [0u8; 512];
                let _ = s.read(&mut buf);
                let _ = s.write_all(
                    b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\n\r\nbusy",
                );
            }
        });
        assert_eq!(
            http_get(port, "/api/health"),
            Some((503, "busy".to_owned()))
        );
        let _ = handle.join();
    }

    #[test]
    fn http_get_on_a_closed_port_is_none() {
        let port = free_port().unwrap_or(1);
        assert_eq!(http_get(port, "/"), None);
    }
}
