//! The share link and the export files, built only from the conversation id, the open tab, the
//! page's origin and the bodies — never from the full address (which may carry an OAuth `code`
//! or a fragment) and never from the token itself.

use chrono::{DateTime, Utc};
use lens::saved::markdown::{self, CalledWith, Context};
use lens::saved::{Saved, export};
use lens::story::Zone;

use crate::api::UserToken;
use crate::logic::route::lookup_href;
use crate::logic::tab::Tab;

/// `scheme://host[:port]` of an absolute URL; `None` for anything else.
#[must_use]
pub fn origin_of(href: &str) -> Option<String> {
    let (scheme, rest) = href.split_once("://")?;
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..host_end];
    (!scheme.is_empty() && !host.is_empty()).then(|| format!("{scheme}://{host}"))
}

/// The link that opens this conversation and tab for someone else (they look it up with their
/// own access).
#[must_use]
pub fn share_url(location_href: &str, id: &str, tab: Tab) -> String {
    format!(
        "{}{}",
        origin_of(location_href).unwrap_or_default(),
        lookup_href(id, tab)
    )
}

/// How the calls were made, for the Markdown (the kind of credential, not the credential).
#[must_use]
pub fn called_with(token: Option<&UserToken>, from_file: bool) -> CalledWith {
    match (from_file, token) {
        (true, _) => CalledWith::File,
        (false, None) => CalledWith::ServerClient,
        (false, Some(t)) => t.demo_client().map_or(CalledWith::OwnToken, |c| {
            CalledWith::DemoClient(c.to_owned())
        }),
    }
}

/// What one export needs besides the bodies.
pub struct Request<'a> {
    pub location_href: &'a str,
    pub tab: Tab,
    pub token: Option<&'a UserToken>,
    pub from_file: bool,
    pub now: DateTime<Utc>,
    pub zone: Zone,
}

/// A file to download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    pub name: String,
    pub mime: &'static str,
    pub text: String,
}

fn context(saved: &Saved, r: &Request<'_>) -> Context {
    Context {
        exported_at: r.now,
        zone: r.zone,
        origin: origin_of(r.location_href),
        share_url: Some(share_url(r.location_href, &saved.conversation_id, r.tab)),
        called_with: called_with(r.token, r.from_file),
    }
}

/// The Markdown export (`conversation-<id>.md`).
#[must_use]
pub fn markdown_file(saved: &Saved, r: &Request<'_>) -> ExportFile {
    ExportFile {
        name: format!("conversation-{}.md", saved.conversation_id),
        mime: "text/markdown;charset=utf-8",
        text: markdown::render(saved, &context(saved, r)),
    }
}

/// The JSON export "Open saved" reads back (`conversation-<id>.json`).
#[must_use]
pub fn json_file(saved: &Saved, r: &Request<'_>) -> ExportFile {
    ExportFile {
        name: format!("conversation-{}.json", saved.conversation_id),
        mime: "application/json",
        text: export::to_json(saved, r.now),
    }
}

#[cfg(test)]
mod tests {
    use lens::saved::SavedSide;

    use super::*;

    const ID: &str = "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4";
    const SECRET: &str = "tok-SECRET-4f9a";

    #[test]
    fn origins_and_share_links() {
        assert_eq!(
            origin_of("http://127.0.0.1:8080/c/x?tab=json#frag").as_deref(),
            Some("http://127.0.0.1:8080")
        );
        assert_eq!(
            origin_of("https://lens.example?x").as_deref(),
            Some("https://lens.example")
        );
        assert_eq!(origin_of("/c/x"), None);
        assert_eq!(
            share_url("http://127.0.0.1:8080/saved", ID, Tab::Timeline),
            format!("http://127.0.0.1:8080/c/{ID}?tab=timeline")
        );
    }

    #[test]
    fn no_token_or_code_reaches_a_link_or_an_export() {
        let token = UserToken::parse(&format!("Bearer {SECRET}"));
        // The address may carry an OAuth code, state and a token fragment after a sign-in.
        let href = format!(
            "http://127.0.0.1:8080/c/{ID}?code=code-SECRET-77&state=st#access_token={SECRET}"
        );
        let saved = Saved {
            conversation_id: ID.to_owned(),
            conversations: Some(SavedSide {
                status: Some(200),
                correlation_id: Some("corr-1".to_owned()),
                body: serde_json::json!({"id": ID, "participants": []}),
            }),
            analytics: None,
        };
        let r = Request {
            location_href: &href,
            tab: Tab::RawJson,
            token: token.as_ref(),
            from_file: false,
            now: Utc::now(),
            zone: Zone::UTC,
        };
        let md = markdown_file(&saved, &r);
        let json = json_file(&saved, &r);
        for text in [&md.text, &json.text, &share_url(&href, ID, Tab::RawJson)] {
            assert!(!text.contains(SECRET), "token leaked: {text}");
            assert!(!text.contains("code-SECRET"), "OAuth code leaked: {text}");
        }
        assert!(md.text.contains("own token (not included here)"));
        assert!(
            md.text
                .contains(&format!("http://127.0.0.1:8080/c/{ID}?tab=json"))
        );
        assert_eq!(json.name, format!("conversation-{ID}.json"));
    }

    #[test]
    fn how_the_calls_were_made() {
        assert_eq!(called_with(None, false), CalledWith::ServerClient);
        assert_eq!(
            called_with(UserToken::parse("x").as_ref(), false),
            CalledWith::OwnToken
        );
        assert_eq!(
            called_with(UserToken::parse("x").as_ref(), true),
            CalledWith::File
        );
    }
}
