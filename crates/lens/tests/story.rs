//! "What happened" and the per-participant differences, on every demo scenario (as the browser
//! gets them: through JSON and the tolerant decoders) and on hand-made bodies with fields missing.

use chrono::{DateTime, Duration, Utc};
use demo_org::DemoConfig;
use demo_org::org::{Org, without_attributes};
use demo_org::scenarios::analytics_complete_at;
use lens::glance::{self, Severity, Topic};
use lens::lookup::{self, Api, ApiResult, Side};
use lens::story::{Story, Zone, story};
use model::analytics::AnalyticsConversationWithoutAttributes;
use model::conversations::Conversation;
use serde_json::json;

fn org() -> Org {
    let frozen = model::time::from_wire("2026-05-12T14:00:00.000Z").unwrap_or_default();
    Org::new(&DemoConfig {
        frozen_at: Some(frozen),
        synthetic_conversations: 0,
        ..DemoConfig::default()
    })
}

fn rt(body: serde_json::Value) -> Conversation {
    lookup::decode_conversation(&ApiResult::ok(body), None).unwrap_or_default()
}

fn an(body: serde_json::Value) -> AnalyticsConversationWithoutAttributes {
    let id = body["conversationId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    lookup::decode_analytics(Api::AnalyticsById, &ApiResult::ok(body), &id).unwrap_or_default()
}

/// Both bodies of a demo scenario at `now`, decoded like the app does.
fn bodies(
    org: &Org,
    id: &str,
    now: DateTime<Utc>,
) -> (
    Option<Conversation>,
    Option<AnalyticsConversationWithoutAttributes>,
) {
    let r = org
        .realtime(id, now)
        .map(|c| rt(serde_json::to_value(c).unwrap_or_default()));
    let a = org
        .analytics(id, now)
        .map(|a| an(serde_json::to_value(without_attributes(a)).unwrap_or_default()));
    (r, a)
}

/// When each demo scenario is looked at: half way, just ended, analytics complete.
fn phases(org: &Org, s: &demo_org::scenarios::Scenario) -> [(&'static str, DateTime<Utc>); 3] {
    let c = &s.conv;
    [
        ("half way", c.start() + (c.end() - c.start()) / 2),
        ("just ended", c.end() + Duration::seconds(1)),
        (
            "analytics complete",
            analytics_complete_at(c, org.timing()) + Duration::seconds(1),
        ),
    ]
}

fn texts(s: &Story, realtime: bool) -> Vec<String> {
    let t = if realtime { &s.realtime } else { &s.analytics };
    t.iter()
        .flat_map(|t| t.sentences.iter())
        .map(|x| match &x.mark {
            Some(m) => format!("{} ({m})", x.text),
            None => x.text.clone(),
        })
        .collect()
}

fn looks_like_uuid(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '-');
    w.len() == 36 && w.chars().filter(|c| *c == '-').count() == 4
}

#[test]
fn every_scenario_tells_a_story_on_both_sides() {
    let org = org();
    for s in org.all_scenarios() {
        for (phase, now) in phases(&org, s) {
            let ctx = format!("{} @ {phase}", s.id);
            let (r, a) = bodies(&org, &s.conv.id, now);
            let st = story(r.as_ref(), a.as_ref(), Zone::UTC, now);
            assert_eq!(st.realtime.is_some(), r.is_some(), "{ctx}");
            assert_eq!(st.analytics.is_some(), a.is_some(), "{ctx}");
            for side in [true, false] {
                let t = texts(&st, side);
                if t.is_empty() {
                    continue;
                }
                assert!(t.len() >= 2, "{ctx}: {t:?}");
                let last_is_outcome = t.iter().any(|x| {
                    x.contains("hung up at")
                        || x.contains("ended at")
                        || x.contains("ended the")
                        || x.contains("closed the")
                        || x.starts_with("Still in progress")
                });
                assert!(last_is_outcome, "{ctx}: no outcome in {t:?}");
                for x in &t {
                    assert!(
                        !x.split_whitespace().any(looks_like_uuid),
                        "{ctx}: raw id in {x}"
                    );
                    assert!(!x.contains('`'), "{ctx}: markup in {x}");
                }
            }
        }
    }
}

fn told(org: &Org, scenario: &str, phase: usize) -> (Story, Vec<String>, Vec<String>) {
    let s = org
        .all_scenarios()
        .iter()
        .find(|s| s.id == scenario)
        .unwrap_or_else(|| panic!("no scenario {scenario}"));
    let (_, now) = phases(org, s)[phase];
    let (r, a) = bodies(org, &s.conv.id, now);
    let st = story(r.as_ref(), a.as_ref(), Zone::UTC, now);
    let (rt, an) = (texts(&st, true), texts(&st, false));
    (st, rt, an)
}

fn has(lines: &[String], needle: &str) -> bool {
    lines.iter().any(|l| l.contains(needle))
}

#[test]
fn blind_transfer_is_told_like_a_person_would() {
    let org = org();
    let (st, rt, an) = told(&org, "blind-transfer", 2);
    assert_eq!(st.zone, "UTC");
    for lines in [&rt, &an] {
        assert!(has(lines, "Chris Johnson called at 13:30:00"), "{lines:?}");
        assert!(has(lines, "spent 18 s in the IVR “Main IVR”"), "{lines:?}");
        assert!(has(lines, "waited 32 s in Technical Support"), "{lines:?}");
        assert!(
            has(lines, "Omar Haddad answered and talked 1 m 36 s"),
            "{lines:?}"
        );
        assert!(
            has(
                lines,
                "transferred Chris Johnson to the Billing queue without consulting"
            ),
            "{lines:?}"
        );
        assert!(has(lines, "Chris Johnson hung up at 13:35:42"), "{lines:?}");
    }
    assert!(
        has(
            &rt,
            "Omar Haddad wrapped up in 21 s with “Escalated to tier 2”"
        ),
        "{rt:?}"
    );
    assert!(
        has(
            &an,
            "with wrap-up code 9d5e0d16 (wrap-up name: only in the Conversations API)"
        ),
        "{an:?}"
    );
}

#[test]
fn lag_is_marked_on_the_side_that_knows_more() {
    let org = org();
    let (_, rt, an) = told(&org, "blind-transfer", 1);
    assert!(
        has(
            &rt,
            "hung up at 13:35:42, 5 m 42 s after it began (the end is not in analytics yet)"
        ),
        "{rt:?}"
    );
    assert!(has(&rt, "Jane Alvarez is in after-call work"), "{rt:?}");
    assert!(has(&rt, "(not in analytics yet)"), "{rt:?}");
    assert!(has(&an, "Still in progress"), "{an:?}");
}

#[test]
fn each_kind_of_conversation_has_its_own_words() {
    let org = org();
    for (scenario, phase, needle) in [
        (
            "consult-transfer",
            2,
            "consulted Tom Becker, then transferred Wireless Caller (consult transfer)",
        ),
        (
            "hold-resume",
            2,
            "put Ethan Davis on hold twice (1 m 1 s in all)",
        ),
        (
            "abandoned-in-queue",
            2,
            "before anyone answered (abandoned)",
        ),
        (
            "voicemail",
            2,
            "went to voicemail “Billing voicemail” for 48 s",
        ),
        ("callback", 2, "Hannah Wilson asked for a callback"),
        (
            "callback",
            2,
            "Mei Chen dialed Hannah Wilson; it rang 14 s before it was answered",
        ),
        ("outbound-dialer", 2, "An outbound call to Unknown began"),
        ("outbound-dialer", 2, "It rang 16 s before Unknown answered"),
        ("web-messaging", 2, "Alex Turner sent a message"),
        (
            "web-messaging",
            2,
            "Daniel Kim answered and chatted for 6 m 0 s",
        ),
        ("email", 2, "Aisha Bello closed the email at 12:32:06"),
        ("web-messaging", 2, "Alex Turner ended the chat at 14:03:35"),
        (
            "no-answer-rona",
            2,
            "Daniel Kim was offered the call for 15 s but did not answer; it went back to the queue",
        ),
        (
            "conference",
            2,
            "Acme Networks Support (external) joined at 13:57:53 and stayed 2 m 35 s",
        ),
        ("ivr-self-service", 0, "is in the IVR “Main IVR”"),
        ("long-live", 0, "Still in progress"),
    ] {
        let (_, rt, an) = told(&org, scenario, phase);
        assert!(has(&rt, needle), "{scenario}: realtime {rt:?}");
        assert!(has(&an, needle), "{scenario}: analytics {an:?}");
    }
}

#[test]
fn times_are_told_in_the_given_zone() {
    let org = org();
    let s = org
        .all_scenarios()
        .iter()
        .find(|s| s.id == "blind-transfer");
    let Some(s) = s else {
        panic!("no blind-transfer")
    };
    let now = s.conv.end() + Duration::hours(1);
    let (r, a) = bodies(&org, &s.conv.id, now);
    let st = story(r.as_ref(), a.as_ref(), Zone::minutes_east(120), now);
    assert_eq!(
        (st.zone.as_str(), st.day.as_deref()),
        ("UTC+02:00", Some("12 May 2026"))
    );
    assert!(has(&texts(&st, true), "Chris Johnson called at 15:30:00"));
}

// ---- the differences ---------------------------------------------------------------------

fn demo_glance(org: &Org, scenario: &str, phase: usize) -> glance::Glance {
    let s = org.all_scenarios().iter().find(|s| s.id == scenario);
    let Some(s) = s else { panic!("no {scenario}") };
    let (_, now) = phases(org, s)[phase];
    let (r, a) = bodies(org, &s.conv.id, now);
    glance::glance(
        r.as_ref().map_or(Side::Loading, Side::Loaded),
        a.as_ref().map_or(Side::Loading, Side::Loaded),
        Api::AnalyticsById,
        now,
    )
}

#[test]
fn blind_transfer_names_the_agent_time_difference_and_why() {
    let g = demo_glance(&org(), "blind-transfer", 2);
    assert!(!g.disagreements.is_empty(), "must not say no differences");
    let omar = g
        .disagreements
        .iter()
        .find(|d| d.topic == Topic::ParticipantTime && d.title.starts_with("Omar Haddad"));
    let Some(omar) = omar else {
        panic!("{:#?}", g.disagreements)
    };
    assert_eq!(omar.severity, Severity::Differs);
    assert!(
        omar.title.contains("1m 43.7s") && omar.title.contains("2m 5.0s"),
        "{}",
        omar.title
    );
    assert!(
        omar.analytics.contains("21.3s of wrap-up included"),
        "{}",
        omar.analytics
    );
    assert!(
        omar.why
            .iter()
            .any(|c| c.text.contains("Analytics counts after-call work"))
    );
    assert!(omar.why.iter().any(|c| {
        c.text
            .contains("`endTime` is when its communication disconnected")
    }));
    assert!(
        omar.why
            .iter()
            .any(|c| c.text.contains("tDialing + tContacting"))
    );
    assert!(
        g.disagreements
            .iter()
            .any(|d| d.topic == Topic::ParticipantTime && d.title.starts_with("Jane Alvarez"))
    );
    let names = g
        .disagreements
        .iter()
        .find(|d| d.title == "Wrap-up names only in the Conversations API");
    assert_eq!(names.map(|d| d.severity), Some(Severity::Note));
    // Customer, IVR and queue legs end at the same instant on both sides: no noise.
    assert!(
        !g.disagreements
            .iter()
            .any(|d| d.title.starts_with("Chris Johnson"))
    );
}

#[test]
fn every_difference_has_a_why_with_a_source() {
    let org = org();
    for s in org.all_scenarios() {
        for phase in 0..3 {
            for d in demo_glance(&org, s.id, phase).disagreements {
                assert!(!d.why.is_empty(), "{}: {}", s.id, d.title);
                assert!(
                    d.why.iter().all(|c| !c.source.href.is_empty()),
                    "{}",
                    d.title
                );
            }
        }
    }
}

#[test]
fn hold_counts_and_analytics_only_wrapups_are_named() {
    let r = rt(
        json!({"id": "c", "startTime": "2026-05-12T14:00:00.000Z", "participants": [
        {"id": "a1", "name": "Jane", "purpose": "agent", "startTime": "2026-05-12T14:00:00.000Z",
         "calls": [{"id": "s1", "state": "connected", "segments": [
            {"type": "interact", "startTime": "2026-05-12T14:00:00.000Z", "endTime": "2026-05-12T14:01:00.000Z"},
            {"type": "hold", "startTime": "2026-05-12T14:01:00.000Z", "endTime": "2026-05-12T14:01:10.000Z"},
            {"type": "interact", "startTime": "2026-05-12T14:01:10.000Z"}]}]}]}),
    );
    let a = an(
        json!({"conversationId": "c", "conversationStart": "2026-05-12T14:00:00.000Z", "participants": [
        {"participantId": "a1", "participantName": "Jane", "purpose": "agent", "sessions": [{"sessionId": "s1", "mediaType": "voice", "segments": [
            {"segmentType": "interact", "segmentStart": "2026-05-12T14:00:00.000Z", "segmentEnd": "2026-05-12T14:01:00.000Z"},
            {"segmentType": "wrapup", "segmentStart": "2026-05-12T14:01:00.000Z", "segmentEnd": "2026-05-12T14:01:30.000Z", "wrapUpCode": "code-1"}]}]}]}),
    );
    let now = model::time::from_wire("2026-05-12T14:02:00.000Z").unwrap_or_default();
    let g = glance::glance(Side::Loaded(&r), Side::Loaded(&a), Api::AnalyticsById, now);
    let holds = g.disagreements.iter().find(|d| d.topic == Topic::Holds);
    let Some(holds) = holds else {
        panic!("{:#?}", g.disagreements)
    };
    assert_eq!(
        holds.title,
        "Holds on Jane's leg: 1 in the Conversations API, 0 in analytics"
    );
    assert!(
        holds.why.iter().any(|c| !c.source.verified),
        "the lag is UNVERIFIED"
    );
    assert!(
        g.disagreements
            .iter()
            .any(|d| d.title == "Wrap-up code for Jane only in analytics")
    );
    let st = story(Some(&r), Some(&a), Zone::UTC, now);
    let an_lines = texts(&st, false);
    assert!(
        has(
            &an_lines,
            "Jane wrapped up in 30 s with wrap-up code code-1 (only in analytics)"
        ),
        "{an_lines:?}"
    );
    assert!(has(
        &texts(&st, true),
        "Jane put The customer on hold once (10 s) (not in analytics yet)"
    ));
}

// ---- hand-made bodies with fields missing ---------------------------------------------------

#[test]
fn a_participant_without_name_is_told_by_purpose_and_short_id() {
    let r = rt(
        json!({"id": "c", "startTime": "2026-05-12T14:00:00.000Z", "endTime": "2026-05-12T14:01:00.000Z", "participants": [
        {"id": "cust-0001-aaaa", "purpose": "customer", "calls": [{"id": "k1", "state": "disconnected", "direction": "inbound", "disconnectType": "endpoint",
            "connectedTime": "2026-05-12T14:00:00.000Z", "disconnectedTime": "2026-05-12T14:01:00.000Z"}]},
        {"id": "3f2a9c1d-0000-4000-8000-000000000000", "purpose": "voicemail", "startTime": "2026-05-12T14:00:20.000Z",
         "calls": [{"id": "k2", "state": "disconnected", "segments": [{"type": "voicemail", "startTime": "2026-05-12T14:00:20.000Z", "endTime": "2026-05-12T14:01:00.000Z"}]}]},
        {"id": "ffff0000-1111", "calls": [{"id": "k3", "state": "disconnected", "connectedTime": "2026-05-12T14:00:05.000Z", "disconnectedTime": "2026-05-12T14:00:10.000Z"}]}]}),
    );
    let now = model::time::from_wire("2026-05-12T14:05:00.000Z").unwrap_or_default();
    let st = story(Some(&r), None, Zone::UTC, now);
    let lines = texts(&st, true);
    assert!(st.analytics.is_none());
    assert_eq!(
        lines.first().map(String::as_str),
        Some("customer · cust-000 called at 14:00:00")
    );
    assert!(
        has(&lines, "customer · cust-000 went to voicemail for 40 s"),
        "{lines:?}"
    );
    assert!(
        has(
            &lines,
            "participant · ffff0000 joined at 14:00:05 and stayed 5 s"
        ),
        "{lines:?}"
    );
    assert!(
        has(&lines, "customer · cust-000 hung up at 14:01:00"),
        "{lines:?}"
    );
    // Only one side present: nothing is marked as missing from the other.
    assert!(
        st.realtime
            .iter()
            .flat_map(|t| &t.sentences)
            .all(|s| s.mark.is_none())
    );
}

#[test]
fn empty_and_segmentless_bodies_still_read() {
    let now = model::time::from_wire("2026-05-12T14:05:00.000Z").unwrap_or_default();
    let st = story(Some(&rt(json!({}))), Some(&an(json!({}))), Zone::UTC, now);
    assert_eq!(
        texts(&st, true),
        vec!["The conversation began", "Still in progress"]
    );
    assert_eq!(
        texts(&st, false),
        vec!["The conversation began", "Still in progress"]
    );
    assert_eq!(st.day, None);

    // A live call with no end, no segments and an agent on hold right now.
    let r = rt(
        json!({"id": "c", "startTime": "2026-05-12T14:00:00.000Z", "participants": [
        {"id": "p1", "name": "Sam", "purpose": "customer", "calls": [{"id": "k1", "state": "connected", "direction": "inbound", "connectedTime": "2026-05-12T14:00:00.000Z"}]},
        {"id": "p2", "name": "Ana", "purpose": "agent", "calls": [{"id": "k2", "state": "connected", "held": true,
            "startAlertingTime": "2026-05-12T14:00:30.000Z", "connectedTime": "2026-05-12T14:00:40.000Z", "startHoldTime": "2026-05-12T14:04:00.000Z"}]}]}),
    );
    let st = story(Some(&r), None, Zone::UTC, now);
    let lines = texts(&st, true);
    assert_eq!(
        lines,
        vec![
            "Sam called at 14:00:00",
            "Ana answered and has talked 3 m 20 s so far",
            "Ana put Sam on hold once (1 m 0 s); on hold now",
            "Still in progress: 5 m 0 s so far",
        ]
    );
    assert!(
        st.realtime
            .iter()
            .flat_map(|t| &t.sentences)
            .skip(1)
            .all(|s| s.live)
    );
}

#[test]
fn analytics_without_segments_or_purpose_does_not_invent_events() {
    let a = an(
        json!({"conversationId": "c", "conversationStart": "2026-05-12T14:00:00.000Z", "conversationEnd": "2026-05-12T14:03:00.000Z",
        "participants": [{"participantId": "p-no-purpose"}, {"participantId": "p2", "purpose": "agent", "sessions": [{"mediaType": "voice"}]}]}),
    );
    let now = model::time::from_wire("2026-05-12T14:05:00.000Z").unwrap_or_default();
    let st = story(None, Some(&a), Zone::UTC, now);
    assert_eq!(
        texts(&st, false),
        vec![
            "The conversation began at 14:00:00",
            "The conversation ended at 14:03:00, 3 m 0 s after it began"
        ]
    );
}
