//! The list of named scenarios, anchored at the org's start-up instant `origin` ("O").
//!
//! Some ended before start-up, some are live at start-up and end within minutes (so a learner
//! sees live → ended → wrap-up arriving in analytics), one starts shortly *after* start-up, one
//! stays live for hours, one is older than the real-time retention, one older than the analytics
//! retention.
//!
//! Titles and `teaches` texts are true at any instant (the built-in conversations move on, and
//! any scenario can be started again from now, see [`crate::runs`]): where a story is now is
//! the separate `phase`.

use super::Scenario;
use super::inbound::InboundCall;
use super::parts::{Step, wrap};
use super::transfer::Cast;
use super::{digital, outbound, selfservice, transfer};
use crate::catalog::{self, q, w};
use crate::timeline::{SegKind, Time};
use crate::timing::Timing;
use chrono::Duration;

fn secs(n: i64) -> Duration {
    Duration::seconds(n)
}

fn mins(n: i64) -> Duration {
    Duration::minutes(n)
}

/// Every named scenario for an org started at `origin`.
#[must_use]
pub fn all(origin: Time, timing: &Timing) -> Vec<Scenario> {
    vec![
        inbound_answered(origin),
        abandoned(origin),
        blind_transfer(origin),
        consult_transfer(origin),
        hold_resume(origin),
        callback(origin),
        dialer(origin),
        messaging(origin),
        email(origin),
        ivr_only(origin),
        conference(origin),
        voicemail(origin),
        long_live(origin),
        past_retention(origin, timing),
        rona(origin),
        past_analytics_retention(origin, timing),
    ]
}

fn inbound_answered(origin: Time) -> Scenario {
    let mut call = InboundCall::typical("inbound-answered", origin - secs(10));
    call.steps = vec![
        Step(SegKind::Interact, 114_120),
        Step(SegKind::Hold, 45_500),
        Step(SegKind::Interact, 89_800),
    ];
    Scenario {
        id: "inbound-answered",
        title: "Inbound call answered by an agent",
        teaches: "The classic IVR → queue → agent → wrap-up call. While it is live, the real-time \
                  communication states go alerting → connected → held → disconnected, and analytics \
                  fills in segments and metrics (tIvr, tAcd, tAlert, tTalk, tHeld, tAcw, tHandle) as each \
                  part completes; the wrap-up code arrives last.",
        conv: call.build(),
    }
}

fn abandoned(origin: Time) -> Scenario {
    let mut call = InboundCall::typical("abandoned-in-queue", origin - secs(40));
    call.customer_name = catalog::CUSTOMER_NAMES[2].to_owned();
    call.phone = catalog::customer_phone(12);
    call.queue = catalog::queue(q::TECH);
    call.ivr_ms = 14_380;
    call.wait_ms = 101_240;
    call.steps.clear();
    call.wrap = None;
    Scenario {
        id: "abandoned-in-queue",
        title: "Caller abandons while waiting in queue",
        teaches: "No agent ever connects: the ACD participant carries nOffered, tAcd and tAbandon, the \
                  customer's call ends with disconnectType endpoint, and there is no agent, no wrap-up, \
                  no tHandle.",
        conv: call.build(),
    }
}

fn cast(ns: &str, start: Time, customer: usize, queue: usize, a1: usize, a2: usize) -> Cast {
    Cast {
        ns: ns.to_owned(),
        start,
        customer_name: catalog::CUSTOMER_NAMES[customer].to_owned(),
        phone: catalog::customer_phone(customer as u64 * 13 + 7),
        first_queue: catalog::queue(queue),
        first_agent: catalog::agent(a1),
        second_agent: catalog::agent(a2),
    }
}

fn blind_transfer(origin: Time) -> Scenario {
    let c = cast("blind-transfer", origin - mins(30), 3, q::TECH, 1, 0);
    Scenario {
        id: "blind-transfer",
        title: "Blind transfer to another queue",
        teaches: "After talking to the caller, the first agent transfers without consulting the target \
                  first: their call ends with \
                  disconnectType transfer (analytics: transfer, nTransferred + nBlindTransferred), a second \
                  ACD participant and agent join, and both agents wrap up. recentTransfers shows an \
                  Unattended transfer.",
        conv: transfer::blind_transfer(&c, &catalog::queue(q::BILLING)),
    }
}

fn consult_transfer(origin: Time) -> Scenario {
    let c = cast("consult-transfer", origin - mins(2), 4, q::TECH, 2, 5);
    Scenario {
        id: "consult-transfer",
        title: "Consult transfer to a colleague",
        teaches: "The caller is held while the agent consults a colleague, then the agent completes the \
                  transfer: disconnectType transfer.consult in real time, consultTransfer in analytics \
                  (nConsultTransferred). The held time shows as a hold segment and tHeld on the first agent.",
        conv: transfer::consult_transfer(&c),
    }
}

fn hold_resume(origin: Time) -> Scenario {
    let mut call = InboundCall::typical("hold-resume", origin - secs(70));
    call.customer_name = catalog::CUSTOMER_NAMES[7].to_owned();
    call.phone = catalog::customer_phone(55);
    call.queue = catalog::queue(q::CARE);
    call.agent = catalog::agent(3);
    call.wait_ms = 12_040;
    call.alert_ms = 5_310;
    call.steps = vec![
        Step(SegKind::Interact, 35_220),
        Step(SegKind::Hold, 40_180),
        Step(SegKind::Interact, 50_090),
        Step(SegKind::Hold, 20_470),
        Step(SegKind::Interact, 61_300),
    ];
    call.agent_hangs_up = true;
    call.wrap = Some(wrap(w::INFO, "Checked order status twice", 26_410));
    Scenario {
        id: "hold-resume",
        title: "Caller put on hold and resumed (twice)",
        teaches: "While the caller is on hold, the real-time call has held: true and startHoldTime, which \
                  vanish on resume. Analytics records each hold as a hold segment; this demo emits a tHeld per hold \
                  (per-period emission is UNVERIFIED) plus tHeldComplete at the end; the agent hangs up \
                  (client / peer).",
        conv: call.build(),
    }
}

fn callback(origin: Time) -> Scenario {
    let phone = catalog::customer_phone(71);
    Scenario {
        id: "callback",
        title: "Callback requested, agent calls the customer back",
        teaches: "A callback conversation: the callbacks[] media (callbackNumbers, callbackScheduledTime) \
                  waits in queue, the agent previews it, then places a voice call in the same conversation \
                  (dialing → contacting → connected; analytics nOutbound, tDialing, tContacting).",
        conv: outbound::callback(
            "callback",
            origin - mins(35),
            &phone,
            catalog::CUSTOMER_NAMES[8],
            &catalog::agent(6),
        ),
    }
}

fn dialer(origin: Time) -> Scenario {
    let phone = catalog::customer_phone(88);
    Scenario {
        id: "outbound-dialer",
        title: "Outbound dialer campaign call",
        teaches: "originatingDirection outbound: the customer's leg starts dialing → contacting before it \
                  connects, the agent is connected when the customer answers, and analytics sessions carry \
                  outboundCampaignId / outboundContactListId / outboundContactId.",
        conv: outbound::dialer(
            "outbound-dialer",
            origin - secs(5),
            &phone,
            catalog::CUSTOMER_NAMES[9],
            &catalog::agent(7),
            14_020,
            150_330,
            wrap(w::SALE, "Renewed for 12 months", 33_100),
        ),
    }
}

fn messaging(origin: Time) -> Scenario {
    Scenario {
        id: "web-messaging",
        title: "Web messaging chat with an agent",
        teaches: "Digital media: participants carry messages[] (type webmessaging) instead of calls[], with \
                  the individual messages listed; analytics mediaType is message. Same \
                  queue → agent → wrap-up shape, no IVR, no recording flags.",
        conv: digital::messaging(
            "web-messaging",
            origin - mins(3),
            catalog::agent(8),
            35_210,
            360_040,
        )
        .build(),
    }
}

fn email(origin: Time) -> Scenario {
    Scenario {
        id: "email",
        title: "Inbound email answered by an agent",
        teaches: "Email waits in queue far longer than calls (tAcd in minutes), emails[] carries the subject \
                  and messagesSent, the agent ends it (client) after replying, and analytics segments carry \
                  the subject.",
        conv: digital::email(
            "email",
            origin - Duration::hours(2),
            catalog::agent(9),
            1_504_220,
            421_870,
        )
        .build(),
    }
}

fn ivr_only(origin: Time) -> Scenario {
    let phone = catalog::customer_phone(93);
    Scenario {
        id: "ivr-self-service",
        title: "IVR-only self-service (no agent)",
        teaches: "The caller checks their balance in the IVR and hangs up: only customer and ivr \
                  participants, tIvr but no tAcd/tHandle, analytics selfServed true, flow exitReason \
                  DISCONNECT.",
        conv: selfservice::ivr_only(
            "ivr-self-service",
            origin - mins(15),
            &phone,
            catalog::CUSTOMER_NAMES[4],
            95_330,
        ),
    }
}

fn conference(origin: Time) -> Scenario {
    let c = cast("conference", origin - mins(4), 0, q::TECH, 10, 11);
    Scenario {
        id: "conference",
        title: "Agent conferences in an outside expert",
        teaches: "Three parties at once: the agent dials an external participant (purpose external, \
                  contacting → connected); while all three talk, analytics segments have conference: true \
                  and the conversation gets conferenceStart.",
        conv: transfer::conference(&c),
    }
}

fn voicemail(origin: Time) -> Scenario {
    let phone = catalog::customer_phone(104);
    Scenario {
        id: "voicemail",
        title: "After-hours caller leaves a voicemail",
        teaches: "The flow sends the caller to a voicemail participant (voicemail segment, tVoicemail); no \
                  agent, no wrap-up. Before a conversation starts, both APIs answer 404 for its id: the \
                  built-in one starts 30 s after the demo org starts.",
        conv: selfservice::voicemail(
            "voicemail",
            origin + secs(30),
            &phone,
            catalog::CUSTOMER_NAMES[3],
        ),
    }
}

fn long_live(origin: Time) -> Scenario {
    let mut call = InboundCall::typical("long-live", origin - mins(20));
    call.customer_name = catalog::CUSTOMER_NAMES[1].to_owned();
    call.phone = catalog::customer_phone(115);
    call.queue = catalog::queue(q::TECH);
    call.agent = catalog::agent(2);
    call.steps = vec![Step(SegKind::Interact, 3 * 3_600_000 + 20 * 60_000 + 4_210)];
    call.wrap = Some(wrap(w::ESCALATED, "Network migration walkthrough", 95_000));
    Scenario {
        id: "long-live",
        title: "A call that stays live for hours",
        teaches: "While a conversation is live the real-time view has no endTime and analytics has no \
                  conversationEnd: queries without a conversationEnd filter return it with open segments \
                  (no segmentEnd) and no tTalk yet, because a metric is only emitted when its segment ends.",
        conv: call.build(),
    }
}

fn past_retention(origin: Time, timing: &Timing) -> Scenario {
    let start = origin - timing.retention - Duration::days(1) - Duration::hours(3);
    let mut call = InboundCall::typical("past-retention", start);
    call.customer_name = catalog::CUSTOMER_NAMES[5].to_owned();
    call.phone = catalog::customer_phone(37);
    call.agent = catalog::agent(4);
    call.steps = vec![Step(SegKind::Interact, 412_330)];
    call.wrap = Some(wrap(w::PAYMENT, "Card payment taken", 41_020));
    Scenario {
        id: "past-retention",
        title: "Old call: gone from the Conversations API, still in analytics",
        teaches: "The Conversations API only serves conversations for a limited time after they end (how \
                  long is UNVERIFIED upstream; configurable here), so GET /api/v2/conversations/{id} returns \
                  404 while the analytics details endpoints still return the full record.",
        conv: call.build(),
    }
}

/// Ten days beyond the analytics retention (or 100 days old when none is set).
fn past_analytics_retention(origin: Time, timing: &Timing) -> Scenario {
    let age = timing.analytics_retention.unwrap_or(Duration::days(90)) + Duration::days(10);
    let start = origin - age - Duration::hours(2) - mins(17);
    let mut call = InboundCall::typical("past-analytics-retention", start);
    call.customer_name = catalog::CUSTOMER_NAMES[2].to_owned();
    call.phone = catalog::customer_phone(58);
    call.agent = catalog::agent(7);
    call.steps = vec![Step(SegKind::Interact, 287_410)];
    call.wrap = Some(wrap(w::BILLING, "Invoice copy sent", 22_480));
    Scenario {
        id: "past-analytics-retention",
        title: "Very old call: past the org's analytics retention",
        teaches: "Started ten days before the org's analytics retention cutoff (the demo org's \
                  retentionDays is 90, the shortest a real org can set). Here every analytics endpoint has \
                  dropped it: the by-id GET answers 404, the synchronous details query answers 400 that \
                  far back, and an async job over its start day returns nothing. How Genesys removes \
                  expired data, and that 400, are UNVERIFIED: this is the demo org's reading. The \
                  real-time record is gone too. GET /api/v2/analytics/dataretention/settings tells you \
                  the cutoff.",
        conv: call.build(),
    }
}

fn rona(origin: Time) -> Scenario {
    let c = cast("no-answer-rona", origin - mins(50), 6, q::SALES, 9, 8);
    Scenario {
        id: "no-answer-rona",
        title: "Agent does not answer (RONA), next agent takes the call",
        teaches: "An offered call that rings out: the first agent's call goes alerting → disconnected with \
                  disconnectType transfer.noanswer (analytics: noAnswerTransfer, tAlert + tNotResponding, no \
                  tTalk, no wrap-up), the call stays in queue and a second agent answers. tAnswered counts \
                  the whole wait.",
        conv: transfer::rona(&c),
    }
}
