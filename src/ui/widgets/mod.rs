//! Small components several pages share.

pub mod external_link;
pub mod qr_code;
pub mod read_aloud;
