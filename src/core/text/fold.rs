//! The one way text is folded for comparing: lower case, without accents, punctuation as
//! spaces. Search, place names, the directory's sort and the staff's spreadsheet headers
//! all compare through it, so "México", "mexico" and "MEXICO." are one word everywhere.

/// `text` in lower case, accents removed (á → a, ñ → n, ç → c, ã → a, …), and every
/// character that is neither a letter nor a digit turned into a space, so the result
/// has as many characters as the lowercased text (word positions stay comparable).
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' | 'ã' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' | 'õ' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .collect()
}

/// [`fold`], then its words joined by single spaces: the key two names are compared by
/// ("San  Luis-Potosí" and "san luis potosi" are one).
pub fn fold_words(text: &str) -> String {
    fold(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_case_and_punctuation_fold_away() {
        assert_eq!(fold("México"), "mexico");
        assert_eq!(fold("Peñate, São Tomé"), "penate  sao tome");
        assert_eq!(fold("Ação"), "acao");
        assert_eq!(fold("ÜBER"), "uber");
    }

    #[test]
    fn words_are_joined_by_one_space() {
        assert_eq!(fold_words("  San  Luis-Potosí. "), "san luis potosi");
        assert_eq!(fold_words("---"), "");
    }
}
