//! Every refusal or failure the server itself produces, as a typed value that renders as a JSON
//! body shaped like Genesys' `ErrorBody` (`message`, `code`, `status`) so the app shows it the
//! same way. Messages say what to do and never contain upstream internals, URLs or secrets.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LensError {
    #[error("{method} {path} is not allowed by Conversation Lens (read-only allow-list)")]
    NotAllowed { method: String, path: String },
    #[error(
        "the request path was refused: '..', '.', empty segments, backslashes and percent-encoded characters are not accepted in proxied paths"
    )]
    PathRejected,
    #[error("{what} must be a UUID like 3fa85f64-5717-4562-b3fc-2c963f66afa6, got {got:?}")]
    InvalidId { what: &'static str, got: String },
    #[error(
        "a notification channel id is letters, digits and hyphens as POST /api/v2/notifications/channels returned it, got {got:?}"
    )]
    InvalidChannelId { got: String },
    #[error(
        "no notification channel {0:?} was opened through this server (or it was forgotten after it expired); create one with POST /api/v2/notifications/channels and connect to the connectUri it returns"
    )]
    SocketUnknown(String),
    #[error(
        "{limit} notification sockets are already open through this server; close a Live events tab (or wait for one to end) and try again"
    )]
    TooManySockets { limit: usize },
    #[error(
        "the Genesys answer to creating a notification channel had no usable id or connectUri on the region's streaming host, so Conversation Lens will not connect to it"
    )]
    ChannelUnexpected,
    #[error(
        "this address takes a WebSocket (Upgrade: websocket); open it with new WebSocket(connectUri)"
    )]
    NotWebSocket,
    #[error("query parameter {param:?} is not allowed here; allowed: {allowed}")]
    QueryNotAllowed { param: String, allowed: String },
    #[error("query parameter {param:?} is invalid: {reason}")]
    BadQueryValue { param: String, reason: String },
    #[error("request body is larger than the {limit} bytes Conversation Lens accepts")]
    BodyTooLarge { limit: usize },
    #[error("request body must be JSON with Content-Type: application/json")]
    UnsupportedMediaType,
    #[error("request body is not a JSON object: {0}")]
    BadJson(String),
    #[error("the Authorization header must be 'Bearer <access token>'")]
    BadAuthorization,
    #[error(
        "Sign in with Genesys Cloud or paste a token — this server holds no credentials, so it forwards a call only with your own token (Access token drawer in the app, or Authorization: Bearer <token>)"
    )]
    SignInRequired,
    #[error(
        "this server only answers to localhost, its bind address and --allowed-host names (DNS-rebinding defence); got Host {0:?}"
    )]
    HostRejected(String),
    #[error(
        "cross-origin requests are refused (Origin {0:?}); open the app from this server's own address"
    )]
    OriginRejected(String),
    #[error(
        "Genesys login refused the configured OAuth client (HTTP {status} from the token endpoint); check the client id, secret, region and that the client uses the Client Credentials grant"
    )]
    TokenRefused { status: u16 },
    #[error(
        "could not reach the Genesys login host to get an access token; check the network and the region"
    )]
    TokenUnreachable,
    #[error(
        "the Genesys login host did not answer in time while getting an access token; try again"
    )]
    TokenTimeout,
    #[error("the Genesys login host answered the token request with something that is not a token")]
    TokenMalformed,
    #[error("could not reach the Genesys API host; check the network and the region")]
    UpstreamUnreachable,
    #[error("the Genesys API host did not answer within {secs} s; try again or narrow the query")]
    UpstreamTimeout { secs: u64 },
    #[error(
        "the Genesys API answered with more than {limit_mib} MiB, more than Conversation Lens relays; ask for less (a shorter interval, fewer IDs or a smaller pageSize)"
    )]
    UpstreamTooLarge { limit_mib: usize },
    #[error(
        "Conversation Lens stopped this request after {secs} s without an answer; try again, and check the network to Genesys if it repeats"
    )]
    RequestTimeout { secs: u64 },
    #[error(
        "Conversation Lens hit an internal error handling this request (a bug, logged on the server); try again, and report it if it repeats"
    )]
    Internal,
    #[error("{0} exists only in demo mode (the server is connected to a real org)")]
    DemoOnly(String),
    #[error("unknown demo client {given:?}; use one of: {valid}")]
    DemoUnknownClient { given: String, valid: String },
    #[error(
        "{0:?} is not a demo scenario id; use an id from GET /api/demo/scenarios, like inbound-answered"
    )]
    BadScenarioId(String),
}

impl LensError {
    pub fn status(&self) -> StatusCode {
        use LensError::*;
        match self {
            NotAllowed { .. } | DemoOnly(_) | SocketUnknown(_) => StatusCode::NOT_FOUND,
            TooManySockets { .. } => StatusCode::SERVICE_UNAVAILABLE,
            DemoUnknownClient { .. } | BadScenarioId(_) => StatusCode::BAD_REQUEST,
            PathRejected
            | InvalidId { .. }
            | InvalidChannelId { .. }
            | NotWebSocket
            | QueryNotAllowed { .. }
            | BadQueryValue { .. }
            | BadJson(_)
            | BadAuthorization => StatusCode::BAD_REQUEST,
            BodyTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            HostRejected(_) => StatusCode::MISDIRECTED_REQUEST,
            OriginRejected(_) => StatusCode::FORBIDDEN,
            SignInRequired => StatusCode::UNAUTHORIZED,
            TokenRefused { .. }
            | TokenUnreachable
            | TokenMalformed
            | UpstreamUnreachable
            | UpstreamTooLarge { .. }
            | ChannelUnexpected => StatusCode::BAD_GATEWAY,
            TokenTimeout | UpstreamTimeout { .. } | RequestTimeout { .. } => {
                StatusCode::GATEWAY_TIMEOUT
            }
            Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Stable machine code; `lens.` marks it as produced by this server, not by Genesys.
    pub fn code(&self) -> &'static str {
        use LensError::*;
        match self {
            NotAllowed { .. } => "lens.not.allowed",
            PathRejected => "lens.path.rejected",
            InvalidId { .. } => "lens.invalid.id",
            InvalidChannelId { .. } => "lens.invalid.channel.id",
            SocketUnknown(_) => "lens.socket.unknown",
            TooManySockets { .. } => "lens.socket.limit",
            ChannelUnexpected => "lens.channel.unexpected",
            NotWebSocket => "lens.socket.not.websocket",
            QueryNotAllowed { .. } => "lens.query.not.allowed",
            BadQueryValue { .. } => "lens.query.invalid",
            BodyTooLarge { .. } => "lens.body.too.large",
            UnsupportedMediaType => "lens.unsupported.media.type",
            BadJson(_) => "lens.body.invalid",
            BadAuthorization => "lens.authorization.invalid",
            SignInRequired => "lens.sign.in.required",
            HostRejected(_) => "lens.host.rejected",
            OriginRejected(_) => "lens.origin.rejected",
            TokenRefused { .. } => "lens.token.refused",
            TokenUnreachable => "lens.token.unreachable",
            TokenTimeout => "lens.token.timeout",
            TokenMalformed => "lens.token.malformed",
            UpstreamUnreachable => "lens.upstream.unreachable",
            UpstreamTimeout { .. } => "lens.upstream.timeout",
            UpstreamTooLarge { .. } => "lens.upstream.too.large",
            RequestTimeout { .. } => "lens.request.timeout",
            Internal => "lens.internal",
            DemoOnly(_) => "lens.demo.only",
            DemoUnknownClient { .. } => "lens.demo.unknown.client",
            BadScenarioId(_) => "lens.demo.bad.scenario.id",
        }
    }
}

/// Shortens user-supplied text before it is echoed in a message.
pub fn clip(s: &str) -> String {
    const MAX: usize = 80;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(MAX).collect();
        out.push('…');
        out
    }
}

impl IntoResponse for LensError {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = json!({
            "message": self.to_string(),
            "code": self.code(),
            "status": status.as_u16(),
            "source": "conversation-lens-server",
        });
        let mut resp = (status, Json(body)).into_response();
        resp.extensions_mut().insert(self);
        resp
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_allowed_message_matches_the_contract() {
        let e = LensError::NotAllowed {
            method: "PUT".into(),
            path: "/api/v2/users".into(),
        };
        assert_eq!(e.status(), StatusCode::NOT_FOUND);
        assert_eq!(
            e.to_string(),
            "PUT /api/v2/users is not allowed by Conversation Lens (read-only allow-list)"
        );
        assert_eq!(e.code(), "lens.not.allowed");
    }

    #[test]
    fn clip_bounds_echoed_input() {
        assert_eq!(clip(&"x".repeat(200)).chars().count(), 81);
    }
}
