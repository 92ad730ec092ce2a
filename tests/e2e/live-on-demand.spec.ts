import { expect, test } from "@playwright/test";
import type { ChildProcess } from "node:child_process";
import { storyColumn } from "./pages/lens-page";
import { LiveConversation } from "./pages/live-conversation";
import { StartPage } from "./pages/start-page";
import { startDemoServer } from "./support/servers";

// Issue 11 item 1: any demo scenario can be started again, live, from the start page. This spec
// starts its own server with a sped-up clock so a started call moves on within seconds. The
// analytics lag is 5 simulated seconds: at 2× the Analytics API answers 404 for ~2.5 s after the
// start, long enough to see, then catches up while the call is still live.
const timeScale = process.env.LENS_LIVE_TIME_SCALE ?? "2";

let server: ChildProcess | undefined;
let base = "";

test.beforeAll(async () => {
  const started = await startDemoServer(["--time-scale", timeScale]);
  server = started.child;
  base = started.base;
});

test.afterAll(() => {
  server?.kill();
});

test("a scenario started live from the start page opens, progresses, and survives a reload", async ({ page }) => {
  test.setTimeout(90_000);
  const start = new StartPage(page);
  await start.goto(base);
  // The built-in call ended long ago (or is about to): its phase says where it is now.
  await expect(start.scenarioPhase("inbound-answered")).toHaveAttribute("data-phase", /.+/);
  await expect(start.watchLiveButton("inbound-answered")).toBeEnabled();

  const id = await start.watchLive("inbound-answered");
  const live = new LiveConversation(page);
  await live.expectConversationsLive();
  // At a glance tells the call so far; the story grows as the call moves on (issue 11: watch
  // the core lesson live, not read it from field lists).
  const told = storyColumn(page, "Conversations API").locator(".story-sentence");
  await expect(told.first()).toBeVisible();
  const toldAtFirst = await told.count();
  await live.expectAnalyticsAbsent();
  // The page re-asks both APIs every few seconds while the call is live: analytics catches up.
  await live.expectAnalyticsPresent();
  await live.expectConversationsLive();
  await expect(storyColumn(page, "Analytics API").locator(".story-sentence").first()).toBeVisible();
  await expect.poll(() => told.count(), { timeout: 60_000 }).toBeGreaterThan(toldAtFirst);

  // Reload: the run is a real conversation of the demo org, not page state.
  await page.reload();
  await live.expectConversationsLive();
  await live.expectAnalyticsPresent();

  // Back on the start page, the run is listed under its scenario with its phase now.
  await start.goto(base);
  const run = start.startedRuns("inbound-answered").first();
  await expect(run).toBeVisible();
  await expect(run.locator(".phase")).toHaveAttribute("data-phase", "live");
  await run.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/c/${id}$`));
});

test("the start page shows Which API when before any lookup, and the Query lab without an id", async ({ page }) => {
  const start = new StartPage(page);
  await start.goto(base);
  await expect(start.guideTable).toBeVisible();
  await expect(start.guideTable.getByRole("row")).toHaveCount(9); // header + one row per goal
  const onePast = start.guideTable.getByRole("row", { name: /everything about one conversation/ });
  await expect(onePast).toContainText("GET /api/v2/analytics/conversations/{conversationId}/details");
  await expect(onePast.locator(".source a").first()).toHaveAttribute("href", /^https:\/\//);

  await start.labLink.click();
  await expect(page).toHaveURL(`${base}/lab`);
  await expect(page.getByRole("heading", { name: "Query lab", level: 1 })).toBeVisible();
  const body = page.getByTestId("query-body");
  await expect(body).toContainText('"interval"');
  await expect(body).not.toContainText("conversationId");
  await page.getByTestId("run-query").click();
  await expect(page.getByTestId("query-results")).toBeVisible();

  // A deep link works too (the server's index fallback serves /lab).
  await page.goto(`${base}/lab`);
  await expect(page.getByTestId("query-body")).toBeVisible();
});

test("starting a scenario is refused cross-origin and for an unknown id", async ({ request }) => {
  const cross = await request.post(`${base}/api/demo/scenarios/inbound-answered/start`, {
    headers: { Origin: "http://evil.example" },
  });
  expect(cross.status()).toBe(403);
  const unknown = await request.post(`${base}/api/demo/scenarios/no-such-scenario/start`, {
    headers: { Origin: base },
  });
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).code).toBe("not.found");
});
