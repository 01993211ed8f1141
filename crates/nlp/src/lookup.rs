//! What the models' weight tables share for fast lookups: where a feature key's slot
//! is in an open-addressing table, and prefetch hints so that a batch of lookups has
//! its cache misses overlap.

/// Features whose slots are prefetched before any of them is read.
pub(crate) const BATCH: usize = 16;

/// The home slot of a feature key in a table of `mask + 1` slots (a power of two).
#[inline]
pub(crate) fn slot_of(key: u64, mask: usize) -> usize {
    // Keys are FNV hashes; mix the high bits down before masking.
    ((key ^ (key >> 29)).wrapping_mul(0xBF58_476D_1CE4_E5B9) >> 20) as usize & mask
}

/// Hints the CPU to fetch the cache line holding `items[at]`.
#[inline(always)]
pub(crate) fn prefetch<T>(items: &[T], at: usize) {
    #[cfg(target_arch = "x86_64")]
    if at < items.len() {
        // SAFETY: a prefetch is only a hint, and the address is inside `items`.
        unsafe {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            _mm_prefetch(items.as_ptr().add(at) as *const i8, _MM_HINT_T0);
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (items, at);
}
