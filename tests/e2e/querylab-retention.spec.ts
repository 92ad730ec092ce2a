import { expect, test } from "@playwright/test";
import type { ChildProcess } from "node:child_process";
import type { DemoScenario } from "./pages/lens-page";
import { startDemoServer } from "./support/servers";

// "Why is it empty?" → past retention, with a query that *runs* and comes back empty. A real org
// keeps at least 90 days, beyond the synchronous query's reach (querylab.spec covers that case:
// 400 + past retention). Here the demo org keeps only 2 days (allowed in the demo so data can be
// watched expiring), so the 3-day-old `past-retention` call is inside the query's reach but gone.

let server: ChildProcess | undefined;
let base = "";

test.beforeAll(async () => {
  const started = await startDemoServer(["--demo-analytics-retention-days", "2"]);
  server = started.child;
  base = started.base;
});

test.afterAll(() => {
  server?.kill();
});

test("why empty: past retention — a 2-day setting empties a query over a 3-day-old call", async ({ page }) => {
  const settings = await fetch(`${base}/api/v2/analytics/dataretention/settings`);
  expect(settings.status).toBe(200);
  expect((await settings.json()).retentionDays).toBe(2);
  const list: DemoScenario[] = await (await fetch(`${base}/api/demo/scenarios`)).json();
  const old = list.find((s) => s.id === "past-retention");
  expect(old, "the demo org lists the past-retention scenario").toBeTruthy();
  const id = old!.conversationId;

  await page.goto(`${base}/c/${id}?tab=query`);
  await expect(page.getByTestId("query-body")).toContainText(id);
  await expect(page.getByRole("region", { name: "Analytics API" })).toContainText("HTTP 404");
  await expect(page.getByTestId("retention").locator("summary")).toHaveText("Analytics retention: 2 days");
  await page.getByTestId("use-demo-start").click();
  await expect(page.getByTestId("query-body")).toContainText(`${old!.conversationStart.slice(0, 10)}T00:00:00.000Z`);
  await expect(page.getByTestId("retention-warning")).toBeVisible();
  await page.getByTestId("run-query").click();
  await expect(page.getByTestId("no-results")).toBeVisible();
  await expect(page.getByTestId("total-hits")).toHaveText("0");
  const causes = page.getByTestId("cause");
  await expect(causes.first()).toHaveAttribute("data-kind", "PastRetention");
  await expect(causes.first()).toContainText("certain");
  await expect(page.locator('[data-testid="cause"][data-kind="UnknownId"]')).toHaveCount(0);
});
