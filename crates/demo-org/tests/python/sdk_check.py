#!/usr/bin/env python3
"""The official Genesys Cloud Python SDK (PureCloudPlatformClientV2) against the standalone demo org.

Usage: sdk_check.py BASE_URL   (e.g. http://127.0.0.1:9000)

The SDK derives its login host by replacing "//api." with "//login." in configuration.host
(api_client.get_conf_url); a loopback base URL has no "//api.", so token requests go to
BASE_URL/oauth/token — the same server, which is what the demo org serves.

"No deserialization error" is checked strictly: every response is also fetched raw, and the SDK
object, serialized back (ApiClient.sanitize_for_serialization), must equal the raw JSON — a
field the SDK model lacks, a wrong type or an enum value it does not know
("outdated_sdk_version") shows up as a difference. Exits non-zero on any problem.
"""

import json
import sys
import time
import urllib.request
from datetime import datetime, timedelta

import PureCloudPlatformClientV2 as gc
from PureCloudPlatformClientV2.rest import ApiException

FULL = ("6b1c2a4e-0d5f-4c3b-9a1e-1e0c5d0f7a01", "lens-demo-full-secret")
NO_ANALYTICS = ("6b1c2a4e-0d5f-4c3b-9a1e-1e0c5d0f7a02", "lens-demo-no-analytics-secret")

problems = []


def fail(msg):
    problems.append(msg)
    print("FAIL:", msg, flush=True)


def ok(msg):
    print("ok:", msg, flush=True)


def raw(base, token, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Authorization", "Bearer " + token)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req) as resp:
        text = resp.read().decode()
        return json.loads(text) if text else None


def as_time(s):
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return None


def diff(raw_v, sdk_v, path, out):
    """Every raw field must come back from the SDK object unchanged."""
    if isinstance(raw_v, dict):
        if not isinstance(sdk_v, dict):
            out.append(f"{path}: SDK gave {type(sdk_v).__name__}, JSON has an object")
            return
        for k, v in raw_v.items():
            if k not in sdk_v:
                out.append(f"{path}.{k}: not in the SDK model (dropped on deserialization)")
            else:
                diff(v, sdk_v[k], f"{path}.{k}", out)
    elif isinstance(raw_v, list):
        if not isinstance(sdk_v, list) or len(sdk_v) != len(raw_v):
            out.append(f"{path}: list differs")
            return
        for i, (a, b) in enumerate(zip(raw_v, sdk_v)):
            diff(a, b, f"{path}[{i}]", out)
    elif raw_v != sdk_v:
        if isinstance(raw_v, str) and isinstance(sdk_v, str) and as_time(raw_v) and as_time(raw_v) == as_time(sdk_v):
            return
        if isinstance(raw_v, (int, float)) and isinstance(sdk_v, (int, float)) and float(raw_v) == float(sdk_v):
            return
        out.append(f"{path}: JSON {raw_v!r} came back as {sdk_v!r}")


def same(api_client, label, sdk_obj, raw_json):
    out = []
    diff(raw_json, api_client.sanitize_for_serialization(sdk_obj), "$", out)
    if out:
        fail(f"{label}: SDK deserialization lost or changed data:\n    " + "\n    ".join(out[:20]))
    else:
        ok(f"{label}: SDK object round-trips to the raw JSON")


def expect_api_error(label, status, code, fn):
    try:
        fn()
    except ApiException as e:
        body = json.loads(e.body) if e.body else {}
        if e.status == status and body.get("code") == code:
            ok(f"{label}: ApiException {status} {code}")
        else:
            fail(f"{label}: expected {status} {code}, got {e.status} {body}")
        return
    fail(f"{label}: expected ApiException {status}, call succeeded")


def check_scenarios(api, base, token, conv_api, an_api, scenarios, when):
    checked = 0
    for s in scenarios:
        cid = s["conversationId"]
        label = f"{s['id']} {when}"
        try:
            conv = conv_api.get_conversation(cid)
        except ApiException as e:
            if e.status != 404:
                fail(f"{label}: get_conversation {e.status} {e.body}")
            conv = None
        if conv is not None:
            same(api, f"{label} get_conversation", conv, raw(base, token, "GET", f"/api/v2/conversations/{cid}"))
            media = {"voice": ("calls", conv_api.get_conversations_call),
                     "callback": ("callbacks", conv_api.get_conversations_callback),
                     "email": ("emails", conv_api.get_conversations_email),
                     "message": ("messages", conv_api.get_conversations_message)}.get(s["mediaType"])
            if media:
                seg, fn = media
                same(api, f"{label} get_conversations_{seg}", fn(cid),
                     raw(base, token, "GET", f"/api/v2/conversations/{seg}/{cid}"))
        try:
            details = an_api.get_analytics_conversation_details(cid)
        except ApiException as e:
            if e.status != 404:
                fail(f"{label}: get_analytics_conversation_details {e.status} {e.body}")
            continue
        same(api, f"{label} get_analytics_conversation_details", details,
             raw(base, token, "GET", f"/api/v2/analytics/conversations/{cid}/details"))

        pred = gc.ConversationDetailQueryPredicate()
        pred.type = "dimension"
        pred.dimension = "conversationId"
        pred.value = cid
        flt = gc.ConversationDetailQueryFilter()
        flt.type = "and"
        flt.predicates = [pred]
        day = details.conversation_start.strftime("%Y-%m-%d")
        q = gc.ConversationQuery()
        q.interval = f"{day}T00:00:00.000Z/{day}T23:59:59.999Z"
        q.conversation_filters = [flt]
        page = gc.PagingSpec()
        page.page_size = 25
        page.page_number = 1
        q.paging = page
        res = an_api.post_analytics_conversations_details_query(q)
        if res.total_hits != 1 or not res.conversations or res.conversations[0].conversation_id != cid:
            fail(f"{label}: details query did not return exactly this conversation (totalHits {res.total_hits})")
        same(api, f"{label} post_analytics_conversations_details_query", res,
             raw(base, token, "POST", "/api/v2/analytics/conversations/details/query",
                 api.sanitize_for_serialization(q)))
        multi = an_api.get_analytics_conversations_details(id=[cid])
        same(api, f"{label} get_analytics_conversations_details", multi,
             raw(base, token, "GET", f"/api/v2/analytics/conversations/details?id={cid}"))
        checked += 1

    return checked


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    base = sys.argv[1].rstrip("/")
    gc.configuration.host = base
    api = gc.api_client.ApiClient().get_client_credentials_token(*FULL)
    token = api.access_token
    ok("client-credentials token from " + api.get_conf_url("login", base) + "/oauth/token")

    conv_api = gc.ConversationsApi(api)
    an_api = gc.AnalyticsApi(api)
    same(api, "get_tokens_me", gc.TokensApi(api).get_tokens_me(), raw(base, token, "GET", "/api/v2/tokens/me"))
    with urllib.request.urlopen(base + "/demo/clock") as resp:
        clock = json.loads(resp.read().decode())
    checked = 0
    # Scenarios evolve from start-up: look at them at several instants of their stories.
    for offset in (0, 45, 150, 600, 3600, 4 * 3600):
        if clock["frozen"]:
            origin = datetime.fromisoformat(clock["origin"].replace("Z", "+00:00"))
            at = (origin + timedelta(seconds=offset)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
            req = urllib.request.Request(base + "/demo/clock", method="POST", data=json.dumps({"at": at}).encode())
            req.add_header("Content-Type", "application/json")
            urllib.request.urlopen(req).read()
        elif offset:
            break  # a running clock cannot be moved: one pass only
        with urllib.request.urlopen(base + "/demo/scenarios") as resp:
            scenarios = json.loads(resp.read().decode())
        checked += check_scenarios(api, base, token, conv_api, an_api, scenarios, f"+{offset}s")
    if checked == 0:
        fail("no scenario conversation was readable in analytics")

    # Async job: submit, poll, read results (with participant attributes).
    avail = an_api.get_analytics_conversations_details_jobs_availability()
    same(api, "jobs availability", avail,
         raw(base, token, "GET", "/api/v2/analytics/conversations/details/jobs/availability"))
    # The analytics data retention setting (its model is not in the reference files: the SDK is the check).
    retention = an_api.get_analytics_dataretention_settings()
    same(api, "data retention settings", retention,
         raw(base, token, "GET", "/api/v2/analytics/dataretention/settings"))
    if retention.retention_days is None:
        fail("data retention settings: no retentionDays")
    jq = gc.AsyncConversationQuery()
    end = avail.data_availability_date
    jq.interval = f"{(end.replace(hour=0, minute=0, second=0, microsecond=0)).strftime('%Y-%m-%dT%H:%M:%S.000Z')}/" \
                  f"{end.strftime('%Y-%m-%dT%H:%M:%S.000Z')}"
    jq.limit = 50
    job = an_api.post_analytics_conversations_details_jobs(jq)
    state = None
    for _ in range(120):
        st = an_api.get_analytics_conversations_details_job(job.job_id)
        state = st.state
        if state not in ("QUEUED", "PENDING"):
            break
        time.sleep(0.5)
    if state != "FULFILLED":
        fail(f"job ended in state {state}")
    else:
        ok("job FULFILLED")
        results = an_api.get_analytics_conversations_details_job_results(job.job_id, page_size=10)
        same(api, "job results", results,
             raw(base, token, "GET", f"/api/v2/analytics/conversations/details/jobs/{job.job_id}/results?pageSize=10"))
    an_api.delete_analytics_conversations_details_job(job.job_id)
    ok("job deleted")

    # Errors surface as ApiException with the Genesys ErrorBody.
    expect_api_error("unknown conversation", 404, "not.found",
                     lambda: conv_api.get_conversation("00000000-0000-4000-8000-000000000000"))
    gc.configuration.host = base
    limited = gc.api_client.ApiClient().get_client_credentials_token(*NO_ANALYTICS)
    expect_api_error("no analytics permission", 403, "missing.any.permissions",
                     lambda: gc.AnalyticsApi(limited).get_analytics_conversation_details(scenarios[0]["conversationId"]))

    if problems:
        print(f"\n{len(problems)} problem(s)")
        return 1
    print(f"\nSDK check passed ({checked} scenario conversation views)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
