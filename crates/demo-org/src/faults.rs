//! Fault injection: make the demo org answer 500/503/504 like a struggling Genesys region, so
//! learners (and the companion server's tests) see what those errors look like.
//!
//! Two demo-only switches, both off by default:
//! * per request: header `X-Demo-Fault: 503` (500, 503 or 504) fails that one request;
//! * armed: `POST /demo/faults {"status":503,"count":3,"pathPrefix":"/api/v2/analytics"}` fails the
//!   next `count` requests whose path starts with `pathPrefix` (default `/api/v2/`);
//!   `GET /demo/faults` shows what is armed, `DELETE /demo/faults` disarms.
//!
//! `/demo/*` itself is never failed, so a test can always disarm.

use serde::{Deserialize, Serialize};
use std::sync::{Mutex, PoisonError};

/// Header that fails one request with the given 5xx status.
pub const FAULT_HEADER: &str = "x-demo-fault";

/// Statuses fault injection can produce.
pub const FAULT_STATUSES: &[u16] = &[500, 503, 504];

/// An armed fault (`POST /demo/faults` body and `GET /demo/faults` answer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FaultPlan {
    /// 500, 503 or 504.
    pub status: u16,
    /// How many matching requests still fail.
    #[serde(default = "one")]
    pub count: u32,
    /// Only requests whose path starts with this fail.
    #[serde(default = "api_prefix")]
    pub path_prefix: String,
}

fn one() -> u32 {
    1
}

fn api_prefix() -> String {
    "/api/v2/".to_owned()
}

/// The armed faults of one running org.
#[derive(Debug, Default)]
pub struct Faults {
    armed: Mutex<Vec<FaultPlan>>,
}

impl Faults {
    /// Arm a plan. Returns `Err` with a message if the status is not a supported 5xx.
    ///
    /// # Errors
    /// When `status` is not one of [`FAULT_STATUSES`].
    pub fn arm(&self, plan: FaultPlan) -> Result<(), String> {
        if !FAULT_STATUSES.contains(&plan.status) {
            return Err(format!(
                "status must be one of {FAULT_STATUSES:?}, got {}",
                plan.status
            ));
        }
        if plan.count > 0 {
            self.armed
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(plan);
        }
        Ok(())
    }

    /// Disarm everything.
    pub fn clear(&self) {
        self.armed
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
    }

    /// What is armed now.
    #[must_use]
    pub fn list(&self) -> Vec<FaultPlan> {
        self.armed
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The status to fail a request to `path` with (consuming one armed fault), if any.
    /// `header` is the value of [`FAULT_HEADER`], which wins over armed faults.
    #[must_use]
    pub fn take(&self, path: &str, header: Option<&str>) -> Option<u16> {
        if path.starts_with("/demo/") {
            return None;
        }
        if let Some(status) = header.and_then(|h| h.trim().parse::<u16>().ok())
            && FAULT_STATUSES.contains(&status)
        {
            return Some(status);
        }
        let mut armed = self.armed.lock().unwrap_or_else(PoisonError::into_inner);
        let idx = armed
            .iter()
            .position(|p| path.starts_with(&p.path_prefix))?;
        let status = armed[idx].status;
        armed[idx].count -= 1;
        if armed[idx].count == 0 {
            armed.remove(idx);
        }
        Some(status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn armed_fault_fires_count_times_on_matching_paths_only() {
        let f = Faults::default();
        assert!(
            f.arm(FaultPlan {
                status: 503,
                count: 2,
                path_prefix: "/api/v2/analytics".into()
            })
            .is_ok()
        );
        assert_eq!(f.take("/api/v2/conversations/x", None), None);
        assert_eq!(
            f.take("/api/v2/analytics/conversations/x/details", None),
            Some(503)
        );
        assert_eq!(
            f.take("/api/v2/analytics/conversations/x/details", None),
            Some(503)
        );
        assert_eq!(
            f.take("/api/v2/analytics/conversations/x/details", None),
            None
        );
    }

    #[test]
    fn header_fault_and_bad_status() {
        let f = Faults::default();
        assert_eq!(f.take("/api/v2/x", Some("504")), Some(504));
        assert_eq!(f.take("/api/v2/x", Some("418")), None);
        assert_eq!(f.take("/demo/faults", Some("500")), None);
        assert!(
            f.arm(FaultPlan {
                status: 404,
                count: 1,
                path_prefix: "/".into()
            })
            .is_err()
        );
    }
}
