//! The list of named scenarios, anchored at the org's start-up instant.

use super::Scenario;
use super::inbound::InboundCall;
use super::parts::Step;
use crate::catalog;
use crate::org::Timing;
use crate::timeline::{SegKind, Time};
use chrono::Duration;

fn secs(n: i64) -> Duration {
    Duration::seconds(n)
}

/// Every named scenario for an org started at `origin`.
#[must_use]
pub fn all(origin: Time, timing: &Timing) -> Vec<Scenario> {
    vec![
        inbound_answered(origin),
        abandoned(origin),
        past_retention(origin, timing),
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
        teaches: "The classic IVR → queue → agent → wrap-up call. Watch the real-time states go \
                  alerting → connected → disconnected while analytics fills in segments and metrics \
                  (tIvr, tAcd, tAlert, tTalk, tHeld, tAcw, tHandle) as each part completes; wrap-up arrives last.",
        conv: call.build(),
    }
}

fn abandoned(origin: Time) -> Scenario {
    let mut call = InboundCall::typical("abandoned-in-queue", origin - secs(40));
    call.customer_name = catalog::CUSTOMER_NAMES[2].to_owned();
    call.phone = catalog::customer_phone(12);
    call.queue = catalog::queue(catalog::q::TECH);
    call.ivr_ms = 14_380;
    call.wait_ms = 101_240;
    call.steps.clear();
    call.wrap = None;
    Scenario {
        id: "abandoned-in-queue",
        title: "Caller abandons while waiting in queue",
        teaches: "No agent ever connects: the ACD participant carries nOffered, tAcd and tAbandon, the \
                  customer's call ends with disconnectType endpoint, and there is no agent, no wrap-up, no tHandle.",
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
    call.wrap = Some(super::parts::wrap(
        catalog::w::PAYMENT,
        "Card payment taken",
        41_020,
    ));
    Scenario {
        id: "past-retention",
        title: "Old call: gone from the Conversations API, still in analytics",
        teaches: "The Conversations API only serves conversations for a limited time after they end \
                  (how long is UNVERIFIED upstream; configurable here), so GET /api/v2/conversations/{id} \
                  returns 404 while the analytics details endpoints still return the full record.",
        conv: call.build(),
    }
}
