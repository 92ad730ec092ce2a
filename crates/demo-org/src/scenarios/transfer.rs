//! Voice calls that involve a second agent or party: blind transfer, consult transfer, conference.

use super::parts::{self, Ids, Step, ms};
use crate::catalog::{self, Named};
use crate::timeline::{
    Conv, Dir, Disc, Media, Party, Role, Seg, SegKind, Session, Time, Transfer, Wrap,
};

/// Who is on a multi-party call.
#[derive(Debug, Clone)]
pub struct Cast {
    pub ns: String,
    pub start: Time,
    pub customer_name: String,
    pub phone: String,
    pub first_queue: Named,
    pub first_agent: Named,
    pub second_agent: Named,
}

struct Front {
    ids: Ids,
    conv: Conv,
    customer: Party,
    ivr: Party,
    acd: Party,
    answered_at: Time,
    customer_call: String,
}

/// Customer → IVR (18 s) → first queue (`wait_ms`) → answered by the first agent.
fn front(c: &Cast, wait_ms: i64) -> Front {
    let ids = Ids(c.ns.clone());
    let customer_call = ids.id("customer-call");
    let dnis = catalog::MAIN_NUMBER;
    let mut ivr = parts::ivr(
        &ids,
        &catalog::main_ivr(),
        c.start + ms(187),
        18_420,
        &customer_call,
        &c.phone,
        dnis,
    );
    parts::ivr_exit(&mut ivr, "TRANSFER", Some(("ACD", &c.first_queue)));
    let mut acd = parts::acd(
        &ids,
        "acd",
        &c.first_queue,
        Media::Voice,
        ivr.end() + ms(12),
        wait_ms,
        &customer_call,
        Some(&c.first_agent),
    );
    parts::link(&mut acd, &customer_call, &c.phone, dnis);
    let mut conv = Conv::new(ids.id("conversation"), Dir::Inbound);
    conv.address = Some(dnis.to_owned());
    conv.mos = Some(4.32);
    let customer = parts::customer(&ids, &c.customer_name, &c.phone, Some(dnis));
    let answered_at = acd.end();
    Front {
        ids,
        conv,
        customer,
        ivr,
        acd,
        answered_at,
        customer_call,
    }
}

fn first_agent(
    f: &Front,
    c: &Cast,
    alert_ms: i64,
    steps: &[Step],
    disc: Disc,
    wrap: Wrap,
) -> Party {
    let mut a = parts::agent(
        &f.ids,
        "agent-1",
        &c.first_agent,
        Some(&c.first_queue),
        Media::Voice,
        f.answered_at - ms(alert_ms),
        alert_ms,
        steps,
        disc,
        Some(wrap),
    );
    parts::link(&mut a, &f.customer_call, &c.phone, catalog::MAIN_NUMBER);
    if let Some(s) = a.sessions.first_mut() {
        s.answered_after_ms = Some((f.answered_at - f.acd.start()).num_milliseconds());
    }
    a
}

fn customer_call(f: &Front, c: &Cast, end: Time, holds: &[(Time, Time)], disc: Disc) -> Session {
    let mut s = parts::customer_voice(&f.ids, c.start, end, holds, disc);
    s.ani = Some(c.phone.clone());
    s.dnis = Some(catalog::MAIN_NUMBER.to_owned());
    s
}

/// Agent 1 talks, then blind-transfers the caller to `to_queue`, where agent 2 answers.
#[must_use]
pub fn blind_transfer(c: &Cast, to_queue: &Named) -> Conv {
    let mut f = front(c, 31_870);
    let a1 = first_agent(
        &f,
        c,
        7_210,
        &[Step(SegKind::Interact, 96_440)],
        Disc::Transfer,
        parts::wrap(
            catalog::w::ESCALATED,
            "Billing dispute, sent to Billing",
            21_300,
        ),
    );
    let transfer_at = a1.end();
    let mut acd2 = parts::acd(
        &f.ids,
        "acd-2",
        to_queue,
        Media::Voice,
        transfer_at + ms(35),
        44_120,
        &f.customer_call,
        Some(&c.second_agent),
    );
    parts::link(&mut acd2, &f.customer_call, &c.phone, catalog::MAIN_NUMBER);
    let alert2 = 6_480;
    let mut a2 = parts::agent(
        &f.ids,
        "agent-2",
        &c.second_agent,
        Some(to_queue),
        Media::Voice,
        acd2.end() - ms(alert2),
        alert2,
        &[Step(SegKind::Interact, 151_020)],
        Disc::Peer,
        Some(parts::wrap(catalog::w::BILLING, "Refund approved", 35_640)),
    );
    parts::link(&mut a2, &f.customer_call, &c.phone, catalog::MAIN_NUMBER);
    if let Some(s) = a2.sessions.first_mut() {
        s.answered_after_ms = Some((acd2.end() - acd2.start()).num_milliseconds());
    }
    f.conv.transfers.push(Transfer {
        id: f.ids.id("transfer-1"),
        at: transfer_at,
        initiator_user_id: c.first_agent.id.clone(),
        destination_user_id: None,
        destination_address: Some(to_queue.name.to_owned()),
        attended: false,
    });
    let end = a2.end();
    f.customer
        .sessions
        .push(customer_call(&f, c, end, &[], Disc::Endpoint));
    f.conv.parties = vec![f.customer, f.ivr, f.acd, a1, acd2, a2];
    f.conv
}

/// Agent 1 puts the caller on hold, consults agent 2, then completes the transfer (attended).
#[must_use]
pub fn consult_transfer(c: &Cast) -> Conv {
    let mut f = front(c, 22_310);
    let (talk, consult, after) = (84_250, 71_900, 128_330);
    let mut a1 = first_agent(
        &f,
        c,
        5_920,
        &[Step(SegKind::Interact, talk), Step(SegKind::Hold, consult)],
        Disc::ConsultTransfer,
        parts::wrap(
            catalog::w::TECH_RESOLVED,
            "Consulted tier 2, transferred",
            18_400,
        ),
    );
    let hold_start = f.answered_at + ms(talk);
    // Agent 2 is called directly (not via a queue) while agent 1 consults.
    let alert2 = 7_040;
    let mut a2 = parts::agent(
        &f.ids,
        "agent-2",
        &c.second_agent,
        None,
        Media::Voice,
        hold_start + ms(2_150),
        alert2,
        &[Step(SegKind::Interact, consult - 2_150 - alert2 + after)],
        Disc::Peer,
        Some(parts::wrap(
            catalog::w::TECH_RESOLVED,
            "Router firmware rolled back",
            52_800,
        )),
    );
    parts::link(&mut a2, &f.customer_call, &c.phone, catalog::MAIN_NUMBER);
    a1.consult_participant_id = Some(a2.id.clone());
    f.conv.transfers.push(Transfer {
        id: f.ids.id("transfer-1"),
        at: a1.end(),
        initiator_user_id: c.first_agent.id.clone(),
        destination_user_id: Some(c.second_agent.id.clone()),
        destination_address: None,
        attended: true,
    });
    let end = a2.end();
    let holds = parts::holds_of(&a1);
    f.customer
        .sessions
        .push(customer_call(&f, c, end, &holds, Disc::Endpoint));
    f.conv.parties = vec![f.customer, f.ivr, f.acd, a1, a2];
    f.conv
}

/// Agent 1 dials an outside expert into the call: three parties talk (conference), the expert
/// leaves, the caller hangs up.
#[must_use]
pub fn conference(c: &Cast) -> Conv {
    let mut f = front(c, 18_950);
    let (talk, dial, conf, after) = (62_400, 13_220, 154_780, 41_050);
    let alert = 4_870;
    // Agent 1: talk, keep talking while dialling, then the conference, then the caller alone.
    let mut s = Session::new(f.ids.id("agent-1-comm"), Media::Voice, Dir::Inbound)
        .at(SegKind::Alert, f.answered_at - ms(alert), alert)
        .then(SegKind::Interact, talk + dial)
        .then_conference(SegKind::Interact, conf)
        .then(SegKind::Interact, after)
        .ends(Disc::Peer);
    s.queue_id = Some(c.first_queue.id.clone());
    s.routed = true;
    s.recording = true;
    s.answered_after_ms = Some((f.answered_at - f.acd.start()).num_milliseconds());
    s.wrap = Some(parts::wrap(
        catalog::w::TECH_RESOLVED,
        "Vendor confirmed outage",
        27_700,
    ));
    let mut a1 = Party::new(f.ids.id("agent-1"), Role::Agent, c.first_agent.name);
    a1.user_id = Some(c.first_agent.id.clone());
    a1.queue = Some((c.first_queue.id.clone(), c.first_queue.name.to_owned()));
    a1.sessions.push(s);
    parts::link(&mut a1, &f.customer_call, &c.phone, catalog::MAIN_NUMBER);
    let conf_start = f.answered_at + ms(talk + dial);
    // The expert: an outbound leg placed by the agent.
    let mut ext = Party::new(
        f.ids.id("external"),
        Role::External,
        "Acme Networks Support",
    );
    ext.address = Some(catalog::EXPERT_NUMBER.to_owned());
    let mut es = Session::new(f.ids.id("external-call"), Media::Voice, Dir::Outbound)
        .at(SegKind::Contacting, f.answered_at + ms(talk), dial)
        .then_conference(SegKind::Interact, conf)
        .ends(Disc::Endpoint);
    es.ani = Some(catalog::OUTBOUND_CALLER_ID.to_owned());
    es.dnis = Some(catalog::EXPERT_NUMBER.to_owned());
    es.peer_id = Some(a1.sessions[0].id.clone());
    ext.sessions.push(es);
    f.conv.conference_start = Some(conf_start);
    // The caller: one interact stretch before, during (conference) and after.
    let mut cs = customer_call(&f, c, conf_start, &[], Disc::Endpoint);
    cs.segs.push(Seg {
        kind: SegKind::Interact,
        start: conf_start,
        end: conf_start + ms(conf),
        conference: true,
    });
    cs.segs.push(Seg {
        kind: SegKind::Interact,
        start: conf_start + ms(conf),
        end: conf_start + ms(conf + after),
        conference: false,
    });
    f.customer.sessions.push(cs);
    f.conv.parties = vec![f.customer, f.ivr, f.acd, a1, ext];
    f.conv
}

/// The first agent offered the call does not answer in time (RONA): their alert ends with
/// `transfer.noanswer` and the call goes back to the queue, where the next agent answers.
/// `c.first_agent` answers; `c.second_agent` is the one who did not respond.
#[must_use]
pub fn rona(c: &Cast) -> Conv {
    let timeout = crate::realtime::ALERTING_TIMEOUT_MS;
    let (before, gap, alert) = (6_120, 3_340, 7_450);
    let mut f = front(c, before + timeout + gap + alert);
    let mut missed = parts::agent(
        &f.ids,
        "agent-missed",
        &c.second_agent,
        Some(&c.first_queue),
        Media::Voice,
        f.acd.start() + ms(before),
        timeout,
        &[],
        Disc::NoAnswerTransfer,
        None,
    );
    parts::link(
        &mut missed,
        &f.customer_call,
        &c.phone,
        catalog::MAIN_NUMBER,
    );
    let a1 = first_agent(
        &f,
        c,
        alert,
        &[Step(SegKind::Interact, 143_210)],
        Disc::Peer,
        parts::wrap(catalog::w::INFO, "Store opening hours", 19_880),
    );
    let end = a1.end();
    f.customer
        .sessions
        .push(customer_call(&f, c, end, &[], Disc::Endpoint));
    f.conv.parties = vec![f.customer, f.ivr, f.acd, missed, a1];
    f.conv
}
