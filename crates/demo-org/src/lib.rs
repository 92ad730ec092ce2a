//! The demo org: a simulated Genesys Cloud organization. (Skeleton; see issue 4.)
