//! A cell holding a list: items separated by `;`, where a backslash makes the next
//! character literal (`\;`, `\\`, and `\[` `\]` inside a phone's note). Reading keeps, for each
//! character, whether it was escaped, so that the cell syntaxes can tell a separator
//! from text.

/// A character of a list cell, and whether a backslash escaped it (then it is never a
/// separator).
pub(super) type Unit = (char, bool);

/// The items of a list cell: split at each `;` that is not escaped, trimmed, the empty
/// ones dropped (a trailing `;` is a slip, not an item).
pub(super) fn items(cell: &str) -> Vec<Vec<Unit>> {
    let mut units = Vec::new();
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => units.push(chars.next().map_or(('\\', false), |next| (next, true))),
            (c, false) => units.push((c, false)),
        }
    }
    units
        .split(|&u| u == (';', false))
        .map(trim)
        .filter(|item| !item.is_empty())
        .map(<[Unit]>::to_vec)
        .collect()
}

pub(super) fn trim(units: &[Unit]) -> &[Unit] {
    let blank = |u: &Unit| u.0.is_whitespace() && !u.1;
    let start = units.iter().position(|u| !blank(u)).unwrap_or(units.len());
    let end = units.iter().rposition(|u| !blank(u)).map_or(start, |i| i + 1);
    &units[start..end]
}

pub(super) fn plain(units: &[Unit]) -> String {
    units.iter().map(|u| u.0).collect()
}

/// `text` with a backslash before each backslash and each of `special`, for a list item.
pub(super) fn escape(text: &str, special: &[char]) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\\' || special.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
