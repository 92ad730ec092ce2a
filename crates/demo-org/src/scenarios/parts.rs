//! Building blocks shared by the scenario families: the usual participants of a contact-centre
//! conversation (customer, IVR, ACD queue, agent) wired together with stable IDs.

use crate::catalog::{self, Flow, Named};
use crate::ids::stable_uuid;
use crate::timeline::{Dir, Disc, Media, Party, Role, Seg, SegKind, Session, Time, Wrap};
use chrono::Duration;

/// Stable IDs within one conversation: `ids.id("agent")` is the same on every start.
#[derive(Debug, Clone)]
pub struct Ids(pub String);

impl Ids {
    #[must_use]
    pub fn id(&self, label: &str) -> String {
        stable_uuid(&self.0, label)
    }
}

#[must_use]
pub fn ms(n: i64) -> Duration {
    Duration::milliseconds(n)
}

/// A step of an agent's connected time: talking or holding, for `ms` milliseconds.
#[derive(Debug, Clone, Copy)]
pub struct Step(pub SegKind, pub i64);

/// The customer's side of a voice call: connected from `start` to `end`, on hold whenever an
/// agent held them (`holds`, absolute and ordered).
#[must_use]
pub fn customer_voice(
    ids: &Ids,
    start: Time,
    end: Time,
    holds: &[(Time, Time)],
    disc: Disc,
) -> Session {
    let mut s = Session::new(ids.id("customer-call"), Media::Voice, Dir::Inbound);
    let mut t = start;
    for (hs, he) in holds {
        if *hs > t {
            s.segs.push(Seg {
                kind: SegKind::Interact,
                start: t,
                end: *hs,
                conference: false,
            });
        }
        s.segs.push(Seg {
            kind: SegKind::Hold,
            start: *hs,
            end: *he,
            conference: false,
        });
        t = *he;
    }
    if end > t || s.segs.is_empty() {
        s.segs.push(Seg {
            kind: SegKind::Interact,
            start: t,
            end,
            conference: false,
        });
    }
    s.recording = true;
    s.ends(disc)
}

/// The customer participant (no sessions yet).
#[must_use]
pub fn customer(ids: &Ids, name: &str, address: &str, dnis: Option<&str>) -> Party {
    let mut p = Party::new(ids.id("customer"), Role::Customer, name);
    p.address = Some(address.to_owned());
    p.ani = Some(address.to_owned());
    p.dnis = dnis.map(str::to_owned);
    p
}

/// IVR participant that ran `flow` from `start` for `ivr_ms` and then handed over.
#[must_use]
pub fn ivr(
    ids: &Ids,
    flow: &Flow,
    start: Time,
    ivr_ms: i64,
    peer: &str,
    ani: &str,
    dnis: &str,
) -> Party {
    let mut p = Party::new(ids.id("ivr"), Role::Ivr, flow.name);
    let mut s = Session::new(ids.id("ivr-call"), Media::Voice, Dir::Inbound).at(
        SegKind::Ivr,
        start,
        ivr_ms,
    );
    s.flow = Some(flow.clone());
    s.peer_id = Some(peer.to_owned());
    s.ani = Some(ani.to_owned());
    s.dnis = Some(dnis.to_owned());
    p.sessions.push(s.ends(Disc::Transfer));
    p
}

/// Set how the IVR flow exited (analytics `flow.exitReason`, `transferType`, target).
pub fn ivr_exit(p: &mut Party, reason: &'static str, transfer: Option<(&'static str, &Named)>) {
    if let Some(s) = p.sessions.first_mut() {
        s.flow_exit = Some(crate::timeline::FlowExit {
            reason,
            transfer_type: transfer.map(|t| t.0),
            target_name: transfer.map(|t| t.1.name.to_owned()),
            target_address: transfer.map(|t| t.1.id.clone()),
        });
    }
}

/// ACD participant: the interaction waited in `queue` from `start` for `wait_ms`.
#[allow(clippy::too_many_arguments)]
#[must_use]
pub fn acd(
    ids: &Ids,
    label: &str,
    queue: &Named,
    media: Media,
    start: Time,
    wait_ms: i64,
    peer: &str,
    answered_by: Option<&Named>,
) -> Party {
    let mut p = Party::new(ids.id(label), Role::Acd, queue.name);
    p.queue = Some((queue.id.clone(), queue.name.to_owned()));
    let mut s = Session::new(ids.id(&format!("{label}-comm")), media, Dir::Inbound).at(
        SegKind::Interact,
        start,
        wait_ms,
    );
    s.queue_id = Some(queue.id.clone());
    s.peer_id = Some(peer.to_owned());
    s.routed = true;
    s.selected_agent_id = answered_by.map(|a| a.id.clone());
    s.abandoned = answered_by.is_none();
    p.sessions.push(s.ends(if answered_by.is_some() {
        Disc::Transfer
    } else {
        Disc::Peer
    }));
    p
}

/// Agent participant answering from `queue`: alerts from `alert_start` for `alert_ms`, then
/// follows `steps`, ends with `disc`, then wraps up (if `wrap`).
#[allow(clippy::too_many_arguments)]
#[must_use]
pub fn agent(
    ids: &Ids,
    label: &str,
    user: &Named,
    queue: Option<&Named>,
    media: Media,
    alert_start: Time,
    alert_ms: i64,
    steps: &[Step],
    disc: Disc,
    wrap: Option<Wrap>,
) -> Party {
    let mut p = Party::new(ids.id(label), Role::Agent, user.name);
    p.user_id = Some(user.id.clone());
    p.queue = queue.map(|q| (q.id.clone(), q.name.to_owned()));
    let mut s = Session::new(ids.id(&format!("{label}-comm")), media, Dir::Inbound).at(
        SegKind::Alert,
        alert_start,
        alert_ms,
    );
    for st in steps {
        s = s.then(st.0, st.1);
    }
    s.queue_id = queue.map(|q| q.id.clone());
    s.routed = queue.is_some();
    s.recording = media == Media::Voice;
    s.wrap = wrap;
    p.sessions.push(s.ends(disc));
    p
}

/// The agent's hold periods (absolute) — the customer hears hold music meanwhile.
#[must_use]
pub fn holds_of(p: &Party) -> Vec<(Time, Time)> {
    p.sessions
        .iter()
        .flat_map(|s| &s.segs)
        .filter(|g| g.kind == SegKind::Hold)
        .map(|g| (g.start, g.end))
        .collect()
}

/// A wrap-up with code `i` of the catalog.
#[must_use]
pub fn wrap(i: usize, notes: &str, duration_ms: i64) -> Wrap {
    let code = catalog::wrapup(i);
    Wrap {
        code_id: code.id,
        code_name: code.name.to_owned(),
        notes: notes.to_owned(),
        duration_ms,
    }
}

/// Set peer ids and ANI/DNIS on every session of `p`.
pub fn link(p: &mut Party, peer: &str, ani: &str, dnis: &str) {
    for s in &mut p.sessions {
        s.peer_id = Some(peer.to_owned());
        s.ani = Some(ani.to_owned());
        s.dnis = Some(dnis.to_owned());
    }
}
