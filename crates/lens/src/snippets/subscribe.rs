//! Subscription snippets for the Code tab: create a channel, subscribe to the conversation's
//! user and queue topics, listen, and keep only this conversation's events. Names are the
//! official SDKs' and CLI's (`post_notifications_channels`, `postNotificationsChannelSubscriptions`,
//! `gc notifications channels create` / `subscriptions subscribe` / `listen`).

use super::SnippetContext;

/// The topics to show: the context's, or the two kinds with placeholders.
fn topics(ctx: &SnippetContext) -> Vec<String> {
    if ctx.topics.is_empty() {
        vec![
            crate::notifications::topics::queue_topic("<queueId>"),
            crate::notifications::topics::user_topic("<userId>"),
        ]
    } else {
        ctx.topics.clone()
    }
}

fn json_list(ctx: &SnippetContext) -> String {
    let items: Vec<String> = topics(ctx)
        .iter()
        .map(|t| format!("{{\"id\": \"{t}\"}}"))
        .collect();
    format!("[{}]", items.join(", "))
}

pub fn python(ctx: &SnippetContext, head: &str) -> String {
    let id = &ctx.conversation_id;
    let names: Vec<String> = topics(ctx).iter().map(|t| format!("\"{t}\"")).collect();
    format!(
        "{head}# pip install websockets   (no v2.conversations.{{id}} topic: listen to its users and queues)\nimport asyncio, json\nimport websockets\n\nnotifications = gc.NotificationsApi(api)\nchannel = notifications.post_notifications_channels()\ntopics = []\nfor name in [{}]:\n    t = gc.ChannelTopic(); t.id = name; topics.append(t)\nresult = notifications.post_notifications_channel_subscriptions(channel.id, topics)\nprint([(t.id, t.state) for t in result.entities])  # Rejected topics say why\n\nasync def listen():\n    async with websockets.connect(channel.connect_uri) as ws:\n        async for text in ws:\n            msg = json.loads(text)\n            if msg.get(\"topicName\") == \"channel.metadata\":\n                continue  # heartbeat\n            if msg.get(\"topicName\") == \"v2.system.socket_closing\":\n                break  # open a new channel, subscribe again, re-read the conversation\n            if (msg.get(\"eventBody\") or {{}}).get(\"id\") == \"{id}\":\n                print(msg[\"topicName\"], msg[\"eventBody\"].get(\"participants\"))\n\nasyncio.run(listen())\n",
        names.join(", ")
    )
}

pub fn javascript(ctx: &SnippetContext) -> String {
    let id = &ctx.conversation_id;
    format!(
        "// npm install ws   (in a browser use the built-in WebSocket)\nconst WebSocket = require('ws');\nconst notifications = new platformClient.NotificationsApi();\nconst channel = await notifications.postNotificationsChannels();\nconst result = await notifications.postNotificationsChannelSubscriptions(channel.id, {});\nconsole.log(result.entities.map(t => [t.id, t.state]));  // Rejected topics say why\nconst socket = new WebSocket(channel.connectUri);\nsocket.on('message', (data) => {{\n  const msg = JSON.parse(data);\n  if (msg.topicName === 'channel.metadata') return;  // heartbeat\n  if (msg.topicName === 'v2.system.socket_closing') return socket.close();  // then reconnect + back-fill\n  if (msg.eventBody && msg.eventBody.id === '{id}') console.log(msg.topicName, msg.eventBody.participants);\n}});\n",
        json_list(ctx)
    )
}

pub fn cli(ctx: &SnippetContext) -> String {
    let id = &ctx.conversation_id;
    format!(
        "# 1. A channel: note its id\necho \"\" | gc notifications channels create\n# 2. The conversation's user and queue topics (there is no v2.conversations.{{id}} topic)\ncat > topics.json <<'JSON'\n{}\nJSON\ncat topics.json | gc notifications channels subscriptions subscribe <channelId>\n# 3. Listen (add --noheartbeat to hide the heartbeat) and keep this conversation's events\ngc notifications channels listen <channelId> | grep {id}\n",
        json_list(ctx)
    )
}

pub fn curl(ctx: &SnippetContext, token_note: &str) -> String {
    let api = ctx.region.api_base();
    let id = &ctx.conversation_id;
    format!(
        "{token_note}curl -sS -X POST \"{api}/api/v2/notifications/channels\" -H \"Authorization: Bearer $GENESYS_TOKEN\"\n# → {{\"connectUri\": \"wss://…\", \"id\": \"<channelId>\", \"expires\": \"…\"}}\ncurl -sS -X POST \"{api}/api/v2/notifications/channels/<channelId>/subscriptions\" \\\n  -H \"Authorization: Bearer $GENESYS_TOKEN\" -H \"Content-Type: application/json\" \\\n  -d '{}'\n# then any WebSocket client on connectUri, e.g. websocat \"<connectUri>\" | grep {id}\n",
        json_list(ctx)
    )
}

pub fn rust(ctx: &SnippetContext) -> String {
    let api = ctx.region.api_base();
    let id = &ctx.conversation_id;
    let body = json_list(ctx);
    format!(
        "// Cargo.toml: reqwest = {{ version = \"0.13\", features = [\"json\"] }}, tokio = {{ version = \"1\", features = [\"full\"] }}, serde_json = \"1\",\n//             tokio-tungstenite = {{ version = \"0.29\", features = [\"rustls-tls-native-roots\"] }}, futures-util = \"0.3\"\nuse futures_util::StreamExt;\n\n#[tokio::main]\nasync fn main() -> Result<(), Box<dyn std::error::Error>> {{\n    let token = std::env::var(\"GENESYS_TOKEN\")?; // never hard-code a token\n    let http = reqwest::Client::new();\n    let channel: serde_json::Value = http.post(\"{api}/api/v2/notifications/channels\")\n        .bearer_auth(&token).send().await?.json().await?;\n    let channel_id = channel[\"id\"].as_str().unwrap_or_default();\n    http.post(format!(\"{api}/api/v2/notifications/channels/{{channel_id}}/subscriptions\"))\n        .bearer_auth(&token)\n        .json(&serde_json::json!({body}))\n        .send().await?;\n    let uri = channel[\"connectUri\"].as_str().unwrap_or_default();\n    let (mut socket, _) = tokio_tungstenite::connect_async(uri).await?;\n    while let Some(msg) = socket.next().await {{\n        let msg: serde_json::Value = serde_json::from_str(msg?.to_text()?).unwrap_or_default();\n        if msg[\"eventBody\"][\"id\"] == \"{id}\" {{\n            println!(\"{{}}\", msg[\"topicName\"]);\n        }}\n    }}\n    Ok(())\n}}\n"
    )
}

#[cfg(test)]
mod tests {
    use crate::region::US_EAST_1;
    use crate::snippets::{Call, Lang, SnippetContext, snippet};

    const ID: &str = "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4";
    const Q: &str = "v2.routing.queues.0f8fad5b-d9cb-469f-a165-70867728950e.conversations";

    fn ctx(topics: Vec<String>) -> SnippetContext {
        SnippetContext::new(ID, US_EAST_1, None, chrono::Utc::now()).with_topics(topics)
    }

    #[test]
    fn every_language_subscribes_to_the_conversations_topics_and_filters_by_id() {
        let c = ctx(vec![Q.to_owned()]);
        for lang in Lang::ALL {
            let s = snippet(Call::Subscribe, lang, &c);
            assert!(s.code.contains(Q), "{lang:?}: {}", s.code);
            assert!(s.code.contains(ID), "{lang:?} keeps only this conversation");
            assert!(
                !s.code.contains(&format!("v2.conversations.{ID}")),
                "{lang:?}"
            );
        }
    }

    #[test]
    fn official_names() {
        let c = ctx(vec![]);
        let py = snippet(Call::Subscribe, Lang::Python, &c).code;
        for must in [
            "post_notifications_channels()",
            "post_notifications_channel_subscriptions(channel.id, topics)",
            "gc.ChannelTopic()",
            "channel.connect_uri",
            "channel.metadata",
        ] {
            assert!(py.contains(must), "python lacks {must}");
        }
        let js = snippet(Call::Subscribe, Lang::JavaScript, &c).code;
        assert!(js.contains("postNotificationsChannels()"));
        assert!(js.contains("postNotificationsChannelSubscriptions(channel.id, ["));
        let cli = snippet(Call::Subscribe, Lang::Cli, &c).code;
        for must in [
            "gc notifications channels create",
            "gc notifications channels subscriptions subscribe <channelId>",
            "gc notifications channels listen <channelId>",
        ] {
            assert!(cli.contains(must), "cli lacks {must}");
        }
        // Without topics the placeholders say what goes there.
        assert!(cli.contains("v2.users.<userId>.conversations"));
    }
}
