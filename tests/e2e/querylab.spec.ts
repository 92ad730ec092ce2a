import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { demoScenarios, endedScenario, type DemoScenario } from "./pages/lens-page";
import { QueryLabPage } from "./pages/query-lab-page";

// The Query lab tab (issue 7): build and run the details query for the pasted conversation,
// trigger each "Why is it empty?" branch the demo org can produce, walk pages, run a job.
// Too new and missing permission need their own servers: querylab-toonew / querylab-permission.

async function openLab(page: Page, id: string): Promise<void> {
  await new QueryLabPage(page).open(id);
}

async function run(page: Page): Promise<void> {
  await new QueryLabPage(page).run();
}

function cause(page: Page, kind: string) {
  return new QueryLabPage(page).cause(kind);
}

async function startOf(request: APIRequestContext, id: string): Promise<Date> {
  const res = await request.get(`/api/v2/analytics/conversations/${id}/details`);
  expect(res.status()).toBe(200);
  return new Date((await res.json()).conversationStart);
}

function utcDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

let scenario: DemoScenario;

test.beforeEach(async ({ request }) => {
  scenario = endedScenario(await demoScenarios(request));
});

test("builds the query for the conversation's UTC start day and runs it", async ({ page, request }) => {
  const start = await startOf(request, scenario.conversationId);
  await openLab(page, scenario.conversationId);
  const body = JSON.parse((await page.getByTestId("query-body").textContent()) ?? "{}");
  const next = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + 1));
  expect(body.interval).toBe(`${utcDay(start)}T00:00:00.000Z/${utcDay(next)}T00:00:00.000Z`);
  expect(body.conversationFilters[0].predicates[0]).toEqual({
    type: "dimension",
    dimension: "conversationId",
    operator: "matches",
    value: scenario.conversationId,
  });
  expect(body.paging).toEqual({ pageSize: 25, pageNumber: 1 });
  await expect(page.getByTestId("interval-explainer")).toContainText("started on a day touched by the interval");

  // The body follows the form live.
  await page.getByTestId("page-size").fill("10");
  await page.getByTestId("page-size").press("Tab");
  await expect(page.getByTestId("query-body")).toContainText('"pageSize": 10');

  await run(page);
  await expect(page.getByTestId("total-hits")).toHaveText("1");
  const row = page.getByTestId("result-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(scenario.conversationId);
  await expect(page.getByTestId("why-empty")).toHaveCount(0);
});

test("bad interval text is kept and explained, and blocks running", async ({ page }) => {
  await openLab(page, scenario.conversationId);
  await page.getByTestId("interval-input").fill("yesterday/today");
  await expect(page.getByTestId("interval-input")).toHaveValue("yesterday/today");
  await expect(page.getByTestId("interval-error")).toContainText("is not a date-time");
  await expect(page.getByTestId("run-query")).toBeDisabled();
  await page.getByTestId("interval-input").fill("2026-05-12T00:00:00Z/PT24H");
  await expect(page.getByTestId("interval-error")).toHaveCount(0);
  await expect(page.getByTestId("query-body")).toContainText("2026-05-12T00:00:00.000Z/2026-05-13T00:00:00.000Z");
});

test("a dimension at the wrong level is warned before running, with the fix", async ({ page }) => {
  await openLab(page, scenario.conversationId);
  await page.getByTestId("add-predicate").click();
  const row = page.getByTestId("predicate-row");
  await row.getByTestId("predicate-level").selectOption("conversation");
  await row.getByTestId("predicate-name").fill("queueId");
  await row.getByTestId("predicate-value").fill("8d0763ba-f083-4708-9cb3-f941ab1b0ca0");
  const warning = page.getByTestId("level-warning");
  await expect(warning).toContainText("Move queueId to segmentFilters");
  await expect(warning).toContainText("silently ignored");
  await warning.getByRole("button", { name: "Move to segmentFilters" }).click();
  await expect(page.getByTestId("level-warning")).toHaveCount(0);
  const body = JSON.parse((await page.getByTestId("query-body").textContent()) ?? "{}");
  expect(body.segmentFilters[0].predicates[0].dimension).toBe("queueId");
});

test("why empty: the interval misses the start day", async ({ page, request }) => {
  const start = await startOf(request, scenario.conversationId);
  const next = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + 1));
  await openLab(page, scenario.conversationId);
  await page.getByTestId("interval-input").fill(`${utcDay(next)}T00:00:00.000Z/P1D`);
  await run(page);
  await expect(page.getByTestId("why-empty")).toBeVisible();
  await expect(cause(page, "IntervalMissesStartDay")).toContainText(`does not touch ${utcDay(start)}`);
});

test("why empty: the interval is too long", async ({ page }) => {
  await openLab(page, scenario.conversationId);
  const end = new Date();
  const start = new Date(end.getTime() - 40 * 86_400_000);
  await page.getByTestId("interval-input").fill(`${start.toISOString()}/${end.toISOString()}`);
  await expect(page.getByTestId("cap-warning").first()).toBeVisible();
  await run(page);
  await expect(page.getByTestId("query-status")).toContainText("HTTP 400");
  await expect(cause(page, "IntervalTooLong")).toBeVisible();
});

test("why empty: conversationId at the segment level is dropped", async ({ page }) => {
  await openLab(page, scenario.conversationId);
  await page.getByTestId("conversation-id-input").fill("");
  await page.getByTestId("add-predicate").click();
  const row = page.getByTestId("predicate-row");
  await row.getByTestId("predicate-name").fill("conversationId");
  await row.getByTestId("predicate-value").fill(scenario.conversationId);
  await expect(page.getByTestId("level-warning")).toContainText("Move conversationId to conversationFilters");
  // One per page, oldest first: the ignored predicate lets the whole day through.
  await page.getByTestId("page-size").fill("1");
  await page.getByTestId("page-size").press("Tab");
  await page.getByTestId("order").selectOption("asc");
  await run(page);
  await expect(page.getByTestId("query-results")).toBeVisible();
  const hits = Number(await page.getByTestId("total-hits").textContent());
  expect(hits).toBeGreaterThan(1);
  await expect(cause(page, "WrongFilterLevel")).toBeVisible();
});

test("why empty: an ID nobody has", async ({ page }) => {
  const unknown = "3f2b8c1e-5a4d-4e6f-9a7b-1c2d3e4f5a6b";
  await page.goto(`/c/${unknown}?tab=query`);
  await expect(page.getByTestId("query-body")).toContainText(unknown);
  await run(page);
  await expect(cause(page, "UnknownId")).toBeVisible();
});

test("why empty: past retention — the org keeps 90 days, the call started 100 days ago", async ({ page, request }) => {
  const old = (await demoScenarios(request)).find((s) => s.id === "past-analytics-retention");
  expect(old, "the demo org lists the past-analytics-retention scenario").toBeTruthy();
  const id = old!.conversationId;
  const day = old!.conversationStart.slice(0, 10);
  await openLab(page, id);
  // Neither API returns it: both panels 404, nothing dates it, the interval defaults to today.
  await expect(page.getByRole("region", { name: "Analytics API" })).toContainText("HTTP 404");
  await expect(page.getByRole("region", { name: "Conversations API" })).toContainText("HTTP 404");
  // The lab read GET /api/v2/analytics/dataretention/settings through the proxy.
  const retention = page.getByTestId("retention");
  await expect(retention).toHaveAttribute("data-state", "days");
  await expect(retention.locator("summary")).toHaveText("Analytics retention: 90 days");
  // Demo only: the scenario list dates it; use its start day.
  await page.getByTestId("use-demo-start").click();
  await expect(page.getByTestId("query-body")).toContainText(`${day}T00:00:00.000Z`);
  await expect(page.getByTestId("retention-warning")).toContainText("The whole interval is past analytics retention");
  await run(page);
  // 100 days back is also beyond what the synchronous query accepts (400), and the checker
  // says that even a job would not find it.
  await expect(page.getByTestId("query-status")).toContainText("HTTP 400");
  const past = cause(page, "PastRetention");
  await expect(past).toContainText("Past retention: analytics no longer holds this conversation");
  await expect(past).toContainText("certain");
  await expect(past).toContainText("(90 days)");
  await expect(cause(page, "UnknownId")).toHaveCount(0);
  await expect(page.getByTestId("cause").first()).toHaveAttribute("data-kind", "PastRetention");
  // At phone width the long paths in the causes wrap inside their card.
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => {
    const card = document.querySelector('[data-testid="why-empty"]')!.getBoundingClientRect();
    return [...document.querySelectorAll('[data-testid="cause"]')].map((c) => c.getBoundingClientRect().right - card.right);
  });
  expect(overflow.every((px) => px <= 0.5), `causes stick out of the card by ${overflow} px`).toBeTruthy();
  await page.setViewportSize({ width: 1280, height: 720 });
  // And the job over that day, as the 400 suggests: FULFILLED, nothing in it.
  await page.getByTestId("job-runner").locator("summary").click();
  await page.getByTestId("job-submit").click();
  await expect(page.getByTestId("job-state")).toHaveText("FULFILLED", { timeout: 60_000 });
  await expect(page.getByTestId("job-results")).toContainText("all pages read", { timeout: 60_000 });
  await expect(page.getByTestId("job-results")).toContainText(/\b0 conversations?\b/);
  const results = await new AxeBuilder({ page }).include('[data-testid="query-lab"]').analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("paging walk de-duplicates and reports totalHits", async ({ page }) => {
  await openLab(page, scenario.conversationId);
  await page.getByTestId("paging-walk").locator("summary").click();
  await page.getByTestId("walk-page-size").fill("3");
  await page.getByTestId("walk-page-size").press("Tab");
  await page.getByTestId("walk-require-end").check();
  await page.getByTestId("walk-start").click();
  const report = page.getByTestId("walk-report");
  await expect(report).toBeVisible({ timeout: 30_000 });
  expect(await page.getByTestId("walk-page").count()).toBeGreaterThan(1);
  await expect(report).toContainText("distinct conversations");
});

test("an async job runs to FULFILLED, every result page is read, dataAvailabilityDate explained", async ({ page }) => {
  test.setTimeout(120_000);
  await openLab(page, scenario.conversationId);
  await page.getByTestId("job-runner").locator("summary").click();
  await page.getByTestId("job-submit").click();
  await expect(page.getByTestId("job-state")).toHaveText("FULFILLED", { timeout: 60_000 });
  await expect(page.getByTestId("job-transition").first()).toBeVisible();
  // The cursor is followed until a page comes without one.
  await expect(page.getByTestId("job-results")).toContainText("all pages read", { timeout: 60_000 });
  const text = (await page.getByTestId("job-results").textContent()) ?? "";
  expect(Number(/(\d+) result page/.exec(text)?.[1] ?? 0)).toBeGreaterThanOrEqual(1);
  // Jobs read the datalake: a conversation from minutes ago lies after dataAvailabilityDate,
  // and the lab says so instead of leaving an unexplained empty result.
  await expect(page.getByTestId("job-availability")).toContainText("may be missing from job results");
});

test("looking up another ID while the lab is open rebuilds the query for it", async ({ page, request }) => {
  const other = (await demoScenarios(request)).find(
    (s) => !s.live && s.conversationId !== scenario.conversationId && !/retention/.test(s.id),
  );
  expect(other, "a second ended scenario").toBeTruthy();
  await openLab(page, scenario.conversationId);
  await page.getByTestId("interval-input").fill("2026-01-01T00:00:00Z/P1D");
  await page.getByLabel("Conversation ID or Genesys Cloud URL").fill(other!.conversationId);
  await page.getByRole("button", { name: "Look up", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/c/${other!.conversationId}\\?tab=query`));
  await expect(page.getByTestId("query-body")).toContainText(other!.conversationId);
  await expect(page.getByTestId("query-body")).not.toContainText("2026-01-01T00:00:00.000Z");
});

test("no serious accessibility violations in the lab (results, warnings, why-empty, walk, job open)", async ({ page }) => {
  test.setTimeout(90_000);
  await openLab(page, scenario.conversationId);
  await page.getByTestId("add-predicate").click();
  await page.getByTestId("predicate-level").selectOption("conversation");
  await page.getByTestId("interval-input").fill("2026-01-01T00:00:00Z/P1D");
  await run(page);
  await expect(page.getByTestId("why-empty")).toBeVisible();
  await page.getByTestId("paging-walk").locator("summary").click();
  await page.getByTestId("job-runner").locator("summary").click();
  for (const theme of ["light", "dark"]) {
    await page.evaluate((t) => document.documentElement.setAttribute("data-theme", t), theme);
    const results = await new AxeBuilder({ page }).include('[data-testid="query-lab"]').analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
    expect(serious, `axe on the query lab (${theme})`).toEqual([]);
  }
});

test("why empty: a live call with Require conversationEnd ticked is excluded by that requirement", async ({ page, request }) => {
  const live = (await demoScenarios(request)).find((s) => s.id === "long-live");
  expect(live, "the demo org lists the long-live scenario").toBeTruthy();
  const lab = new QueryLabPage(page);
  await lab.open(live!.conversationId);
  // The Conversations API shows it in progress (no endTime).
  await expect(page.getByRole("region", { name: "Conversations API" })).toContainText("HTTP 200");
  await lab.requireEnd.check();
  await expect(lab.body).toContainText('"dimension": "conversationEnd"');
  await lab.run();
  await expect(lab.totalHits).toHaveText("0");
  const c = lab.cause("InProgressExcludedByEndFilter");
  await expect(c).toContainText("Still in progress: the query's conversationEnd requirement excludes it");
  await expect(c).toContainText("no endTime");
  await expect(c).toContainText("certain");
  await expect(lab.cause("NoKnownCause")).toHaveCount(0);
  // The fix works: without the requirement the live call is found.
  await lab.requireEnd.uncheck();
  await lab.run();
  await expect(lab.totalHits).toHaveText("1");
  await expect(lab.whyEmpty).toHaveCount(0);
});

test("the request body has a Copy button; each run shows its status, correlation id and raw response", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const lab = new QueryLabPage(page);
  await lab.open(scenario.conversationId);
  await lab.copyBody.click();
  await expect(lab.root.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(JSON.parse(copied)).toEqual(await lab.bodyJson());

  await lab.run();
  await expect(lab.runStatus).toHaveText("HTTP 200");
  await expect(lab.correlationId).toHaveText(/^[0-9a-f-]{36}$/);
  // The raw body is folded away until asked for, then shows the wire answer.
  await expect(lab.rawResponse).not.toHaveAttribute("open", "");
  await lab.rawResponse.locator("summary").click();
  const raw = JSON.parse((await lab.rawResponse.locator("pre").textContent()) ?? "{}");
  expect(raw.totalHits).toBe(1);
  expect(raw.conversations[0].conversationId).toBe(scenario.conversationId);

  // A refused run shows its status and correlation id too.
  const end = new Date();
  await lab.interval.fill(`${new Date(end.getTime() - 40 * 86_400_000).toISOString()}/${end.toISOString()}`);
  await lab.run();
  await expect(lab.status).toContainText("HTTP 400");
  await expect(lab.runStatus).toHaveText("HTTP 400");
  await expect(lab.correlationId).toHaveText(/^[0-9a-f-]{36}$/);
});

test("an exists predicate has no value inputs; switching back keeps what was typed", async ({ page }) => {
  const lab = new QueryLabPage(page);
  await lab.open(scenario.conversationId);
  await lab.addPredicate.click();
  const p = lab.predicate(0);
  await p.value.fill("voice");
  await p.operator.selectOption("exists");
  await expect(p.value).toHaveCount(0);
  await expect(p.gte).toHaveCount(0);
  const body = await lab.bodyJson();
  const pred = (body.segmentFilters as { predicates: Record<string, unknown>[] }[])[0].predicates[0];
  expect(pred).toEqual({ type: "dimension", dimension: "mediaType", operator: "exists" });
  await p.operator.selectOption("notExists");
  await expect(p.value).toHaveCount(0);
  await p.operator.selectOption("matches");
  await expect(p.value).toHaveValue("voice");
  await expect(p.gte).toBeVisible();
});
