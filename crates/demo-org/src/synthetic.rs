//! A deterministic synthetic org: `n` ended conversations spread over the 30 days before
//! start-up, for query, paging and job tests and benches.
//!
//! Only a compact record (start instant + a 64-bit key) is kept per conversation, sorted by
//! start; the full timeline is materialised on demand from the key with the same scenario
//! builders the named scenarios use, so every synthetic conversation obeys the same rules.
//! A window query binary-searches the sorted starts and touches only the days it covers.

use crate::catalog::{self, q, w};
use crate::ids::{Rng, parse_uuid, splitmix};
use crate::scenarios::InboundCall;
use crate::scenarios::parts::{Ids, Step, wrap};
use crate::scenarios::transfer::Cast;
use crate::scenarios::{digital, outbound, selfservice, transfer};
use crate::timeline::{Conv, SegKind, Time};
use chrono::{DateTime, Duration, Timelike};
use std::collections::HashMap;

/// How far back the synthetic conversations reach.
pub const DAYS: i64 = 30;

/// No synthetic conversation (after-call work included) lasts longer than this; generation
/// keeps every start at least this far before start-up so all of them have ended.
pub const MAX_DURATION: Duration = Duration::hours(3);

#[derive(Debug, Clone, Copy)]
struct Rec {
    start_ms: i64,
    key: u64,
}

/// The synthetic part of the org.
#[derive(Default)]
pub struct Synthetic {
    /// Sorted by start.
    recs: Vec<Rec>,
    /// Conversation id (as 128 bits) → index into `recs`.
    by_id: HashMap<u128, u32>,
    seed: u64,
}

impl std::fmt::Debug for Synthetic {
    // A summary: 100,000 records are no use in a log line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Synthetic")
            .field("seed", &self.seed)
            .field("conversations", &self.recs.len())
            .finish()
    }
}

impl Synthetic {
    /// Generate `n` conversations from `seed`, all started in the 30 days before `origin` and
    /// ended before it.
    #[must_use]
    pub fn new(seed: u64, n: usize, origin: Time) -> Self {
        let mut rng = Rng::new(splitmix(seed ^ 0x5EED));
        let window_start = origin - Duration::days(DAYS);
        // Latest start: leaves room for the longest synthetic conversation (email: < 2 h).
        let latest = origin - MAX_DURATION;
        let mut recs: Vec<Rec> = (0..n)
            .map(|_| Rec {
                start_ms: start_in(&mut rng, window_start, latest),
                key: rng.next_u64(),
            })
            .collect();
        recs.sort_by_key(|r| (r.start_ms, r.key));
        let mut by_id = HashMap::with_capacity(recs.len());
        for (i, r) in recs.iter().enumerate() {
            if let (Some(bits), Ok(i)) = (
                parse_uuid(&Ids(namespace(seed, r.key)).id("conversation")),
                u32::try_from(i),
            ) {
                by_id.insert(bits, i);
            }
        }
        Self { recs, by_id, seed }
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.recs.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.recs.is_empty()
    }

    /// The conversation with this id, materialised.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<Conv> {
        let i = *self.by_id.get(&parse_uuid(id)?)?;
        self.recs.get(i as usize).map(|r| self.build(*r))
    }

    /// Conversations whose start is in `[from, to)`, in start order, materialised lazily.
    pub fn started_in(&self, from: Time, to: Time) -> impl Iterator<Item = Conv> + '_ {
        let lo = self
            .recs
            .partition_point(|r| r.start_ms < from.timestamp_millis());
        let hi = self
            .recs
            .partition_point(|r| r.start_ms < to.timestamp_millis())
            .max(lo);
        self.recs[lo..hi].iter().map(|r| self.build(*r))
    }

    /// Ids of the conversations started in `[from, to)` (cheap: no timelines built).
    pub fn ids_started_in(&self, from: Time, to: Time) -> impl Iterator<Item = String> + '_ {
        let lo = self
            .recs
            .partition_point(|r| r.start_ms < from.timestamp_millis());
        let hi = self
            .recs
            .partition_point(|r| r.start_ms < to.timestamp_millis())
            .max(lo);
        self.recs[lo..hi]
            .iter()
            .map(|r| Ids(namespace(self.seed, r.key)).id("conversation"))
    }

    /// Slots (indices in start order) of the conversations started in `[from, to)`: the start
    /// index the details query pages over without building timelines.
    #[must_use]
    pub fn slots_started_in(&self, from: Time, to: Time) -> std::ops::Range<u32> {
        let lo = self
            .recs
            .partition_point(|r| r.start_ms < from.timestamp_millis());
        let hi = self
            .recs
            .partition_point(|r| r.start_ms < to.timestamp_millis())
            .max(lo);
        // `new` only indexes slots that fit in a u32, so no conversation is lost here.
        u32::try_from(lo).unwrap_or(u32::MAX)..u32::try_from(hi).unwrap_or(u32::MAX)
    }

    /// Start instant of the conversation in `slot` (equal to its timeline's `start()`).
    #[must_use]
    pub fn start_of(&self, slot: u32) -> Option<Time> {
        let r = self.recs.get(slot as usize)?;
        DateTime::from_timestamp_millis(r.start_ms)
    }

    /// Conversation id of the conversation in `slot` (hashing only, no timeline built).
    #[must_use]
    pub fn id_of(&self, slot: u32) -> Option<String> {
        let r = self.recs.get(slot as usize)?;
        Some(Ids(namespace(self.seed, r.key)).id("conversation"))
    }

    /// The conversation in `slot`, materialised.
    #[must_use]
    pub fn at_slot(&self, slot: u32) -> Option<Conv> {
        self.recs.get(slot as usize).map(|r| self.build(*r))
    }

    /// Approximate heap bytes held (records + id index), for benches.
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        self.recs.capacity() * std::mem::size_of::<Rec>()
            + self.by_id.capacity() * (std::mem::size_of::<u128>() + std::mem::size_of::<u32>() + 8)
    }

    fn build(&self, r: Rec) -> Conv {
        let start = DateTime::from_timestamp_millis(r.start_ms).unwrap_or(Time::UNIX_EPOCH);
        materialise(&namespace(self.seed, r.key), r.key, start)
    }
}

fn namespace(seed: u64, key: u64) -> String {
    format!("synthetic-{seed}-{key:016x}")
}

/// A start instant in `[from, latest]`, busier during business hours (UTC 13:00–23:00 ≈ US day).
fn start_in(rng: &mut Rng, from: Time, latest: Time) -> i64 {
    const HOUR_WEIGHT: [u64; 24] = [
        3, 2, 1, 1, 1, 1, 1, 1, 1, 2, 3, 5, 8, 12, 14, 15, 15, 14, 13, 12, 10, 8, 6, 4,
    ];
    let total: u64 = HOUR_WEIGHT.iter().sum();
    let span_days = (latest - from).num_days().max(1);
    for _ in 0..64 {
        let day = from
            + Duration::days(
                i64::try_from(rng.below(u64::try_from(span_days).unwrap_or(1) + 1)).unwrap_or(0),
            );
        let mut pick = rng.below(total);
        let mut hour = 0;
        for (h, wgt) in HOUR_WEIGHT.iter().enumerate() {
            if pick < *wgt {
                hour = h;
                break;
            }
            pick -= wgt;
        }
        let midnight = day
            - Duration::seconds(i64::from(day.num_seconds_from_midnight()))
            - Duration::nanoseconds(i64::from(day.nanosecond()));
        let t = midnight
            + Duration::hours(i64::try_from(hour).unwrap_or(0))
            + Duration::milliseconds(i64::try_from(rng.below(3_600_000)).unwrap_or(0));
        if t >= from && t <= latest {
            return t.timestamp_millis();
        }
    }
    from.timestamp_millis()
}

/// Milliseconds in `[lo, hi]`, skewed towards `lo` (most waits/talks are short, a few are long).
fn skewed(rng: &mut Rng, lo: i64, hi: i64) -> i64 {
    let span = u64::try_from(hi - lo).unwrap_or(0);
    let a = rng.below(span + 1);
    let b = rng.below(span + 1);
    lo + i64::try_from(a.min(b)).unwrap_or(0)
}

fn ms(rng: &mut Rng, lo: i64, hi: i64) -> i64 {
    lo + i64::try_from(rng.below(u64::try_from(hi - lo).unwrap_or(0) + 1)).unwrap_or(0)
}

fn pick(rng: &mut Rng, n: usize) -> usize {
    usize::try_from(rng.below(n as u64)).unwrap_or(0)
}

/// Build the conversation behind a key: the kind mix is roughly a mid-size contact centre's.
fn materialise(ns: &str, key: u64, start: Time) -> Conv {
    let mut rng = Rng::new(key);
    let roll = rng.below(100);
    let phone = catalog::customer_phone(rng.below(400));
    let name = catalog::CUSTOMER_NAMES[pick(&mut rng, catalog::CUSTOMER_NAMES.len())];
    let agent = catalog::agent(pick(&mut rng, catalog::AGENT_NAMES.len()));
    match roll {
        0..46 => inbound(ns, start, &mut rng, &phone, name, true),
        46..48 => transfer::rona(&cast(ns, start, &mut rng, &phone, name)),
        48..56 => inbound(ns, start, &mut rng, &phone, name, false),
        56..60 => transfer::blind_transfer(
            &cast(ns, start, &mut rng, &phone, name),
            &catalog::queue(q::BILLING),
        ),
        60..62 => transfer::consult_transfer(&cast(ns, start, &mut rng, &phone, name)),
        62..63 => transfer::conference(&cast(ns, start, &mut rng, &phone, name)),
        63..70 => selfservice::ivr_only(ns, start, &phone, name, ms(&mut rng, 25_000, 240_000)),
        70..72 => selfservice::voicemail(ns, start, &phone, name),
        72..80 => {
            let (contacting, talk) = (
                ms(&mut rng, 6_000, 28_000),
                skewed(&mut rng, 20_000, 600_000),
            );
            let code = if rng.chance(35) { w::SALE } else { w::NO_SALE };
            let acw = ms(&mut rng, 8_000, 90_000);
            outbound::dialer(
                ns,
                start,
                &phone,
                name,
                &agent,
                contacting,
                talk,
                wrap(code, "", acw),
            )
        }
        80..83 => outbound::callback(ns, start, &phone, name, &agent),
        83..93 => {
            let (wait, work) = (
                skewed(&mut rng, 5_000, 400_000),
                skewed(&mut rng, 60_000, 1_500_000),
            );
            let mut d = digital::messaging(ns, start, agent, wait, work);
            d.customer_name = name.to_owned();
            d.build()
        }
        _ => {
            let (wait, work) = (
                skewed(&mut rng, 60_000, 3_600_000),
                skewed(&mut rng, 60_000, 1_200_000),
            );
            let mut d = digital::email(ns, start, agent, wait, work);
            d.customer_name = name.to_owned();
            d.build()
        }
    }
}

fn cast(ns: &str, start: Time, rng: &mut Rng, phone: &str, name: &str) -> Cast {
    let a1 = pick(rng, catalog::AGENT_NAMES.len());
    let a2 = (a1 + 1 + pick(rng, catalog::AGENT_NAMES.len() - 1)) % catalog::AGENT_NAMES.len();
    Cast {
        ns: ns.to_owned(),
        start,
        customer_name: name.to_owned(),
        phone: phone.to_owned(),
        first_queue: catalog::queue([q::TECH, q::CARE, q::SALES][pick(rng, 3)]),
        first_agent: catalog::agent(a1),
        second_agent: catalog::agent(a2),
    }
}

fn inbound(ns: &str, start: Time, rng: &mut Rng, phone: &str, name: &str, answered: bool) -> Conv {
    let queue_i = [q::BILLING, q::TECH, q::SALES, q::CARE][pick(rng, 4)];
    let mut call = InboundCall::typical(ns, start);
    call.customer_name = name.to_owned();
    call.phone = phone.to_owned();
    call.dnis = if queue_i == q::BILLING && rng.chance(50) {
        catalog::BILLING_NUMBER
    } else {
        catalog::MAIN_NUMBER
    }
    .to_owned();
    call.ivr_ms = ms(rng, 6_000, 75_000);
    call.queue = catalog::queue(queue_i);
    call.alert_ms = ms(rng, 2_000, 14_000);
    call.wait_ms = call.alert_ms + skewed(rng, 1_000, 900_000);
    call.agent = catalog::agent(pick(rng, catalog::AGENT_NAMES.len()));
    call.attributes = vec![(
        "accountNumber".to_owned(),
        format!("AC-{:03}-{:04}", rng.below(1000), rng.below(10_000)),
    )];
    call.mos = 3.6 + f64::from(u8::try_from(rng.below(130)).unwrap_or(0)) / 100.0;
    if !answered {
        call.steps.clear();
        call.wrap = None;
        return call.build();
    }
    let mut steps = vec![Step(SegKind::Interact, skewed(rng, 20_000, 1_200_000))];
    for _ in 0..rng.below(3) {
        if rng.chance(45) {
            steps.push(Step(SegKind::Hold, skewed(rng, 5_000, 240_000)));
            steps.push(Step(SegKind::Interact, skewed(rng, 10_000, 600_000)));
        }
    }
    call.steps = steps;
    call.agent_hangs_up = rng.chance(25);
    let code = match queue_i {
        q::BILLING => [w::BILLING, w::PAYMENT][pick(rng, 2)],
        q::TECH => [w::TECH_RESOLVED, w::ESCALATED][pick(rng, 2)],
        q::SALES => [w::SALE, w::NO_SALE][pick(rng, 2)],
        _ => w::INFO,
    };
    call.wrap = Some(wrap(code, "", ms(rng, 3_000, 150_000)));
    call.build()
}
