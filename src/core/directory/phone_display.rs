//! Phone numbers written for people to read: `+52 444 689 0317`, not `+524446890317`.
//!
//! The directory stores E.164 numbers, which links and vCards need, but a run of twelve
//! digits is hard to read off a screen, copy onto paper or dictate, and a screen reader
//! says it as one enormous number. Numbers are grouped the way each country writes them,
//! for the countries where Guatemalans in the directory live; any other number is shown
//! as stored rather than grouped wrongly.

/// `number` grouped for reading, or unchanged when its country is not one we know how to
/// group or its length is not that country's.
pub fn readable_number(number: &str) -> String {
    let Some(digits) = number
        .strip_prefix('+')
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))
    else {
        return number.to_string();
    };
    // The country code and the sizes of the groups of digits after it.
    let plan: Option<(&str, &[usize])> = if let Some(rest) = digits.strip_prefix('1') {
        (rest.len() == 10).then_some(("1", &[3, 3, 4]))
    } else if let Some(rest) = digits.strip_prefix("52") {
        // Mexico City, Guadalajara and Monterrey have two-digit area codes.
        let two_digit_area = ["55", "33", "81"].iter().any(|a| rest.starts_with(a));
        (rest.len() == 10).then_some(("52", if two_digit_area { &[2, 4, 4] } else { &[3, 3, 4] }))
    } else if let Some(code) = ["502", "503", "504", "505", "506"]
        .into_iter()
        .find(|c| digits.starts_with(c))
    {
        (digits.len() == code.len() + 8).then_some((code, &[4, 4]))
    } else if let Some(rest) = digits.strip_prefix("501") {
        (rest.len() == 7).then_some(("501", &[3, 4]))
    } else if let Some(rest) = digits.strip_prefix("34") {
        (rest.len() == 9).then_some(("34", &[3, 3, 3]))
    } else {
        None
    };
    let Some((code, groups)) = plan else {
        return number.to_string();
    };
    let mut out = format!("+{code}");
    let mut rest = &digits[code.len()..];
    for &size in groups {
        let (group, after) = rest.split_at(size);
        out.push(' ');
        out.push_str(group);
        rest = after;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::readable_number;

    #[test]
    fn each_country_is_grouped_as_it_writes_its_numbers() {
        // Fictitious numbers.
        assert_eq!(readable_number("+15550100123"), "+1 555 010 0123");
        assert_eq!(readable_number("+524440000001"), "+52 444 000 0001");
        assert_eq!(readable_number("+525500000001"), "+52 55 0000 0001");
        assert_eq!(readable_number("+50200000001"), "+502 0000 0001");
        assert_eq!(readable_number("+50300000001"), "+503 0000 0001");
        assert_eq!(readable_number("+5010000001"), "+501 000 0001");
        assert_eq!(readable_number("+34900000001"), "+34 900 000 001");
    }

    #[test]
    fn a_number_that_does_not_fit_is_shown_as_stored() {
        // A length its country does not use, a country not in the list, not E.164 at all.
        for number in [
            "+5244400000",
            "+5020000000",
            "+4930000000",
            "+44 20 0000 0000",
            "0000 0001",
            "",
        ] {
            assert_eq!(readable_number(number), number);
        }
    }
}
