//! `GET /api/v2/analytics/dataretention/settings` → `AnalyticsDataRetentionResponse`.
//!
//! Hand-written (not generated): the reference `*-models.json` does not include this model. Fields,
//! types and doc strings are from the official Python SDK's `build/docs/AnalyticsDataRetentionResponse.md`
//! (PureCloudPlatformClientV2 234.0.0). Like the generated models: every field optional, unknown
//! fields ignored, timestamps ISO-8601 with milliseconds.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The org's analytics data retention setting.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AnalyticsDataRetentionResponse {
    /// "Analytics data retention period in days for the organization."
    #[serde(
        rename = "retentionDays",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub retention_days: Option<i32>,
    /// "Date and time when the analytics data retention was set."
    #[serde(
        rename = "dateCreated",
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::time::opt_millis"
    )]
    pub date_created: Option<DateTime<Utc>>,
    /// "Date and time when the analytics data retention was last modified."
    #[serde(
        rename = "dateModified",
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::time::opt_millis"
    )]
    pub date_modified: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_the_documented_shape_and_ignores_unknown_fields() {
        let json = r#"{"retentionDays":90,"dateCreated":"2025-01-02T03:04:05.000Z","dateModified":"2025-06-01T00:00:00.000Z","futureField":1}"#;
        let r: AnalyticsDataRetentionResponse = serde_json::from_str(json).expect("valid fixture");
        assert_eq!(r.retention_days, Some(90));
        let back = serde_json::to_string(&r).expect("valid fixture");
        assert_eq!(
            back,
            r#"{"retentionDays":90,"dateCreated":"2025-01-02T03:04:05.000Z","dateModified":"2025-06-01T00:00:00.000Z"}"#
        );
        let empty: AnalyticsDataRetentionResponse =
            serde_json::from_str("{}").expect("valid fixture");
        assert_eq!(empty, AnalyticsDataRetentionResponse::default());
    }
}
