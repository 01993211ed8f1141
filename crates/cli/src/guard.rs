//! A bug that panics on one document must not end a run over a million: work on each
//! document runs under [`guarded`], and a panic there becomes that document's error
//! line instead of killing the process. Panics anywhere else keep the default report.
use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};

thread_local! {
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

/// Installs the panic hook: silent (a debug log) inside [`guarded`], default outside.
pub fn install() {
    let default = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if GUARDED.with(Cell::get) {
            tracing::debug!("{info}");
        } else {
            default(info);
        }
    }));
}

/// Runs `f`, turning a panic into an error message.
pub fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    let was = GUARDED.with(|g| g.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(was));
    result.map_err(|payload| {
        let msg = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        format!("internal error (a bug in dyad, please report it): {msg}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_and_the_guard_is_lifted_after() {
        install();
        assert_eq!(guarded(|| 2 + 2), Ok(4));
        let err = guarded(|| -> u32 { panic!("tagger exploded on {}", "a sentence") }).unwrap_err();
        assert!(err.contains("tagger exploded on a sentence"), "{err}");
        assert!(!GUARDED.with(Cell::get));
    }
}
