//! A small LRU of details-query hit lists for settled windows (see
//! [`super::run_details_query_cached`]): paging a past day costs one window scan, not one per page.

use super::Hits;
use model::analytics::ConversationQuery;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex, PoisonError};

/// Hit lists kept (one small handle per hit: ~23k for a busy week ≈ 0.6 MiB).
pub const CAPACITY: usize = 16;

/// Most recently used last.
#[derive(Debug, Default)]
pub struct HitCache {
    entries: Mutex<VecDeque<(String, Arc<Hits>)>>,
}

/// The cache key: the query without its paging (pages share one hit list).
#[must_use]
pub fn key(q: &ConversationQuery) -> String {
    let mut q = q.clone();
    q.paging = None;
    serde_json::to_string(&q).unwrap_or_default()
}

impl HitCache {
    #[must_use]
    pub fn get(&self, key: &str) -> Option<Arc<Hits>> {
        let mut e = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        let i = e.iter().position(|(k, _)| k == key)?;
        let hit = e.remove(i)?;
        let value = Arc::clone(&hit.1);
        e.push_back(hit);
        Some(value)
    }

    pub fn put(&self, key: String, hits: Arc<Hits>) {
        let mut e = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        e.retain(|(k, _)| *k != key);
        e.push_back((key, hits));
        while e.len() > CAPACITY {
            e.pop_front();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::analytics::PagingSpec;

    #[test]
    fn pages_share_a_key_and_the_lru_is_bounded() {
        let mut a = ConversationQuery {
            interval: Some("x/y".into()),
            ..Default::default()
        };
        let k1 = key(&a);
        a.paging = Some(PagingSpec {
            page_size: Some(10),
            page_number: Some(3),
        });
        assert_eq!(key(&a), k1);
        let cache = HitCache::default();
        for i in 0..=CAPACITY {
            cache.put(
                format!("k{i}"),
                Arc::new(Hits {
                    ids: vec![],
                    aggregations: None,
                }),
            );
        }
        assert!(cache.get("k0").is_none(), "oldest evicted");
        assert!(cache.get(&format!("k{CAPACITY}")).is_some());
    }
}
