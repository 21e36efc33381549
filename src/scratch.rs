//! Space for a row's working figures, on the stack when it fits: `score` works a
//! row at a time, and a small list allocated and freed for every row cost more than
//! what was kept in it.

/// `n` places, each `empty`: the first `n` of `stack`, made full of `empty` just
/// before (as `[empty; N]`: filling it again cost as much as was saved), or, for an
/// `n` larger than it, `n` places in `heap`.
#[inline]
pub(crate) fn places<'a, T: Copy, const N: usize>(
    stack: &'a mut [T; N],
    heap: &'a mut Vec<T>,
    n: usize,
    empty: T,
) -> &'a mut [T] {
    match stack.get_mut(..n) {
        Some(places) => places,
        None => {
            heap.clear();
            heap.resize(n, empty);
            heap
        }
    }
}

#[cfg(test)]
mod tests {
    use super::places;

    #[test]
    fn places_are_empty_on_the_stack_or_beyond_it() {
        let (mut stack, mut heap) = ([0_u8; 4], Vec::new());
        let three = places(&mut stack, &mut heap, 3, 0);
        assert_eq!(three, [0, 0, 0]);
        three[0] = 1;
        assert_eq!(stack, [1, 0, 0, 0], "three fit on the stack");
        let (mut stack, mut heap) = ([0_u8; 4], vec![9]);
        assert_eq!(places(&mut stack, &mut heap, 6, 0), [0; 6]);
        assert_eq!(heap, [0; 6]);
    }
}
