//! Small components several pages share.

pub mod qr_code;
pub mod read_aloud;
