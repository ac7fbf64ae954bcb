//! TLS trust for the API client and the probe, and what a failed handshake tells about the network.
//!
//! Trust is Mozilla's root set (webpki-roots: what Node.js and Python's certifi ship) plus any
//! `--ca-cert`. The system store is deliberately not trusted up front: a corporate interception CA
//! is typically installed there, and an app on Node or Python would still reject it. Instead, when a
//! chain fails, the system store is asked whether *it* trusts the chain, which is what tells a user
//! "IT intercepts TLS here; give your runtime the CA".

use anyhow::{Context, Result};
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime, pem::PemObject};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use std::path::Path;
use std::sync::{Arc, Mutex};

pub fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// The certificates of a `--ca-cert` PEM file.
fn ca_certs(path: &Path) -> Result<Vec<CertificateDer<'static>>> {
    let certs = CertificateDer::pem_file_iter(path)
        .with_context(|| format!("reading --ca-cert {}", path.display()))?
        .collect::<Result<Vec<_>, _>>()
        .with_context(|| format!("--ca-cert {} is not valid PEM", path.display()))?;
    if certs.is_empty() {
        anyhow::bail!("--ca-cert {} holds no PEM certificate", path.display());
    }
    Ok(certs)
}

/// Root store: Mozilla roots plus the user's extra CA file.
pub fn root_store(extra_ca: Option<&Path>) -> Result<RootCertStore> {
    let mut roots = RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
    if let Some(path) = extra_ca {
        for cert in ca_certs(path)? {
            roots
                .add(cert)
                .with_context(|| format!("--ca-cert {}: certificate not usable as a root", path.display()))?;
        }
    }
    Ok(roots)
}

/// Which application protocols a TLS client offers (RFC 7301).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alpn {
    /// h2 and http/1.1: the API client, which speaks either.
    Http,
    /// None: the probe (which writes HTTP/1.1 itself) and STUN/TURN over TLS.
    None,
}

/// The client configuration shared by reqwest, the probe and STUN/TURN over TLS.
pub fn client_config(extra_ca: Option<&Path>, alpn: Alpn) -> Result<ClientConfig> {
    let webpki = WebPkiServerVerifier::builder_with_provider(Arc::new(root_store(extra_ca)?), provider())
        .build()
        .context("TLS certificate verifier")?;
    let pinned = extra_ca.map(ca_certs).transpose()?.unwrap_or_default();
    let mut cfg = ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .context("TLS protocol versions")?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(Verifier { webpki, pinned }))
        .with_no_client_auth();
    if alpn == Alpn::Http {
        cfg.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    }
    Ok(cfg)
}

/// WebPKI's verification (RFC 5280 paths to Mozilla's roots and `--ca-cert`), plus what the
/// OpenSSL-based tools a user compares with do (curl `--cacert`, Node's `NODE_EXTRA_CA_CERTS`,
/// Python's `REQUESTS_CA_BUNDLE`): a server certificate that *is* one of the certificates given
/// with `--ca-cert` is trusted as it is, even self-signed with `CA:TRUE`, the way
/// `openssl req -x509` makes it, which WebPKI refuses as a CA used as an end entity. Its name and
/// validity period are still checked (RFC 6125, RFC 5280 §4.1.2.5); the handshake signatures are
/// WebPKI's.
#[derive(Debug)]
struct Verifier {
    webpki: Arc<WebPkiServerVerifier>,
    pinned: Vec<CertificateDer<'static>>,
}

impl ServerCertVerifier for Verifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self.webpki.verify_server_cert(end_entity, intermediates, server_name, ocsp, now) {
            Err(_) if self.pinned.iter().any(|p| p.as_ref() == end_entity.as_ref()) => {
                pinned_is_valid(end_entity, server_name, now).map(|()| ServerCertVerified::assertion())
            }
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.webpki.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.webpki.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.webpki.supported_verify_schemes()
    }
}

/// A certificate trusted because the user named it: right name, within its validity period.
fn pinned_is_valid(der: &CertificateDer<'_>, name: &ServerName<'_>, now: UnixTime) -> Result<(), rustls::Error> {
    use rustls::CertificateError as E;
    let bad = |e: E| rustls::Error::InvalidCertificate(e);
    let cert = webpki::EndEntityCert::try_from(der).map_err(|_| bad(E::BadEncoding))?;
    cert.verify_is_valid_for_subject_name(name).map_err(|_| bad(E::NotValidForName))?;
    let (_, x) = x509_parser::parse_x509_certificate(der).map_err(|_| bad(E::BadEncoding))?;
    let t = i64::try_from(now.as_secs()).unwrap_or(i64::MAX);
    if t > x.validity().not_after.timestamp() {
        return Err(bad(E::Expired));
    }
    if t < x.validity().not_before.timestamp() {
        return Err(bad(E::NotValidYet));
    }
    Ok(())
}

/// The verifier's reason in words a user can act on.
pub fn refusal_words(e: &rustls::CertificateError) -> String {
    use rustls::CertificateError as E;
    match e {
        E::Expired | E::ExpiredContext { .. } => "it has expired (or this machine's clock is ahead)".into(),
        E::NotValidYet | E::NotValidYetContext { .. } => {
            "it is not valid yet (or this machine's clock is behind)".into()
        }
        E::NotValidForName | E::NotValidForNameContext { .. } => "it is not for this host name".into(),
        E::UnknownIssuer => "no certificate given with --ca-cert (nor a public CA) issued it".into(),
        E::BadSignature => "its signature does not verify against its issuer".into(),
        E::BadEncoding => "it does not parse as a certificate".into(),
        E::Revoked => "it is revoked".into(),
        E::InvalidPurpose | E::InvalidPurposeContext { .. } => {
            "it is not for TLS server authentication (its extended key usage)".into()
        }
        E::UnhandledCriticalExtension => "it has a critical extension the verifier does not know".into(),
        other => {
            let s = format!("{other:?}");
            if s.contains("CaUsedAsEndEntity") {
                "it is a CA certificate (CA:TRUE) used as the server's own certificate".into()
            } else {
                format!("the verifier refused it ({s})")
            }
        }
    }
}

/// What the certificate chain a server presented says about who issued it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChainInfo {
    pub subject: String,
    pub issuer: String,
    /// A known TLS-inspection product named in the issuer (Zscaler, Netskope, ...).
    pub vendor: Option<&'static str>,
    /// Whether this machine's system trust store accepts the chain.
    pub trusted_by_system: bool,
}

/// Issuer names of interception products seen in the wild (proxies, firewalls, antivirus HTTPS
/// scanning, debugging proxies).
const INTERCEPTORS: &[(&str, &str)] = &[
    ("zscaler", "Zscaler"),
    ("netskope", "Netskope"),
    ("fortinet", "Fortinet FortiGate"),
    ("fortigate", "Fortinet FortiGate"),
    ("palo alto", "Palo Alto Networks"),
    ("umbrella", "Cisco Umbrella"),
    ("cisco", "Cisco"),
    ("forcepoint", "Forcepoint"),
    ("websense", "Forcepoint (Websense)"),
    ("blue coat", "Symantec Blue Coat"),
    ("bluecoat", "Symantec Blue Coat"),
    ("sophos", "Sophos"),
    ("mcafee", "McAfee Web Gateway"),
    ("skyhigh", "Skyhigh Security"),
    ("check point", "Check Point"),
    ("checkpoint", "Check Point"),
    ("barracuda", "Barracuda"),
    ("kaspersky", "Kaspersky"),
    ("avast", "Avast HTTPS scanning"),
    ("avg ", "AVG HTTPS scanning"),
    ("eset", "ESET"),
    ("bitdefender", "Bitdefender"),
    ("mitmproxy", "mitmproxy"),
    ("charles proxy", "Charles Proxy"),
    ("fiddler", "Fiddler"),
    ("portswigger", "Burp Suite"),
    ("cloudflare gateway", "Cloudflare Zero Trust Gateway"),
];

pub fn interception_vendor(issuer: &str) -> Option<&'static str> {
    let lower = issuer.to_ascii_lowercase();
    INTERCEPTORS.iter().find(|(needle, _)| lower.contains(needle)).map(|(_, name)| *name)
}

/// Describe a DER certificate: (subject, issuer) as RFC 4514-style strings.
pub fn names(der: &[u8]) -> Option<(String, String)> {
    let (_, cert) = x509_parser::parse_x509_certificate(der).ok()?;
    Some((cert.subject().to_string(), cert.issuer().to_string()))
}

/// A verifier that accepts any chain but records it and whether the system store would accept it.
/// Used only for a second, data-less handshake after a failure, to explain that failure; nothing
/// is ever sent over a connection it accepted.
#[derive(Debug)]
pub struct Recorder {
    system: Option<Arc<WebPkiServerVerifier>>,
    pub seen: Mutex<Option<ChainInfo>>,
}

impl Recorder {
    pub fn new() -> Arc<Recorder> {
        let mut roots = RootCertStore::empty();
        for c in rustls_native_certs::load_native_certs().certs {
            let _ = roots.add(c);
        }
        let system = if roots.is_empty() {
            None
        } else {
            WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider()).build().ok()
        };
        Arc::new(Recorder { system, seen: Mutex::new(None) })
    }

    pub fn config(self: &Arc<Self>) -> Result<ClientConfig> {
        Ok(ClientConfig::builder_with_provider(provider())
            .with_safe_default_protocol_versions()?
            .dangerous()
            .with_custom_certificate_verifier(self.clone())
            .with_no_client_auth())
    }
}

impl ServerCertVerifier for Recorder {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        // The issuer that matters is the top of the presented chain: the CA the proxy signs with.
        let top = intermediates.last().unwrap_or(end_entity);
        let (subject, _) = names(end_entity).unwrap_or_default();
        let (_, issuer) = names(top).unwrap_or_default();
        let trusted_by_system = self
            .system
            .as_ref()
            .is_some_and(|v| v.verify_server_cert(end_entity, intermediates, server_name, ocsp, now).is_ok());
        let vendor = interception_vendor(&issuer);
        *self.seen.lock().expect("recorder lock") = Some(ChainInfo { subject, issuer, vendor, trusted_by_system });
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        _: &[u8],
        _: &CertificateDer<'_>,
        _: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }

    fn verify_tls13_signature(
        &self,
        _: &[u8],
        _: &CertificateDer<'_>,
        _: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        provider().signature_verification_algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_interceptors_are_named() {
        assert_eq!(interception_vendor("CN=Zscaler Root CA, O=Zscaler Inc."), Some("Zscaler"));
        assert_eq!(interception_vendor("CN=Fortinet_CA_SSL"), Some("Fortinet FortiGate"));
        assert_eq!(interception_vendor("CN=DO_NOT_TRUST_FiddlerRoot"), Some("Fiddler"));
        assert_eq!(interception_vendor("CN=ISRG Root X1, O=Internet Security Research Group"), None);
    }
}
