//! The only links Rumbo ever renders from data: `tel:`, `sms:`, WhatsApp
//! (`https://wa.me/<digits>`), `mailto:`, `https:` websites and map links it builds
//! itself. Anything else — `javascript:`, `data:`, plain `http:` — yields no link at all,
//! so a mistaken or malicious data file cannot put a dangerous link in front of people.

use crate::core::directory::entry::{Address, Location, Phone, PhoneKind};

/// Whether `number` is E.164: `+`, then 8 to 15 digits, the first not 0.
pub fn is_e164(number: &str) -> bool {
    let Some(digits) = number.strip_prefix('+') else {
        return false;
    };
    (8..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0')
}

/// Whether `number` is a national short number, such as the police's `110` in
/// Guatemala: 3 to 5 digits, not starting with 0. It is dialled only in its entry's
/// country, so it can be called or texted but not reached on WhatsApp.
pub fn is_short_number(number: &str) -> bool {
    (3..=5).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit()) && !number.starts_with('0')
}

/// Whether a phone can be stored as `number` with `kind`: E.164, or for calls and text
/// messages a national short number.
pub fn is_dialable(number: &str, kind: PhoneKind) -> bool {
    is_e164(number) || (kind != PhoneKind::Whatsapp && is_short_number(number))
}

/// Whether `url` is an `https:` address with a plausible host and no spaces or quotes.
pub fn is_https(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    host.contains('.')
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b':')
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>' || c == '\\')
}

/// Whether `email` looks like one address (`name@domain.tld`), nothing more.
pub fn is_email(email: &str) -> bool {
    let Some((name, domain)) = email.split_once('@') else {
        return false;
    };
    !name.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && email
            .chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, '<' | '>' | '"' | '\\' | ',' | ';' | ':' | '?' | '&'))
        && email.matches('@').count() == 1
}

/// Whether a WhatsApp link is `https://wa.me/` followed by the number's digits only.
pub fn is_whatsapp_link(url: &str) -> bool {
    url.strip_prefix("https://wa.me/")
        .is_some_and(|digits| (8..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()))
}

/// The link to act on a phone: `tel:` to call, `sms:` to text, `https://wa.me/` for
/// WhatsApp. `None` if the number is not one `is_dialable` takes for its kind.
pub fn phone_link(phone: &Phone) -> Option<String> {
    if !is_dialable(&phone.number, phone.kind) {
        return None;
    }
    Some(match phone.kind {
        PhoneKind::Voice => format!("tel:{}", phone.number),
        PhoneKind::Sms => format!("sms:{}", phone.number),
        PhoneKind::Whatsapp => format!("https://wa.me/{}", &phone.number[1..]),
    })
}

/// A `tel:` link for any E.164 or short number (a WhatsApp number can be called too).
pub fn call_link(number: &str) -> Option<String> {
    is_dialable(number, PhoneKind::Voice).then(|| format!("tel:{number}"))
}

pub fn email_link(email: &str) -> Option<String> {
    is_email(email).then(|| format!("mailto:{email}"))
}

pub fn website_link(url: &str) -> Option<String> {
    is_https(url).then(|| url.to_string())
}

/// The address as a map search reads it ("1 Calle Ficticia, Los Angeles, California,
/// US"), when its street is known. A location recorded only as the city's centre is
/// worse than that for finding the door.
pub fn map_query(address: &Address) -> Option<String> {
    let street = address.street.as_deref()?;
    let parts = [
        Some(street),
        address.city.as_deref(),
        address.region.as_deref(),
        address.postal_code.as_deref(),
        Some(address.country.as_str()),
    ];
    Some(
        parts
            .into_iter()
            .flatten()
            .filter(|p| !p.trim().is_empty())
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// A `geo:` link that opens the device's map app (Android, most desktop systems): at the
/// point, or searching for `query` (an address from [`map_query`]) around it.
pub fn geo_link(location: &Location, query: Option<&str>) -> String {
    let point = format!("{},{}", coordinate(location.latitude), coordinate(location.longitude));
    match query {
        Some(query) => format!("geo:{point}?q={}", percent_encode(query)),
        None => format!("geo:{point}"),
    }
}

/// An OpenStreetMap page centred on the place, or its search for `query`.
pub fn openstreetmap_link(location: &Location, query: Option<&str>) -> String {
    if let Some(query) = query {
        return format!("https://www.openstreetmap.org/search?query={}", percent_encode(query));
    }
    let (lat, lon) = (coordinate(location.latitude), coordinate(location.longitude));
    format!("https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}")
}

/// Percent-encodes text for a URL's query: letters, digits and `-._~` stay, every other
/// byte of its UTF-8 becomes `%XX`.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(byte >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(byte & 15)]));
        }
    }
    out
}

/// A coordinate in degrees with six decimals (about 10 cm), as links and contact cards
/// write it. Done with integers on purpose: Rust's float printer would add about 10 KB
/// to the app's download for these few numbers. Coordinates are within ±180°, so the
/// millionths fit an `i64` exactly.
pub fn coordinate(degrees: f64) -> String {
    let millionths = (degrees * 1e6).round() as i64;
    let sign = if millionths < 0 { "-" } else { "" };
    let whole = millionths.unsigned_abs();
    format!("{sign}{}.{:06}", whole / 1_000_000, whole % 1_000_000)
}

/// A citation cut into its text and the `https:` addresses in it, in order, so each
/// address can be opened: `(piece, Some(address))` for an address, `(piece, None)` for
/// text. Sources are free text ("Infobae, 22 de febrero de 2026: https://…; Soy502"); an
/// address ends at a space, and a `;`, `,`, `.` or `)` right after it belongs to the text.
pub fn source_parts(source: &str) -> Vec<(String, Option<String>)> {
    let mut parts: Vec<(String, Option<String>)> = Vec::new();
    let mut text = String::new();
    let mut rest = source;
    while let Some(at) = rest.find("https://") {
        text.push_str(&rest[..at]);
        let candidate = &rest[at..];
        let end = candidate.find(char::is_whitespace).unwrap_or(candidate.len());
        let url = candidate[..end].trim_end_matches([';', ',', '.', ')']);
        if is_https(url) {
            if !text.is_empty() {
                parts.push((std::mem::take(&mut text), None));
            }
            parts.push((url.to_string(), Some(url.to_string())));
        } else {
            text.push_str(url);
        }
        rest = &candidate[url.len()..];
    }
    text.push_str(rest);
    if !text.is_empty() {
        parts.push((text, None));
    }
    parts
}

#[cfg(test)]
mod tests {
    #[test]
    fn coordinates_have_six_decimals_like_the_float_printer() {
        for x in [
            14.8347,
            -91.518,
            0.0,
            -0.5,
            179.9999995,
            -89.000001,
            34.1,
            -118.25,
            1e-7,
            -1e-7,
        ] {
            let expected = format!("{x:.6}");
            let expected = if expected == "-0.000000" {
                "0.000000".to_string()
            } else {
                expected
            };
            assert_eq!(super::coordinate(x), expected, "{x}");
        }
    }

    use super::*;
    use crate::core::directory::entry::Precision;

    fn phone(number: &str, kind: PhoneKind) -> Phone {
        Phone {
            number: number.into(),
            kind,
            note: None,
        }
    }

    #[test]
    fn e164_numbers_only() {
        assert!(is_e164("+15550100123"));
        assert!(is_e164("+50212345678"));
        for bad in [
            "15550100123",
            "+1 555 0100",
            "+0123456789",
            "+1234567",
            "+1234567890123456",
            "+1555010012a",
            "",
        ] {
            assert!(!is_e164(bad), "{bad}");
        }
    }

    #[test]
    fn phone_links_by_kind() {
        assert_eq!(
            phone_link(&phone("+15550100123", PhoneKind::Voice)).unwrap(),
            "tel:+15550100123"
        );
        assert_eq!(
            phone_link(&phone("+15550100123", PhoneKind::Sms)).unwrap(),
            "sms:+15550100123"
        );
        assert_eq!(
            phone_link(&phone("+15550100123", PhoneKind::Whatsapp)).unwrap(),
            "https://wa.me/15550100123"
        );
        assert_eq!(phone_link(&phone("javascript:alert(1)", PhoneKind::Voice)), None);
        assert_eq!(call_link("+15550100123").unwrap(), "tel:+15550100123");
    }

    #[test]
    fn only_https_websites_become_links() {
        assert_eq!(website_link("https://minex.gob.gt").unwrap(), "https://minex.gob.gt");
        assert!(is_https("https://tuempleo.mintrabajo.gob.gt/path?x=1#y"));
        for bad in [
            "http://minex.gob.gt",
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:text/html,<script>",
            "https://",
            "https://localhost",
            "https://a.b/\"onmouseover=",
            "https://exa mple.org",
            " https://minex.gob.gt",
        ] {
            assert_eq!(website_link(bad), None, "{bad}");
        }
    }

    #[test]
    fn emails_and_whatsapp_links_are_checked_for_shape() {
        assert_eq!(email_link("info@ejemplo.org").unwrap(), "mailto:info@ejemplo.org");
        for bad in [
            "info",
            "a@b",
            "@ejemplo.org",
            "a@b@c.org",
            "a@ejemplo.org?subject=x",
            "a b@c.org",
            "a@.org",
        ] {
            assert_eq!(email_link(bad), None, "{bad}");
        }
        assert!(is_whatsapp_link("https://wa.me/15550100123"));
        assert!(!is_whatsapp_link("https://wa.me/+15550100123"));
        assert!(!is_whatsapp_link("https://wa.me/1555?text=hi"));
    }

    #[test]
    fn map_links_carry_the_coordinates() {
        let location = Location {
            latitude: 14.8347,
            longitude: -91.5180,
            precision: Precision::City,
        };
        assert_eq!(geo_link(&location, None), "geo:14.834700,-91.518000");
        assert!(
            openstreetmap_link(&location, None)
                .starts_with("https://www.openstreetmap.org/?mlat=14.834700&mlon=-91.518000")
        );
    }

    #[test]
    fn with_a_street_known_maps_search_for_the_address() {
        let location = Location {
            latitude: 34.05,
            longitude: -118.24,
            precision: Precision::City,
        };
        let address: Address = serde_json::from_str(
            r#"{"street":"1 Calle Ficticia #5","city":"Los Ángeles","region":"California","country":"US"}"#,
        )
        .unwrap();
        let query = map_query(&address).unwrap();
        assert_eq!(query, "1 Calle Ficticia #5, Los Ángeles, California, US");
        assert_eq!(
            geo_link(&location, Some(&query)),
            "geo:34.050000,-118.240000?q=1%20Calle%20Ficticia%20%235%2C%20Los%20%C3%81ngeles%2C%20California%2C%20US"
        );
        assert_eq!(
            openstreetmap_link(&location, Some(&query)),
            "https://www.openstreetmap.org/search?query=1%20Calle%20Ficticia%20%235%2C%20Los%20%C3%81ngeles%2C%20California%2C%20US"
        );
        let no_street: Address = serde_json::from_str(r#"{"city":"Los Ángeles","country":"US"}"#).unwrap();
        assert_eq!(map_query(&no_street), None, "a city alone is no better than its point");
    }

    #[test]
    fn a_citation_is_cut_into_its_text_and_its_addresses() {
        let parts =
            source_parts("Diario Ficticio, 1 de enero: https://ficticio.example/a; Otro: https://ficticio.example/b.");
        let text = |t: &str| (t.to_string(), None);
        let link = |u: &str| (u.to_string(), Some(u.to_string()));
        assert_eq!(
            parts,
            [
                text("Diario Ficticio, 1 de enero: "),
                link("https://ficticio.example/a"),
                text("; Otro: "),
                link("https://ficticio.example/b"),
                text("."),
            ]
        );
        // Plain text, an address alone, and what is not a usable address stay text.
        assert_eq!(source_parts("Prensa Ficticia, 2025"), [text("Prensa Ficticia, 2025")]);
        assert_eq!(
            source_parts("https://ficticio.example"),
            [link("https://ficticio.example")]
        );
        assert_eq!(source_parts("véase https://"), [text("véase https://")]);
        assert_eq!(source_parts(""), Vec::new());
    }

    #[test]
    fn a_short_number_is_called_or_texted_but_has_no_whatsapp() {
        let short = |kind| Phone {
            number: "555".into(),
            kind,
            note: None,
        };
        assert_eq!(phone_link(&short(PhoneKind::Voice)).as_deref(), Some("tel:555"));
        assert_eq!(phone_link(&short(PhoneKind::Sms)).as_deref(), Some("sms:555"));
        assert_eq!(phone_link(&short(PhoneKind::Whatsapp)), None);
        assert_eq!(call_link("555").as_deref(), Some("tel:555"));
        for bad in ["55", "055", "555555", "5 5", "+555"] {
            assert!(!is_short_number(bad), "{bad}");
        }
    }
}
