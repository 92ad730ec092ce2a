//! Metric arithmetic of the analytics view, per scenario and for a synthetic sample:
//! every t* metric equals the summed durations of its segments,
//! tHandle = tTalk + tHeld + tAcw + tDialing + tContacting (Resource Center glossary "handle time"),
//! nothing is emitted after "now", segments are ordered and contiguous.

mod support;

use chrono::{DateTime, Duration, TimeZone, Utc};
use demo_org::DemoConfig;
use demo_org::org::Org;
use model::analytics::{AnalyticsConversation, AnalyticsSession};
use std::collections::HashMap;
use support::instants::instants;

fn org() -> Org {
    let start = Utc
        .with_ymd_and_hms(2026, 5, 12, 14, 0, 0)
        .single()
        .expect("valid date");
    let cfg = DemoConfig {
        frozen_at: Some(start),
        synthetic_conversations: 2_000,
        ..DemoConfig::default()
    };
    Org::new(&cfg)
}

fn dur(s: &model::analytics::AnalyticsConversationSegment) -> Option<i64> {
    Some((s.segment_end? - s.segment_start?).num_milliseconds())
}

/// Which segment type a duration metric measures, on a participant with this purpose.
fn segment_for(metric: &str, purpose: &str) -> Option<&'static str> {
    Some(match (metric, purpose) {
        ("tIvr", _) => "ivr",
        ("tAcd" | "tAbandon", "acd") => "interact",
        ("tAlert" | "tNotResponding", _) => "alert",
        ("tTalk", "agent" | "external") => "interact",
        ("tHeld", _) => "hold",
        ("tAcw", _) => "wrapup",
        ("tDialing", _) => "dialing",
        ("tContacting", _) => "contacting",
        ("tVoicemail", _) => "voicemail",
        _ => return None,
    })
}

fn sums(s: &AnalyticsSession) -> HashMap<String, i64> {
    let mut m = HashMap::new();
    for x in s.metrics.iter().flatten() {
        *m.entry(x.name.clone().unwrap_or_default()).or_insert(0) += x.value.unwrap_or(0);
    }
    m
}

/// Check one analytics record; `visible_until` = now − analytics lag.
fn check(c: &AnalyticsConversation, now: DateTime<Utc>, visible_until: DateTime<Utc>, ctx: &str) {
    let start = c.conversation_start.expect("conversationStart");
    assert!(
        start <= visible_until,
        "{ctx}: conversation visible before the lag passed"
    );
    if let Some(end) = c.conversation_end {
        assert!(
            end >= start && end <= visible_until,
            "{ctx}: conversationEnd {end} not in [start, now - lag]"
        );
    }
    for p in c.participants.iter().flatten() {
        let purpose = p
            .purpose
            .as_ref()
            .map(|x| x.as_str().to_owned())
            .unwrap_or_default();
        for s in p.sessions.iter().flatten() {
            let sid = s.session_id.clone().unwrap_or_default();
            let ctx = format!("{ctx} / {purpose} session {sid}");
            let segs = s.segments.clone().unwrap_or_default();
            assert!(!segs.is_empty(), "{ctx}: session without segments");
            // Ordered, contiguous, only the last may be open, nothing after the horizon.
            for (i, g) in segs.iter().enumerate() {
                let gs = g.segment_start.expect("segmentStart");
                assert!(
                    gs <= visible_until,
                    "{ctx}: segment starts after the visibility horizon"
                );
                match g.segment_end {
                    Some(ge) => assert!(ge >= gs && ge <= visible_until, "{ctx}: bad segmentEnd"),
                    None => assert_eq!(
                        i,
                        segs.len() - 1,
                        "{ctx}: open segment that is not the last"
                    ),
                }
                if let Some(next) = segs.get(i + 1) {
                    assert_eq!(
                        g.segment_end,
                        next.segment_start,
                        "{ctx}: segments {i}/{} not contiguous",
                        i + 1
                    );
                }
            }
            // Emitted only once complete, never in the future.
            for m in s.metrics.iter().flatten() {
                let at = m.emit_date.expect("emitDate");
                assert!(
                    at <= now && at <= visible_until,
                    "{ctx}: {:?} emitted at {at}, after now {now}",
                    m.name
                );
                assert!(m.value.unwrap_or(-1) >= 0, "{ctx}: negative {:?}", m.name);
            }
            let totals = sums(s);
            // Every t* equals the summed durations of the closed segments it measures.
            for (name, value) in &totals {
                let Some(kind) = segment_for(name, &purpose) else {
                    continue;
                };
                let seg_total: i64 = segs
                    .iter()
                    .filter(|g| g.segment_type.as_ref().map(|t| t.as_str()) == Some(kind))
                    .filter_map(dur)
                    .sum();
                if name == "tNotResponding" {
                    assert!(
                        *value <= seg_total,
                        "{ctx}: tNotResponding {value} > alert time {seg_total}"
                    );
                } else {
                    assert_eq!(
                        *value, seg_total,
                        "{ctx}: {name} = {value} but its {kind} segments sum to {seg_total}"
                    );
                }
            }
            // tHandle = tTalk + tHeld + tAcw + tDialing + tContacting, using the *Complete totals.
            if let Some(handle) = totals.get("tHandle") {
                let talk = totals.get("tTalkComplete").copied().unwrap_or(0);
                let held = totals.get("tHeldComplete").copied().unwrap_or(0);
                let acw = totals.get("tAcw").copied().unwrap_or(0);
                let dial = totals.get("tDialing").copied().unwrap_or(0);
                let contact = totals.get("tContacting").copied().unwrap_or(0);
                assert_eq!(
                    *handle,
                    talk + held + acw + dial + contact,
                    "{ctx}: tHandle != tTalkComplete + tHeldComplete + tAcw + tDialing + tContacting"
                );
                assert_eq!(
                    talk,
                    totals.get("tTalk").copied().unwrap_or(0),
                    "{ctx}: tTalkComplete != Σ tTalk"
                );
                assert_eq!(
                    held,
                    totals.get("tHeld").copied().unwrap_or(0),
                    "{ctx}: tHeldComplete != Σ tHeld"
                );
            }
            // A wrap-up segment and tAcw arrive together.
            let has_wrap_seg = segs
                .iter()
                .any(|g| g.segment_type.as_ref().map(|t| t.as_str()) == Some("wrapup"));
            assert_eq!(
                has_wrap_seg,
                totals.contains_key("tAcw"),
                "{ctx}: wrapup segment without tAcw or vice versa"
            );
            if purpose == "acd" {
                assert_eq!(
                    totals.get("nOffered"),
                    Some(&1),
                    "{ctx}: acd session without nOffered"
                );
            }
        }
    }
}

/// Every agent's tAnswered is the wait of the ACD session that selected that agent.
fn check_answered(c: &AnalyticsConversation, ctx: &str) {
    let parts = c.participants.clone().unwrap_or_default();
    for p in parts
        .iter()
        .filter(|p| p.purpose.as_ref().map(|x| x.as_str()) == Some("agent"))
    {
        for s in p.sessions.iter().flatten() {
            let Some(answered) = sums(s).get("tAnswered").copied() else {
                continue;
            };
            let waits: Vec<i64> = parts
                .iter()
                .filter(|q| q.purpose.as_ref().map(|x| x.as_str()) == Some("acd"))
                .flat_map(|q| q.sessions.iter().flatten())
                .filter(|q| q.selected_agent_id.is_some() && q.selected_agent_id == p.user_id)
                .filter_map(|q| sums(q).get("tAcd").copied())
                .collect();
            assert!(
                waits.contains(&answered),
                "{ctx}: tAnswered {answered} matches no ACD wait {waits:?}"
            );
        }
    }
}

/// Alerts ring at most the queue's alerting timeout; only a no-answer (RONA) reaches it.
fn check_alerts(c: &demo_org::timeline::Conv, ctx: &str) {
    let timeout = demo_org::realtime::ALERTING_TIMEOUT_MS;
    for s in c.sessions() {
        for g in s
            .segs
            .iter()
            .filter(|g| g.kind == demo_org::timeline::SegKind::Alert)
        {
            let d = (g.end - g.start).num_milliseconds();
            assert!(
                d <= timeout,
                "{ctx}: alert of {d} ms outlasts the {timeout} ms alerting timeout"
            );
            if d == timeout {
                assert_eq!(
                    s.disc,
                    demo_org::timeline::Disc::NoAnswerTransfer,
                    "{ctx}: timed-out alert not RONA"
                );
            }
        }
    }
}

/// Once everything is final: every answered agent session has tHandle, every segment is closed.
fn check_final(c: &AnalyticsConversation, ctx: &str) {
    assert!(
        c.conversation_end.is_some(),
        "{ctx}: no conversationEnd once final"
    );
    for p in c.participants.iter().flatten() {
        for s in p.sessions.iter().flatten() {
            let segs = s.segments.clone().unwrap_or_default();
            assert!(
                segs.iter().all(|g| g.segment_end.is_some()),
                "{ctx}: open segment once final"
            );
            let totals = sums(s);
            if p.purpose.as_ref().map(|x| x.as_str()) == Some("agent")
                && totals.contains_key("tTalk")
            {
                assert!(
                    totals.contains_key("tHandle"),
                    "{ctx}: answered agent session without tHandle"
                );
            }
        }
    }
}

#[test]
fn scenario_metrics_add_up_at_every_instant() {
    let org = org();
    let lag = org.timing().lags.analytics;
    let mut checked = 0;
    for s in org.all_scenarios() {
        for (label, at) in instants(&s.conv, org.origin(), org.timing()) {
            if let Some(an) = org.analytics(&s.conv.id, at) {
                check(&an, at, at - lag, &format!("{} at {label}", s.id));
                checked += 1;
            }
        }
        let final_at = s.conv.acw_end() + lag + org.timing().lags.wrapup;
        let an = org
            .analytics(&s.conv.id, final_at)
            .expect("final analytics record");
        check_final(&an, s.id);
        check_answered(&an, s.id);
        check_alerts(&s.conv, s.id);
    }
    assert!(checked > 100, "only {checked} records checked");
}

#[test]
fn the_reference_example_numbers_hold_for_inbound_answered() {
    // reference/api-facts.md §2.4: tTalk 114120 + 89800, tHeld 45500, tAcw 30001 → tHandle 279421.
    let org = org();
    let s = org.scenario("inbound-answered").expect("scenario");
    let an = org
        .analytics(&s.conv.id, s.conv.acw_end() + Duration::hours(1))
        .expect("analytics");
    let agent = an
        .participants
        .iter()
        .flatten()
        .find(|p| p.purpose.as_ref().map(|x| x.as_str()) == Some("agent"))
        .expect("agent participant");
    let totals = sums(&agent.sessions.as_ref().expect("sessions")[0]);
    assert_eq!(totals.get("tTalkComplete"), Some(&203_920));
    assert_eq!(totals.get("tHeldComplete"), Some(&45_500));
    assert_eq!(totals.get("tAcw"), Some(&30_001));
    assert_eq!(totals.get("tHandle"), Some(&279_421));
    assert_eq!(totals.get("tAnswered"), Some(&24_750));
}

#[test]
fn callback_handle_time_includes_dialing_and_contacting() {
    // The agent dials the customer back: that session has tDialing and tContacting, and its
    // handle time counts them (talk + hold + ACW + dialing + contacting).
    let org = org();
    let s = org.scenario("callback").expect("scenario");
    let an = org
        .analytics(&s.conv.id, s.conv.acw_end() + Duration::hours(1))
        .expect("analytics");
    let sessions: Vec<&AnalyticsSession> = an
        .participants
        .iter()
        .flatten()
        .filter(|p| p.purpose.as_ref().map(|x| x.as_str()) == Some("agent"))
        .flat_map(|p| p.sessions.iter().flatten())
        .collect();
    let dialed = sessions
        .iter()
        .map(|s| sums(s))
        .find(|t| t.contains_key("tDialing"))
        .expect("an agent session that dials");
    let part = |n: &str| dialed.get(n).copied().unwrap_or(0);
    assert!(part("tDialing") > 0 && part("tContacting") > 0);
    assert_eq!(
        part("tHandle"),
        part("tTalkComplete")
            + part("tHeldComplete")
            + part("tAcw")
            + part("tDialing")
            + part("tContacting")
    );
    assert!(part("tHandle") > part("tTalkComplete") + part("tHeldComplete") + part("tAcw"));
}

#[test]
fn synthetic_metrics_add_up() {
    let org = org();
    let now = org.origin();
    let lag = org.timing().lags.analytics;
    let mut n = 0;
    for an in org
        .analytics_started_in(now - Duration::days(30), now, now)
        .step_by(5)
    {
        let ctx = format!(
            "synthetic {}",
            an.conversation_id.clone().unwrap_or_default()
        );
        check(&an, now, now - lag, &ctx);
        let id = an.conversation_id.clone().unwrap_or_default();
        if org.scenario(&id).is_none() {
            // Synthetic conversations all ended well before start-up.
            check_final(&an, &ctx);
            check_answered(&an, &ctx);
            if let Some(conv) = org.conversation(&id) {
                check_alerts(&conv, &ctx);
            }
            n += 1;
        }
    }
    assert!(
        org.synthetic().is_empty() || n >= 300,
        "only {n} synthetic conversations checked"
    );
}
