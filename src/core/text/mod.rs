//! Languages and text: the languages the app speaks ([`lang`]), the language of a
//! linked page ([`link_language`]), and the one way text is folded for comparing
//! ([`fold`]), and which voice may read aloud ([`voice`]).

pub mod fold;
pub mod lang;
pub mod link_language;
pub mod voice;
