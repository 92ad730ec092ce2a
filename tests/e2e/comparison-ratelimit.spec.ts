import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import { expect, test } from "@playwright/test";
import { LensPage } from "./pages/lens-page";

// 429 + Retry-After needs a demo org with a tiny rate limit, so this file starts its own
// companion server (same binary and bundle as playwright.config.ts) with --demo-rate-limit 3.

const root = path.resolve(__dirname, "..", "..");
const serverBin = process.env.LENS_SERVER_BIN ?? path.join(root, "target", "release", "conversation-lens-server");
const dist = process.env.LENS_DIST ?? path.join(root, "dist");
const port = Number(process.env.LENS_PORT ?? 18080) + 7;
const base = `http://127.0.0.1:${port}`;

let server: ChildProcess | undefined;

test.beforeAll(async ({ request }) => {
  server = spawn(serverBin, ["--port", String(port), "--dist", dist, "--demo", "--demo-rate-limit", "3"], {
    stdio: "ignore",
    env: { ...process.env, RUST_LOG: "warn" },
  });
  // Wait for /api/health (no wall-clock assertion: just poll until it answers).
  for (let i = 0; i < 200; i++) {
    try {
      const res = await request.get(`${base}/api/health`);
      if (res.ok()) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`rate-limited server on ${base} did not start`);
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
