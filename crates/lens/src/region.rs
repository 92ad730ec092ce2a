//! Genesys Cloud regions: the SDK key and the domain behind `api.<domain>` / `login.<domain>`
//! (reference/api-facts.md §3.3, from the Python and JavaScript SDKs' region host tables).

use serde::Serialize;

/// One region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    /// `PureCloudRegionHosts` key in the SDKs, e.g. `eu_west_1`.
    pub key: &'static str,
    /// e.g. `mypurecloud.ie`.
    pub domain: &'static str,
    /// Only in the newest JavaScript SDK (259.0.0), not in Python 257.1.0.
    pub js_only: bool,
}

const fn r(key: &'static str, domain: &'static str) -> Region {
    Region {
        key,
        domain,
        js_only: false,
    }
}

/// Every region the SDKs know.
pub const REGIONS: &[Region] = &[
    r("us_east_1", "mypurecloud.com"),
    r("us_east_2", "use2.us-gov-pure.cloud"),
    r("us_west_2", "usw2.pure.cloud"),
    r("ca_central_1", "cac1.pure.cloud"),
    r("sa_east_1", "sae1.pure.cloud"),
    r("mx_central_1", "mxc1.pure.cloud"),
    r("eu_west_1", "mypurecloud.ie"),
    r("eu_west_2", "euw2.pure.cloud"),
    r("eu_central_1", "mypurecloud.de"),
    r("eu_central_2", "euc2.pure.cloud"),
    r("me_central_1", "mec1.pure.cloud"),
    r("ap_south_1", "aps1.pure.cloud"),
    r("ap_northeast_1", "mypurecloud.jp"),
    r("ap_northeast_2", "apne2.pure.cloud"),
    r("ap_northeast_3", "apne3.pure.cloud"),
    r("ap_southeast_1", "apse1.pure.cloud"),
    r("ap_southeast_2", "mypurecloud.com.au"),
    Region {
        key: "eusc_de_east_1",
        domain: "edee1.eusc-pure.cloud",
        js_only: true,
    },
];

/// The default region of the SDKs and of most examples.
pub const US_EAST_1: Region = r("us_east_1", "mypurecloud.com");

impl Region {
    /// `https://api.<domain>`
    #[must_use]
    pub fn api_base(&self) -> String {
        format!("https://api.{}", self.domain)
    }

    /// `https://login.<domain>` (the SDK derives it by replacing `//api.` with `//login.`).
    #[must_use]
    pub fn login_base(&self) -> String {
        format!("https://login.{}", self.domain)
    }
}

/// Region by SDK key (`eu_west_1`) or domain (`mypurecloud.ie`), case-insensitive.
#[must_use]
pub fn find(key_or_domain: &str) -> Option<&'static Region> {
    let k = key_or_domain.trim().to_ascii_lowercase().replace('-', "_");
    let d = key_or_domain.trim().to_ascii_lowercase();
    let d = d
        .trim_start_matches("https://")
        .trim_start_matches("api.")
        .trim_start_matches("login.")
        .trim_end_matches('/');
    REGIONS.iter().find(|r| r.key == k || r.domain == d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(find("eu_west_1").map(|r| r.domain), Some("mypurecloud.ie"));
        assert_eq!(find("eu-west-1").map(|r| r.key), Some("eu_west_1"));
        assert_eq!(
            find("https://api.mypurecloud.de/").map(|r| r.key),
            Some("eu_central_1")
        );
        assert_eq!(find("nowhere"), None);
        assert_eq!(REGIONS.len(), 18);
        assert_eq!(US_EAST_1.api_base(), "https://api.mypurecloud.com");
        assert_eq!(US_EAST_1.login_base(), "https://login.mypurecloud.com");
    }
}
