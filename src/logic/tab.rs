//! The tabs of the comparison view and their URL names (`?tab=timeline`).
//!
//! Adding a tab = one variant here + one match arm in `crate::tabs::render`.

/// One tab of the comparison view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Tab {
    #[default]
    Glance,
    FieldMap,
    Timeline,
    RawJson,
    Metrics,
    Errors,
    Guide,
    Code,
    /// Issue 7: details query builder (`src/tabs/query_lab/`).
    QueryLab,
    /// Issue 7: analytics freshness / data availability (`src/tabs/freshness/`).
    Freshness,
    /// Issue 13: notification events as they arrive (`src/tabs/live_events/`).
    LiveEvents,
}

impl Tab {
    /// Every tab, in the order the tab bar shows them.
    pub const ALL: [Tab; 11] = [
        Tab::Glance,
        Tab::FieldMap,
        Tab::Timeline,
        Tab::RawJson,
        Tab::Metrics,
        Tab::Errors,
        Tab::Guide,
        Tab::Code,
        Tab::QueryLab,
        Tab::Freshness,
        Tab::LiveEvents,
    ];

    /// The name used in the URL query (`?tab=…`).
    #[must_use]
    pub const fn slug(self) -> &'static str {
        match self {
            Tab::Glance => "glance",
            Tab::FieldMap => "fields",
            Tab::Timeline => "timeline",
            Tab::RawJson => "json",
            Tab::Metrics => "metrics",
            Tab::Errors => "errors",
            Tab::Guide => "guide",
            Tab::Code => "code",
            Tab::QueryLab => "query",
            Tab::Freshness => "freshness",
            Tab::LiveEvents => "live",
        }
    }

    /// The label on the tab button.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Tab::Glance => "At a glance",
            Tab::FieldMap => "Field map",
            Tab::Timeline => "Timeline",
            Tab::RawJson => "Raw JSON",
            Tab::Metrics => "Metrics",
            Tab::Errors => "Errors explained",
            Tab::Guide => "Which API when",
            Tab::Code => "Code",
            Tab::QueryLab => "Query lab",
            Tab::Freshness => "Freshness",
            Tab::LiveEvents => "Live events",
        }
    }

    /// Parse a URL value; unknown or missing values fall back to the first tab so an old or
    /// hand-edited link still opens.
    #[must_use]
    pub fn from_slug(s: Option<&str>) -> Tab {
        s.and_then(|s| Tab::ALL.iter().copied().find(|t| t.slug() == s))
            .unwrap_or_default()
    }

    /// The tab reached with an arrow key from this one (wraps around, WAI-ARIA tabs pattern).
    #[must_use]
    pub fn step(self, forward: bool) -> Tab {
        let n = Tab::ALL.len();
        let i = Tab::ALL.iter().position(|t| *t == self).unwrap_or(0);
        let j = if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        };
        Tab::ALL[j]
    }

    /// DOM id of the tab button (the panel is labelled by it).
    #[must_use]
    pub fn button_id(self) -> String {
        format!("tab-{}", self.slug())
    }

    /// DOM id of the tab panel.
    #[must_use]
    pub fn panel_id(self) -> String {
        format!("tabpanel-{}", self.slug())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_are_unique() {
        for t in Tab::ALL {
            assert_eq!(Tab::from_slug(Some(t.slug())), t);
        }
        let mut slugs: Vec<_> = Tab::ALL.iter().map(|t| t.slug()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), Tab::ALL.len());
    }

    #[test]
    fn unknown_slug_falls_back_to_glance() {
        assert_eq!(Tab::from_slug(Some("nope")), Tab::Glance);
        assert_eq!(Tab::from_slug(None), Tab::Glance);
    }

    #[test]
    fn arrow_keys_wrap() {
        assert_eq!(Tab::Glance.step(false), Tab::LiveEvents);
        assert_eq!(Tab::LiveEvents.step(true), Tab::Glance);
        assert_eq!(Tab::Glance.step(true), Tab::FieldMap);
    }
}
