//! The org's analytics data retention (`GET /api/v2/analytics/dataretention/settings`): what the
//! answer means, and whether a query interval reaches back past the cutoff, where no analytics
//! endpoint (by-id GET, details query or async job) can return anything.

use super::Explanation;
use super::interval;
use super::sources::{RETENTION_HELP, RETENTION_SETTINGS_API};
use chrono::{DateTime, Duration, Utc};
use model::ErrorBody;
use model::retention::AnalyticsDataRetentionResponse;
use serde::Deserialize;
use serde_json::Value;

/// The permission the settings GET requires (reference/api-facts.md §2.1).
pub const RETENTION_PERMISSION: &str = "analytics:dataRetention:view";

/// Same-origin path the app reads (the companion server proxies it).
pub const SETTINGS_PATH: &str = "/api/v2/analytics/dataretention/settings";

/// What the settings GET told us.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Retention {
    /// `retentionDays` is set: detail data older than that is gone.
    Days {
        days: i64,
        modified: Option<DateTime<Utc>>,
    },
    /// 200 without `retentionDays`: no maximum set, data kept for the contract's lifespan.
    NotSet,
    /// 403: the caller lacks `analytics:dataRetention:view`, so the cutoff is unknown.
    NoPermission,
    /// Any other answer: unknown.
    Unreadable { status: u16, detail: String },
}

impl Retention {
    /// Read the settings GET's answer. Never fails: odd bodies become [`Retention::Unreadable`].
    #[must_use]
    pub fn from_answer(status: u16, body: &Value) -> Self {
        if (200..300).contains(&status) {
            return match AnalyticsDataRetentionResponse::deserialize(body) {
                Ok(r) => match r.retention_days {
                    Some(d) if d > 0 => Retention::Days {
                        days: i64::from(d),
                        modified: r.date_modified,
                    },
                    Some(d) => Retention::Unreadable {
                        status,
                        detail: format!("retentionDays is {d}, not a positive number of days"),
                    },
                    None => Retention::NotSet,
                },
                Err(e) => Retention::Unreadable {
                    status,
                    detail: format!("the body is not an AnalyticsDataRetentionResponse: {e}"),
                },
            };
        }
        let error = ErrorBody::deserialize(body).ok();
        let code = error
            .as_ref()
            .and_then(|e| e.code.clone())
            .unwrap_or_default();
        if status == 403 {
            return Retention::NoPermission;
        }
        Retention::Unreadable {
            status,
            detail: if code.is_empty() {
                format!("HTTP {status}")
            } else {
                format!("HTTP {status} {code}")
            },
        }
    }

    /// The days, when known.
    #[must_use]
    pub fn days(&self) -> Option<i64> {
        match self {
            Retention::Days { days, .. } => Some(*days),
            _ => None,
        }
    }

    /// The instant before which conversations are gone, at `now`.
    #[must_use]
    pub fn cutoff(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.days().map(|d| now - Duration::days(d))
    }

    /// One line for the lab, with the values of this org.
    #[must_use]
    pub fn explain(&self, now: DateTime<Utc>) -> Explanation {
        match self {
            Retention::Days { days, modified } => {
                let cutoff = now - Duration::days(*days);
                let changed = modified
                    .map(|m| format!(" Last changed {}.", model::time::to_wire(&m)))
                    .unwrap_or_default();
                Explanation::new(
                    format!("Analytics keeps {days} days of detail data"),
                    format!(
                        "retentionDays is {days}: conversations older than that — before {} — are no longer \
                         kept, so no analytics endpoint (by-id GET, details query, async jobs) should return \
                         them. Exactly when and how Genesys removes expired data is not documented \
                         (UNVERIFIED). Orgs can set 90 days to 5 years.{changed}",
                        model::time::to_wire(&cutoff)
                    ),
                    RETENTION_HELP,
                )
            }
            Retention::NotSet => Explanation::new(
                "No analytics retention maximum is set",
                "The settings answer has no retentionDays: detail data is kept for the lifespan of the \
                 contract, so retention cannot explain a missing conversation here.",
                RETENTION_HELP,
            ),
            Retention::NoPermission => Explanation::new(
                "Analytics retention unknown: no permission to read it",
                format!(
                    "GET {SETTINGS_PATH} answered 403. Reading it needs {RETENTION_PERMISSION}; without \
                     it the lab cannot tell whether a missing old conversation is past retention."
                ),
                RETENTION_SETTINGS_API,
            ),
            Retention::Unreadable { detail, .. } => Explanation::new(
                "Analytics retention unknown",
                format!(
                    "GET {SETTINGS_PATH} did not give a retention setting ({detail}); the past-retention \
                     check is off."
                ),
                RETENTION_SETTINGS_API,
            ),
        }
    }
}

/// A warning before running when the interval starts before the retention cutoff: whatever
/// started before the cutoff cannot be returned, by this query or any job.
#[must_use]
pub fn interval_warning(
    interval_text: &str,
    retention: &Retention,
    now: DateTime<Utc>,
) -> Option<Explanation> {
    let cutoff = retention.cutoff(now)?;
    let days = retention.days()?;
    let iv = interval::parse(interval_text).ok()?;
    if iv.start >= cutoff {
        return None;
    }
    let all = iv.end <= cutoff;
    Some(Explanation::new(
        if all {
            "The whole interval is past analytics retention"
        } else {
            "Part of the interval is past analytics retention"
        },
        format!(
            "The interval starts {} but the org keeps {days} days of detail data (cutoff {}). Conversations \
             from before the cutoff are no longer kept, so no query or job should return them (exactly \
             when Genesys removes them is UNVERIFIED){}.",
            model::time::to_wire(&iv.start),
            model::time::to_wire(&cutoff),
            if all {
                ""
            } else {
                " — only the part after the cutoff can match"
            }
        ),
        RETENTION_HELP,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn now() -> DateTime<Utc> {
        model::time::from_wire("2026-05-12T15:00:00.000Z").expect("valid fixture")
    }

    #[test]
    fn reads_every_kind_of_answer() {
        let set = Retention::from_answer(
            200,
            &json!({"retentionDays": 90, "dateModified": "2025-05-12T00:00:00.000Z"}),
        );
        assert_eq!(set.days(), Some(90));
        assert_eq!(
            set.cutoff(now()),
            Some(model::time::from_wire("2026-02-11T15:00:00.000Z").expect("valid fixture"))
        );
        assert!(
            set.explain(now())
                .detail
                .contains("2026-02-11T15:00:00.000Z")
        );
        assert_eq!(Retention::from_answer(200, &json!({})), Retention::NotSet);
        assert_eq!(
            Retention::from_answer(403, &json!({"status":403,"code":"missing.any.permissions"})),
            Retention::NoPermission
        );
        assert!(
            Retention::NoPermission
                .explain(now())
                .detail
                .contains(RETENTION_PERMISSION)
        );
        assert!(matches!(
            Retention::from_answer(200, &json!({"retentionDays": "ninety"})),
            Retention::Unreadable { status: 200, .. }
        ));
        assert!(matches!(
            Retention::from_answer(200, &json!({"retentionDays": 0})),
            Retention::Unreadable { .. }
        ));
        assert_eq!(
            Retention::from_answer(502, &Value::Null),
            Retention::Unreadable {
                status: 502,
                detail: "HTTP 502".into()
            }
        );
        assert_eq!(Retention::NotSet.cutoff(now()), None);
    }

    #[test]
    fn warns_only_when_the_interval_reaches_before_the_cutoff() {
        let r = Retention::Days {
            days: 90,
            modified: None,
        };
        // Cutoff 2026-02-11T15:00Z.
        assert_eq!(
            interval_warning(
                "2026-05-12T00:00:00.000Z/2026-05-13T00:00:00.000Z",
                &r,
                now()
            ),
            None
        );
        let whole = interval_warning(
            "2026-02-01T00:00:00.000Z/2026-02-02T00:00:00.000Z",
            &r,
            now(),
        )
        .expect("valid fixture");
        assert!(
            whole.headline.starts_with("The whole interval"),
            "{whole:?}"
        );
        let part = interval_warning(
            "2026-02-11T00:00:00.000Z/2026-02-12T00:00:00.000Z",
            &r,
            now(),
        )
        .expect("valid fixture");
        assert!(part.headline.starts_with("Part of"), "{part:?}");
        assert_eq!(
            interval_warning(
                "2026-02-01T00:00:00.000Z/2026-02-02T00:00:00.000Z",
                &Retention::NotSet,
                now()
            ),
            None
        );
        assert_eq!(interval_warning("not an interval", &r, now()), None);
    }
}
