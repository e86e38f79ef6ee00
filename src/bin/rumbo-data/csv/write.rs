//! Entries → cells: what each column holds for an entry, as `to_csv` writes it.

use super::cells::{area_text, hours_text, phone_text, source_text};
use super::columns::{Column, Field};
use super::lists::escape;
use super::names::{PRECISIONS, STATUSES, name_of};
use rumbo::core::directory::entry::Entry;
use rumbo::core::text::lang::Text;

/// What `column` holds for `entry`, as `to_csv` writes it.
pub(super) fn cell(entry: &Entry, column: &Column) -> String {
    let list = |items: &[String]| items.iter().map(|i| escape(i, &[';'])).collect::<Vec<_>>().join("; ");
    let text = |text: Option<&Text>| text.and_then(|t| t.0.get(&column.lang)).cloned().unwrap_or_default();
    let location = entry.location.as_ref();
    match column.field {
        Field::Id => entry.id.clone(),
        Field::Name => text(Some(&entry.name)),
        Field::Aliases => list(&entry.aliases),
        Field::Kind => entry.kind.code().to_string(),
        Field::Services => entry.services.iter().map(|s| s.code()).collect::<Vec<_>>().join("; "),
        Field::Description => text(Some(&entry.description)),
        Field::Street => entry.address.street.clone().unwrap_or_default(),
        Field::City => entry.address.city.clone().unwrap_or_default(),
        Field::Region => entry.address.region.clone().unwrap_or_default(),
        Field::PostalCode => entry.address.postal_code.clone().unwrap_or_default(),
        Field::Country => entry.address.country.to_string(),
        // Rust writes the shortest decimal that reads back as the same number.
        Field::Latitude => location.map(|l| l.latitude.to_string()).unwrap_or_default(),
        Field::Longitude => location.map(|l| l.longitude.to_string()).unwrap_or_default(),
        Field::Precision => location.map(|l| name_of(l.precision, &PRECISIONS)).unwrap_or_default(),
        Field::Phones => entry.phones.iter().map(phone_text).collect::<Vec<_>>().join("; "),
        Field::Email => entry.email.clone().unwrap_or_default(),
        Field::Website => entry.website.clone().unwrap_or_default(),
        Field::TimeZone => entry.hours.as_ref().map(|h| h.time_zone.clone()).unwrap_or_default(),
        Field::Hours => entry.hours.as_ref().map(|h| hours_text(&h.weekly)).unwrap_or_default(),
        Field::Languages => list(&entry.languages),
        Field::ServiceArea => entry.service_area.iter().map(area_text).collect::<Vec<_>>().join("; "),
        Field::Status => name_of(entry.status, &STATUSES),
        Field::Alert => text(entry.alert.as_ref()),
        Field::Tags => list(&entry.tags),
        Field::VerifiedOn => entry.verified_on.clone(),
        Field::Source => entry.source.clone(),
        Field::Sources => entry.sources.iter().map(source_text).collect::<Vec<_>>().join("; "),
        Field::PartOf => entry.part_of.clone().unwrap_or_default(),
        Field::ToVerify => list(&entry.to_verify),
    }
}
