import { expect, test } from "@playwright/test";
import type { ChildProcess } from "node:child_process";
import { LiveEventsTab } from "./pages/live-events";
import { StartPage } from "./pages/start-page";
import { startDemoServer } from "./support/servers";

// Issue 13: a scenario started live sends notification events as the call moves on (queued,
// alerting, connected, held, …). A sped-up demo clock makes the first minutes of the call pass
// in seconds, so the events arrive without long waits.
const timeScale = process.env.LENS_LIVE_EVENTS_TIME_SCALE ?? "8";

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

test("a call started live sends events with their topic names to the Live events tab", async ({ page }) => {
  test.setTimeout(90_000);
  const start = new StartPage(page);
  await start.goto(base);
  const id = await start.watchLive("inbound-answered");

  const live = new LiveEventsTab(page);
  await live.open();
  // The topics come from the conversation's participants: its queue and, once answered, its agent.
  await expect(live.topics.first()).toContainText(/v2\.(routing\.queues|users)\.[0-9a-f-]{36}\.conversations/);
  await live.expectListening();
  await expect(live.topics.filter({ hasText: "permitted" }).first()).toBeVisible();

  // At least three events of this conversation arrive while the call progresses.
  await expect.poll(() => live.events.count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
  for (const n of [0, 1, 2]) {
    await expect(live.topicOf(n)).toHaveText(/^v2\.(routing\.queues|users)\.[0-9a-f-]{36}\.conversations$/);
  }
  await expect(live.events.first()).toContainText("First event");
  // Later events say what changed (the structural diff), e.g. a call's state.
  await expect(live.events.nth(1).locator(".live-changes")).not.toBeEmpty();
  // The time axis has a dot for the events and the back-filled snapshot.
  await expect(live.axis.locator('[data-source="Event"] .axis-dot').first()).toBeVisible();
  await expect(live.axis.locator('[data-source="Snapshot"] .axis-dot').first()).toBeVisible();
  await expect(live.section.locator(".live-lags li").first()).toBeVisible();
  // The misconceptions are taught with a source.
  await expect(live.pitfalls).toContainText("There is no plain v2.conversations.{id} topic");
  await expect(live.pitfalls.locator(".source a").first()).toHaveAttribute("href", /^https:\/\//);
  expect(page.url()).toContain(`/c/${id}?tab=live`);

  // Stop: the events stay; Reconnect opens a new channel and listens again.
  const shown = await live.events.count();
  await live.section.getByRole("button", { name: "Stop" }).click();
  await expect(live.status).toHaveAttribute("data-status", "stopped");
  expect(await live.events.count()).toBeGreaterThanOrEqual(shown);
  await live.section.getByRole("button", { name: "Reconnect" }).click();
  await live.expectListening();
  expect(await live.events.count()).toBeGreaterThanOrEqual(shown);
});
