//! Calls the org places: a progressive dialer campaign call, and a requested callback.

use super::parts::{self, Ids, ms};
use crate::catalog::{self, Named};
use crate::timeline::{Conv, Dir, Disc, Media, Party, Role, SegKind, Session, Time, Wrap};

/// Dialer call: the campaign dials, the customer answers, an agent is connected, wraps up.
#[allow(clippy::too_many_arguments)]
#[must_use]
pub fn dialer(
    ns: &str,
    start: Time,
    phone: &str,
    name: &str,
    agent: &Named,
    contacting_ms: i64,
    talk_ms: i64,
    wrap: Wrap,
) -> Conv {
    let ids = Ids(ns.to_owned());
    let (campaign, list) = catalog::campaign();
    let queue = catalog::queue(catalog::q::RENEWALS);
    let contact = ids.id("contact");
    let outbound = Some((campaign.id.clone(), list.id.clone(), contact));
    let alert = 1_520;
    let mut cs = Session::new(ids.id("customer-call"), Media::Voice, Dir::Outbound)
        .at(SegKind::Dialing, start, 2_140)
        .then(SegKind::Contacting, contacting_ms)
        .then(SegKind::Interact, alert + talk_ms)
        .ends(Disc::Endpoint);
    cs.ani = Some(catalog::OUTBOUND_CALLER_ID.to_owned());
    cs.dnis = Some(phone.to_owned());
    cs.recording = true;
    cs.detail.outbound_campaign.clone_from(&outbound);
    let answered = start + ms(2_140 + contacting_ms);
    let mut customer = Party::new(ids.id("customer"), Role::Customer, name);
    customer.address = Some(phone.to_owned());
    customer.dnis = Some(phone.to_owned());
    customer.sessions.push(cs);
    let mut a = parts::agent(
        &ids,
        "agent",
        agent,
        Some(&queue),
        Media::Voice,
        answered,
        alert,
        &[parts::Step(SegKind::Interact, talk_ms)],
        Disc::Peer,
        Some(wrap),
    );
    parts::link(
        &mut a,
        &ids.id("customer-call"),
        catalog::OUTBOUND_CALLER_ID,
        phone,
    );
    if let Some(s) = a.sessions.first_mut() {
        s.direction = Dir::Outbound;
        s.routed = false;
        s.detail.outbound_campaign = outbound;
    }
    let mut conv = Conv::new(ids.id("conversation"), Dir::Outbound);
    conv.address = Some(catalog::OUTBOUND_CALLER_ID.to_owned());
    conv.mos = Some(4.36);
    conv.parties = vec![customer, a];
    conv
}

/// A customer asked for a callback: it waits in queue, an agent takes it and calls them back.
#[must_use]
pub fn callback(ns: &str, start: Time, phone: &str, name: &str, agent: &Named) -> Conv {
    let ids = Ids(ns.to_owned());
    let queue = catalog::queue(catalog::q::CARE);
    let cb_id = ids.id("customer-callback");
    let (wait, alert, preview, dial, contacting, talk) =
        (186_400, 6_230, 9_870, 1_880, 12_410, 163_560);
    let scheduled = start + ms(5_000);
    // Customer's callback request: connected while it waits and while the agent previews it.
    let mut cb = Session::new(cb_id.clone(), Media::Callback, Dir::Inbound)
        .at(SegKind::Interact, start, wait + 10 + preview)
        .ends(Disc::Peer);
    cb.detail.callback_numbers = vec![phone.to_owned()];
    cb.detail.callback_scheduled = Some(scheduled);
    cb.detail.callback_user_name = Some(name.to_owned());
    let mut acd = parts::acd(
        &ids,
        "acd",
        &queue,
        Media::Callback,
        start + ms(10),
        wait,
        &cb_id,
        Some(agent),
    );
    for s in &mut acd.sessions {
        s.detail = cb.detail.clone();
    }
    // Agent: callback alert + preview, then the outbound call to the customer.
    let agent_cb = Session::new(ids.id("agent-callback"), Media::Callback, Dir::Inbound)
        .at(SegKind::Alert, acd.end() - ms(alert), alert)
        .then(SegKind::Interact, preview)
        .ends(Disc::Client);
    let dial_start = agent_cb.end();
    let mut agent_call = Session::new(ids.id("agent-call"), Media::Voice, Dir::Outbound)
        .at(SegKind::Dialing, dial_start, dial)
        .then(SegKind::Contacting, contacting)
        .then(SegKind::Interact, talk)
        .ends(Disc::Peer);
    agent_call.recording = true;
    agent_call.ani = Some(catalog::OUTBOUND_CALLER_ID.to_owned());
    agent_call.dnis = Some(phone.to_owned());
    agent_call.queue_id = Some(queue.id.clone());
    agent_call.peer_id = Some(ids.id("customer-call"));
    agent_call.wrap = Some(parts::wrap(
        catalog::w::CALLBACK_DONE,
        "Called back about delivery",
        24_950,
    ));
    let mut agent_cb = agent_cb;
    agent_cb.queue_id = Some(queue.id.clone());
    agent_cb.routed = true;
    agent_cb.peer_id = Some(cb_id.clone());
    agent_cb.answered_after_ms = Some(wait);
    agent_cb.detail = cb.detail.clone();
    let mut ag = Party::new(ids.id("agent"), Role::Agent, agent.name);
    ag.user_id = Some(agent.id.clone());
    ag.queue = Some((queue.id.clone(), queue.name.to_owned()));
    ag.sessions = vec![agent_cb, agent_call];
    // Customer's phone leg of the callback.
    let mut call = Session::new(ids.id("customer-call"), Media::Voice, Dir::Outbound)
        .at(SegKind::Interact, dial_start + ms(dial + contacting), talk)
        .ends(Disc::Endpoint);
    call.recording = true;
    call.ani = Some(catalog::OUTBOUND_CALLER_ID.to_owned());
    call.dnis = Some(phone.to_owned());
    let mut customer = Party::new(ids.id("customer"), Role::Customer, name);
    customer.address = Some(phone.to_owned());
    customer.sessions = vec![cb, call];
    // The customer asked for it, so the conversation originated inbound (their request).
    let mut conv = Conv::new(ids.id("conversation"), Dir::Inbound);
    conv.address = Some(phone.to_owned());
    conv.mos = Some(4.29);
    conv.parties = vec![customer, acd, ag];
    conv
}
