//! Inbound voice: IVR → queue → agent (→ wrap-up), or abandoned in queue.
//! Used by several named scenarios and by most synthetic conversations.

use super::parts::{self, Ids, Step, ms};
use crate::catalog::{self, Named};
use crate::timeline::{Conv, Dir, Disc, Media, Time, Wrap};

/// Parameters of one inbound call.
#[derive(Debug, Clone)]
pub struct InboundCall {
    /// Namespace of its stable IDs.
    pub ns: String,
    pub start: Time,
    pub customer_name: String,
    pub phone: String,
    pub dnis: String,
    pub ivr_ms: i64,
    pub queue: Named,
    /// Time in queue (including the agent's alerting time).
    pub wait_ms: i64,
    pub alert_ms: i64,
    pub agent: Named,
    /// Agent's connected time; empty = the caller abandoned in queue after `wait_ms`.
    pub steps: Vec<Step>,
    pub agent_hangs_up: bool,
    pub wrap: Option<Wrap>,
    pub attributes: Vec<(String, String)>,
    pub mos: f64,
}

impl InboundCall {
    /// A typical call: 20 s IVR, 25 s queue, 8 s ringing, 3 min talk, 30 s wrap-up.
    #[must_use]
    pub fn typical(ns: &str, start: Time) -> Self {
        Self {
            ns: ns.to_owned(),
            start,
            customer_name: catalog::CUSTOMER_NAMES[0].to_owned(),
            phone: catalog::customer_phone(0),
            dnis: catalog::MAIN_NUMBER.to_owned(),
            ivr_ms: 20_210,
            queue: catalog::queue(catalog::q::BILLING),
            wait_ms: 24_750,
            alert_ms: 8_878,
            agent: catalog::agent(0),
            steps: vec![Step(crate::timeline::SegKind::Interact, 180_000)],
            agent_hangs_up: false,
            wrap: Some(parts::wrap(catalog::w::BILLING, "", 30_001)),
            attributes: vec![("accountNumber".to_owned(), "AC-104-2231".to_owned())],
            mos: 4.41,
        }
    }

    #[must_use]
    pub fn build(&self) -> Conv {
        let ids = Ids(self.ns.clone());
        let t0 = self.start;
        let customer_call = ids.id("customer-call");
        let mut ivr = parts::ivr(
            &ids,
            &catalog::main_ivr(),
            t0 + ms(206),
            self.ivr_ms,
            &customer_call,
            &self.phone,
            &self.dnis,
        );
        parts::ivr_exit(&mut ivr, "TRANSFER", Some(("ACD", &self.queue)));
        let queued = ivr.end() + ms(10);
        let answered = !self.steps.is_empty();
        let mut acd = parts::acd(
            &ids,
            "acd",
            &self.queue,
            Media::Voice,
            queued,
            self.wait_ms,
            &customer_call,
            answered.then_some(&self.agent),
        );
        parts::link(&mut acd, &customer_call, &self.phone, &self.dnis);
        let mut conv = Conv::new(ids.id("conversation"), Dir::Inbound);
        conv.address = Some(self.dnis.clone());
        conv.mos = Some(self.mos);
        let mut customer =
            parts::customer(&ids, &self.customer_name, &self.phone, Some(&self.dnis));
        customer.attributes.clone_from(&self.attributes);
        if answered {
            let mut agent = parts::agent(
                &ids,
                "agent",
                &self.agent,
                Some(&self.queue),
                Media::Voice,
                acd.end() - ms(self.alert_ms),
                self.alert_ms,
                &self.steps,
                if self.agent_hangs_up {
                    Disc::Client
                } else {
                    Disc::Peer
                },
                self.wrap.clone(),
            );
            parts::link(&mut agent, &customer_call, &self.phone, &self.dnis);
            if let Some(s) = agent.sessions.first_mut() {
                s.answered_after_ms = Some(self.wait_ms);
            }
            let end = agent.end();
            let disc = if self.agent_hangs_up {
                Disc::Peer
            } else {
                Disc::Endpoint
            };
            customer.sessions.push(customer_session(
                &self.phone,
                &self.dnis,
                &ids,
                t0,
                end,
                &parts::holds_of(&agent),
                disc,
            ));
            conv.parties = vec![customer, ivr, acd, agent];
        } else {
            customer.sessions.push(customer_session(
                &self.phone,
                &self.dnis,
                &ids,
                t0,
                acd.end(),
                &[],
                Disc::Endpoint,
            ));
            conv.parties = vec![customer, ivr, acd];
        }
        conv
    }
}

fn customer_session(
    phone: &str,
    dnis: &str,
    ids: &Ids,
    t0: Time,
    end: Time,
    holds: &[(Time, Time)],
    disc: Disc,
) -> crate::timeline::Session {
    let mut s = parts::customer_voice(ids, t0, end, holds, disc);
    s.ani = Some(phone.to_owned());
    s.dnis = Some(dnis.to_owned());
    s
}
