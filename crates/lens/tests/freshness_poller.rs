#![allow(clippy::unwrap_used)]
//! The poller, driven by a frozen clock: never over its rate, never overlapping, paused while
//! hidden, stopping once both views are ended and stable.

use lens::freshness::poller::{
    self, Api, Fetch, Millis, Phase, Poller, PollerConfig, ResponseReport, StopReason,
};

fn cfg(period_ms: Millis) -> PollerConfig {
    PollerConfig {
        period_ms,
        ..PollerConfig::default()
    }
}

fn answer(p: &mut Poller, f: Fetch, at: Millis, ended: bool, changed: bool) {
    p.on_response(
        f.poll,
        Api::Realtime,
        at,
        ResponseReport {
            ended,
            changed,
            ..ResponseReport::default()
        },
    );
    p.on_response(
        f.poll,
        Api::Analytics,
        at,
        ResponseReport {
            ended,
            changed,
            ..ResponseReport::default()
        },
    );
}

#[test]
fn period_is_clamped_to_the_rate_budget() {
    let c = PollerConfig::default();
    // 300 req/min, half for polling, 2 requests per poll → 75 polls/min → 800 ms.
    assert_eq!(c.max_polls_per_minute(), 75);
    assert_eq!(c.min_period_ms(), 800);
    let (p, why) = poller::clamp_period(100, &c);
    assert_eq!(p, 800);
    let why = why.unwrap();
    assert!(why.detail.contains("300"));
    assert!(!why.source.verified, "the 300/min figure is a forum quote");
    assert_eq!(poller::clamp_period(5_000, &c), (5_000, None));
    assert_eq!(
        poller::clamp_period(10_000_000, &c).0,
        poller::MAX_PERIOD_MS
    );
    assert_eq!(Poller::new(cfg(1)).period_ms(), 800);
    assert_eq!(Poller::new(PollerConfig::default()).period_ms(), 5_000);
}

/// Simulate 10 minutes with a frozen clock advanced in 50 ms steps; responses take a varying
/// time (some longer than the period). Returns the poll start times.
fn simulate(period: Millis, latency: impl Fn(u32) -> Millis) -> Vec<Millis> {
    let mut p = Poller::new(cfg(period));
    let mut starts = Vec::new();
    let mut pending: Option<(Fetch, Millis)> = None;
    if let Some(f) = p.start(0) {
        starts.push(0);
        pending = Some((f, latency(f.poll)));
    }
    let mut now = 0;
    while now < 600_000 {
        now += 50;
        if let Some((f, done_at)) = pending
            && now >= done_at
        {
            answer(&mut p, f, now, false, true);
            pending = None;
        }
        if let Some(f) = p.tick(now) {
            assert!(
                pending.is_none(),
                "poll {} started at {now} while poll {} is in flight",
                f.poll,
                pending.unwrap().0.poll
            );
            starts.push(now);
            pending = Some((f, now + latency(f.poll)));
        }
    }
    starts
}

fn assert_within_rate(starts: &[Millis], period: Millis, per_minute: usize) {
    for w in starts.windows(2) {
        assert!(
            w[1] - w[0] >= period,
            "polls at {} and {} are closer than {period} ms",
            w[0],
            w[1]
        );
    }
    for (i, s) in starts.iter().enumerate() {
        let in_window = starts[i..].iter().take_while(|t| **t < s + 60_000).count();
        assert!(
            in_window <= per_minute,
            "{in_window} polls in the minute from {s}"
        );
    }
}

#[test]
fn never_exceeds_its_rate_nor_overlaps() {
    let starts = simulate(5_000, |n| 100 + u64::from(n % 7) * 1_500);
    assert!(
        starts.len() > 60,
        "it should keep polling: {}",
        starts.len()
    );
    assert_within_rate(&starts, 5_000, 12);
    let fast = simulate(800, |n| 30 + u64::from(n % 3) * 400);
    assert_within_rate(&fast, 800, 75);
    assert!(fast.len() > 500);
}

#[test]
fn a_slow_response_delays_the_next_poll_instead_of_overlapping() {
    let mut p = Poller::new(cfg(5_000));
    let f = p.start(0).unwrap();
    assert_eq!(p.tick(5_000), None);
    assert_eq!(p.tick(9_000), None, "still waiting for both responses");
    p.on_response(f.poll, Api::Realtime, 9_000, ResponseReport::default());
    assert_eq!(p.tick(9_500), None, "analytics has not answered");
    p.on_response(f.poll, Api::Analytics, 12_000, ResponseReport::default());
    assert_eq!(p.next_due(), Some(12_000));
    assert_eq!(p.tick(12_000).unwrap().poll, 2);
}

#[test]
fn paused_while_hidden_and_resumed_when_visible() {
    let mut p = Poller::new(cfg(5_000));
    let f = p.start(0).unwrap();
    answer(&mut p, f, 200, false, true);
    assert_eq!(p.set_hidden(true, 1_000), None);
    assert_eq!(p.next_due(), None);
    assert_eq!(p.tick(5_000), None);
    assert_eq!(p.tick(60_000), None);
    let g = p.set_hidden(false, 61_000).unwrap();
    assert_eq!(g.poll, 2);
    // Hidden at start: nothing until visible.
    let mut q = Poller::new(cfg(5_000));
    q.set_hidden(true, 0);
    assert_eq!(q.start(0), None);
    assert!(q.set_hidden(false, 10).is_some());
}

#[test]
fn stops_when_both_ended_and_analytics_stable() {
    let mut p = Poller::new(cfg(1_000));
    let mut now = 0;
    let mut f = p.start(now).unwrap();
    // Live for two polls, then real time ends but analytics keeps changing (wrap-up late).
    let script = [
        (false, true),
        (false, true),
        (true, true),
        (true, true),
        (true, false),
        (true, true),
        (true, false),
        (true, false),
        (true, false),
    ];
    let mut stopped_after = None;
    for (i, (ended, changed)) in script.iter().enumerate() {
        answer(&mut p, f, now + 100, *ended, *changed);
        if p.phase() == Phase::Stopped(StopReason::Settled) {
            stopped_after = Some(i + 1);
            break;
        }
        now += 1_000;
        f = p.tick(now).unwrap();
    }
    assert_eq!(
        stopped_after,
        Some(9),
        "three consecutive stable polls after the last change"
    );
    assert_eq!(p.tick(now + 10_000), None);
}

#[test]
fn stop_and_retry_after_are_respected() {
    let mut p = Poller::new(cfg(1_000));
    let f = p.start(0).unwrap();
    p.on_response(
        f.poll,
        Api::Realtime,
        100,
        ResponseReport {
            retry_after_ms: Some(30_000),
            ..ResponseReport::default()
        },
    );
    p.on_response(f.poll, Api::Analytics, 100, ResponseReport::default());
    assert_eq!(p.tick(1_000), None);
    assert_eq!(p.next_due(), Some(30_100));
    assert!(p.tick(30_100).is_some());
    p.stop(StopReason::LeftPage);
    assert_eq!(p.tick(100_000), None);
    assert_eq!(p.next_due(), None);
}

#[test]
fn a_quiet_body_still_awaiting_the_wrap_up_is_not_settled() {
    let mut p = Poller::new(cfg(1_000));
    let mut now = 0;
    let mut f = p.start(now).unwrap();
    let awaiting = ResponseReport {
        ended: true,
        changed: false,
        retry_after_ms: None,
        awaiting_more: true,
    };
    // Ten quiet polls while the wrap-up is still expected: keeps polling.
    for _ in 0..10 {
        p.on_response(
            f.poll,
            Api::Realtime,
            now + 100,
            ResponseReport {
                ended: true,
                ..ResponseReport::default()
            },
        );
        p.on_response(f.poll, Api::Analytics, now + 100, awaiting);
        assert!(
            !matches!(p.phase(), Phase::Stopped(_)),
            "stopped while awaiting the wrap-up"
        );
        now += 1_000;
        f = p.tick(now).unwrap();
    }
    // The wrap-up arrives (a change), then three quiet polls settle it.
    answer(&mut p, f, now + 100, true, true);
    for i in 0..3 {
        now += 1_000;
        f = p.tick(now).unwrap();
        answer(&mut p, f, now + 100, true, false);
        assert_eq!(
            matches!(p.phase(), Phase::Stopped(StopReason::Settled)),
            i == 2
        );
    }
}

#[test]
fn waiting_for_a_wrap_up_that_never_comes_is_bounded() {
    let mut p = Poller::new(PollerConfig {
        period_ms: 5_000,
        max_settle_ms: 60_000,
        ..PollerConfig::default()
    });
    let mut now = 0;
    let mut f = p.start(now).unwrap();
    let awaiting = ResponseReport {
        ended: true,
        changed: false,
        retry_after_ms: None,
        awaiting_more: true,
    };
    let mut polls = 1;
    loop {
        p.on_response(
            f.poll,
            Api::Realtime,
            now + 100,
            ResponseReport {
                ended: true,
                ..ResponseReport::default()
            },
        );
        p.on_response(f.poll, Api::Analytics, now + 100, awaiting);
        if p.phase() == Phase::Stopped(StopReason::Settled) {
            break;
        }
        now += 5_000;
        f = p.tick(now).unwrap();
        polls += 1;
        assert!(polls < 100, "never stopped");
    }
    assert_eq!(
        now, 60_000,
        "stops at the first poll completing {}+ ms after settling began",
        60_000
    );
}
