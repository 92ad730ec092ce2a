//! Digital channels: web messaging and email (no IVR, no voice).

use super::parts::{self, Ids, ms};
use crate::catalog::{self, Named};
use crate::timeline::{Conv, Dir, Disc, Media, SegKind, Session, Time, Wrap};

/// Parameters of one routed digital interaction (message or email).
#[derive(Debug, Clone)]
pub struct Digital {
    pub ns: String,
    pub start: Time,
    pub media: Media,
    pub customer_name: String,
    /// Customer's address (messaging id or email address).
    pub from: String,
    pub queue: Named,
    pub wait_ms: i64,
    pub alert_ms: i64,
    pub agent: Named,
    pub work_ms: i64,
    /// For email: subject line.
    pub subject: Option<String>,
    pub wrap: Wrap,
}

impl Digital {
    #[must_use]
    pub fn build(&self) -> Conv {
        let ids = Ids(self.ns.clone());
        let to = match self.media {
            Media::Email => catalog::SUPPORT_EMAIL.to_owned(),
            _ => "Demo Org Web Messenger".to_owned(),
        };
        let is_msg = self.media == Media::Message;
        let mut detail = crate::timeline::Detail {
            address_from: Some(self.from.clone()),
            address_to: Some(to),
            email_subject: self.subject.clone(),
            message_type: is_msg.then_some("webmessaging"),
            ..Default::default()
        };
        let customer_comm = ids.id("customer-comm");
        let end = self.start + ms(10 + self.wait_ms + self.work_ms);
        // Customer messages: one on arrival, then every ~40 s while an agent is connected.
        let answered = self.start + ms(10 + self.wait_ms);
        if is_msg {
            detail.message_times.push(self.start);
            let mut t = answered + ms(21_400);
            while t < end {
                detail.message_times.push(t);
                t += ms(43_700);
            }
        }
        let mut cs = Session::new(customer_comm.clone(), self.media, Dir::Inbound)
            .at(
                SegKind::Interact,
                self.start,
                (end - self.start).num_milliseconds(),
            )
            .ends(if is_msg { Disc::Endpoint } else { Disc::Peer });
        cs.detail = detail.clone();
        let mut customer = parts::customer(&ids, &self.customer_name, &self.from, None);
        customer.ani = None;
        customer.sessions.push(cs);
        let mut acd = parts::acd(
            &ids,
            "acd",
            &self.queue,
            self.media,
            self.start + ms(10),
            self.wait_ms,
            &customer_comm,
            Some(&self.agent),
        );
        for s in &mut acd.sessions {
            s.detail = strip_messages(&detail);
        }
        let mut agent = parts::agent(
            &ids,
            "agent",
            &self.agent,
            Some(&self.queue),
            self.media,
            answered - ms(self.alert_ms),
            self.alert_ms,
            &[parts::Step(SegKind::Interact, self.work_ms)],
            if is_msg { Disc::Peer } else { Disc::Client },
            Some(self.wrap.clone()),
        );
        if let Some(s) = agent.sessions.first_mut() {
            s.peer_id = Some(customer_comm);
            s.answered_after_ms = Some(self.wait_ms);
            s.detail = strip_messages(&detail);
            if is_msg {
                // Agent replies ~15 s after each customer message.
                s.detail.message_times = detail
                    .message_times
                    .iter()
                    .skip(1)
                    .map(|t| *t + ms(15_200))
                    .filter(|t| *t < end)
                    .collect();
            } else {
                s.detail.messages_sent = Some(1);
            }
        }
        let mut conv = Conv::new(ids.id("conversation"), Dir::Inbound);
        // `address` is documented for calls only (DNIS/ANI); digital conversations leave it out.
        conv.parties = vec![customer, acd, agent];
        conv
    }
}

fn strip_messages(d: &crate::timeline::Detail) -> crate::timeline::Detail {
    crate::timeline::Detail {
        message_times: Vec::new(),
        ..d.clone()
    }
}

/// Catalog entry helper: a web-messaging chat.
#[must_use]
pub fn messaging(ns: &str, start: Time, agent: Named, wait_ms: i64, work_ms: i64) -> Digital {
    Digital {
        ns: ns.to_owned(),
        start,
        media: Media::Message,
        customer_name: catalog::CUSTOMER_NAMES[1].to_owned(),
        from: format!("web-{}", &parts::Ids(ns.to_owned()).id("visitor")[..8]),
        queue: catalog::queue(catalog::q::CHAT),
        wait_ms,
        alert_ms: 4_610,
        agent,
        work_ms,
        subject: None,
        wrap: parts::wrap(catalog::w::INFO, "Explained plan upgrade", 44_800),
    }
}

/// Catalog entry helper: an inbound email answered by an agent.
#[must_use]
pub fn email(ns: &str, start: Time, agent: Named, wait_ms: i64, work_ms: i64) -> Digital {
    Digital {
        ns: ns.to_owned(),
        start,
        media: Media::Email,
        customer_name: catalog::CUSTOMER_NAMES[6].to_owned(),
        from: "olivia.brown@example.com".to_owned(),
        queue: catalog::queue(catalog::q::EMAIL),
        wait_ms,
        alert_ms: 9_870,
        agent,
        work_ms,
        subject: Some("Invoice #48213 shows the wrong address".to_owned()),
        wrap: parts::wrap(
            catalog::w::EMAIL_ANSWERED,
            "Corrected billing address",
            62_300,
        ),
    }
}
