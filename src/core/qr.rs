//! QR codes drawn on the device, with no network: share links on a phone, and on the
//! kiosk every action the tablet cannot perform (call, WhatsApp, website) becomes a
//! code the person scans with their own phone.
//!
//! Encoding is qrcodegen's (small, no dependencies); this module turns the modules into
//! one SVG path, merging runs of dark modules so the path stays short.

use qrcodegen::{QrCode, QrCodeEcc};

/// Light modules around the code that scanners need to find it.
pub const QUIET_ZONE: usize = 4;

/// A QR code ready to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Qr {
    size: usize,
    dark: Vec<bool>,
}

/// The text is too long for any QR code (about 2,300 characters of a link at the
/// error correction we use).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TooLong;

impl Qr {
    /// Encodes text (a URL, a `tel:` link…) with medium error correction, which survives
    /// a scratched or glare-struck tablet screen better than the lowest level.
    pub fn encode(text: &str) -> Result<Qr, TooLong> {
        let code = QrCode::encode_text(text, QrCodeEcc::Medium).map_err(|_| TooLong)?;
        let size = code.size() as usize;
        let dark = (0..size * size)
            .map(|i| code.get_module((i % size) as i32, (i / size) as i32))
            .collect();
        Ok(Qr { size, dark })
    }

    /// Modules per side, without the quiet zone.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Whether the module at column `x`, row `y` is dark.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.dark[y * self.size + x]
    }

    /// The side of the SVG `viewBox`, quiet zone included: `0 0 side side`.
    pub fn view_box_side(&self) -> usize {
        self.size + 2 * QUIET_ZONE
    }

    /// An SVG path (`d` attribute) drawing every dark module, offset by the quiet zone.
    pub fn svg_path(&self) -> String {
        let mut d = String::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.size && self.is_dark(x, y) {
                    x += 1;
                }
                d.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE,
                    x - start,
                    x - start
                ));
            }
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders the path back into a bitmap (one pixel per module) and reads it with an
    /// independent decoder, so the test checks what a phone camera would see.
    fn decode(qr: &Qr) -> String {
        let side = qr.view_box_side();
        let mut pixels = vec![255u8; side * side];
        for rect in qr.svg_path().split('z').filter(|r| !r.is_empty()) {
            let numbers: Vec<usize> = rect
                .trim_start_matches('M')
                .split(|c: char| !c.is_ascii_digit())
                .filter(|s| !s.is_empty())
                .map(|s| s.parse().unwrap())
                .collect();
            let (x, y, width) = (numbers[0], numbers[1], numbers[2]);
            for dx in 0..width {
                pixels[y * side + x + dx] = 0;
            }
        }
        let scale = 4;
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(side * scale, side * scale, |x, y| {
            pixels[(y / scale) * side + x / scale]
        });
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1, "one code found");
        grids[0].decode().expect("decodes").1
    }

    #[test]
    fn a_share_link_round_trips_through_the_svg_path() {
        let link = "https://rumbo.example/opciones#r1.AbC-_09";
        let qr = Qr::encode(link).unwrap();
        assert_eq!(decode(&qr), link);
        assert_eq!(qr.view_box_side(), qr.size() + 8);
    }

    #[test]
    fn phone_links_with_non_ascii_text_round_trip() {
        for text in ["tel:+15550100000", "https://wa.me/15550100000", "Consulado — Señora Ñ"] {
            assert_eq!(decode(&Qr::encode(text).unwrap()), text);
        }
    }

    #[test]
    fn text_beyond_any_qr_version_is_refused() {
        assert_eq!(Qr::encode(&"x".repeat(5000)), Err(TooLong));
        assert!(Qr::encode(&"x".repeat(1000)).is_ok());
    }

    #[test]
    fn outside_the_code_nothing_is_dark() {
        let qr = Qr::encode("hola").unwrap();
        assert!(!qr.is_dark(qr.size(), 0));
        assert!(!qr.is_dark(0, qr.size()));
        assert!(qr.is_dark(0, 0), "finder pattern corner");
    }
}
