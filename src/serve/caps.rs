//! How big a class may grow: `--max-students` in all, and `--max-starts-per-address`
//! from one address group (an IPv6 /64 is one), counted since the server started.
//! The starts each cap refused are counted for the advisor's page.

use super::security::address_group;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Students a class takes unless `--max-students` says otherwise.
pub const MAX_STUDENTS: usize = 500;
/// Starts one address group may make unless `--max-starts-per-address` says
/// otherwise: half the class, so that no one address can fill it alone.
pub const STARTS_PER_ADDRESS: usize = 250;

pub struct Caps {
    pub max_students: usize,
    pub starts_per_address: usize,
    starts: Mutex<HashMap<IpAddr, usize>>,
    refused_full: AtomicUsize,
    refused_quota: AtomicUsize,
}

impl Caps {
    pub fn new(max_students: usize, starts_per_address: usize) -> Caps {
        Caps {
            max_students,
            starts_per_address,
            starts: Mutex::new(HashMap::new()),
            refused_full: AtomicUsize::new(0),
            refused_quota: AtomicUsize::new(0),
        }
    }

    /// Count a start from `address` against its quota; false (and counted as
    /// refused) past it.
    pub fn take_start(&self, address: IpAddr) -> bool {
        let mut starts = self.starts.lock().unwrap_or_else(|p| p.into_inner());
        let made = starts.entry(address_group(address)).or_insert(0);
        if *made >= self.starts_per_address {
            self.refused_quota.fetch_add(1, Ordering::Relaxed);
            return false;
        }
        *made += 1;
        true
    }

    /// A start that did not happen (the class was full) is not counted.
    pub fn give_back(&self, address: IpAddr) {
        let mut starts = self.starts.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(made) = starts.get_mut(&address_group(address)) {
            *made = made.saturating_sub(1);
        }
    }

    pub fn refused_as_full(&self) {
        self.refused_full.fetch_add(1, Ordering::Relaxed);
    }

    /// (starts refused because the class was full, because of the per-address quota).
    pub fn refused(&self) -> (usize, usize) {
        (
            self.refused_full.load(Ordering::Relaxed),
            self.refused_quota.load(Ordering::Relaxed),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_has_its_quota_of_starts() {
        let caps = Caps::new(10, 2);
        let a = IpAddr::from([10, 0, 0, 1]);
        assert!(caps.take_start(a));
        assert!(caps.take_start(a));
        assert!(!caps.take_start(a));
        assert!(caps.take_start(IpAddr::from([10, 0, 0, 2])));
        caps.give_back(a);
        assert!(caps.take_start(a));
        assert_eq!(caps.refused(), (0, 1));
    }
}
