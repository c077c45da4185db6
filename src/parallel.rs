//! Work spread over the machine's cores, results kept in input order so that
//! output and diagnostics never depend on thread timing.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diagnostic::Diagnostics;
use crate::error::{Error, catch_panic};

/// The number of worker threads to use when the user did not say: one per core.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// Applies `f` to every item on up to `jobs` threads; results in the order of
/// `items`. A panic in `f` is caught and becomes that item's error, so one
/// item cannot take the others (or the process) down with it.
pub fn map_in_order<T, R, F>(items: &[T], jobs: usize, f: F) -> Vec<Result<R, Error>>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let run =
        |i: usize, item: &T| catch_panic(&format!("item {} of {}", i + 1, items.len()), || f(item));
    let jobs = jobs.clamp(1, items.len().max(1));
    if jobs == 1 {
        return items
            .iter()
            .enumerate()
            .map(|(i, item)| run(i, item))
            .collect();
    }
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<Result<R, Error>>>> =
        (0..items.len()).map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let r = run(i, item);
                    match slots[i].lock() {
                        Ok(mut slot) => *slot = Some(r),
                        Err(mut poisoned) => **poisoned.get_mut() = Some(r),
                    }
                }
            });
        }
    });
    slots
        .into_iter()
        .enumerate()
        .map(|(i, slot)| {
            let value = match slot.into_inner() {
                Ok(value) => value,
                Err(poisoned) => poisoned.into_inner(),
            };
            value.unwrap_or_else(|| {
                Err(Error::Panic {
                    what: format!("item {} of {}", i + 1, items.len()),
                    message: "a worker thread stopped before finishing it".to_owned(),
                })
            })
        })
        .collect()
}

/// [`map_in_order`] on every core for work that reports findings: each
/// item's findings are added to `diags` in the order of `items`, as reading
/// them one after another would report them. A panic in `f` is raised again
/// here, as it would have been without threads.
pub fn map_reporting<T, R, F>(items: &[T], diags: &mut Diagnostics, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T, &mut Diagnostics) -> R + Sync,
{
    let done = map_in_order(items, default_jobs(), |item| {
        let mut found = Diagnostics::new();
        let result = f(item, &mut found);
        (result, found)
    });
    let mut out = Vec::with_capacity(items.len());
    for result in done {
        match result {
            Ok((result, found)) => {
                diags.extend(found);
                out.push(result);
            }
            Err(fault) => std::panic::resume_unwind(Box::new(fault.to_string())),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_input_order_on_any_number_of_threads() {
        let items: Vec<u64> = (0..200).collect();
        for jobs in [1, 2, 7, 500] {
            let out = map_in_order(&items, jobs, |n| {
                // Uneven work so threads finish out of order.
                std::thread::sleep(std::time::Duration::from_micros((n * 37) % 200));
                n * 2
            });
            let out: Vec<u64> = out.into_iter().map(|r| r.unwrap()).collect();
            assert_eq!(out, items.iter().map(|n| n * 2).collect::<Vec<_>>());
        }
        assert!(map_in_order(&[] as &[u8], 4, |b| *b).is_empty());
    }

    #[test]
    fn a_panicking_item_is_an_error_and_the_others_still_finish() {
        let items: Vec<u32> = (0..20).collect();
        for jobs in [1, 4] {
            let out = map_in_order(&items, jobs, |&n| {
                if n == 7 {
                    panic!("item seven broke");
                }
                n
            });
            assert_eq!(out.len(), 20);
            for (n, r) in out.iter().enumerate() {
                match r {
                    Ok(v) => assert_eq!(*v as usize, n),
                    Err(e) => {
                        assert_eq!(n, 7);
                        assert!(e.to_string().contains("item seven broke"), "{e}");
                    }
                }
            }
        }
    }

    #[test]
    fn findings_are_reported_in_item_order_and_a_panic_is_raised_again() {
        use crate::diagnostic::{Location, SourceFile};
        let file = SourceFile::new("c.yaml", "a\nb\nc\n");
        let items: Vec<usize> = (0..40).collect();
        let mut diags = Diagnostics::new();
        let out = map_reporting(&items, &mut diags, |&n, found| {
            std::thread::sleep(std::time::Duration::from_micros(((40 - n) * 50) as u64));
            found.push(Location::start_of(&file).error(format!("finding {n}")));
            n * 3
        });
        assert_eq!(out, items.iter().map(|n| n * 3).collect::<Vec<_>>());
        let messages: Vec<String> = diags.iter().map(|d| d.message.clone()).collect();
        let expected: Vec<String> = items.iter().map(|n| format!("finding {n}")).collect();
        assert_eq!(messages, expected);
        let raised = std::panic::catch_unwind(|| {
            map_reporting(&[1, 2], &mut Diagnostics::new(), |&n, _| {
                assert!(n != 2, "item two broke");
                n
            })
        });
        assert!(raised.is_err());
    }
}
