//! Genesys Cloud regions: SDK key ↔ domain (reference/api-facts.md §3.3). REST lives on `api.<domain>`,
//! OAuth on `login.<domain>`.

use std::fmt;

/// One region as the official SDKs list it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// SDK key, e.g. `eu_west_1`.
    pub key: &'static str,
    /// Region domain, e.g. `mypurecloud.ie`.
    pub domain: &'static str,
}

/// Every region of reference/api-facts.md §3.3 (Python SDK 257.1.0 lists 17, JS 259.0.0 adds `eusc_de_east_1`).
pub const REGIONS: &[Region] = &[
    Region {
        key: "us_east_1",
        domain: "mypurecloud.com",
    },
    Region {
        key: "us_east_2",
        domain: "use2.us-gov-pure.cloud",
    },
    Region {
        key: "us_west_2",
        domain: "usw2.pure.cloud",
    },
    Region {
        key: "ca_central_1",
        domain: "cac1.pure.cloud",
    },
    Region {
        key: "sa_east_1",
        domain: "sae1.pure.cloud",
    },
    Region {
        key: "mx_central_1",
        domain: "mxc1.pure.cloud",
    },
    Region {
        key: "eu_west_1",
        domain: "mypurecloud.ie",
    },
    Region {
        key: "eu_west_2",
        domain: "euw2.pure.cloud",
    },
    Region {
        key: "eu_central_1",
        domain: "mypurecloud.de",
    },
    Region {
        key: "eu_central_2",
        domain: "euc2.pure.cloud",
    },
    Region {
        key: "me_central_1",
        domain: "mec1.pure.cloud",
    },
    Region {
        key: "ap_south_1",
        domain: "aps1.pure.cloud",
    },
    Region {
        key: "ap_northeast_1",
        domain: "mypurecloud.jp",
    },
    Region {
        key: "ap_northeast_2",
        domain: "apne2.pure.cloud",
    },
    Region {
        key: "ap_northeast_3",
        domain: "apne3.pure.cloud",
    },
    Region {
        key: "ap_southeast_1",
        domain: "apse1.pure.cloud",
    },
    Region {
        key: "ap_southeast_2",
        domain: "mypurecloud.com.au",
    },
    Region {
        key: "eusc_de_east_1",
        domain: "edee1.eusc-pure.cloud",
    },
];

/// The region text matched nothing in [`REGIONS`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown Genesys Cloud region {given:?}; use one of: {}", valid_list())]
pub struct UnknownRegion {
    pub given: String,
}

fn valid_list() -> String {
    REGIONS
        .iter()
        .map(|r| format!("{} ({})", r.key, r.domain))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Region {
    /// Accepts the SDK key (`eu_west_1`, also `eu-west-1`, any case), the domain (`mypurecloud.ie`),
    /// or a host/URL on that domain (`api.mypurecloud.ie`, `https://login.mypurecloud.ie/`) —
    /// people paste all of these.
    pub fn parse(text: &str) -> Result<Region, UnknownRegion> {
        let t = text.trim().to_ascii_lowercase();
        let key = t.replace('-', "_");
        let host = t
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_end_matches('/');
        let domain = host
            .strip_prefix("api.")
            .or_else(|| host.strip_prefix("login."))
            .or_else(|| host.strip_prefix("apps."))
            .unwrap_or(host);
        REGIONS
            .iter()
            .find(|r| r.key == key || r.domain == domain)
            .copied()
            .ok_or_else(|| UnknownRegion {
                given: text.to_string(),
            })
    }

    /// `https://api.<domain>`
    pub fn api_url(&self) -> String {
        format!("https://api.{}", self.domain)
    }

    /// `https://login.<domain>`
    pub fn login_url(&self) -> String {
        format!("https://login.{}", self.domain)
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.key, self.domain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_parses_by_key_and_domain() {
        assert_eq!(REGIONS.len(), 18);
        for r in REGIONS {
            assert_eq!(Region::parse(r.key), Ok(*r));
            assert_eq!(Region::parse(r.domain), Ok(*r));
            assert_eq!(Region::parse(&r.api_url()), Ok(*r));
            assert_eq!(Region::parse(&format!("{}/", r.login_url())), Ok(*r));
        }
    }

    #[test]
    fn dashes_and_case_are_accepted() {
        assert_eq!(
            Region::parse("EU-West-1").map(|r| r.domain),
            Ok("mypurecloud.ie")
        );
    }

    #[test]
    fn unknown_region_lists_valid_ones() {
        let err = Region::parse("mars_north_1").expect_err("must be refused");
        let msg = err.to_string();
        assert!(msg.contains("mars_north_1"));
        for r in REGIONS {
            assert!(msg.contains(r.key), "{msg} lacks {}", r.key);
        }
    }

    #[test]
    fn hosts_follow_the_api_login_pattern() {
        let r = Region::parse("eu_central_1").expect("known");
        assert_eq!(r.api_url(), "https://api.mypurecloud.de");
        assert_eq!(r.login_url(), "https://login.mypurecloud.de");
    }
}
