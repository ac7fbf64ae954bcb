//! An in-process STUN/TURN server on loopback for `selftest`, from the webrtc-rs `turn` crate
//! (a complete RFC 8656 server: Binding, Allocate with long-term credentials, permissions, relay).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;
use turn::auth::{AuthHandler, generate_auth_key};
use turn::relay::relay_static::RelayAddressGeneratorStatic;
use turn::server::Server;
use turn::server::config::{ConnConfig, ServerConfig};

pub const REALM: &str = "selftest.realtime-doctor";

struct Users {
    username: String,
    key: Vec<u8>,
}

impl AuthHandler for Users {
    fn auth_handle(&self, username: &str, _realm: &str, _src: SocketAddr) -> Result<Vec<u8>, turn::Error> {
        if username == self.username { Ok(self.key.clone()) } else { Err(turn::Error::ErrNoSuchUser) }
    }
}

/// A running STUN/TURN server (UDP) with one user; closed when dropped.
pub struct FakeTurn {
    pub addr: SocketAddr,
    pub username: String,
    pub password: String,
    server: Option<Server>,
}

impl FakeTurn {
    /// Listen on `ip` (a free UDP port), relaying from the same address.
    pub async fn start(ip: IpAddr) -> std::io::Result<FakeTurn> {
        let sock = tokio::net::UdpSocket::bind(SocketAddr::new(ip, 0)).await?;
        let addr = sock.local_addr()?;
        let username = "selftest".to_owned();
        let password = format!("{:016x}{:016x}", fastrand::u64(..), fastrand::u64(..));
        let key = generate_auth_key(&username, REALM, &password);
        let server = Server::new(ServerConfig {
            conn_configs: vec![ConnConfig {
                conn: Arc::new(sock),
                relay_addr_generator: Box::new(RelayAddressGeneratorStatic {
                    relay_address: ip,
                    address: ip.to_string(),
                    net: Arc::new(webrtc_util::vnet::net::Net::new(None)),
                }),
            }],
            realm: REALM.to_owned(),
            auth_handler: Arc::new(Users { username: username.clone(), key }),
            channel_bind_timeout: Duration::from_secs(0),
            alloc_close_notify: None,
        })
        .await
        .map_err(|e| std::io::Error::other(e.to_string()))?;
        Ok(FakeTurn { addr, username, password, server: Some(server) })
    }

    pub fn stun_url(&self) -> String {
        format!("stun:{}", self.addr)
    }

    pub fn turn_url(&self) -> String {
        format!("turn:{}?transport=udp", self.addr)
    }
}

impl Drop for FakeTurn {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            // Closing is async; inside a runtime, do it in the background.
            if let Ok(h) = tokio::runtime::Handle::try_current() {
                h.spawn(async move {
                    let _ = server.close().await;
                });
            }
        }
    }
}
