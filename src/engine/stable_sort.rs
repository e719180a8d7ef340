//! A stable sort small enough for the first load, shared by the rules, the ranking and the
//! interview: the standard library's costs several KB of wasm for each type it sorts.

/// A stable insertion sort. The lists are a few dozen items at most.
pub(super) fn stable_sort_by<T>(
    items: &mut [T],
    mut compare: impl FnMut(&T, &T) -> std::cmp::Ordering,
) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && compare(&items[j - 1], &items[j]) == std::cmp::Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}
