//! The comparison as Markdown for a support ticket: the id, both statuses with their correlation
//! ids, what happened (the story), where the APIs differ (the glance's disagreements) and every
//! source as a readable link. Built only from the saved bodies and the [`Context`]: there is no
//! field a token could travel in.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};

use super::Saved;
use crate::errors;
use crate::glance::{self, Severity};
use crate::lookup::{Api, Side};
use crate::source::{Claim, Source};
use crate::sources;
use crate::story::{self, Telling, Zone};

/// How the calls were authorised, said without the credential itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalledWith {
    /// The companion server's own client-credentials token.
    ServerClient,
    /// A token the user pasted or signed in for (never included).
    OwnToken,
    /// A demo org client's token, by client name.
    DemoClient(String),
    /// Nothing was called: the bodies came from a file.
    File,
}

impl CalledWith {
    fn text(&self) -> String {
        match self {
            CalledWith::ServerClient => "the companion server's client credentials".to_owned(),
            CalledWith::OwnToken => "the user's own token (not included here)".to_owned(),
            CalledWith::DemoClient(c) => format!("the demo org client `{c}` (token not included)"),
            CalledWith::File => "nothing: the bodies were opened from a saved file".to_owned(),
        }
    }
}

/// What the export knows besides the bodies.
#[derive(Debug, Clone, PartialEq)]
pub struct Context {
    pub exported_at: DateTime<Utc>,
    /// The zone the story's times are told in.
    pub zone: Zone,
    /// The app's origin (`http://127.0.0.1:8080`), to make the app's own links absolute.
    pub origin: Option<String>,
    /// The share link (`…/c/<id>?tab=…`).
    pub share_url: Option<String>,
    pub called_with: CalledWith,
}

/// The Markdown text.
#[must_use]
pub fn render(saved: &Saved, ctx: &Context) -> String {
    let conv = saved.conversation();
    let ana = saved.analytics_record();
    let rt_side = side(conv.as_ref());
    let an_side = side(ana.as_ref());
    let now = ctx.exported_at;
    let mut sources_used: Vec<Source> = vec![
        sources::CONVERSATIONS_GET,
        sources::CONVERSATION_MODEL,
        sources::ANALYTICS_BY_ID,
        sources::ANALYTICS_MODEL,
    ];
    let mut out = String::new();

    let _ = writeln!(out, "# Conversation `{}`\n", saved.conversation_id);
    let _ = write!(
        out,
        "Exported from Conversation Lens at {} (UTC).",
        model::time::to_wire(&ctx.exported_at)
    );
    if let Some(url) = &ctx.share_url {
        let _ = write!(out, " [Open in Conversation Lens]({url})");
    }
    let _ = writeln!(out, "\nCalls made with {}.\n", ctx.called_with.text());

    // Both calls.
    let _ = writeln!(out, "## The two calls\n");
    let _ = writeln!(out, "| API | Call | Status | Correlation ID |");
    let _ = writeln!(out, "| --- | --- | --- | --- |");
    let id = &saved.conversation_id;
    for (name, path, s) in [
        (
            "Conversations API",
            format!("GET /api/v2/conversations/{id}"),
            &saved.conversations,
        ),
        (
            "Analytics API",
            format!("GET /api/v2/analytics/conversations/{id}/details"),
            &saved.analytics,
        ),
    ] {
        let status = s
            .as_ref()
            .map_or_else(|| "no answer / not saved".to_owned(), |s| s.status_text());
        let corr = s
            .as_ref()
            .and_then(|s| s.correlation_id.clone())
            .map_or_else(|| "—".to_owned(), |c| format!("`{c}`"));
        let _ = writeln!(out, "| {name} | `{path}` | {status} | {corr} |");
    }
    for e in [rt_side.failed(), an_side.failed()].into_iter().flatten() {
        let x = errors::explain_lookup(e);
        let _ = write!(out, "\n**{}:** {}", x.api, x.title);
        if let Some(code) = &x.code {
            let _ = write!(out, " — `{code}`");
        }
        if let Some(m) = &x.server_message {
            let _ = write!(out, " — “{m}”");
        }
        let _ = writeln!(out);
        for c in x.meaning.iter().take(1) {
            let _ = writeln!(out, "\n{}", claim(c, ctx, &mut sources_used));
        }
    }

    // The story.
    let told = story::story(rt_side.loaded(), an_side.loaded(), ctx.zone, now);
    let _ = writeln!(out, "\n## What happened\n");
    if let Some(day) = &told.day {
        let _ = writeln!(out, "{day}, times in {}.\n", told.zone);
    }
    for (title, t) in [
        ("As the Conversations API tells it", &told.realtime),
        ("As the Analytics API tells it", &told.analytics),
    ] {
        let _ = writeln!(out, "### {title}\n");
        match t {
            Some(t) => telling(&mut out, t, ctx, &mut sources_used),
            None => {
                let _ = writeln!(out, "No body for this API.\n");
            }
        }
    }

    // The differences.
    let g = glance::glance(rt_side, an_side, Api::AnalyticsById, now);
    let _ = writeln!(out, "## Where the two APIs differ\n");
    if g.disagreements.is_empty() {
        let _ = writeln!(out, "No differences found.\n");
    }
    for d in &g.disagreements {
        let tag = match d.severity {
            Severity::Differs => "differs",
            Severity::Note => "note",
        };
        let _ = writeln!(
            out,
            "- **{}** ({tag}) — Conversations API: {}; Analytics API: {}.",
            d.title, d.realtime, d.analytics
        );
        for c in &d.why {
            let _ = writeln!(out, "  - {}", claim(c, ctx, &mut sources_used));
        }
    }

    let _ = writeln!(out, "\n## Sources\n");
    let mut seen = Vec::new();
    for s in sources_used {
        if !seen.contains(&s.href) {
            seen.push(s.href);
            let _ = writeln!(out, "- {}", link(&s, ctx));
        }
    }
    out
}

fn side<T>(r: Option<&Result<T, crate::lookup::LookupError>>) -> Side<'_, T> {
    Side::from_result(r)
}

fn telling(out: &mut String, t: &Telling, ctx: &Context, used: &mut Vec<Source>) {
    for s in &t.sentences {
        let _ = write!(out, "- {}", s.text);
        if s.live {
            let _ = write!(out, " _(still going)_");
        }
        if let Some(m) = &s.mark {
            let _ = write!(out, " — *{m}*");
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(out, "\nRead from: {}\n", claim(&t.basis, ctx, used));
}

fn claim(c: &Claim, ctx: &Context, used: &mut Vec<Source>) -> String {
    used.push(c.source);
    format!("{} ({})", c.text, link(&c.source, ctx))
}

/// `[label](href)`, the app's own `#/…` or `/…` links made absolute, UNVERIFIED when so.
fn link(s: &Source, ctx: &Context) -> String {
    let href = match (&ctx.origin, s.href.chars().next()) {
        (Some(o), Some('/')) => format!("{o}{}", s.href),
        (Some(o), Some('#')) => format!("{o}/{}", s.href),
        _ => s.href.to_owned(),
    };
    let flag = if s.verified { "" } else { " — UNVERIFIED" };
    format!("[{}]({href}){flag}", s.label)
}
