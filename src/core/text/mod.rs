//! Languages and text: the languages the app speaks ([`lang`]) and the language of a
//! linked page ([`link_language`]).

pub mod lang;
pub mod link_language;
