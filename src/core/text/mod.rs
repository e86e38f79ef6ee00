//! Languages and text: the languages the app speaks ([`lang`]), the language of a
//! linked page ([`link_language`]), and the one way text is folded for comparing
//! ([`fold`]).

pub mod fold;
pub mod lang;
pub mod link_language;
