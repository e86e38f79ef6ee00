//! Signed publications: the centre's staff sign the exact bytes of `manifest.json` with
//! an Ed25519 key that never leaves their computer (`rumbo-data keygen`, `sign`), and the
//! app takes a manifest only when `manifest.json.sig` beside it is a signature by a key
//! compiled into the app. The manifest lists the SHA-256 of every data file, so the
//! signature covers the whole publication: a host, CDN or proxy that serves other data
//! (or an old version under a new number) is refused before its manifest is even parsed.
//!
//! The keys the app trusts are read at build time from `keys/trusted.pub`: up to two
//! (two slots, so a new key can be added before the old one is retired). The repository's
//! own data is signed with `keys/development.secret`, which is public and so proves
//! nothing: only debug builds and builds made with `RUMBO_ALLOW_DEV_KEY=1` (`make serve`,
//! `make test`) trust its public half. A release build for a centre trusts only the
//! centre's keys (README, "Deploying").

use crate::core::problem::Problem;
use ed25519_compact::{PublicKey, Signature};

/// The signature's file, beside the manifest: one line, the 64-byte Ed25519 signature of
/// `manifest.json`'s bytes in lowercase hex.
pub const FILE: &str = "manifest.json.sig";

/// How many keys the app trusts at most (`keys/trusted.pub`): the current one and the
/// next, while a key is being rotated.
pub const SLOTS: usize = 2;

/// Longest signature file read: the hex line and a comment or two.
pub const MAX_FILE_BYTES: u64 = 1024;

const TRUSTED: &str = include_str!("../../../keys/trusted.pub");
const DEVELOPMENT: &str = include_str!("../../../keys/development.pub");

/// Whether this build trusts the published development key: debug builds (the host tests)
/// and release builds made with `RUMBO_ALLOW_DEV_KEY=1` do; a centre's release build
/// does not.
pub fn development_key_allowed() -> bool {
    cfg!(debug_assertions) || option_env!("RUMBO_ALLOW_DEV_KEY") == Some("1")
}

/// The development key's public half.
pub fn development_key() -> [u8; 32] {
    key_lines(DEVELOPMENT).next().expect("keys/development.pub holds a key")
}

/// The public keys this build accepts signatures from: the centre's (at most
/// [`SLOTS`]), and the development key only where [`development_key_allowed`]. The
/// development key pasted into `keys/trusted.pub` does not count as a centre's.
pub fn trusted_keys() -> Vec<[u8; 32]> {
    let development = development_key();
    let mut keys: Vec<[u8; 32]> = key_lines(TRUSTED).take(SLOTS).filter(|k| *k != development).collect();
    if development_key_allowed() {
        keys.push(development);
    }
    keys
}

/// The keys in a key file: one per line in hex; blank lines and `#` comments skipped.
pub fn key_lines(text: &str) -> impl Iterator<Item = [u8; 32]> + '_ {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(from_hex::<32>)
}

/// Checks that `signature` (the text of [`FILE`]) is a signature of `manifest` by one of
/// the keys this build trusts.
pub fn verify(manifest: &[u8], signature: &[u8]) -> Result<(), Problem> {
    verify_with(&trusted_keys(), manifest, signature)
}

/// Checks that `signature` is a signature of `manifest` by one of `keys`.
pub fn verify_with(keys: &[[u8; 32]], manifest: &[u8], signature: &[u8]) -> Result<(), Problem> {
    let signature = std::str::from_utf8(signature)
        .ok()
        .and_then(|text| key_text(text).and_then(from_hex::<64>));
    let Some(signature) = signature else {
        return Err(Problem::new(
            FILE,
            "la firma de la publicación falta o no se puede leer: se rechaza",
            "the publication's signature is missing or unreadable: refused",
        ));
    };
    let signature = Signature::new(signature);
    let signed = keys
        .iter()
        .any(|key| PublicKey::new(*key).verify(manifest, &signature).is_ok());
    if signed {
        Ok(())
    } else {
        Err(Problem::new(
            FILE,
            "la publicación no está firmada con una clave del centro: se rechaza",
            "the publication is not signed with a key of the centre: refused",
        ))
    }
}

/// The first line of a key or signature file that is not blank or a comment.
fn key_text(text: &str) -> Option<&str> {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
}

/// `N` bytes from exactly `2 * N` hex digits.
pub fn from_hex<const N: usize>(text: &str) -> Option<[u8; N]> {
    let text = text.as_bytes();
    if text.len() != 2 * N {
        return None;
    }
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = [0u8; N];
    for (i, pair) in text.chunks(2).enumerate() {
        out[i] = digit(pair[0])? << 4 | digit(pair[1])?;
    }
    Some(out)
}

/// Lowercase hex.
pub fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Signing, for the staff's tool and the tests. The app never calls it, so none of it
/// reaches the app's wasm; it builds for every target because the browser tests build
/// the staff's tool for wasm32 too.
pub mod signing {
    use super::*;
    use ed25519_compact::{KeyPair, Seed};

    /// The secret seed in a key file written by `rumbo-data keygen`.
    pub fn read_secret(text: &str) -> Option<[u8; 32]> {
        key_text(text).and_then(from_hex::<32>)
    }

    /// The public key of a secret seed.
    pub fn public_key(secret: &[u8; 32]) -> [u8; 32] {
        *KeyPair::from_seed(Seed::new(*secret)).pk
    }

    /// The text of [`FILE`] for `manifest`: the signature in hex and a newline.
    pub fn sign(secret: &[u8; 32], manifest: &[u8]) -> String {
        let pair = KeyPair::from_seed(Seed::new(*secret));
        to_hex(pair.sk.sign(manifest, None).as_ref()) + "\n"
    }

    /// The development key's secret half (public, in the repository), for tests.
    pub fn development_secret() -> [u8; 32] {
        read_secret(include_str!("../../../keys/development.secret")).expect("keys/development.secret holds a key")
    }
}

#[cfg(test)]
mod tests {
    use super::signing::*;
    use super::*;

    #[test]
    fn a_signature_by_a_trusted_key_verifies_and_nothing_else_does() {
        let secret = [7u8; 32];
        let other = [8u8; 32];
        let manifest = br#"{"content_version":3}"#;
        let signature = sign(&secret, manifest);
        let keys = [public_key(&other), public_key(&secret)];
        assert!(
            verify_with(&keys, manifest, signature.as_bytes()).is_ok(),
            "second slot"
        );
        assert!(
            verify_with(&keys[..1], manifest, signature.as_bytes()).is_err(),
            "another key"
        );
        assert!(
            verify_with(&keys, br#"{"content_version":4}"#, signature.as_bytes()).is_err(),
            "other bytes"
        );
        assert!(verify_with(&keys, manifest, b"").is_err());
        assert!(verify_with(&keys, manifest, b"<html>portal</html>").is_err());
        let mut flipped = signature.clone().into_bytes();
        flipped[10] = if flipped[10] == b'0' { b'1' } else { b'0' };
        assert!(verify_with(&keys, manifest, &flipped).is_err());
    }

    #[test]
    fn the_development_key_files_are_a_pair_and_debug_builds_trust_it() {
        assert_eq!(public_key(&development_secret()), development_key());
        assert!(development_key_allowed(), "host tests are debug builds");
        assert!(trusted_keys().contains(&development_key()));
        assert!(key_lines(TRUSTED).count() <= SLOTS, "keys/trusted.pub has two slots");
    }

    #[test]
    fn the_shipped_publication_is_signed_with_the_development_key() {
        let manifest = include_bytes!("../../../public/data/manifest.json");
        let signature = include_bytes!("../../../public/data/manifest.json.sig");
        assert_eq!(verify_with(&[development_key()], manifest, signature), Ok(()));
    }

    #[test]
    fn hex_round_trips_and_refuses_other_lengths_and_digits() {
        let bytes = [0u8, 1, 0xab, 0xff];
        assert_eq!(from_hex::<4>(&to_hex(&bytes)), Some(bytes));
        assert_eq!(from_hex::<4>("00ab"), None);
        assert_eq!(from_hex::<2>("zz00"), None);
        assert_eq!(from_hex::<2>("+1ab"), None);
    }
}
