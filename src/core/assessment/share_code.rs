//! Share codes: a person's answers packed into the fragment of a link (`#r1.…`), so
//! they can carry their results away — on their phone, as a QR code, on paper — and
//! open them later, even offline. The fragment never reaches a server.
//!
//! Layout: `r1.<flow version>.<base64url payload>`. The payload lists each answered
//! question by its index in the flow, then its answer (an option index, a bit set of
//! options, a zigzag varint number, or a place), and ends with 4 bytes of SHA-256 over
//! the version and the answers, so a cut or altered link is refused instead of read
//! wrongly. Decoding checks every index and bound against the flow, and refuses answers
//! the flow would not have asked.
//!
//! Every flow's codes have this layout. The checksum of a flow other than the
//! assessment also covers the flow's id, so a code made on `/oferta` is refused on
//! `/opciones` (and the other way round) instead of being read as answers to other
//! questions; the assessment's is as it always was, so its old links still open.

use crate::core::assessment::answers::{Answer, Answers};
use crate::core::assessment::engine::relevant_answers;
use crate::core::assessment::flow::{Flow, QuestionKind};
use crate::core::directory::place::is_place_country;
use sha2::{Digest, Sha256};

const PREFIX: &str = "r1.";
const CHECK_BYTES: usize = 4;

/// The most questions a flow may have (the validator's cap): a code names a question by
/// its index in one byte, so a larger flow would wrap to another question's index.
pub const MAX_QUESTIONS: usize = 200;

/// The most options a single-choice question may have (the validator's cap): an answer
/// is the option's index in one byte. A multiple-choice answer is a 16-bit set, hence
/// at most 16 options there.
pub const MAX_OPTIONS: usize = 200;

/// The longest region a code carries, in bytes of UTF-8.
pub const MAX_REGION_BYTES: usize = 60;

/// Whether `region` is text a code may carry: at most [`MAX_REGION_BYTES`], and no
/// control or bidirectional formatting character, which could hide or reorder what the
/// results page shows (a link is text anyone can write). The encoder writes only such
/// text ([`shareable_region`]); the decoder refuses anything else.
pub fn is_shareable_region(region: &str) -> bool {
    region.len() <= MAX_REGION_BYTES && !region.chars().any(is_hidden_control)
}

/// The region as a code carries it: without control and bidirectional formatting
/// characters, cut to [`MAX_REGION_BYTES`] at a character boundary.
pub fn shareable_region(region: &str) -> String {
    let mut out = String::new();
    for c in region.chars().filter(|&c| !is_hidden_control(c)) {
        if out.len() + c.len_utf8() > MAX_REGION_BYTES {
            break;
        }
        out.push(c);
    }
    out
}

/// Control characters (C0, DEL, C1) and the bidirectional marks, embeddings, overrides
/// and isolates (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069).
fn is_hidden_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Why a share code could not be opened. Each gets its own message; none loses data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Not a Rumbo share code at all, or cut short.
    Malformed,
    /// Made with another version of the questions (older or newer).
    OtherVersion,
    /// The code was changed after it was made (checksum mismatch, impossible answers).
    Tampered,
}

/// Packs the answers that apply into a share code.
pub fn encode(flow: &Flow, answers: &Answers) -> String {
    let answers = relevant_answers(flow, answers);
    let mut bytes = Vec::new();
    for (index, question) in flow.questions.iter().enumerate() {
        let Some(answer) = answers.get(&question.id) else {
            continue;
        };
        bytes.push(index as u8);
        match answer {
            Answer::Choice(id) => bytes.push(question.options.iter().position(|o| &o.id == id).unwrap_or(0) as u8),
            Answer::Choices(ids) => {
                let mask = question
                    .options
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| ids.contains(&o.id))
                    .fold(0u16, |m, (i, _)| m | 1 << i);
                bytes.extend(mask.to_le_bytes());
            }
            Answer::Number(n) => push_varint(&mut bytes, ((n << 1) ^ (n >> 63)) as u64),
            Answer::Place { country, region } => {
                let country = country.as_bytes();
                bytes.extend([
                    country.first().copied().unwrap_or(b'Z'),
                    country.get(1).copied().unwrap_or(b'Z'),
                ]);
                let region = shareable_region(region.as_deref().unwrap_or(""));
                bytes.push(region.len() as u8);
                bytes.extend(region.as_bytes());
            }
        }
    }
    let check = checksum(flow, flow.version, &bytes);
    bytes.extend(check);
    format!("{PREFIX}{}.{}", flow.version, base64url_encode(&bytes))
}

/// Reads a share code back into answers, for this flow.
pub fn decode(flow: &Flow, code: &str) -> Result<Answers, ShareError> {
    let rest = code
        .trim()
        .trim_start_matches('#')
        .strip_prefix(PREFIX)
        .ok_or(ShareError::Malformed)?;
    let (version, payload) = rest.split_once('.').ok_or(ShareError::Malformed)?;
    let version: u32 = version.parse().map_err(|_| ShareError::Malformed)?;
    if version != flow.version {
        return Err(ShareError::OtherVersion);
    }
    let bytes = base64url_decode(payload).ok_or(ShareError::Malformed)?;
    if bytes.len() < CHECK_BYTES {
        return Err(ShareError::Malformed);
    }
    let (body, check) = bytes.split_at(bytes.len() - CHECK_BYTES);
    if checksum(flow, version, body) != check {
        return Err(ShareError::Tampered);
    }
    let answers = read_answers(flow, body).ok_or(ShareError::Tampered)?;
    // A code that answers questions the flow would not ask was not made by Rumbo.
    if relevant_answers(flow, &answers) != answers {
        return Err(ShareError::Tampered);
    }
    Ok(answers)
}

fn read_answers(flow: &Flow, body: &[u8]) -> Option<Answers> {
    let mut answers = Answers::default();
    let mut at = 0;
    let mut last_index = None;
    while at < body.len() {
        let index = *body.get(at)? as usize;
        at += 1;
        if last_index.is_some_and(|l| index <= l) {
            return None;
        }
        last_index = Some(index);
        let question = flow.questions.get(index)?;
        let answer = match question.kind {
            QuestionKind::SingleChoice => {
                let option = question.options.get(*body.get(at)? as usize)?;
                at += 1;
                Answer::Choice(option.id.clone())
            }
            QuestionKind::MultipleChoice => {
                let mask = u16::from_le_bytes([*body.get(at)?, *body.get(at + 1)?]);
                at += 2;
                // No bit beyond the question's options (checked_shr: with all 16 the
                // shift is the whole width, which `>>` would not do).
                if u32::from(mask).checked_shr(question.options.len() as u32).unwrap_or(0) != 0 {
                    return None;
                }
                Answer::choices(
                    question
                        .options
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| mask & (1 << i) != 0)
                        .map(|(_, o)| o.id.clone()),
                )
            }
            QuestionKind::Number => {
                let (raw, used) = read_varint(&body[at..])?;
                at += used;
                let n = ((raw >> 1) as i64) ^ -((raw & 1) as i64);
                if question.min.is_some_and(|m| n < m) || question.max.is_some_and(|m| n > m) {
                    return None;
                }
                Answer::Number(n)
            }
            QuestionKind::Place => {
                // Only a country the question offers: another would show as a bare
                // code, and the form could not show it to change.
                let country = std::str::from_utf8(body.get(at..at + 2)?).ok()?;
                if !is_place_country(country) {
                    return None;
                }
                let len = *body.get(at + 2)? as usize;
                let region = std::str::from_utf8(body.get(at + 3..at + 3 + len)?).ok()?;
                // No more than the encoder writes.
                if !is_shareable_region(region) {
                    return None;
                }
                at += 3 + len;
                Answer::Place {
                    country: country.to_string(),
                    region: (!region.is_empty()).then(|| region.to_string()),
                }
            }
        };
        answers.set(&question.id, answer);
    }
    Some(answers)
}

fn checksum(flow: &Flow, version: u32, body: &[u8]) -> [u8; CHECK_BYTES] {
    let mut hash = Sha256::new();
    if !flow.is_assessment() {
        hash.update(flow.id.as_bytes());
        hash.update([0]);
    }
    let digest = hash.chain_update(version.to_le_bytes()).chain_update(body).finalize();
    [digest[0], digest[1], digest[2], digest[3]]
}

fn push_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn read_varint(bytes: &[u8]) -> Option<(u64, usize)> {
    let mut value = 0u64;
    for (i, &b) in bytes.iter().enumerate().take(10) {
        value |= ((b & 0x7f) as u64) << (7 * i);
        if b & 0x80 == 0 {
            return Some((value, i + 1));
        }
    }
    None
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..chunk.len() + 1 {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= (ALPHABET.iter().position(|&a| a == c)? as u32) << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::engine::{next_question, sample_answers};
    use crate::core::assessment::flow::tests::test_flow;
    use crate::core::directory::place::OTHER_COUNTRY;

    /// A tiny deterministic PRNG (xorshift64*), so the fuzz run is repeatable.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    fn random_path(flow: &Flow, rng: &mut Rng) -> Answers {
        let mut answers = Answers::default();
        while let Some(q) = next_question(flow, &answers) {
            let mut options = sample_answers(q);
            if q.kind == QuestionKind::Place {
                options.push(Answer::Place {
                    country: "MX".into(),
                    region: Some("Ciudad de México — Ñuñoa".into()),
                });
                options.push(Answer::Place {
                    country: "CA".into(),
                    region: None,
                });
            }
            let pick = options.swap_remove(rng.below(options.len()));
            answers.set(&q.id, pick);
        }
        answers
    }

    fn shipped_like_flow() -> Flow {
        test_flow()
    }

    #[test]
    fn random_complete_answers_round_trip() {
        let flow = shipped_like_flow();
        let mut rng = Rng(0x5EED);
        for _ in 0..2_000 {
            let answers = random_path(&flow, &mut rng);
            let code = encode(&flow, &answers);
            assert!(code.len() < 120, "{code}");
            assert!(
                code.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b)),
                "{code}"
            );
            assert_eq!(decode(&flow, &code), Ok(answers));
        }
    }

    #[test]
    fn a_place_outside_the_countries_offered_is_refused() {
        let flow = test_flow();
        let mut answers = Answers::default();
        answers.set("age", Answer::Choice("under_18".into()));
        let place = |country: &str| Answer::Place {
            country: country.into(),
            region: Some("Texas".into()),
        };
        answers.set("home", place("QQ"));
        assert!(
            decode(&flow, &encode(&flow, &answers)).is_err(),
            "QQ is no country the form offers"
        );
        answers.set("home", place(OTHER_COUNTRY));
        assert!(decode(&flow, &encode(&flow, &answers)).is_ok());
        // Every country the directory's place picker offers, El Salvador among them.
        for country in crate::core::directory::geo::known_countries() {
            answers.set("home", place(country));
            assert!(decode(&flow, &encode(&flow, &answers)).is_ok(), "{country}");
        }
    }

    #[test]
    fn a_question_with_the_most_options_allowed_round_trips() {
        let mut flow = test_flow();
        let documents = flow.questions.iter_mut().find(|q| q.id == "documents").unwrap();
        while documents.options.len() < 16 {
            let mut extra = documents.options[0].clone();
            extra.id = format!("extra{}", documents.options.len());
            documents.options.push(extra);
        }
        let mut answers = Answers::default();
        answers.set("age", Answer::Choice("adult".into()));
        let ticked = ["dpi".to_string(), "extra15".to_string()];
        answers.set("documents", Answer::Choices(ticked.into_iter().collect()));
        let code = encode(&flow, &answers);
        assert_eq!(decode(&flow, &code), Ok(relevant_answers(&flow, &answers)));
    }

    #[test]
    fn cut_altered_and_foreign_codes_are_refused_with_the_right_reason() {
        let flow = shipped_like_flow();
        let mut answers = Answers::default();
        answers.set("age", Answer::Choice("adult".into()));
        answers.set("years", Answer::Number(12));
        let code = encode(&flow, &answers);
        assert_eq!(
            decode(&flow, &format!("#{code}")),
            Ok(relevant_answers(&flow, &answers))
        );
        for cut in 1..code.len() {
            assert!(decode(&flow, &code[..cut]).is_err(), "cut to {cut}");
        }
        assert_eq!(
            decode(&flow, &code.replacen("r1.1.", "r1.2.", 1)),
            Err(ShareError::OtherVersion)
        );
        assert_eq!(decode(&flow, "hola"), Err(ShareError::Malformed));
        assert_eq!(decode(&flow, ""), Err(ShareError::Malformed));
        let mut altered = code.clone().into_bytes();
        let last = altered.len() - 6;
        altered[last] = if altered[last] == b'A' { b'B' } else { b'A' };
        assert_eq!(
            decode(&flow, std::str::from_utf8(&altered).unwrap()),
            Err(ShareError::Tampered)
        );
    }

    #[test]
    fn a_correctly_signed_code_with_impossible_answers_is_refused() {
        let flow = shipped_like_flow();
        // "documents" (index 1) is only asked of adults; claim it without an age.
        let body = vec![1u8, 1, 0];
        let mut bytes = body.clone();
        bytes.extend(checksum(&flow, flow.version, &body));
        let code = format!("{PREFIX}{}.{}", flow.version, base64url_encode(&bytes));
        assert_eq!(decode(&flow, &code), Err(ShareError::Tampered));
        // An option index beyond the question's options.
        let body = vec![0u8, 9];
        let mut bytes = body.clone();
        bytes.extend(checksum(&flow, flow.version, &body));
        let code = format!("{PREFIX}{}.{}", flow.version, base64url_encode(&bytes));
        assert_eq!(decode(&flow, &code), Err(ShareError::Tampered));
    }

    #[test]
    fn a_hundred_thousand_random_and_mutated_inputs_never_panic_or_misread() {
        let flow = shipped_like_flow();
        let mut rng = Rng(0xF022);
        let valid: Vec<String> = (0..50).map(|_| encode(&flow, &random_path(&flow, &mut rng))).collect();
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.#r%\xc3\xb1 ";
        let mut accepted = 0;
        for i in 0..100_000 {
            let input: Vec<u8> = if i % 2 == 0 {
                (0..rng.below(80))
                    .map(|_| alphabet[rng.below(alphabet.len())])
                    .collect()
            } else {
                let mut bytes = valid[rng.below(valid.len())].clone().into_bytes();
                match rng.below(4) {
                    0 => bytes.truncate(rng.below(bytes.len() + 1)),
                    1 => {
                        let at = rng.below(bytes.len());
                        bytes[at] = alphabet[rng.below(alphabet.len())];
                    }
                    2 => bytes.insert(rng.below(bytes.len() + 1), alphabet[rng.below(alphabet.len())]),
                    _ => {
                        let at = rng.below(bytes.len());
                        bytes.remove(at);
                    }
                }
                bytes
            };
            let text = String::from_utf8_lossy(&input);
            if let Ok(answers) = decode(&flow, &text) {
                // Anything accepted must be a real, consistent set of answers.
                assert_eq!(relevant_answers(&flow, &answers), answers);
                accepted += 1;
            }
        }
        // Mutations that happen to leave the code intact (or re-encode the same bytes)
        // are fine; random noise passing the checksum would be a defect.
        assert!(accepted < 2_000, "{accepted} accepted");
    }

    /// A body shaped like an encoder's (increasing question indices, answers of the
    /// question's kind), with the faults a forger would try: wrong or repeated indices,
    /// out-of-range options and bits, overlong varints, regions too long, not UTF-8, or
    /// holding control and bidi characters; sometimes plain noise.
    fn forged_body(flow: &Flow, rng: &mut Rng) -> Vec<u8> {
        const PIECES: [&[u8]; 14] = [
            b"a",
            b"Z",
            b" ",
            b"-",
            b"\xc3\xb1",
            b"\xe2\x80\xae",
            b"\xe2\x81\xa6",
            b"\xd8\x9c",
            b"\n",
            b"\x00",
            b"\x7f",
            b"\xc2\x85",
            b"\xff",
            b"\xe2\x80",
        ];
        let mut body = Vec::new();
        if rng.below(10) == 0 {
            return (0..rng.below(40)).map(|_| rng.next() as u8).collect();
        }
        let mut index = 0usize;
        for _ in 0..rng.below(flow.questions.len() + 2) {
            index += rng.below(3);
            let byte = if rng.below(20) == 0 {
                rng.next() as u8
            } else {
                index as u8
            };
            body.push(byte);
            let Some(question) = flow.questions.get(byte as usize) else {
                body.push(rng.next() as u8);
                continue;
            };
            match question.kind {
                QuestionKind::SingleChoice => body.push(rng.below(question.options.len() + 2) as u8),
                QuestionKind::MultipleChoice => {
                    let bits = question.options.len() as u32 + (rng.below(8) == 0) as u32;
                    let mask = (rng.next() as u32 & ((1u32 << bits.min(16)) - 1)) as u16;
                    body.extend(mask.to_le_bytes());
                }
                QuestionKind::Number => {
                    let n = match rng.below(3) {
                        0 => rng.below(60) as u64,
                        1 => rng.next(),
                        _ => u64::MAX - rng.below(4) as u64,
                    };
                    push_varint(&mut body, n);
                    if rng.below(20) == 0 {
                        body.pop();
                    }
                }
                QuestionKind::Place => {
                    let countries = ["GT", "US", "MX", "CA", OTHER_COUNTRY, "QQ", "gt"];
                    body.extend(countries[rng.below(countries.len())].as_bytes());
                    let mut region = Vec::new();
                    let wanted = [0, 5, 30, 58, 60, 61, 64, 90][rng.below(8)];
                    while region.len() < wanted {
                        let piece = if rng.below(4) == 0 {
                            PIECES[rng.below(PIECES.len())]
                        } else {
                            b"x"
                        };
                        region.extend(piece);
                    }
                    let said = match rng.below(10) {
                        0 => rng.next() as u8,
                        _ => region.len().min(255) as u8,
                    };
                    body.push(said);
                    body.extend(&region[..region.len().min(255)]);
                }
            }
        }
        body
    }

    /// Decodes `n` forged bodies carrying a valid checksum: none panics, whatever is
    /// accepted encodes back to a code that decodes to the same answers, and every
    /// text accepted is text the encoder would write. Returns how many were accepted.
    fn forged_codes_hold_the_properties(n: usize, seed: u64) -> usize {
        let flow = shipped_like_flow();
        let mut rng = Rng(seed);
        let mut accepted = 0;
        for _ in 0..n {
            let body = forged_body(&flow, &mut rng);
            let mut bytes = body.clone();
            bytes.extend(checksum(&flow, flow.version, &body));
            let code = format!("{PREFIX}{}.{}", flow.version, base64url_encode(&bytes));
            let Ok(answers) = decode(&flow, &code) else { continue };
            accepted += 1;
            assert_eq!(decode(&flow, &encode(&flow, &answers)), Ok(answers.clone()), "{code}");
            for question in &flow.questions {
                if let Some(Answer::Place { country, region }) = answers.get(&question.id) {
                    assert!(is_place_country(country), "{code}");
                    if let Some(region) = region {
                        assert!(is_shareable_region(region) && !region.is_empty(), "{code}: {region:?}");
                        assert_eq!(&shareable_region(region), region, "{code}");
                    }
                }
            }
        }
        accepted
    }

    #[test]
    fn twenty_thousand_forged_codes_with_valid_checksums_are_read_safely() {
        let accepted = forged_codes_hold_the_properties(20_000, 0xC0DE);
        assert!(accepted > 200, "the generator reaches valid codes too: {accepted}");
    }

    /// `make test-long`: the same over a million bodies.
    #[test]
    #[ignore]
    fn a_million_forged_codes_with_valid_checksums_are_read_safely() {
        let accepted = forged_codes_hold_the_properties(1_000_000, 0x5EED_F022);
        assert!(accepted > 10_000, "{accepted}");
    }

    #[test]
    fn a_region_longer_than_the_encoder_writes_or_with_hidden_characters_is_refused() {
        let flow = test_flow();
        let code_with_region = |region: &[u8]| {
            let mut body = vec![0u8, 0, 3, b'M', b'X', region.len() as u8];
            body.extend(region);
            let mut bytes = body.clone();
            bytes.extend(checksum(&flow, flow.version, &body));
            format!("{PREFIX}{}.{}", flow.version, base64url_encode(&bytes))
        };
        assert!(decode(&flow, &code_with_region(b"Jalisco")).is_ok());
        assert!(decode(&flow, &code_with_region(&[b'a'; 60])).is_ok());
        assert_eq!(decode(&flow, &code_with_region(&[b'a'; 61])), Err(ShareError::Tampered));
        for hidden in ["\u{202E}", "\u{2067}", "\u{200F}", "\n", "\u{0}", "\u{85}"] {
            let region = format!("Jal{hidden}isco");
            assert_eq!(
                decode(&flow, &code_with_region(region.as_bytes())),
                Err(ShareError::Tampered),
                "{hidden:?}"
            );
        }
        // The encoder drops them and cuts at 60 bytes, on a character's boundary.
        assert_eq!(shareable_region("Jal\u{202E}is\u{0}co"), "Jalisco");
        let long = "ñ".repeat(40);
        assert_eq!(shareable_region(&long), "ñ".repeat(30));
    }

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..40 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(base64url_decode(&base64url_encode(&bytes)), Some(bytes));
        }
        assert_eq!(base64url_decode("A"), None);
        assert_eq!(base64url_decode("ab=c"), None);
    }

    #[test]
    fn a_code_opens_only_in_the_flow_it_was_made_in() {
        let assessment = test_flow();
        let mut offer = test_flow();
        offer.id = "oferta".into();
        let mut answers = Answers::default();
        answers.set("age", Answer::Choice("under_18".into()));
        let code = encode(&offer, &answers);
        assert_eq!(decode(&offer, &code), Ok(answers.clone()));
        assert_eq!(decode(&assessment, &code), Err(ShareError::Tampered));
        assert_eq!(
            decode(&offer, &encode(&assessment, &answers)),
            Err(ShareError::Tampered)
        );
        let mut named = test_flow();
        named.id = crate::core::assessment::flow::ASSESSMENT_ID.into();
        assert_eq!(
            encode(&named, &answers),
            encode(&assessment, &answers),
            "the assessment's codes are as before"
        );
        // Made before there was more than one flow: it still opens.
        assert_eq!(decode(&named, "r1.1.AAA2wVnX"), Ok(answers));
    }
}
