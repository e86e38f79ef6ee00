//! Distances, and the rough centre of each place a person can pick, so that offices can be
//! ordered by how far they are when none serves the person's place.
//!
//! The points below are approximate geographic centres (of a US state, a Guatemalan
//! department or a country), rounded to 0.1°. They are used only to order offices by
//! distance and to say "about N km"; never to draw a map or decide who serves whom.

use crate::core::directory::countries::{self, COUNTRIES};
use crate::core::text::fold::fold_words;
use std::sync::OnceLock;

/// The Earth's mean radius.
const EARTH_RADIUS_KM: f64 = 6371.0;

/// Great-circle distance in kilometres between two `(latitude, longitude)` points in
/// degrees (haversine formula).
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lat2) = (a.0.to_radians(), b.0.to_radians());
    let (dlat, dlon) = ((b.0 - a.0).to_radians(), (b.1 - a.1).to_radians());
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// A region of a country: the names people write for it, separated by `|` (the first is
/// the canonical one; for US states, the postal code is among them) and its approximate
/// centre. One string and two `f32`s a region, rather than a slice of names and two
/// `f64`s: the table is in every phone's download, and this is half its size.
struct Region {
    country: &'static str,
    names: &'static str,
    centre: (f32, f32),
}

const fn region(country: &'static str, names: &'static str, lat: f32, lon: f32) -> Region {
    Region {
        country,
        names,
        centre: (lat, lon),
    }
}

impl Region {
    fn names(&self) -> impl Iterator<Item = &'static str> + use<> {
        self.names.split('|')
    }

    /// The region's usual name.
    fn name(&self) -> &'static str {
        self.names().next().unwrap_or_default()
    }

    fn centre(&self) -> (f64, f64) {
        (f64::from(self.centre.0), f64::from(self.centre.1))
    }
}

/// Approximate centres of the first-level regions of every country a person can pick
/// (`countries::COUNTRIES`): the 50 US states and DC, Guatemala's 22 departments, Mexico's 32
/// states, Canada's 13 provinces and territories, the departments of El Salvador and
/// Honduras, Belize's districts and Spain's autonomous communities and cities; in the
/// languages people write them in where the spellings differ. Compared after `fold`, so
/// accents and case do not matter.
#[rustfmt::skip]
const REGIONS: &[Region] = &[
    region("US", "Alabama|AL", 32.3, -86.9),
    region("US", "Alaska|AK", 63.6, -154.5),
    region("US", "Arizona|AZ", 34.0, -111.1),
    region("US", "Arkansas|AR", 35.2, -91.8),
    region("US", "California|CA", 36.8, -119.4),
    region("US", "Colorado|CO", 39.6, -105.8),
    region("US", "Connecticut|CT", 41.6, -73.1),
    region("US", "Delaware|DE", 38.9, -75.5),
    region("US", "District of Columbia|DC|Distrito de Columbia|Washington DC|Washington D.C.", 38.9, -77.0),
    region("US", "Florida|FL", 27.7, -81.5),
    region("US", "Georgia|GA", 32.2, -82.9),
    region("US", "Hawaii|HI|Hawái", 19.9, -155.7),
    region("US", "Idaho|ID", 44.1, -114.7),
    region("US", "Illinois|IL", 40.6, -89.4),
    region("US", "Indiana|IN", 40.6, -85.6),
    region("US", "Iowa|IA", 41.9, -93.1),
    region("US", "Kansas|KS", 39.0, -98.5),
    region("US", "Kentucky|KY", 37.8, -84.3),
    region("US", "Louisiana|LA|Luisiana", 31.2, -92.1),
    region("US", "Maine|ME", 45.3, -69.4),
    region("US", "Maryland|MD", 39.0, -76.6),
    region("US", "Massachusetts|MA", 42.4, -71.4),
    region("US", "Michigan|MI", 44.3, -85.6),
    region("US", "Minnesota|MN", 46.7, -94.7),
    region("US", "Mississippi|MS|Misisipi", 32.4, -89.4),
    region("US", "Missouri|MO|Misuri", 38.0, -91.8),
    region("US", "Montana|MT", 46.9, -110.4),
    region("US", "Nebraska|NE", 41.5, -99.9),
    region("US", "Nevada|NV", 38.8, -116.4),
    region("US", "New Hampshire|NH|Nuevo Hampshire", 43.2, -71.6),
    region("US", "New Jersey|NJ|Nueva Jersey", 40.1, -74.4),
    region("US", "New Mexico|NM|Nuevo México", 35.0, -105.0),
    region("US", "New York|NY|Nueva York", 43.3, -74.2),
    region("US", "North Carolina|NC|Carolina del Norte", 35.8, -79.0),
    region("US", "North Dakota|ND|Dakota del Norte", 47.6, -101.0),
    region("US", "Ohio|OH", 40.4, -82.9),
    region("US", "Oklahoma|OK", 35.0, -97.1),
    region("US", "Oregon|OR", 43.8, -120.6),
    region("US", "Pennsylvania|PA|Pensilvania", 41.2, -77.2),
    region("US", "Rhode Island|RI", 41.6, -71.5),
    region("US", "South Carolina|SC|Carolina del Sur", 33.8, -81.2),
    region("US", "South Dakota|SD|Dakota del Sur", 44.0, -99.9),
    region("US", "Tennessee|TN|Tennesí", 35.5, -86.6),
    region("US", "Texas|TX|Tejas", 32.0, -99.9),
    region("US", "Utah|UT", 39.3, -111.1),
    region("US", "Vermont|VT", 44.6, -72.6),
    region("US", "Virginia|VA", 37.4, -78.7),
    region("US", "Washington|WA", 47.8, -120.7),
    region("US", "West Virginia|WV|Virginia Occidental", 38.6, -80.5),
    region("US", "Wisconsin|WI", 43.8, -88.8),
    region("US", "Wyoming|WY", 43.1, -107.3),
    region("GT", "Alta Verapaz", 15.6, -90.1),
    region("GT", "Baja Verapaz", 15.1, -90.4),
    region("GT", "Chimaltenango", 14.7, -90.9),
    region("GT", "Chiquimula", 14.7, -89.5),
    region("GT", "El Progreso|Progreso", 14.9, -90.1),
    region("GT", "Escuintla", 14.2, -90.9),
    region("GT", "Guatemala", 14.6, -90.5),
    region("GT", "Huehuetenango", 15.6, -91.6),
    region("GT", "Izabal", 15.5, -88.9),
    region("GT", "Jalapa", 14.6, -89.9),
    region("GT", "Jutiapa", 14.2, -89.8),
    region("GT", "Petén|El Petén", 16.9, -90.0),
    region("GT", "Quetzaltenango", 14.8, -91.6),
    region("GT", "Quiché|El Quiché", 15.5, -90.9),
    region("GT", "Retalhuleu", 14.5, -91.7),
    region("GT", "Sacatepéquez", 14.5, -90.7),
    region("GT", "San Marcos", 15.0, -91.9),
    region("GT", "Santa Rosa", 14.2, -90.3),
    region("GT", "Sololá", 14.7, -91.2),
    region("GT", "Suchitepéquez", 14.4, -91.4),
    region("GT", "Totonicapán", 14.9, -91.4),
    region("GT", "Zacapa", 15.0, -89.5),
    // Mexico's 31 states and its capital.
    region("MX", "Aguascalientes|Ags", 22.0, -102.4),
    region("MX", "Baja California|BC", 30.6, -115.1),
    region("MX", "Baja California Sur|BCS", 25.9, -111.9),
    region("MX", "Campeche", 18.9, -90.4),
    region("MX", "Chiapas", 16.5, -92.5),
    region("MX", "Chihuahua", 28.8, -106.1),
    region("MX", "Ciudad de México|CDMX|Mexico City|Distrito Federal|DF", 19.3, -99.1),
    region("MX", "Coahuila|Coahuila de Zaragoza", 27.3, -102.0),
    region("MX", "Colima", 19.1, -104.0),
    region("MX", "Durango", 24.6, -104.7),
    region("MX", "Estado de México|Edomex|State of Mexico|México", 19.4, -99.6),
    region("MX", "Guanajuato", 20.9, -101.0),
    region("MX", "Guerrero", 17.6, -99.9),
    region("MX", "Hidalgo", 20.5, -98.9),
    region("MX", "Jalisco", 20.6, -103.6),
    region("MX", "Michoacán|Michoacán de Ocampo", 19.2, -101.9),
    region("MX", "Morelos", 18.7, -99.1),
    region("MX", "Nayarit", 21.8, -104.8),
    region("MX", "Nuevo León|NL", 25.6, -99.9),
    region("MX", "Oaxaca", 17.0, -96.4),
    region("MX", "Puebla", 19.0, -97.9),
    region("MX", "Querétaro", 20.9, -99.9),
    region("MX", "Quintana Roo|Q. Roo", 19.6, -88.1),
    region("MX", "San Luis Potosí|SLP", 22.6, -100.4),
    region("MX", "Sinaloa", 25.0, -107.5),
    region("MX", "Sonora", 29.6, -110.9),
    region("MX", "Tabasco", 18.0, -92.6),
    region("MX", "Tamaulipas", 24.3, -98.6),
    region("MX", "Tlaxcala", 19.4, -98.2),
    region("MX", "Veracruz|Veracruz de Ignacio de la Llave", 19.3, -96.5),
    region("MX", "Yucatán", 20.7, -89.0),
    region("MX", "Zacatecas", 23.3, -102.7),
    // Canada's provinces and territories. Their geographic centres lie far north of where
    // almost everyone lives, so these points are in the populated south of each.
    region("CA", "Alberta|AB", 52.3, -113.8),
    region("CA", "British Columbia|BC|Columbia Británica|Colombie-Britannique", 49.5, -122.4),
    region("CA", "Manitoba|MB", 50.1, -97.4),
    region("CA", "New Brunswick|NB|Nuevo Brunswick|Nouveau-Brunswick", 46.3, -66.0),
    region("CA", "Newfoundland and Labrador|NL|Newfoundland|Terranova y Labrador|Terranova|Terre-Neuve-et-Labrador", 48.0, -54.5),
    region("CA", "Northwest Territories|NT|Territorios del Noroeste|Territoires du Nord-Ouest", 62.5, -114.4),
    region("CA", "Nova Scotia|NS|Nueva Escocia|Nouvelle-Écosse", 45.0, -63.3),
    region("CA", "Nunavut|NU", 63.7, -68.5),
    region("CA", "Ontario|ON", 43.9, -79.6),
    region("CA", "Prince Edward Island|PE|PEI|Isla del Príncipe Eduardo|Île-du-Prince-Édouard", 46.3, -63.2),
    region("CA", "Quebec|QC", 46.0, -72.6),
    region("CA", "Saskatchewan|SK", 51.3, -105.6),
    region("CA", "Yukon|YT", 61.0, -135.5),
    // El Salvador's 14 departments.
    region("SV", "Ahuachapán", 13.9, -89.8),
    region("SV", "Cabañas", 13.9, -88.7),
    region("SV", "Chalatenango", 14.1, -89.0),
    region("SV", "Cuscatlán", 13.8, -89.0),
    region("SV", "La Libertad", 13.6, -89.3),
    region("SV", "La Paz", 13.5, -89.0),
    region("SV", "La Unión", 13.5, -87.9),
    region("SV", "Morazán", 13.8, -88.1),
    region("SV", "San Miguel", 13.5, -88.2),
    region("SV", "San Salvador", 13.7, -89.2),
    region("SV", "San Vicente", 13.6, -88.7),
    region("SV", "Santa Ana", 14.1, -89.5),
    region("SV", "Sonsonate", 13.7, -89.7),
    region("SV", "Usulután", 13.4, -88.5),
    // Honduras's 18 departments.
    region("HN", "Atlántida", 15.6, -87.2),
    region("HN", "Choluteca", 13.3, -87.2),
    region("HN", "Colón", 15.5, -85.5),
    region("HN", "Comayagua", 14.5, -87.7),
    region("HN", "Copán", 14.8, -88.9),
    region("HN", "Cortés", 15.5, -88.0),
    region("HN", "El Paraíso", 13.9, -86.6),
    region("HN", "Francisco Morazán", 14.2, -87.2),
    region("HN", "Gracias a Dios", 15.3, -84.3),
    region("HN", "Intibucá", 14.2, -88.2),
    region("HN", "Islas de la Bahía|Bay Islands", 16.3, -86.4),
    region("HN", "La Paz", 14.1, -87.9),
    region("HN", "Lempira", 14.4, -88.6),
    region("HN", "Ocotepeque", 14.5, -89.1),
    region("HN", "Olancho", 14.8, -85.9),
    region("HN", "Santa Bárbara", 15.1, -88.3),
    region("HN", "Valle", 13.6, -87.6),
    region("HN", "Yoro", 15.2, -87.1),
    // Belize's 6 districts.
    region("BZ", "Belize|Belice", 17.5, -88.4),
    region("BZ", "Cayo", 17.0, -88.9),
    region("BZ", "Corozal", 18.3, -88.4),
    region("BZ", "Orange Walk", 17.8, -88.7),
    region("BZ", "Stann Creek", 16.8, -88.4),
    region("BZ", "Toledo", 16.3, -89.0),
    // Spain's 17 autonomous communities and its two autonomous cities.
    region("ES", "Andalucía|Andalusia", 37.5, -4.7),
    region("ES", "Aragón", 41.5, -0.7),
    region("ES", "Asturias|Principado de Asturias", 43.3, -5.9),
    region("ES", "Islas Baleares|Baleares|Illes Balears|Balearic Islands", 39.6, 2.9),
    region("ES", "Canarias|Islas Canarias|Canary Islands", 28.3, -15.8),
    region("ES", "Cantabria", 43.2, -4.0),
    region("ES", "Castilla y León|Castile and León", 41.8, -4.8),
    region("ES", "Castilla-La Mancha|Castile-La Mancha", 39.6, -3.0),
    region("ES", "Cataluña|Catalunya|Catalonia", 41.8, 1.5),
    region("ES", "Comunidad Valenciana|Comunitat Valenciana|Valencian Community|Valencia", 39.4, -0.6),
    region("ES", "Extremadura", 39.2, -6.1),
    region("ES", "Galicia", 42.8, -7.9),
    region("ES", "Comunidad de Madrid|Madrid", 40.4, -3.7),
    region("ES", "Región de Murcia|Murcia", 38.0, -1.5),
    region("ES", "Navarra|Comunidad Foral de Navarra|Navarre", 42.7, -1.6),
    region("ES", "País Vasco|Euskadi|Basque Country", 43.0, -2.6),
    region("ES", "La Rioja", 42.3, -2.5),
    region("ES", "Ceuta", 35.9, -5.3),
    region("ES", "Melilla", 35.3, -2.9),
];

/// Every name in the table, folded once on first use, with its region.
fn names() -> &'static [(String, &'static Region)] {
    static NAMES: OnceLock<Vec<(String, &'static Region)>> = OnceLock::new();
    NAMES.get_or_init(|| {
        REGIONS
            .iter()
            .flat_map(|r| r.names().map(move |name| (fold_words(name), r)))
            .collect()
    })
}

/// The region of `country` whose name folds to `key`.
fn region_by_key(country: &str, key: &str) -> Option<&'static Region> {
    names()
        .iter()
        .find(|(name, r)| name == key && r.country == country)
        .map(|(_, r)| *r)
}

fn find_region(country: &str, region: &str) -> Option<&'static Region> {
    region_by_key(country, &fold_words(region))
}

/// The canonical name of a region as people write it ("tx", "Tejas" → "Texas"), if the
/// table knows it.
pub fn canonical_region(country: &str, region: &str) -> Option<&'static str> {
    find_region(country, region).map(Region::name)
}

/// Every name the table knows for a region ("Texas" → "Texas", "TX", "Tejas"), so that
/// search finds an office in Texas by any of them; empty for a region it does not know.
pub fn region_names(country: &str, region: &str) -> impl Iterator<Item = &'static str> + use<> {
    find_region(country, region).into_iter().flat_map(Region::names)
}

/// A region as one person wrote it, folded and looked up once, to compare with many
/// others (the service areas of a whole directory).
pub struct RegionName {
    key: String,
    known: Option<&'static Region>,
}

impl RegionName {
    pub fn new(country: &str, region: &str) -> RegionName {
        let key = fold_words(region);
        let known = region_by_key(country, &key);
        RegionName { key, known }
    }

    /// Whether the table knows the region (a state, province or department), rather than
    /// only its words: a town typed as a region ("Leamington") says nothing about which
    /// region the person is in.
    pub fn is_known(&self) -> bool {
        self.known.is_some()
    }

    /// Whether `other` names the same region: equal once folded, or another name of the
    /// same entry of the table ("TX" and "Texas").
    pub fn is(&self, other: &str) -> bool {
        let other = fold_words(other);
        other == self.key
            || self
                .known
                .is_some_and(|r| region_by_key(r.country, &other).is_some_and(|o| std::ptr::eq(o, r)))
    }
}

/// Whether two ways of writing a region of `country` name the same one.
pub fn same_region(country: &str, a: &str, b: &str) -> bool {
    RegionName::new(country, a).is(b)
}

/// The usual names of every region the table knows in `country`, in the table's order.
pub fn regions_of(country: &str) -> impl Iterator<Item = &'static str> {
    REGIONS.iter().filter(move |r| r.country == country).map(Region::name)
}

/// The countries a person can pick as their place (ISO codes), in the table's order.
pub fn known_countries() -> impl Iterator<Item = &'static str> {
    COUNTRIES.iter().map(|c| c.code)
}

/// A place as a person typed it: its approximate centre and the region under its usual
/// name ("tx" → "Texas"). `None` when the table has no centre for it.
pub fn locate(country: &str, region: &str) -> Option<((f64, f64), Option<String>)> {
    let region = region.trim();
    let region = (!region.is_empty()).then(|| canonical_region(country, region).unwrap_or(region).to_string());
    place_point(country, region.as_deref()).map(|point| (point, region))
}

/// The approximate centre of a place: the region's if one is given, else the country's.
/// `None` when the region or country is not in the table: an unknown region does not fall
/// back to its country's centre, which could be thousands of kilometres off.
pub fn place_point(country: &str, region: Option<&str>) -> Option<(f64, f64)> {
    match region.map(str::trim).filter(|r| !r.is_empty()) {
        Some(region) => find_region(country, region).map(Region::centre),
        None => countries::country(country).map(|c| c.centre),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_place_is_located_under_its_usual_name() {
        let (point, region) = locate("US", "  tx ").unwrap();
        assert_eq!(region.as_deref(), Some("Texas"));
        assert_eq!(Some(point), place_point("US", Some("Texas")));
        assert_eq!(locate("GT", ""), place_point("GT", None).map(|p| (p, None)));
        assert_eq!(locate("US", "Atlántida Ficticia"), None);
        assert_eq!(locate("ZZ", ""), None);
    }

    #[test]
    fn distances_match_known_great_circles() {
        assert_eq!(distance_km((14.8, -91.5), (14.8, -91.5)), 0.0);
        // One degree of latitude is about 111.2 km.
        assert!((distance_km((0.0, 0.0), (1.0, 0.0)) - 111.19).abs() < 0.1);
        // Los Angeles to New York City, about 3,940 km.
        let la_ny = distance_km((34.05, -118.24), (40.71, -74.01));
        assert!((la_ny - 3936.0).abs() < 20.0, "{la_ny}");
        assert_eq!(la_ny, distance_km((40.71, -74.01), (34.05, -118.24)));
        // Antipodes: half the circumference.
        let half = distance_km((0.0, 0.0), (0.0, 180.0));
        assert!((half - std::f64::consts::PI * EARTH_RADIUS_KM).abs() < 1e-6);
    }

    #[test]
    fn the_table_holds_every_state_and_department_once() {
        let count = |country| REGIONS.iter().filter(|r| r.country == country).count();
        assert_eq!(count("US"), 51, "50 states and DC");
        assert_eq!(count("GT"), 22);
        assert_eq!(count("MX"), 32, "31 states and Mexico City");
        assert_eq!(count("CA"), 13, "10 provinces and 3 territories");
        assert_eq!(count("SV"), 14);
        assert_eq!(count("HN"), 18);
        assert_eq!(count("BZ"), 6);
        assert_eq!(count("ES"), 19, "17 communities and 2 cities");
        // Every country a person can pick has its regions, so a region written correctly
        // is never "a place we do not know".
        for code in known_countries() {
            assert!(count(code) > 0, "{code} has no regions");
        }
        // Each region lies near its country's centre (catches a point with its sign or
        // digits swapped), within what the country's size allows.
        for r in REGIONS {
            let country = place_point(r.country, None).unwrap();
            let limit = match r.country {
                "US" => 7000.0, // Alaska, Hawaii
                "CA" => 4000.0,
                "MX" | "ES" => 2000.0, // Baja California, the Canary Islands
                _ => 500.0,
            };
            assert!(distance_km(r.centre(), country) < limit, "{}", r.name());
        }
        let mut names: Vec<(String, String)> = REGIONS
            .iter()
            .flat_map(|r| r.names().map(|n| (r.country.to_string(), fold_words(n))))
            .collect();
        let all = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), all, "a name belongs to one region only");
        for r in REGIONS {
            assert!((-90.0..=90.0).contains(&r.centre.0) && (-180.0..=180.0).contains(&r.centre.1));
            assert!(r.names().all(|n| !n.trim().is_empty()), "{}", r.names);
            assert_eq!(place_point(r.country, Some(r.name())), Some(r.centre()));
        }
    }

    #[test]
    fn names_codes_and_spanish_spellings_find_the_same_place() {
        let texas = place_point("US", Some("Texas"));
        assert!(texas.is_some());
        for name in ["TX", "tx", " texas ", "TEJAS"] {
            assert_eq!(place_point("US", Some(name)), texas, "{name}");
        }
        assert_eq!(
            place_point("US", Some("Nueva York")),
            place_point("US", Some("New York"))
        );
        assert_eq!(
            place_point("US", Some("washington d.c.")),
            place_point("US", Some("DC"))
        );
        assert_ne!(place_point("US", Some("Washington")), place_point("US", Some("DC")));
        assert_eq!(place_point("GT", Some("peten")), place_point("GT", Some("El Petén")));
        assert_eq!(canonical_region("GT", "SOLOLA"), Some("Sololá"));
        assert!(same_region("US", "TX", "Tejas"));
        assert!(
            same_region("FR", "Bretagne", "bretagne"),
            "unknown regions still compare by name"
        );
        assert!(same_region("MX", "CDMX", "Ciudad de Mexico"));
        assert!(same_region("CA", "Québec", "QC"));
        assert!(same_region("MX", "q roo", "Quintana Roo"));
        assert_eq!(canonical_region("CA", "nueva escocia"), Some("Nova Scotia"));
        assert_eq!(canonical_region("ES", "Catalunya"), Some("Cataluña"));
        assert!(!same_region("US", "TX", "California"));
    }

    #[test]
    fn codes_belong_to_their_country_only() {
        assert_eq!(place_point("GT", Some("TX")), None);
        assert_eq!(place_point("MX", Some("California")), None);
    }

    #[test]
    fn a_country_alone_gives_its_centre_and_unknown_places_give_nothing() {
        assert_eq!(place_point("SV", None), Some((13.8, -88.9)));
        assert_eq!(
            place_point("ES", Some("  ")),
            Some((40.5, -3.7)),
            "a blank region is no region"
        );
        assert_eq!(place_point("US", Some("Texsa")), None);
        assert_eq!(place_point("FR", None), None);
    }
}
