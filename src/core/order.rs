//! Sorting with one compiled copy of the sort algorithm.
//!
//! The standard slice sorts are generic: every element type and comparison compiles into
//! its own 2–4 KB copy of the algorithm, and the app sorts in a dozen places (search hits,
//! offices by distance, options by rank, opening times…). In the browser every copy is
//! downloaded. These functions sort the *positions* of the items with a single shared
//! instance (positions compared through a `dyn` comparison), then move the items into
//! that order: the per-type code left is a few lines. Stable, like `sort_by`.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping the order of equal items.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut positions: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut positions, &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(positions.into_iter().filter_map(|p| slots[p].take()));
}

/// Sorts `items` by the key `key` gives each, keeping the order of equal keys.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// The one instance of the standard sort that the functions above share.
fn sort_positions(positions: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    positions.sort_by(|&a, &b| compare(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_keeps_equal_items_in_their_order() {
        let mut items = vec![(2, "b"), (1, "x"), (2, "a"), (0, "z"), (1, "y")];
        sort_by_key(&mut items, |&(n, _)| n);
        assert_eq!(items, [(0, "z"), (1, "x"), (1, "y"), (2, "b"), (2, "a")]);
    }

    #[test]
    fn sorts_by_a_comparison_and_in_natural_order() {
        let mut words = vec!["pera".to_string(), "árbol".into(), "casa".into()];
        sort_by(&mut words, |a, b| b.cmp(a));
        assert_eq!(words, ["árbol", "pera", "casa"]);
        sort(&mut words);
        assert_eq!(words, ["casa", "pera", "árbol"]);
    }

    #[test]
    fn empty_and_single_lists_stay_as_they_are() {
        let mut none: Vec<u8> = vec![];
        sort(&mut none);
        assert!(none.is_empty());
        let mut one = vec![7];
        sort(&mut one);
        assert_eq!(one, [7]);
    }

    #[test]
    fn a_large_list_matches_the_standard_stable_sort() {
        let mut state = 12345u32;
        let mut items: Vec<(u8, u32)> = (0..5000)
            .map(|i| {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                ((state >> 24) as u8 % 7, i)
            })
            .collect();
        let mut expected = items.clone();
        expected.sort_by_key(|&(k, _)| k);
        sort_by_key(&mut items, |&(k, _)| k);
        assert_eq!(items, expected);
    }
}
