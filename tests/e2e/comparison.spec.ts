import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demoScenarios, endedScenario, LensPage, storyColumn, type DemoScenario } from "./pages/lens-page";

// The comparison view (issue 6): lookup by paste / Enter / scenario, the URL as the source of
// truth (share links, reload, back/forward), error explainers per side, theme, accessibility.

function retentionScenario(list: DemoScenario[]): DemoScenario | undefined {
  // Past the Conversations API's retention, still in analytics (not past-analytics-retention).
  return list.find((s) => s.id === "past-retention");
}

async function expectTabSelected(page: Page, name: string): Promise<void> {
  await expect(page.getByRole("tab", { name, exact: true })).toHaveAttribute("aria-selected", "true");
}

test("paste starts the lookup and both panels fill", async ({ page, request }) => {
  const scenario = endedScenario(await demoScenarios(request));
  const lens = new LensPage(page);
  await lens.goto();
  // A paste marks the next input event as "start now" (no button press needed).
  await lens.input.dispatchEvent("paste");
  await lens.input.fill(`  ${scenario.conversationId}  `);
  await lens.expectBothStatus(200);
  await expect(page).toHaveURL(new RegExp(`/c/${scenario.conversationId}$`));
  // Each panel names its correlation id and time.
  await expect(lens.conversationsPanel).toContainText("Correlation ID");
  await expect(lens.analyticsPanel).toContainText(/\d+ ms|\d\.\d+ s/);
});

test("Enter starts the lookup", async ({ page, request }) => {
  const scenario = endedScenario(await demoScenarios(request));
  const lens = new LensPage(page);
  await lens.goto();
  await lens.input.fill(scenario.conversationId);
  await lens.input.press("Enter");
  await lens.expectBothStatus(200);
});

test("a demo scenario is one click away and says what it teaches", async ({ page, request }) => {
  const scenario = endedScenario(await demoScenarios(request));
  const lens = new LensPage(page);
  await lens.goto();
  const picker = page.getByRole("region", { name: "Demo scenarios" });
  await expect(picker).toContainText(scenario.teaches.slice(0, 40));
  await picker.getByRole("link", { name: scenario.title }).click();
  await lens.expectBothStatus(200);
  await expect(lens.input).toHaveValue(scenario.conversationId);
});

test("bad input in a shared link is refused without a request", async ({ page }) => {
  const calls: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/v2/")) calls.push(r.url());
  });
  await page.goto("/c/not-a-uuid");
  await expect(page.getByRole("alert").filter({ hasText: "not a conversation ID" }).first()).toBeVisible();
  await page.waitForTimeout(300);
  expect(calls).toEqual([]);
});

test("a share link with a tab survives a reload", async ({ page, request }) => {
  const scenario = endedScenario(await demoScenarios(request));
  const lens = new LensPage(page);
  await lens.goto(`/c/${scenario.conversationId}?tab=fields`);
  await expectTabSelected(page, "Field map");
  await lens.expectBothStatus(200);
  await expect(page.getByRole("tabpanel")).toContainText("conversationStart");
  await page.reload();
  await expectTabSelected(page, "Field map");
  await lens.expectBothStatus(200);
  await expect(lens.input).toHaveValue(scenario.conversationId);
});

test("tabs live in the URL and back/forward move between lookups, not tabs", async ({ page, request }) => {
  const list = await demoScenarios(request);
  const first = endedScenario(list);
  const second = list.find((s) => s.conversationId !== first.conversationId) ?? first;
  const lens = new LensPage(page);
  await lens.goto();

  await lens.lookUpText(first.conversationId);
  await lens.expectBothStatus(200);
  await page.getByRole("tab", { name: "Raw JSON" }).click();
  await expect(page).toHaveURL(/\?tab=json$/);
  await expect(page.getByRole("tree", { name: "Conversations API response body" })).toBeVisible();

  await lens.lookUpText(second.conversationId);
  await expect(page).toHaveURL(new RegExp(`/c/${second.conversationId}\\?tab=json$`));
  await expect(lens.input).toHaveValue(second.conversationId);

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/c/${first.conversationId}\\?tab=json$`));
  await expect(lens.input).toHaveValue(first.conversationId);
  await expect(lens.conversationsPanel).toContainText("HTTP 200");

  // The tab switch replaced its entry (issue 12): Back leaves the conversation.
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);

  await page.goForward();
  await page.goForward();
  await expect(page).toHaveURL(new RegExp(`/c/${second.conversationId}`));
  await expect(lens.input).toHaveValue(second.conversationId);
});

test("tabs are keyboard operable", async ({ page, request }) => {
  const scenario = endedScenario(await demoScenarios(request));
  const lens = new LensPage(page);
  await lens.goto(`/c/${scenario.conversationId}`);
  await page.getByRole("tab", { name: "At a glance" }).focus();
  await page.keyboard.press("ArrowRight");
  await expectTabSelected(page, "Field map");
  await expect(page).toHaveURL(/\?tab=fields$/);
  await page.keyboard.press("End");
  await expectTabSelected(page, "Live events");
});

test("retention: the Conversations API 404s while analytics still has the call", async ({ page, request }) => {
  const scenario = retentionScenario(await demoScenarios(request));
  expect(scenario, "the demo org lists the past-retention scenario").toBeTruthy();
  const lens = new LensPage(page);
  await lens.goto(`/c/${scenario!.conversationId}`);
  await expect(lens.conversationsPanel).toContainText("HTTP 404");
  await expect(lens.conversationsPanel).toContainText("not.found");
  await expect(lens.conversationsPanel).toContainText("Conversation not found (real-time)");
  await expect(lens.analyticsPanel).toContainText("HTTP 200");

  await lens.conversationsPanel.getByRole("button", { name: /What this error means/ }).click();
  await expectTabSelected(page, "Errors explained");
  const panel = page.getByRole("tabpanel");
  await expect(panel).toContainText("Analytics keeps conversation details");
  await expect(panel).toContainText("UNVERIFIED");
  // The explanation carries its source.
  await expect(panel.getByText("Source:").first()).toBeVisible();
});

test("an unknown ID: each API's own 404, each explained", async ({ page }) => {
  const lens = new LensPage(page);
  await lens.goto("/c/00000000-0000-4000-8000-000000000000");
  await lens.expectBothStatus(404);
  await expect(lens.conversationsPanel).toContainText("Conversation not found (real-time)");
  await expect(lens.analyticsPanel).toContainText("Conversation not found (analytics)");
});

test("your own token: a bad one gives 401 on both sides, explained; forgetting it restores access", async ({ page, request }) => {
  const scenario = endedScenario(await demoScenarios(request));
  const lens = new LensPage(page);
  await lens.goto();
  await page.getByRole("button", { name: /Access token/ }).click();
  const drawer = page.getByRole("region", { name: "Use your own access token" });
  await drawer.getByLabel("Access token").fill("not-a-real-token");
  await drawer.getByRole("button", { name: "Use token" }).click();
  await expect(drawer).toContainText("A token of yours is in use");

  const sent: (string | null)[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/v2/")) sent.push(r.headers()["authorization"] ?? null);
  });
  await lens.lookUpText(scenario.conversationId);
  await lens.expectBothStatus(401);
  expect(sent).toContain("Bearer not-a-real-token");
  await expect(lens.conversationsPanel).toContainText("bad.credentials");
  await expect(lens.analyticsPanel).toContainText("Not authenticated");
  // Never stored.
  const stored = await page.evaluate(() => JSON.stringify(Object.assign({}, window.localStorage)));
  expect(stored).not.toContain("not-a-real-token");

  await drawer.getByRole("button", { name: "Forget token" }).click();
  await page.getByRole("button", { name: "Refresh both" }).click();
  await lens.expectBothStatus(200);
});

test("a limited client's token: 403 with the exact permission it lacks", async ({ page, request }) => {
  // Needs a token of a limited demo client. The demo org issues them at its own /oauth/token,
  // which the companion server exposes (demo mode only) as POST /api/demo/token if present.
  const res = await request.post("/api/demo/token", { data: { client: "lens-demo-no-analytics" } });
  expect(res.status(), "POST /api/demo/token answers in demo mode").toBe(200);
  const token: string = (await res.json()).access_token;
  const scenario = endedScenario(await demoScenarios(request));
  const lens = new LensPage(page);
  await lens.goto();
  await page.getByRole("button", { name: /Access token/ }).click();
  const drawer = page.getByRole("region", { name: "Use your own access token" });
  await drawer.getByLabel("Access token").fill(token);
  await drawer.getByRole("button", { name: "Use token" }).click();
  await lens.lookUpText(scenario.conversationId);
  await expect(lens.conversationsPanel).toContainText("HTTP 200");
  await expect(lens.analyticsPanel).toContainText("HTTP 403");
  await expect(lens.analyticsPanel).toContainText("Missing permission");
  await page.getByRole("tab", { name: "Errors explained" }).click();
  await expect(page.getByRole("tabpanel")).toContainText("analytics:conversationDetail:view");
  await expect(page.getByRole("tabpanel")).toContainText("scopes do not apply");
});

test("theme toggle switches and is remembered", async ({ page }) => {
  const lens = new LensPage(page);
  await lens.goto();
  const html = page.locator("html");
  const before = await html.getAttribute("data-theme");
  expect(before === "light" || before === "dark").toBeTruthy();
  await page.getByRole("button", { name: "Dark theme" }).click();
  const after = before === "dark" ? "light" : "dark";
  await expect(html).toHaveAttribute("data-theme", after);
  await page.reload();
  await expect(lens.input).toBeVisible();
  await expect(html).toHaveAttribute("data-theme", after);
});

test("recent lookups keep no secrets and can be cleared", async ({ page, request }) => {
  const scenario = endedScenario(await demoScenarios(request));
  const lens = new LensPage(page);
  await lens.goto();
  await lens.lookUpText(scenario.conversationId);
  await lens.expectBothStatus(200);
  await page.getByRole("link", { name: "Conversation Lens" }).click();
  const recent = page.getByRole("region", { name: "Recent lookups" });
  await expect(recent.getByRole("link", { name: scenario.conversationId })).toBeVisible();
  const stored = await page.evaluate(() => window.localStorage.getItem("conversation-lens.recent"));
  expect(JSON.parse(stored ?? "[]").map((r: { id: string }) => r.id)).toEqual([scenario.conversationId]);
  await recent.getByRole("button", { name: "Clear recent lookups" }).click();
  await expect(recent).toHaveCount(0);
});

test("no horizontal scrolling on a phone", async ({ page, request }) => {
  const scenario = endedScenario(await demoScenarios(request));
  await page.setViewportSize({ width: 390, height: 844 });
  const lens = new LensPage(page);
  for (const tab of ["", "?tab=fields", "?tab=timeline", "?tab=json", "?tab=metrics", "?tab=code"]) {
    await lens.goto(`/c/${scenario.conversationId}${tab}`);
    await lens.expectBothStatus(200);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${tab || "glance"}`).toBeLessThanOrEqual(0);
  }
});

for (const theme of ["light", "dark"] as const) {
  test(`accessibility: no serious axe violations (${theme})`, async ({ page, request }) => {
    const scenario = endedScenario(await demoScenarios(request));
    await page.emulateMedia({ colorScheme: theme });
    const lens = new LensPage(page);
    const pages = ["/", ...["", "?tab=fields", "?tab=timeline", "?tab=json", "?tab=metrics", "?tab=errors", "?tab=guide", "?tab=code"].map(
      (t) => `/c/${scenario.conversationId}${t}`,
    )];
    for (const path of pages) {
      await lens.goto(path);
      if (path !== "/") await lens.expectBothStatus(200);
      await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
      expect(serious, `axe on ${path}`).toEqual([]);
    }
  });
}

test("the errors catalogue explains every status for both calls, with permissions and sources", async ({ page, request }) => {
  const scenario = endedScenario(await demoScenarios(request));
  const lens = new LensPage(page);
  await lens.goto(`/c/${scenario.conversationId}?tab=errors`);
  await lens.expectBothStatus(200);
  const panel = page.getByRole("tabpanel");
  const statuses = panel.getByRole("group", { name: "Status to explain" });

  await statuses.getByRole("button", { name: "403", exact: true }).click();
  await expect(panel).toContainText("Missing permission");
  await expect(panel).toContainText("conversation:communication:view");
  await expect(panel).toContainText("analytics:conversationDetail:view");
  await expect(panel).toContainText("scopes do not apply");

  await statuses.getByRole("button", { name: "429", exact: true }).click();
  await expect(panel).toContainText("Rate limited");
  await expect(panel).toContainText("Retry-After");

  await statuses.getByRole("button", { name: "401", exact: true }).click();
  await expect(panel).toContainText("Not authenticated");

  await statuses.getByRole("button", { name: "503", exact: true }).click();
  await expect(statuses.getByRole("button", { name: "503", exact: true })).toHaveAttribute("aria-pressed", "true");
  // Every explanation names where it comes from.
  expect(await panel.getByText("Source:").count()).toBeGreaterThan(3);
});

test("the JSON tree documents fields and lights up the counterpart in the other API", async ({ page, request }) => {
  const scenario = endedScenario(await demoScenarios(request));
  const lens = new LensPage(page);
  await lens.goto(`/c/${scenario.conversationId}?tab=json`);
  await lens.expectBothStatus(200);
  const convTree = page.getByRole("tree", { name: "Conversations API response body" });
  const anaTree = page.getByRole("tree", { name: "Analytics API response body" });
  await convTree.locator('[role=treeitem][data-path="startTime"]').focus();
  await expect(page.getByRole("status").filter({ hasText: "Conversation.startTime · datetime" })).toBeVisible();
  await expect(anaTree.locator('[role=treeitem][data-path="conversationStart"]')).toHaveClass(/jt-hit/);
  // Keyboard: ArrowDown moves on, ArrowLeft/Right collapse and expand.
  const participants = convTree.locator('[role=treeitem][data-path="participants"]');
  await participants.focus();
  await expect(participants).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("ArrowLeft");
  await expect(participants).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("ArrowRight");
  await expect(participants).toHaveAttribute("aria-expanded", "true");
});

test("the timeline draws a lane per participant with both APIs and explains a bar on focus", async ({ page, request }) => {
  const scenario = endedScenario(await demoScenarios(request));
  const lens = new LensPage(page);
  await lens.goto(`/c/${scenario.conversationId}?tab=timeline`);
  await lens.expectBothStatus(200);
  const panel = page.getByRole("tabpanel");
  expect(await panel.locator(".tl-lane").count()).toBeGreaterThan(1);
  await expect(panel.getByRole("group", { name: "Legend" })).toContainText("interact");
  const bar = panel.getByRole("img", { name: /^Analytics API: / }).first();
  await bar.focus();
  await expect(panel.locator(".tl-detail")).toContainText("Analytics API");
  // Roving tabindex: one bar in the Tab order; arrow keys move focus (and the details) along.
  await expect(panel.locator("rect[tabindex='0']")).toHaveCount(1);
  const first = panel.locator("rect[data-bar='0']");
  await first.focus();
  await page.keyboard.press("ArrowRight");
  await expect(panel.locator("rect[data-bar='1']")).toBeFocused();
  await expect(panel.locator("rect[data-bar='1']")).toHaveAttribute("tabindex", "0");
  await expect(first).toHaveAttribute("tabindex", "-1");
  await panel.getByRole("button", { name: "Zoom in" }).click();
  await expect(panel.getByRole("button", { name: "Whole conversation" })).toBeEnabled();
});

test("freshness on an ended conversation says polling stops once analytics is stable", async ({ page, request }) => {
  const scenario = endedScenario(await demoScenarios(request));
  const lens = new LensPage(page);
  await lens.goto(`/c/${scenario.conversationId}?tab=freshness`);
  await lens.expectBothStatus(200);
  await expect(page.getByTestId("poll-ended-hint")).toHaveText(
    "This conversation has ended on both APIs; polling will stop after it confirms analytics is stable.",
  );
  await expect(page.getByTestId("poll-start")).toHaveAttribute("aria-describedby", "poll-ended-hint");
});

test("At a glance opens with what happened, told by each API, and names the agent-time difference", async ({
  page,
  request,
}) => {
  const list = await demoScenarios(request);
  const blind = list.find((s) => s.id === "blind-transfer");
  expect(blind, "the demo org has the blind-transfer scenario").toBeTruthy();
  if (!blind || blind.live) test.skip(true, "blind-transfer is still live");
  const lens = new LensPage(page);
  await lens.goto(`/c/${blind!.conversationId}`);
  await lens.expectBothStatus(200);
  const panel = page.getByRole("tabpanel");
  await expect(panel.getByRole("heading", { name: "What happened" })).toBeVisible();
  for (const api of ["Conversations API", "Analytics API"] as const) {
    const col = storyColumn(page, api);
    await expect(col).toContainText("Chris Johnson called at");
    await expect(col).toContainText("Omar Haddad answered and talked 1 m 36 s");
    await expect(col).toContainText("transferred Chris Johnson to the Billing queue without consulting");
  }
  await expect(storyColumn(page, "Analytics API")).toContainText("wrap-up name: only in the Conversations API");
  // The story comes before the cards, and the agent durations are a named difference.
  const differ = page.getByRole("region", { name: "Where the two APIs differ" });
  await expect(differ).toContainText("Omar Haddad: 1m 43.7s in the Conversations API, 2m 5.0s in analytics");
  await expect(differ).toContainText("Analytics counts after-call work");
  await expect(differ).not.toContainText("No differences found");
});

test("the field map names whose value it is, humanises durations, wraps paths and filters rows", async ({ page, request }) => {
  // An ended scenario with a named agent (which one has ended depends on the clock).
  type Part = { purpose?: string; name?: string };
  let scenario: DemoScenario | undefined;
  let agent: Part | undefined;
  for (const s of (await demoScenarios(request)).filter((s) => !s.live)) {
    const rt = await (await request.get(`/api/v2/conversations/${s.conversationId}`)).json();
    agent = ((rt.participants ?? []) as Part[]).find((p) => p.purpose === "agent" && p.name);
    if (agent) {
      scenario = s;
      break;
    }
  }
  expect(agent?.name, "an ended scenario has a named agent").toBeTruthy();
  if (!scenario) throw new Error("no ended scenario with a named agent");
  const lens = new LensPage(page);
  await lens.goto(`/c/${scenario.conversationId}?tab=fields`);
  await lens.expectBothStatus(200);
  const panel = page.getByRole("tabpanel");
  const rows = panel.locator("table.field-map tbody tr");
  const total = await rows.count();
  // Values are labelled by participant.
  await expect(panel.getByTestId("fm-owner").filter({ hasText: agent!.name! }).first()).toBeVisible();
  // Durations read as durations beside the raw milliseconds.
  const handle = rows.filter({ has: page.getByRole("rowheader", { name: "Handle time" }) });
  await expect(handle.getByTestId("fm-human").first()).toHaveText(/^\((\d+h )?(\d+m )?\d+(\.\d)?s\)$|^\(\d+ ms\)$/);
  // Long paths may wrap at `.` and `[`.
  expect(await panel.locator("code.fm-path wbr").count()).toBeGreaterThan(0);
  // The filter keeps what is typed and narrows rows by concept or path.
  const filter = panel.getByTestId("field-filter");
  await filter.fill("queue");
  await expect(filter).toHaveValue("queue");
  await expect.poll(async () => rows.count()).toBeLessThan(total);
  for (const text of await rows.allTextContents()) expect(text.toLowerCase()).toContain("queue");
  await expect(panel.getByTestId("field-filter-count")).toContainText(`of ${total} rows`);
  await filter.fill("no-such-thing");
  await expect(rows).toHaveCount(0);
  await expect(panel.getByTestId("field-filter-none")).toContainText("“no-such-thing”");
  await expect(filter).toHaveValue("no-such-thing");
  await filter.fill("");
  await expect(rows).toHaveCount(total);
});

test("metrics: the table comes first, the checks after (folded when all hold), names never break mid-word", async ({ page, request }) => {
  const scenario = endedScenario(await demoScenarios(request));
  const lens = new LensPage(page);
  await lens.goto(`/c/${scenario.conversationId}?tab=metrics`);
  await lens.expectBothStatus(200);
  const table = page.getByTestId("metric-table");
  const checks = page.getByTestId("metric-checks");
  await expect(table).toBeVisible();
  const tableFirst = await page.evaluate(() => {
    const t = document.querySelector('[data-testid="metric-table"]')!;
    const c = document.querySelector('[data-testid="metric-checks"]')!;
    return (t.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  });
  expect(tableFirst, "the metrics table precedes the checks").toBeTruthy();
  const summary = (await checks.getByTestId("check-summary").textContent()) ?? "";
  const details = checks.getByTestId("check-details");
  if (/^All \d+ checks hold$/.test(summary)) {
    await expect(details).not.toHaveAttribute("open", "");
    await checks.getByTestId("check-summary").click();
    await expect(details).toHaveAttribute("open", "");
  } else {
    await expect(details).toHaveAttribute("open", "");
  }
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    const broken = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="metric-table"] td[data-label="Metric"] code')]
        .filter((c) => c.getClientRects().length > 1)
        .map((c) => c.textContent),
    );
    expect(broken, `metric names wrapped at ${width} px`).toEqual([]);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(sideways, `metrics tab scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
  }
});

test("the timeline opens a bar's details beside it and names queues", async ({ page, request }) => {
  const scenario = endedScenario(await demoScenarios(request));
  const rt = await (await request.get(`/api/v2/conversations/${scenario.conversationId}`)).json();
  const queued = (rt.participants as { queueName?: string }[]).find((p) => p.queueName);
  expect(queued?.queueName, "a participant of the ended scenario names its queue").toBeTruthy();
  const lens = new LensPage(page);
  await lens.goto(`/c/${scenario.conversationId}?tab=timeline`);
  await lens.expectBothStatus(200);
  const panel = page.getByRole("tabpanel");
  // Analytics segments carry only queueId; the bar names the queue.
  await expect(panel.getByRole("img", { name: new RegExp(`^Analytics API: .*queue ${queued!.queueName}`) }).first()).toBeAttached();
  const bars = panel.getByRole("img", { name: /^Analytics API: / });
  const last = bars.last();
  await last.scrollIntoViewIfNeeded();
  await last.hover();
  const detail = panel.getByTestId("tl-detail");
  await expect(detail).toBeVisible();
  await expect(detail).toContainText("Analytics API");
  const [bar, box] = [await last.boundingBox(), await detail.boundingBox()];
  const viewport = page.viewportSize()!;
  expect(bar && box).toBeTruthy();
  // Right next to the bar (below it, or above it near the window's bottom), inside the
  // viewport — not below the chart, off-screen.
  const gap = Math.min(Math.abs(box!.y - (bar!.y + bar!.height)), Math.abs(box!.y + box!.height - bar!.y));
  expect(gap).toBeLessThan(12);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
  // Keyboard focus opens it too; leaving the chart closes it.
  await panel.locator("rect[data-bar='0']").focus();
  await expect(detail).toBeVisible();
  await page.mouse.move(1, 1);
  await expect(detail).toHaveCount(0);
});
