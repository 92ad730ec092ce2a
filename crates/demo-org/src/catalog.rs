//! The demo org's directory: division, queues, agents, wrap-up codes, flows, campaign and phone
//! numbers. Names and numbers are invented (555-01xx numbers are reserved for fiction); IDs are
//! stable hashes so they never change between starts.

use crate::ids::stable_uuid;

/// Something with a stable id and a display name (queue, user, wrap-up code, flow).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub id: String,
    pub name: &'static str,
}

fn named(kind: &str, name: &'static str) -> Named {
    Named {
        id: stable_uuid(kind, name),
        name,
    }
}

/// The org's only division (every org has "Home").
#[must_use]
pub fn home_division() -> Named {
    named("division", "Home")
}

pub const QUEUE_NAMES: &[&str] = &[
    "Billing",
    "Technical Support",
    "Sales",
    "Customer Care",
    "Renewals Outbound",
    "Email Support",
    "Web Chat",
];
pub const AGENT_NAMES: &[&str] = &[
    "Jane Alvarez",
    "Omar Haddad",
    "Priya Nair",
    "Lucas Meyer",
    "Grace Okafor",
    "Tom Becker",
    "Mei Chen",
    "Sofia Rossi",
    "Daniel Kim",
    "Aisha Bello",
    "Noah Williams",
    "Elena Petrova",
];
pub const WRAPUP_NAMES: &[&str] = &[
    "Billing question",
    "Payment taken",
    "Technical issue resolved",
    "Escalated to tier 2",
    "Sale completed",
    "No sale",
    "Callback completed",
    "Email answered",
    "Information provided",
    "Wrong number",
];
pub const CUSTOMER_NAMES: &[&str] = &[
    "Mobile Number, Indiana",
    "Alex Turner",
    "Maria Garcia",
    "Chris Johnson",
    "Wireless Caller",
    "Sam Patel",
    "Olivia Brown",
    "Ethan Davis",
    "Hannah Wilson",
    "Unknown",
];

#[must_use]
pub fn queue(i: usize) -> Named {
    named("queue", QUEUE_NAMES[i % QUEUE_NAMES.len()])
}

#[must_use]
pub fn agent(i: usize) -> Named {
    named("user", AGENT_NAMES[i % AGENT_NAMES.len()])
}

#[must_use]
pub fn wrapup(i: usize) -> Named {
    named("wrapupcode", WRAPUP_NAMES[i % WRAPUP_NAMES.len()])
}

/// Queue indices by purpose (indices into [`QUEUE_NAMES`]).
pub mod q {
    pub const BILLING: usize = 0;
    pub const TECH: usize = 1;
    pub const SALES: usize = 2;
    pub const CARE: usize = 3;
    pub const RENEWALS: usize = 4;
    pub const EMAIL: usize = 5;
    pub const CHAT: usize = 6;
}

/// Wrap-up code indices (into [`WRAPUP_NAMES`]).
pub mod w {
    pub const BILLING: usize = 0;
    pub const PAYMENT: usize = 1;
    pub const TECH_RESOLVED: usize = 2;
    pub const ESCALATED: usize = 3;
    pub const SALE: usize = 4;
    pub const NO_SALE: usize = 5;
    pub const CALLBACK_DONE: usize = 6;
    pub const EMAIL_ANSWERED: usize = 7;
    pub const INFO: usize = 8;
}

/// An Architect flow as analytics reports it on the IVR/bot session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flow {
    pub id: String,
    pub name: &'static str,
    /// `AnalyticsFlow.flowType` wire value.
    pub flow_type: &'static str,
    pub version: &'static str,
}

fn flow(name: &'static str, flow_type: &'static str, version: &'static str) -> Flow {
    Flow {
        id: stable_uuid("flow", name),
        name,
        flow_type,
        version,
    }
}

#[must_use]
pub fn main_ivr() -> Flow {
    flow("Main IVR", "INBOUNDCALL", "12.0")
}

#[must_use]
pub fn messaging_flow() -> Flow {
    flow("Web Messaging Inbound", "INBOUNDSHORTMESSAGE", "4.0")
}

#[must_use]
pub fn email_flow() -> Flow {
    flow("Support Email Inbound", "INBOUNDEMAIL", "3.0")
}

#[must_use]
pub fn voicemail_flow() -> Flow {
    flow("After Hours Voicemail", "VOICEMAIL", "2.0")
}

/// The outbound dialer campaign and its contact list.
#[must_use]
pub fn campaign() -> (Named, Named) {
    (
        named("campaign", "Q4 Renewals"),
        named("contactlist", "Q4 Renewals contacts"),
    )
}

/// The org's main number (DNIS of inbound calls).
pub const MAIN_NUMBER: &str = "tel:+13175550100";
/// The billing line.
pub const BILLING_NUMBER: &str = "tel:+13175550101";
/// Caller ID used on outbound calls.
pub const OUTBOUND_CALLER_ID: &str = "tel:+13175550150";
/// An outside expert dialled into the conference scenario.
pub const EXPERT_NUMBER: &str = "tel:+16175550142";
/// Support mailbox.
pub const SUPPORT_EMAIL: &str = "support@demo-org.example";

/// A customer phone number (fictional 555-0160..0199; the org's own lines are 555-0100..0159).
#[must_use]
pub fn customer_phone(i: u64) -> String {
    const AREAS: &[u32] = &[317, 212, 415, 312, 512, 206, 305, 617, 303, 404];
    let area = AREAS[(i % AREAS.len() as u64) as usize];
    format!("tel:+1{area}5550{:03}", 160 + (i / 10) % 40)
}

/// "(317) 555-0199" for "tel:+13175550199".
#[must_use]
pub fn displayable(tel: &str) -> String {
    let digits: String = tel.chars().filter(char::is_ascii_digit).collect();
    if digits.len() == 11 {
        format!("({}) {}-{}", &digits[1..4], &digits[4..7], &digits[7..11])
    } else {
        tel.to_owned()
    }
}
