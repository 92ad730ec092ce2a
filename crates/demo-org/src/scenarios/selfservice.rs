//! Calls that never reach an agent by design: IVR self-service and voicemail.

use super::parts::{self, Ids, ms};
use crate::catalog;
use crate::timeline::{Conv, Dir, Disc, Media, Party, Role, SegKind, Session, Time};

/// The caller checks a balance in the IVR and hangs up: no queue, no agent.
#[must_use]
pub fn ivr_only(ns: &str, start: Time, phone: &str, name: &str, ivr_ms: i64) -> Conv {
    let ids = Ids(ns.to_owned());
    let dnis = catalog::BILLING_NUMBER;
    let customer_call = ids.id("customer-call");
    let mut ivr = parts::ivr(
        &ids,
        &catalog::main_ivr(),
        start + ms(211),
        ivr_ms,
        &customer_call,
        phone,
        dnis,
    );
    parts::ivr_exit(&mut ivr, "DISCONNECT", None);
    if let Some(s) = ivr.sessions.first_mut() {
        s.disc = Disc::Peer;
    }
    let mut customer = parts::customer(&ids, name, phone, Some(dnis));
    let mut s = parts::customer_voice(&ids, start, ivr.end(), &[], Disc::Endpoint);
    s.ani = Some(phone.to_owned());
    s.dnis = Some(dnis.to_owned());
    customer.sessions.push(s);
    let mut conv = Conv::new(ids.id("conversation"), Dir::Inbound);
    conv.address = Some(dnis.to_owned());
    conv.self_served = true;
    conv.mos = Some(4.38);
    conv.parties = vec![customer, ivr];
    conv
}

/// After hours: the IVR sends the caller to the Billing voicemail box; they leave a message.
#[must_use]
pub fn voicemail(ns: &str, start: Time, phone: &str, name: &str) -> Conv {
    let ids = Ids(ns.to_owned());
    let dnis = catalog::BILLING_NUMBER;
    let customer_call = ids.id("customer-call");
    let flow = catalog::voicemail_flow();
    let mut ivr = parts::ivr(
        &ids,
        &flow,
        start + ms(196),
        24_870,
        &customer_call,
        phone,
        dnis,
    );
    let queue = catalog::queue(catalog::q::BILLING);
    parts::ivr_exit(&mut ivr, "TRANSFER", Some(("VOICEMAIL", &queue)));
    let mut vm = Party::new(ids.id("voicemail"), Role::Voicemail, "Billing voicemail");
    vm.queue = Some((queue.id.clone(), queue.name.to_owned()));
    let mut vs = Session::new(ids.id("voicemail-call"), Media::Voice, Dir::Inbound)
        .at(SegKind::Voicemail, ivr.end() + ms(15), 47_630)
        .ends(Disc::Peer);
    vs.queue_id = Some(queue.id.clone());
    vs.peer_id = Some(customer_call.clone());
    vs.ani = Some(phone.to_owned());
    vs.dnis = Some(dnis.to_owned());
    vs.recording = true;
    vm.sessions.push(vs);
    let mut customer = parts::customer(&ids, name, phone, Some(dnis));
    let mut s = parts::customer_voice(&ids, start, vm.end(), &[], Disc::Endpoint);
    s.ani = Some(phone.to_owned());
    s.dnis = Some(dnis.to_owned());
    customer.sessions.push(s);
    let mut conv = Conv::new(ids.id("conversation"), Dir::Inbound);
    conv.address = Some(dnis.to_owned());
    conv.mos = Some(4.21);
    conv.parties = vec![customer, ivr, vm];
    conv
}
