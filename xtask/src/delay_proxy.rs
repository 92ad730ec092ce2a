//! A TCP proxy on loopback that delivers every byte sent towards the upstream `delay` late, for
//! the bench's latency run (issue 16: look up → both views with 150 ms of upstream latency).
//! Each request therefore reaches the org `delay` after it was sent, whatever the protocol;
//! answers come back undelayed, so a request/response exchange costs one extra `delay`.
//! std threads only (xtask has no async runtime): three per proxied connection.

use crate::error::{Error, Result};
use std::io::{Read, Write};
use std::net::{Ipv4Addr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// A running proxy; stops accepting when dropped (open connections end with their peers).
pub struct DelayProxy {
    pub port: u16,
    stop: Arc<AtomicBool>,
    accept: Option<thread::JoinHandle<()>>,
}

impl DelayProxy {
    /// Listen on a free loopback port and forward each connection to `upstream`.
    pub fn start(upstream: SocketAddr, delay: Duration) -> Result<Self> {
        let listener =
            TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).map_err(|e| Error::io("127.0.0.1:0", e))?;
        let port = listener
            .local_addr()
            .map_err(|e| Error::io("127.0.0.1:0", e))?
            .port();
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = Arc::clone(&stop);
        let accept = thread::spawn(move || {
            for client in listener.incoming() {
                if stopping.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(client) = client else { continue };
                thread::spawn(move || proxy_one(client, upstream, delay));
            }
        });
        Ok(Self {
            port,
            stop,
            accept: Some(accept),
        })
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for DelayProxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the blocking accept so the thread sees the flag.
        let _ = TcpStream::connect((Ipv4Addr::LOCALHOST, self.port));
        if let Some(t) = self.accept.take() {
            let _ = t.join();
        }
    }
}

fn proxy_one(client: TcpStream, upstream: SocketAddr, delay: Duration) {
    let Ok(server) = TcpStream::connect(upstream) else {
        return;
    };
    let _ = client.set_nodelay(true);
    let _ = server.set_nodelay(true);
    let (Ok(client_r), Ok(server_w)) = (client.try_clone(), server.try_clone()) else {
        return;
    };
    let towards_upstream = thread::spawn(move || pipe_delayed(client_r, server_w, delay));
    pipe(server, client);
    let _ = towards_upstream.join();
}

/// Copy `from` → `to` as it arrives; half-close `to` at the end.
fn pipe(mut from: TcpStream, mut to: TcpStream) {
    let _ = std::io::copy(&mut from, &mut to);
    let _ = to.shutdown(Shutdown::Write);
}

/// Copy `from` → `to`, each chunk written `delay` after it was read (order kept; chunks read
/// while earlier ones wait are not delayed twice).
fn pipe_delayed(from: TcpStream, mut to: TcpStream, delay: Duration) {
    let (tx, rx) = mpsc::channel::<(Instant, Vec<u8>)>();
    let reader = thread::spawn(move || {
        let mut from = from;
        let mut buf = vec![0u8; 16 * 1024];
        loop {
            match from.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let due = Instant::now() + delay;
                    if tx.send((due, buf[..n].to_vec())).is_err() {
                        break;
                    }
                }
            }
        }
    });
    for (due, bytes) in rx {
        thread::sleep(due.saturating_duration_since(Instant::now()));
        if to.write_all(&bytes).is_err() {
            break;
        }
    }
    let _ = to.shutdown(Shutdown::Write);
    let _ = reader.join();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An upstream that answers each line with the same line, upper-cased.
    fn echo_upstream() -> SocketAddr {
        let Ok(listener) = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)) else {
            panic!("cannot bind loopback");
        };
        let Ok(addr) = listener.local_addr() else {
            panic!("no local address");
        };
        thread::spawn(move || {
            for s in listener.incoming().flatten() {
                thread::spawn(move || {
                    let mut s = s;
                    let mut buf = [0u8; 64];
                    while let Ok(n) = s.read(&mut buf) {
                        if n == 0 || s.write_all(&buf[..n].to_ascii_uppercase()).is_err() {
                            break;
                        }
                    }
                });
            }
        });
        addr
    }

    fn round_trip(port: u16, msg: &[u8]) -> (Vec<u8>, Duration) {
        let Ok(mut s) = TcpStream::connect((Ipv4Addr::LOCALHOST, port)) else {
            panic!("cannot connect to the proxy");
        };
        let t = Instant::now();
        assert!(s.write_all(msg).is_ok());
        let mut got = vec![0u8; msg.len()];
        assert!(s.read_exact(&mut got).is_ok());
        (got, t.elapsed())
    }

    #[test]
    fn forwards_bytes_both_ways_and_delays_each_request() {
        let delay = Duration::from_millis(120);
        let proxy = DelayProxy::start(echo_upstream(), delay);
        let Ok(proxy) = proxy else {
            panic!("proxy did not start");
        };
        let (got, took) = round_trip(proxy.port, b"ping");
        assert_eq!(got, b"PING");
        // A lower bound only: sleeping guarantees at least the delay, never at most.
        assert!(
            took >= delay,
            "answered after {took:?}, before the {delay:?} delay"
        );
        assert_eq!(proxy.url(), format!("http://127.0.0.1:{}", proxy.port));
    }

    #[test]
    fn a_dead_upstream_closes_the_client_connection() {
        let Ok(gone) = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)) else {
            panic!("cannot bind loopback");
        };
        let Ok(addr) = gone.local_addr() else {
            panic!("no local address");
        };
        drop(gone);
        let Ok(proxy) = DelayProxy::start(addr, Duration::ZERO) else {
            panic!("proxy did not start");
        };
        let Ok(mut s) = TcpStream::connect((Ipv4Addr::LOCALHOST, proxy.port)) else {
            panic!("cannot connect to the proxy");
        };
        let mut buf = [0u8; 8];
        assert!(matches!(s.read(&mut buf), Ok(0) | Err(_)));
    }
}
