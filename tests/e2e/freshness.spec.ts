import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import type { ChildProcess } from "node:child_process";
import { startDemoServer } from "./support/servers";

// The Freshness tab (issue 7): watch a live demo conversation with time sped up until both APIs
// report it ended and analytics has caught up (wrap-up last), with the change log showing it.
// This spec starts its own server with `--time-scale` (the shared one runs in real time).

// 12 simulated seconds per real second: the answered call (~5 simulated minutes) ends in ~25 s.
const timeScale = process.env.LENS_FRESHNESS_TIME_SCALE ?? "12";

let server: ChildProcess | undefined;
let base = "";


test.beforeAll(async () => {
  // A free port per run: parallel runs of this spec (other worktrees, CI) never share a server.
  const started = await startDemoServer(["--time-scale", timeScale]);
  server = started.child;
  base = started.base;
});

test.afterAll(() => {
  server?.kill();
});

async function scenarioId(wanted: string): Promise<string> {
  const res = await fetch(`${base}/api/demo/scenarios`);
  const body = await res.json();
  const list: { id: string; conversationId: string; live: boolean }[] = Array.isArray(body) ? body : body.scenarios;
  const pick = list.find((s) => s.id === wanted) ?? list.find((s) => s.live);
  if (!pick) throw new Error("no live demo scenario");
  return pick.conversationId;
}

async function openFreshness(page: Page, id: string): Promise<void> {
  await page.goto(`${base}/c/${id}?tab=freshness`);
  await expect(page.getByTestId("freshness")).toBeVisible();
}

async function setPeriod(page: Page, seconds: string): Promise<void> {
  await page.getByTestId("poll-period").fill(seconds);
  await page.getByTestId("poll-period").press("Tab");
}

test("watches a live call until analytics catch up, then stops by itself", async ({ page }) => {
  test.setTimeout(150_000);
  await openFreshness(page, await scenarioId("inbound-answered"));
  await setPeriod(page, "1");
  await page.getByTestId("poll-start").click();
  const log = page.getByTestId("change-log");
  await expect(log.getByTestId("log-entry").first()).toBeVisible();
  await expect(page.getByTestId("poll-status")).toContainText("Stopped by itself", { timeout: 120_000 });
  for (const theme of ["light", "dark"]) {
    await page.evaluate((t) => document.documentElement.setAttribute("data-theme", t), theme);
    const results = await new AxeBuilder({ page }).include('[data-testid="freshness"]').analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
    expect(serious, `axe on the freshness log (${theme})`).toEqual([]);
  }
  // Real time changed while the call was live (matched by participant/communication id).
  await expect(log.locator('[data-api="realtime"][data-kind="changed"]').first()).toBeVisible();
  await expect(log.locator('[data-api="realtime"] [data-testid="change"]').first()).toContainText("→");
  // Analytics caught up: end first, wrap-up with it or later.
  await expect(log.getByTestId("log-note").filter({ hasText: "The real-time view shows the conversation ended" })).toHaveCount(1);
  await expect(log.getByTestId("log-note").filter({ hasText: "Analytics now reports conversationEnd" })).toHaveCount(1);
  await expect(log.getByTestId("log-note").filter({ hasText: "The wrap-up arrived in analytics" })).toHaveCount(1);
  // Stopped means stopped: no new entries.
  const entries = await log.getByTestId("log-entry").count();
  await page.waitForTimeout(2_500);
  await expect(log.getByTestId("log-entry")).toHaveCount(entries);
});

test("polling pauses while the page is hidden and resumes when visible", async ({ page }) => {
  test.setTimeout(60_000);
  // A call that stays live for hours, so polling never settles during this test.
  await openFreshness(page, await scenarioId("long-live"));
  await setPeriod(page, "1");
  // Every answer counts here, unchanged ones included (the default lists changes only).
  await page.getByTestId("show-unchanged").check();
  await page.getByTestId("poll-start").click();
  const entries = page.getByTestId("change-log").getByTestId("log-entry");
  await expect(entries.nth(3)).toBeVisible();
  // The driver reads document.hidden on every tick; make the page report itself hidden.
  await page.evaluate(() => Object.defineProperty(document, "hidden", { configurable: true, get: () => true }));
  await expect(page.getByTestId("poll-status")).toContainText("Paused while this browser tab is hidden");
  await page.waitForTimeout(1_500); // let an in-flight poll land
  const paused = await entries.count();
  await page.waitForTimeout(3_000);
  await expect(entries).toHaveCount(paused);
  await page.evaluate(() => Object.defineProperty(document, "hidden", { configurable: true, get: () => false }));
  await expect.poll(async () => entries.count(), { timeout: 10_000 }).toBeGreaterThan(paused);
  await page.getByTestId("poll-stop").click();
  await expect(page.getByTestId("poll-status")).toContainText("Stopped.");
});

test("a period below the rate budget is raised and says why", async ({ page }) => {
  await openFreshness(page, await scenarioId("long-live"));
  await setPeriod(page, "0.1");
  await expect(page.getByTestId("freshness")).toContainText("Period raised to 800 ms");
  await expect(page.getByTestId("freshness")).toContainText("300 requests a minute");
});

test("lists changes only by default, with a counter of unchanged answers and a toggle to show them", async ({ page }) => {
  test.setTimeout(60_000);
  // Live for hours: after the first answers, polls mostly come back unchanged.
  await openFreshness(page, await scenarioId("long-live"));
  await setPeriod(page, "1");
  await expect(page.getByTestId("show-unchanged")).not.toBeChecked();
  await page.getByTestId("poll-start").click();
  const log = page.getByTestId("change-log");
  const counter = page.getByTestId("unchanged-count");
  await expect(counter).toHaveText(/^([4-9]|\d\d+) unchanged answers hidden/, { timeout: 20_000 });
  await page.getByTestId("poll-stop").click();
  await expect(page.getByTestId("poll-status")).toContainText("Stopped.");
  // The first answers are listed; no "No change." card is.
  await expect(log.locator('[data-kind="first"]')).toHaveCount(2);
  await expect(log.locator('[data-kind="unchanged"]')).toHaveCount(0);
  const hidden = Number(/^(\d+)/.exec((await counter.textContent()) ?? "")?.[1]);
  await page.getByTestId("show-unchanged").check();
  await expect(log.locator('[data-kind="unchanged"]')).toHaveCount(hidden);
  await expect(counter).toHaveText(`${hidden} unchanged answers listed.`);
  await page.getByTestId("show-unchanged").uncheck();
  await expect(log.locator('[data-kind="unchanged"]')).toHaveCount(0);
});
