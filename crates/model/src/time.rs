//! Timestamps as Genesys writes them: ISO-8601 UTC with exactly three fractional digits
//! (`2026-05-12T14:02:11.204Z`). Reading accepts any RFC 3339 form.

use chrono::{DateTime, SecondsFormat, Utc};

/// Format a timestamp the way Genesys does.
#[must_use]
pub fn to_wire(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Parse any RFC 3339 timestamp into UTC.
///
/// # Errors
/// When the text is not RFC 3339.
pub fn from_wire(s: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
    DateTime::parse_from_rfc3339(s).map(|t| t.with_timezone(&Utc))
}

/// `#[serde(with = "crate::time::opt_millis")]` for `Option<DateTime<Utc>>` fields.
pub mod opt_millis {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    #[allow(clippy::ref_option)] // serde's `with` hands us `&Option<T>`
    pub fn serialize<S: Serializer>(v: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(t) => s.serialize_str(&super::to_wire(t)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        let raw: Option<std::borrow::Cow<'de, str>> = Option::deserialize(d)?;
        raw.map(|s| super::from_wire(&s).map_err(serde::de::Error::custom))
            .transpose()
    }
}
