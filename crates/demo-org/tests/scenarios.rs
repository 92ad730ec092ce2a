//! Scenario evolution on a frozen clock: live → ended, communication state transitions, analytics
//! lag, wrap-up arriving later, real-time retention (404), stable IDs.

use chrono::{DateTime, Duration, TimeZone, Utc};
use demo_org::DemoConfig;
use demo_org::clock::Clock;
use demo_org::org::Org;
use demo_org::timeline::{Role, SegKind};
use model::analytics::AnalyticsConversation;
use model::conversations::{Call, Conversation, Participant};
use std::collections::HashSet;

fn origin() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 12, 14, 0, 0)
        .single()
        .expect("valid date")
}

fn cfg() -> DemoConfig {
    DemoConfig {
        frozen_at: Some(origin()),
        synthetic_conversations: 500,
        ..DemoConfig::default()
    }
}

fn org() -> Org {
    Org::new(&cfg())
}

fn conv_id(org: &Org, slug: &str) -> String {
    org.scenario(slug)
        .unwrap_or_else(|| panic!("scenario {slug}"))
        .conv
        .id
        .clone()
}

fn party<'a>(c: &'a Conversation, purpose: &str) -> Option<&'a Participant> {
    c.participants
        .iter()
        .flatten()
        .find(|p| p.purpose.as_deref() == Some(purpose))
}

fn agent_call(c: &Conversation) -> Option<&Call> {
    party(c, "agent")
        .and_then(|p| p.calls.as_ref())
        .and_then(|v| v.first())
}

fn call_state(c: &Conversation) -> Option<String> {
    agent_call(c)
        .and_then(|x| x.state.as_ref())
        .map(|s| s.as_str().to_owned())
}

fn segment_types(a: &AnalyticsConversation, purpose: &str) -> Vec<String> {
    a.participants
        .iter()
        .flatten()
        .filter(|p| p.purpose.as_ref().map(|x| x.as_str()) == Some(purpose))
        .flat_map(|p| p.sessions.iter().flatten())
        .flat_map(|s| s.segments.iter().flatten())
        .filter_map(|g| g.segment_type.as_ref().map(|t| t.as_str().to_owned()))
        .collect()
}

#[test]
fn at_least_fourteen_scenarios_with_unique_stable_ids() {
    let a = org();
    let later = Org::new(&DemoConfig {
        frozen_at: Some(origin() + Duration::days(3)),
        ..cfg()
    });
    let ids: Vec<_> = a
        .all_scenarios()
        .iter()
        .map(|s| (s.id, s.conv.id.clone()))
        .collect();
    assert!(ids.len() >= 14, "only {} scenarios", ids.len());
    let slugs: HashSet<_> = ids.iter().map(|x| x.0).collect();
    let convs: HashSet<_> = ids.iter().map(|x| x.1.clone()).collect();
    assert_eq!(slugs.len(), ids.len(), "duplicate slugs");
    assert_eq!(convs.len(), ids.len(), "duplicate conversation ids");
    let later_ids: Vec<_> = later
        .all_scenarios()
        .iter()
        .map(|s| (s.id, s.conv.id.clone()))
        .collect();
    assert_eq!(ids, later_ids, "ids must be the same on every start");
    // Participant and communication ids are stable too.
    let pa: Vec<_> = a.all_scenarios()[0]
        .conv
        .sessions()
        .map(|s| s.id.clone())
        .collect();
    let pb: Vec<_> = later.all_scenarios()[0]
        .conv
        .sessions()
        .map(|s| s.id.clone())
        .collect();
    assert_eq!(pa, pb);
    for required in [
        "inbound-answered",
        "abandoned-in-queue",
        "blind-transfer",
        "consult-transfer",
        "hold-resume",
        "callback",
        "outbound-dialer",
        "web-messaging",
        "email",
        "ivr-self-service",
        "conference",
        "voicemail",
        "long-live",
        "past-retention",
    ] {
        assert!(slugs.contains(required), "missing scenario {required}");
    }
}

#[test]
fn start_up_mixes_live_and_ended_stories() {
    let org = org();
    let list = org.scenarios(org.origin());
    let live = list.iter().filter(|s| s.live).count();
    assert!(live >= 5, "only {live} scenarios live at start-up");
    assert!(list.iter().filter(|s| !s.live).count() >= 5);
    let phase = |slug: &str| {
        list.iter()
            .find(|s| s.id == slug)
            .map(|s| s.phase.label)
            .unwrap_or_default()
    };
    assert_eq!(phase("hold-resume"), "on hold");
    assert_eq!(phase("inbound-answered"), "in IVR");
    assert_eq!(phase("abandoned-in-queue"), "waiting in queue");
    assert_eq!(phase("voicemail"), "not started yet");
    assert_eq!(
        phase("past-retention"),
        "ended; real-time record purged (analytics only)"
    );
    assert_eq!(phase("blind-transfer"), "ended");
    // Every live scenario except the long one ends within 10 minutes of start-up.
    for s in org.all_scenarios().iter().filter(|s| s.id != "long-live") {
        assert!(
            s.conv.end() < org.origin() + Duration::minutes(10),
            "{} ends too late",
            s.id
        );
    }
}

#[test]
fn inbound_call_moves_through_its_states_in_both_views() {
    let clock = Clock::frozen(origin());
    let org = Org::with_clock(&cfg(), clock.clone());
    let id = conv_id(&org, "inbound-answered");
    let sc = org
        .scenario("inbound-answered")
        .expect("scenario")
        .conv
        .clone();
    let agent = sc
        .parties
        .iter()
        .find(|p| p.role == Role::Agent)
        .expect("agent");
    let segs = &agent.sessions[0].segs;
    let (alert, talk, hold) = (segs[0].start, segs[1].start, segs[2].start);
    let lag = org.timing().lags.analytics;

    // Start-up: caller in the IVR; no agent yet; no endTime; never a top-level state.
    let rt = org.realtime(&id, clock.now()).expect("live call");
    assert!(rt.end_time.is_none() && rt.state.is_none());
    assert!(party(&rt, "agent").is_none());
    assert_eq!(
        rt.recording_state.as_ref().map(|s| s.as_str()),
        Some("ACTIVE")
    );

    clock.set(alert + Duration::seconds(1));
    let rt = org.realtime(&id, clock.now()).expect("live");
    assert_eq!(call_state(&rt).as_deref(), Some("alerting"));
    assert!(agent_call(&rt).and_then(|c| c.connected_time).is_none());

    clock.set(talk + Duration::seconds(1));
    let rt = org.realtime(&id, clock.now()).expect("live");
    assert_eq!(call_state(&rt).as_deref(), Some("connected"));
    assert_eq!(agent_call(&rt).and_then(|c| c.connected_time), Some(talk));
    assert!(
        agent_call(&rt)
            .and_then(|c| c.disconnect_type.clone())
            .is_none(),
        "no disconnectType while live"
    );

    clock.set(hold + Duration::seconds(1));
    let rt = org.realtime(&id, clock.now()).expect("live");
    let call = agent_call(&rt).expect("agent call");
    assert_eq!(call.held, Some(true));
    assert_eq!(call.start_hold_time, Some(hold));
    // Analytics lags: the hold is not there yet, the talk segment is still open.
    let an = org.analytics(&id, clock.now()).expect("analytics");
    assert!(!segment_types(&an, "agent").contains(&"hold".to_owned()));
    clock.set(hold + lag);
    let an = org.analytics(&id, clock.now()).expect("analytics");
    assert!(segment_types(&an, "agent").contains(&"hold".to_owned()));

    // Ended: disconnected with endTime; after-call work pending, then complete.
    let end = sc.end();
    clock.set(end + Duration::seconds(1));
    let rt = org
        .realtime(&id, clock.now())
        .expect("ended, still readable");
    assert_eq!(rt.end_time, Some(end));
    assert_eq!(call_state(&rt).as_deref(), Some("disconnected"));
    assert_eq!(
        rt.recording_state.as_ref().map(|s| s.as_str()),
        Some("NONE")
    );
    let call = agent_call(&rt).expect("agent call");
    assert_eq!(
        call.disconnect_type.as_ref().map(|d| d.as_str()),
        Some("peer")
    );
    assert_eq!(
        call.after_call_work
            .as_ref()
            .and_then(|a| a.state.as_ref())
            .map(|s| s.as_str()),
        Some("pending")
    );
    assert!(
        party(&rt, "agent")
            .and_then(|p| p.wrapup.as_ref())
            .is_none()
    );
    let an = org.analytics(&id, clock.now()).expect("analytics");
    assert!(
        an.conversation_end.is_none(),
        "analytics has not seen the end yet (lag)"
    );

    clock.set(end + lag);
    let an = org.analytics(&id, clock.now()).expect("analytics");
    assert_eq!(an.conversation_end, Some(end));
    assert!(
        !segment_types(&an, "agent").contains(&"wrapup".to_owned()),
        "wrap-up arrives later"
    );

    let acw_end = sc.acw_end();
    clock.set(acw_end);
    let rt = org.realtime(&id, clock.now()).expect("readable");
    let p = party(&rt, "agent").expect("agent");
    assert_eq!(
        p.wrapup.as_ref().and_then(|w| w.code.clone()),
        sc.parties[3].sessions[0]
            .wrap
            .as_ref()
            .map(|w| w.code_id.clone())
    );
    assert_eq!(p.end_acw_time, Some(acw_end));
    let call = agent_call(&rt).expect("agent call");
    assert_eq!(
        call.after_call_work
            .as_ref()
            .and_then(|a| a.state.as_ref())
            .map(|s| s.as_str()),
        Some("complete")
    );

    clock.set(acw_end + lag + org.timing().lags.wrapup);
    let an = org.analytics(&id, clock.now()).expect("analytics");
    assert!(segment_types(&an, "agent").contains(&"wrapup".to_owned()));

    // Purged from the Conversations API after retention; analytics keeps it.
    clock.set(end + org.timing().retention);
    assert!(org.realtime(&id, clock.now()).is_none());
    assert!(org.analytics(&id, clock.now()).is_some());
}

#[test]
fn old_and_future_conversations_404_where_they_should() {
    let org = org();
    let now = org.origin();
    let old = conv_id(&org, "past-retention");
    assert!(
        org.realtime(&old, now).is_none(),
        "older than retention → 404 on the Conversations API"
    );
    assert!(
        org.analytics(&old, now).is_some(),
        "…but present in analytics"
    );
    let vm = conv_id(&org, "voicemail");
    assert!(
        org.realtime(&vm, now).is_none() && org.analytics(&vm, now).is_none(),
        "not started yet"
    );
    let start = org.scenario("voicemail").expect("voicemail").conv.start();
    assert!(org.realtime(&vm, start).is_some());
    assert!(
        org.analytics(&vm, start).is_none(),
        "analytics lags the start"
    );
    assert!(
        org.analytics(&vm, start + org.timing().lags.analytics)
            .is_some()
    );
    assert!(
        org.realtime("00000000-0000-4000-8000-000000000000", now)
            .is_none()
    );
    assert!(org.analytics("not-a-uuid", now).is_none());
}

#[test]
fn disconnect_types_use_each_apis_vocabulary() {
    let org = org();
    let s = org.scenario("consult-transfer").expect("scenario");
    let at = s.conv.acw_end() + Duration::minutes(5);
    let rt = serde_json::to_string(&org.realtime(&s.conv.id, at).expect("rt")).expect("json");
    let an = serde_json::to_string(&org.analytics(&s.conv.id, at).expect("an")).expect("json");
    assert!(rt.contains("\"transfer.consult\"") && !rt.contains("consultTransfer"));
    assert!(an.contains("\"consultTransfer\"") && !an.contains("transfer.consult"));
    assert!(an.contains("nConsultTransferred"));
    let b = org.scenario("blind-transfer").expect("scenario");
    let an =
        serde_json::to_string(&org.analytics(&b.conv.id, org.origin()).expect("an")).expect("json");
    assert!(an.contains("nBlindTransferred"));
    let r = org.scenario("no-answer-rona").expect("scenario");
    let rt =
        serde_json::to_string(&org.realtime(&r.conv.id, org.origin()).expect("rt")).expect("json");
    let an =
        serde_json::to_string(&org.analytics(&r.conv.id, org.origin()).expect("an")).expect("json");
    assert!(rt.contains("\"transfer.noanswer\""));
    assert!(an.contains("\"noAnswerTransfer\"") && an.contains("tNotResponding"));
}

#[test]
fn media_specific_shapes() {
    let org = org();
    let now = org.origin() + Duration::minutes(1);
    let m = org
        .realtime(&conv_id(&org, "web-messaging"), now)
        .expect("messaging");
    let msg = party(&m, "customer")
        .and_then(|p| p.messages.as_ref())
        .and_then(|v| v.first())
        .expect("messages[]");
    assert_eq!(msg.type_.as_ref().map(|t| t.as_str()), Some("webmessaging"));
    assert!(!msg.messages.clone().unwrap_or_default().is_empty());
    assert!(
        party(&m, "customer")
            .and_then(|p| p.calls.as_ref())
            .is_none()
    );
    let e = org.realtime(&conv_id(&org, "email"), now).expect("email");
    assert!(
        party(&e, "customer")
            .and_then(|p| p.emails.as_ref())
            .is_some()
    );
    let cb = org
        .realtime(&conv_id(&org, "callback"), now)
        .expect("callback");
    let agent = party(&cb, "agent").expect("agent");
    assert!(
        agent.callbacks.is_some() && agent.calls.is_some(),
        "callback + the voice call placed for it"
    );
    let d = org
        .analytics(&conv_id(&org, "outbound-dialer"), now)
        .expect("dialer");
    assert_eq!(
        d.originating_direction.as_ref().map(|x| x.as_str()),
        Some("outbound")
    );
    assert!(
        segment_types(&d, "customer").starts_with(&["dialing".to_owned(), "contacting".to_owned()])
    );
    let conf = org.scenario("conference").expect("conference");
    let a = org
        .analytics(&conf.conv.id, conf.conv.acw_end() + Duration::hours(1))
        .expect("conference");
    assert!(a.conference_start.is_some());
    assert!(
        party(
            &org.realtime(&conf.conv.id, conf.conv.end()).expect("rt"),
            "external"
        )
        .is_some()
    );
    let ivr = org
        .analytics(&conv_id(&org, "ivr-self-service"), now)
        .expect("ivr");
    assert_eq!(ivr.self_served, Some(true));
    assert!(segment_types(&ivr, "agent").is_empty());
    let long = org.scenario("long-live").expect("long");
    let two_hours = org.origin() + Duration::hours(2);
    assert!(
        org.realtime(&long.conv.id, two_hours)
            .expect("live")
            .end_time
            .is_none()
    );
    let open = org.analytics(&long.conv.id, two_hours).expect("an");
    assert!(open.conversation_end.is_none());
    assert!(
        long.conv
            .sessions()
            .any(|s| s.segs.iter().any(|g| g.kind == SegKind::Interact))
    );
}

#[test]
fn analytics_window_is_start_day_based_and_lazy() {
    let org = org();
    let now = org.origin();
    let day = now - Duration::days(5);
    let got: Vec<_> = org
        .analytics_started_in(day, day + Duration::days(1), now)
        .collect();
    assert!(!got.is_empty());
    let starts: Vec<_> = got.iter().filter_map(|c| c.conversation_start).collect();
    assert!(
        starts
            .iter()
            .all(|s| *s >= day && *s < day + Duration::days(1)),
        "start outside window"
    );
    assert!(
        starts.windows(2).all(|w| w[0] <= w[1]),
        "not in start order"
    );
    // Each synthetic conversation is also reachable by id, identically.
    let first = &got[0];
    let by_id = org
        .analytics(first.conversation_id.as_deref().unwrap_or_default(), now)
        .expect("by id");
    assert_eq!(&by_id, first);
    // The whole 30 days hold every synthetic conversation exactly once.
    let all = org
        .synthetic()
        .started_in(now - Duration::days(31), now)
        .count();
    assert_eq!(all, org.synthetic().len());
    // A synthetic conversation is old: none is still on the Conversations API after retention.
    let old = org
        .synthetic()
        .ids_started_in(now - Duration::days(30), now - Duration::days(20))
        .next()
        .expect("old id");
    assert!(org.realtime(&old, now).is_none());
    assert!(org.analytics(&old, now).is_some());
}

#[test]
fn synthetic_org_is_deterministic_per_seed() {
    let a = Org::new(&cfg());
    let b = Org::new(&cfg());
    let c = Org::new(&DemoConfig { seed: 8, ..cfg() });
    let ids = |o: &Org| {
        o.synthetic()
            .ids_started_in(origin() - Duration::days(31), origin())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&a), ids(&b));
    assert_ne!(ids(&a), ids(&c));
    assert_eq!(a.synthetic().len(), 500);
}

#[test]
fn phases_and_live_flags_follow_the_story() {
    let org = org();
    let known = [
        "not started yet",
        "in IVR",
        "waiting in queue",
        "ringing agent",
        "talking to an agent",
        "messaging with an agent",
        "agent working on the email",
        "on hold",
        "in conference",
        "dialing",
        "contacting customer",
        "leaving a voicemail",
        "callback scheduled",
        "connected",
        "wrap-up",
        "ended; analytics catching up",
        "ended; real-time record purged (analytics only)",
        "ended",
    ];
    for s in org.all_scenarios() {
        let (start, end) = (s.conv.start(), s.conv.end());
        let last = s.conv.acw_end() + Duration::hours(1);
        let mut at = start - Duration::minutes(1);
        let mut seen: Vec<&str> = Vec::new();
        while at <= last {
            let info = s.info(at, org.timing());
            assert!(
                known.contains(&info.phase.label),
                "{}: unknown phase {:?}",
                s.id,
                info.phase
            );
            // `until` is when this phase ends: always ahead, and the phase differs from then on
            // in name or label only at or after it.
            if let Some(until) = info.phase.until.as_deref() {
                assert!(
                    model::time::from_wire(until).is_ok_and(|u| u > at),
                    "{} at {at}: until {until} is not ahead",
                    s.id
                );
            }
            assert_eq!(
                info.live,
                at >= start && at < end,
                "{} at {at}: live flag",
                s.id
            );
            if let Some(rt) = org.realtime(&s.conv.id, at) {
                assert_eq!(
                    rt.end_time.is_none(),
                    info.live,
                    "{} at {at}: endTime vs live",
                    s.id
                );
            }
            if seen.last() != Some(&info.phase.label) {
                seen.push(info.phase.label);
            }
            at += Duration::seconds(3);
        }
        assert_eq!(
            seen.first().copied(),
            Some("not started yet"),
            "{}: {seen:?}",
            s.id
        );
        assert!(
            seen.last().is_some_and(|p| p.starts_with("ended")),
            "{}: {seen:?}",
            s.id
        );
        if s.conv.sessions().any(|x| x.wrap.is_some()) {
            assert!(
                seen.contains(&"wrap-up"),
                "{}: no wrap-up phase in {seen:?}",
                s.id
            );
            assert!(
                seen.contains(&"ended; analytics catching up"),
                "{}: {seen:?}",
                s.id
            );
        }
    }
}

#[test]
fn extreme_configuration_does_not_panic() {
    let forever = std::time::Duration::from_secs(u64::MAX);
    let cfg = DemoConfig {
        analytics_lag: forever,
        wrapup_lag: forever,
        realtime_retention: forever,
        time_scale: f64::NAN,
        ..cfg()
    };
    let org = Org::new(&cfg);
    let id = conv_id(&org, "blind-transfer");
    assert!(
        org.realtime(&id, org.origin()).is_some(),
        "not purged: retention is (capped) forever"
    );
    assert!(
        org.analytics(&id, org.origin()).is_none(),
        "never visible with infinite lag"
    );
    // The retention scenario is anchored beyond the retention, whatever it is.
    let old = conv_id(&org, "past-retention");
    assert!(org.realtime(&old, org.origin()).is_none());
    assert_eq!(org.scenarios(org.origin()).len(), org.all_scenarios().len());
    let running = Org::new(&DemoConfig {
        frozen_at: None,
        time_scale: -3.0,
        ..cfg
    });
    assert!(running.now() >= running.origin());
}

#[test]
fn activity_window_includes_conversations_that_started_earlier() {
    let org = org();
    let now = org.origin() + Duration::minutes(1);
    // The long call started 20 minutes before start-up and is still going.
    let from = org.origin();
    let to = org.origin() + Duration::minutes(1);
    let long = conv_id(&org, "long-live");
    let started: Vec<_> = org
        .analytics_started_in(from, to, now)
        .filter_map(|c| c.conversation_id)
        .collect();
    let active: Vec<_> = org
        .analytics_active_in(from, to, now)
        .filter_map(|c| c.conversation_id)
        .collect();
    assert!(!started.contains(&long) && active.contains(&long));
    // Ended before the window → not active.
    assert!(!active.contains(&conv_id(&org, "blind-transfer")));
    // Synthetic: every conversation active on a day either started that day or ran into it.
    let day = org.origin() - Duration::days(4);
    let next = day + Duration::days(1);
    let active: Vec<_> = org.analytics_active_in(day, next, now).collect();
    let started = org.analytics_started_in(day, next, now).count();
    assert!(active.len() >= started);
    for c in &active {
        let (s, e) = (
            c.conversation_start.expect("start"),
            c.conversation_end.expect("ended"),
        );
        assert!(
            s < next && e >= day,
            "{:?} not active in the window",
            c.conversation_id
        );
    }
}
