//! The contact directory: its entries ([`entry`]), the countries it knows ([`countries`]),
//! search ([`search`]), where a person is ([`place`]), which offices
//! serve a place and how far they are ([`serving`], [`geo`]), opening hours ([`opening`]), and
//! what is built from an entry for the person to act on: links ([`links`]), a contact card
//! ([`vcard`]) and phone numbers written for reading ([`phone_display`]).

pub mod centre;
pub mod countries;
pub mod coverage;
pub mod entry;
pub mod geo;
pub mod links;
pub mod next_step;
pub mod opening;
pub mod phone_display;
pub mod place;
pub mod search;
pub mod serving;
pub mod vcard;
pub mod words;
