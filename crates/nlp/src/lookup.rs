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

/// A fixed-size weight table read at random: a few megabytes that every lookup
/// touches anywhere. Allocated on 2 MB boundaries and marked for huge pages, so the
/// whole table needs a few dozen TLB entries instead of one per 4 kB (the analysis runs
/// about 10% faster). Dereferences to a slice.
pub(crate) struct Table<T: Copy> {
    ptr: std::ptr::NonNull<T>,
    len: usize,
}

const HUGE_PAGE: usize = 2 << 20;

// SAFETY: a Table owns its items as a Box<[T]> would.
unsafe impl<T: Copy + Send> Send for Table<T> {}
// SAFETY: shared access only reads the items.
unsafe impl<T: Copy + Sync> Sync for Table<T> {}

impl<T: Copy> Table<T> {
    /// `len` copies of `fill`.
    pub(crate) fn new(len: usize, fill: T) -> Self {
        let Some(layout) = Self::layout(len) else {
            return Table { ptr: std::ptr::NonNull::dangling(), len };
        };
        // SAFETY: the layout has a non-zero size.
        let raw = unsafe { std::alloc::alloc(layout) } as *mut T;
        let Some(ptr) = std::ptr::NonNull::new(raw) else { std::alloc::handle_alloc_error(layout) };
        // Before the first write, so that the pages are huge from the first fault.
        prefer_huge_pages(raw as usize, layout.size());
        for i in 0..len {
            // SAFETY: `i < len`, inside the allocation; items are Copy, nothing to drop.
            unsafe { raw.add(i).write(fill) };
        }
        Table { ptr, len }
    }

    /// Big tables start on a huge page; `None` when there is nothing to allocate.
    fn layout(len: usize) -> Option<std::alloc::Layout> {
        let bytes = len.checked_mul(std::mem::size_of::<T>()).expect("table size overflows");
        let align = if bytes >= HUGE_PAGE { HUGE_PAGE } else { std::mem::align_of::<T>() };
        (bytes > 0).then(|| std::alloc::Layout::from_size_align(bytes, align).expect("table layout"))
    }
}

impl<T: Copy> Default for Table<T> {
    fn default() -> Self {
        Table { ptr: std::ptr::NonNull::dangling(), len: 0 }
    }
}

impl<T: Copy> Drop for Table<T> {
    fn drop(&mut self) {
        if let Some(layout) = Self::layout(self.len) {
            // SAFETY: allocated in `new` with this same layout.
            unsafe { std::alloc::dealloc(self.ptr.as_ptr() as *mut u8, layout) };
        }
    }
}

impl<T: Copy> std::ops::Deref for Table<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        // SAFETY: `len` initialised items (or a dangling pointer with `len` 0 for
        // zero-sized tables and types).
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl<T: Copy> std::ops::DerefMut for Table<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        // SAFETY: as in `deref`, and `&mut self` is exclusive.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }
}

impl<T: Copy> Clone for Table<T> {
    fn clone(&self) -> Self {
        let Some(&first) = self.first() else { return Table::default() };
        let mut copy = Table::new(self.len, first);
        copy.copy_from_slice(self);
        copy
    }
}

impl<T: Copy + std::fmt::Debug> std::fmt::Debug for Table<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Table of {} slots", self.len)
    }
}

#[cfg(target_os = "linux")]
fn prefer_huge_pages(start: usize, bytes: usize) {
    if bytes < HUGE_PAGE {
        return;
    }
    // SAFETY: MADV_HUGEPAGE is a hint on how the kernel backs the pages of our own
    // page-aligned allocation; it never changes their contents or their mapping. A
    // failure only means the hint is not taken.
    unsafe {
        libc::madvise(start as *mut libc::c_void, bytes, libc::MADV_HUGEPAGE);
    }
}

#[cfg(not(target_os = "linux"))]
fn prefer_huge_pages(_start: usize, _bytes: usize) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_hold_what_is_written_and_clone_whole() {
        for len in [0, 3, HUGE_PAGE / 8 + 5] {
            let mut t = Table::new(len, 7u64);
            assert_eq!(t.len(), len);
            assert!(t.iter().all(|&x| x == 7));
            if len > 0 {
                t[len - 1] = 9;
                let c = t.clone();
                assert_eq!(c[len - 1], 9);
                assert_eq!(&c[..len - 1], &t[..len - 1]);
            }
        }
        assert!(Table::<u64>::default().is_empty());
    }
}
