import type { ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { LensPage } from "./pages/lens-page";
import { startDemoServer } from "./support/servers";

// 429 + Retry-After needs a demo org with a tiny rate limit, so this file starts its own
// companion server (same binary and bundle as playwright.config.ts) with --demo-rate-limit 3.

let server: ChildProcess | undefined;
let base = "";

test.beforeAll(async () => {
  const started = await startDemoServer(["--demo-rate-limit", "3"]);
  server = started.child;
  base = started.base;
});

test.afterAll(() => {
  server?.kill();
});

test("429: the panel shows Genesys' error and the Errors tab counts down Retry-After", async ({ page, request }) => {
  const scenarios = await (await request.get(`${base}/api/demo/scenarios`)).json();
  const id: string = scenarios[0].conversationId;
  const lens = new LensPage(page);
  await lens.goto(`${base}/c/${id}`);
  await expect(lens.conversationsPanel).toContainText(/HTTP \d{3}/);
  await expect(lens.analyticsPanel).toContainText(/HTTP \d{3}/);
  // Two calls per lookup against a limit of 3 per minute: the second lookup is throttled.
  await page.getByRole("button", { name: "Refresh both" }).click();
  const throttled = page.getByRole("region").filter({ hasText: "HTTP 429" }).first();
  await expect(throttled).toBeVisible();
  await expect(throttled).toContainText("too.many.requests");
  await expect(throttled).toContainText("Rate limited");

  await page.getByRole("tab", { name: "Errors explained" }).click();
  const panel = page.getByRole("tabpanel");
  await expect(panel.getByRole("timer")).toContainText(/Retry in \d+ s|You may retry now/);
  await expect(panel.getByRole("progressbar", { name: "Retry-After countdown" })).toBeVisible();
});
