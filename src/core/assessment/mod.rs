//! The self-assessment "¿Cuáles son mis opciones?": a flow of questions and outcomes read
//! from data ([`flow`], [`condition`]), the answers a person gives ([`answers`]), the engine
//! that decides what to ask next and which outcomes apply ([`engine`]), the screens a person
//! moves through ([`session`]), the answers carried
//! away in a link ([`share_code`]), and the directory contacts each outcome offers
//! ([`contacts`], [`line_mentions`]).

pub mod answers;
pub mod condition;
pub mod contacts;
pub mod engine;
pub mod flow;
pub mod line_mentions;
pub mod session;
pub mod share_code;
