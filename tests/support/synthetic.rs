//! A made-up directory of any size, for tests and benchmarks only: it never ships. Every
//! entry is valid and obviously fictitious ("Oficina Ficticia …", example.org, phones in
//! the +1 555 01xx range), and varied the way real data is: accents, aliases, many
//! countries and regions, every kind and service, several languages, closed offices,
//! both location precisions, split hours in several time zones, service areas.
//!
//! Include it with `#[path = "support/synthetic.rs"] mod synthetic;` (from `tests/`) or
//! `#[path = "../tests/support/synthetic.rs"] mod synthetic;` (from `benches/`).

use rumbo::core::directory::entry::{
    Address, Area, Directory, Entry, Hours, Kind, Location, Opening, Phone, PhoneKind, Precision, Service, Status,
    Weekday,
};
use rumbo::core::text::lang::Text;

/// `n` valid fictitious entries; the same `n` and `seed` always give the same directory.
pub fn synthetic_directory(n: usize, seed: u64) -> Directory {
    let mut random = Random(seed);
    Directory {
        entries: (0..n).map(|i| entry(i, &mut random)).collect(),
    }
}

/// SplitMix64: small, fast and the same everywhere, which is all a fixture needs.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Up to `most` distinct items, in the list's order.
    fn some<T: Clone>(&mut self, items: &[T], most: usize) -> Vec<T> {
        let count = self.below(most + 1);
        let mut chosen: Vec<usize> = (0..items.len()).collect();
        for i in 0..count.min(items.len()) {
            let j = i + self.below(items.len() - i);
            chosen.swap(i, j);
        }
        chosen.truncate(count.min(items.len()));
        chosen.sort_unstable();
        chosen.into_iter().map(|i| items[i].clone()).collect()
    }

    /// A coordinate in `[-limit, limit]` with four decimals, as the real data has.
    fn degrees(&mut self, limit: f64) -> f64 {
        let steps = (limit * 20_000.0) as u64;
        ((self.next() % (steps + 1)) as f64 - limit * 10_000.0) / 10_000.0
    }
}

/// Made-up places, with the accents and letters real names have.
const PLACES: [&str; 12] = [
    "San Imaginario",
    "Villa Ñandú",
    "Río Inventado",
    "Peña Supuesta",
    "Cañada Irreal",
    "Güiro Ficticio",
    "Santa Quimera",
    "Llano Hipotético",
    "Cerro Fábula",
    "Puerto Ilusión",
    "Aldea Ejemplo",
    "Valle Simulado",
];

/// Countries with a region or two each, as `(ISO 3166-1 code, regions)`.
const COUNTRIES: [(&str, &[&str]); 12] = [
    ("GT", &["Quetzaltenango", "Huehuetenango", "San Marcos", "Totonicapán"]),
    ("US", &["Texas", "California", "Nueva York", "Florida", "Illinois"]),
    ("MX", &["Chiapas", "Ciudad de México", "Nuevo León"]),
    ("CA", &["Quebec", "Ontario", "Columbia Británica"]),
    ("ES", &["Madrid", "Cataluña"]),
    ("SV", &["San Salvador"]),
    ("HN", &["Cortés", "Francisco Morazán"]),
    ("CR", &["San José"]),
    ("BZ", &["Cayo"]),
    ("DE", &["Baviera"]),
    ("KR", &["Seúl"]),
    ("AU", &["Nueva Gales del Sur"]),
];

const ZONES: [&str; 8] = [
    "America/Guatemala",
    "America/Los_Angeles",
    "America/New_York",
    "America/Chicago",
    "America/Mexico_City",
    "America/Argentina/Buenos_Aires",
    "Europe/Madrid",
    "UTC",
];

const LANGUAGES: [&str; 8] = ["spa", "eng", "quc", "mam", "kek", "cak", "fra", "deu"];

const TAGS: [&str; 8] = [
    "consular",
    "protection",
    "family",
    "information",
    "temporary-work",
    "skills-certification",
    "reintegration",
    "legal",
];

const FIELDS_TO_VERIFY: [&str; 5] = ["address.street", "phones", "email", "hours", "service_area"];

fn entry(i: usize, random: &mut Random) -> Entry {
    let place = *random.pick(&PLACES);
    let (country, regions) = *random.pick(&COUNTRIES);
    let kind = *random.pick(&Kind::ALL);
    let status = match random.below(20) {
        0 => Status::TemporarilyClosed,
        1 => Status::Defunct,
        _ => Status::Active,
    };
    Entry {
        id: format!("oficina-ficticia-{i:05}"),
        name: Text::new(
            &format!("Oficina Ficticia {place} n.º {i}"),
            &format!("Fictitious Office {place} no. {i}"),
        ),
        aliases: if random.chance(30) {
            vec![format!("OF{i}"), format!("Ficticia de {place}")]
        } else {
            Vec::new()
        },
        kind,
        services: random.some(&Service::ALL, 4),
        description: if random.chance(70) {
            Text::new(
                &format!("Oficina inventada para pruebas, en {place}; atiende «con cita», sin costo."),
                &format!("Made-up office for tests, in {place}; serves \"by appointment\", free of charge."),
            )
        } else {
            Text::default()
        },
        address: Address {
            street: random
                .chance(40)
                .then(|| format!("Calle Ficticia {}-{}, zona {}", i % 30, i % 97, i % 21)),
            city: random.chance(80).then(|| place.to_string()),
            region: random.chance(60).then(|| random.pick(regions).to_string()),
            postal_code: random.chance(30).then(|| format!("{:05}", i % 100_000)),
            country: country.into(),
        },
        location: random.chance(70).then(|| Location {
            latitude: random.degrees(80.0),
            longitude: random.degrees(179.0),
            precision: if random.chance(50) {
                Precision::Exact
            } else {
                Precision::City
            },
        }),
        phones: (0..random.below(4)).map(|p| phone(i, p, random)).collect(),
        email: random.chance(50).then(|| format!("oficina{i}@example.org")),
        website: random
            .chance(50)
            .then(|| format!("https://example.org/oficina-ficticia/{i}")),
        hours: random.chance(60).then(|| hours(random)),
        languages: {
            let mut languages = random.some(&LANGUAGES, 3);
            if languages.is_empty() {
                languages.push("spa");
            }
            languages.into_iter().map(String::from).collect()
        },
        service_area: (0..random.below(4))
            .map(|_| {
                let (country, regions) = *random.pick(&COUNTRIES);
                Area {
                    country: country.into(),
                    region: random.chance(60).then(|| random.pick(regions).to_string()),
                }
            })
            .collect(),
        status,
        alert: (status != Status::Active || random.chance(5)).then(|| {
            Text::new(
                "Aviso ficticio: las citas cambiaron de día.",
                "Fictitious notice: appointments moved to another day.",
            )
        }),
        tags: random.some(&TAGS, 3).into_iter().map(String::from).collect(),
        verified_on: format!(
            "{}-{:02}-{:02}",
            2024 + random.below(2),
            1 + random.below(12),
            1 + random.below(28)
        ),
        source: if random.chance(50) {
            format!("https://example.org/fuente/{i}")
        } else {
            format!("Registro ficticio de oficinas, p. {}", 1 + i % 300)
        },
        part_of: None,
        sources: Vec::new(),
        to_verify: random
            .some(&FIELDS_TO_VERIFY, 2)
            .into_iter()
            .map(String::from)
            .collect(),
    }
}

/// A number in the +1 555 01xx range kept for fiction, sometimes with a note.
fn phone(i: usize, p: usize, random: &mut Random) -> Phone {
    let kind = *random.pick(&[PhoneKind::Voice, PhoneKind::Whatsapp, PhoneKind::Sms]);
    Phone {
        number: format!("+1555010{:04}", (i * 3 + p) % 10_000),
        kind,
        note: random.chance(25).then(|| {
            Text::new(
                "Solo mensajes; respuesta en [24 h]",
                "Messages only; answer within [24 h]",
            )
        }),
    }
}

fn hours(random: &mut Random) -> Hours {
    use Weekday::*;
    let opening = |day, opens: &str, closes: &str| Opening {
        day,
        opens: opens.to_string(),
        closes: closes.to_string(),
    };
    let weekdays = [Mon, Tue, Wed, Thu, Fri];
    let weekly = match random.below(4) {
        0 => weekdays.iter().map(|&d| opening(d, "08:00", "16:00")).collect(),
        // Morning and afternoon, with Saturday morning.
        1 => weekdays
            .iter()
            .flat_map(|&d| [opening(d, "08:00", "12:30"), opening(d, "14:00", "17:00")])
            .chain([opening(Sat, "08:00", "12:00")])
            .collect(),
        // A hotline: every day, all day.
        2 => [Mon, Tue, Wed, Thu, Fri, Sat, Sun]
            .iter()
            .map(|&d| opening(d, "00:00", "24:00"))
            .collect(),
        _ => vec![opening(Tue, "09:00", "13:00"), opening(Thu, "09:00", "13:00")],
    };
    Hours {
        time_zone: random.pick(&ZONES).to_string(),
        weekly,
    }
}
