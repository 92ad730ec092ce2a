import { expect, test } from "@playwright/test";
import { seriousAxe, sidewaysOverflow } from "./support/layout";

// A big conversation (50 participants, 2,000 segments: the app's `/bench/render` page, no network)
// stays readable and quick: long lists start short and grow when asked, and nothing is lost.

async function rendered(page: import("@playwright/test").Page, tab: string): Promise<void> {
  await page.goto(`/bench/render?tab=${tab}`);
  await expect(page.locator("#render-ms")).toHaveAttribute("data-ms", /\d/, { timeout: 30_000 });
}

test("field map: past the first values a long cell folds, and opens in place", async ({ page }) => {
  await rendered(page, "fields");
  const folds = page.getByTestId("fm-more");
  expect(await folds.count(), "the 50 participants' cells fold").toBeGreaterThan(0);
  const fold = folds.first();
  await expect(fold).not.toHaveAttribute("open", "");
  const summary = fold.locator("summary");
  await expect(summary).toHaveText(/^\d+ more values? from \d+ participants?$/);
  const hidden = fold.getByTestId("fm-owner-group").first();
  await expect(hidden).toBeHidden();
  await summary.click();
  await expect(fold).toHaveAttribute("open", "");
  await expect(hidden).toBeVisible();
  // The filter still narrows the rows, folds and all.
  await page.getByTestId("field-filter").fill("segmentType");
  await expect(page.getByTestId("field-filter-count")).toHaveText(/^\d+ of \d+ rows$/);
});

test("metrics: the folded checks are built when opened, a hundred at a time", async ({ page }) => {
  await rendered(page, "metrics");
  const checks = page.getByTestId("metric-checks");
  await expect(checks.getByTestId("check-summary")).toHaveText(/^All (\d+) checks hold$/);
  const total = Number((await checks.getByTestId("check-summary").textContent())?.match(/\d+/)?.[0]);
  expect(total, "the big conversation has more checks than one page").toBeGreaterThan(100);
  await expect(checks.locator(".check")).toHaveCount(0);
  await checks.getByTestId("check-summary").click();
  await expect(checks.locator(".check")).toHaveCount(100);
  const more = checks.getByTestId("check-more");
  await expect(more).toHaveText(`Show 100 more (100 of ${total} checks shown)`);
  await more.click();
  await expect(checks.locator(".check")).toHaveCount(Math.min(200, total));
  // Folding and opening again keeps what was shown.
  await checks.getByTestId("check-summary").click();
  await checks.getByTestId("check-summary").click();
  await expect(checks.locator(".check")).toHaveCount(Math.min(200, total));
});

test("at a glance: long lists and the story start short, keep how it ended, and open in place", async ({ page }) => {
  await rendered(page, "glance");
  const analytics = page.getByRole("group", { name: "What happened, as the Analytics API tells it" });
  const fold = analytics.getByTestId("list-more");
  await expect(fold.locator("summary")).toHaveText(/^Show \d+ more sentences$/);
  // How it ended stays shown below the fold, numbered where it belongs.
  const lists = analytics.locator("ol.story-list");
  await expect(lists.last().locator("li").last()).toContainText("The conversation ended");
  const hidden = Number((await fold.locator("summary").textContent())?.match(/\d+/)?.[0]);
  const shownFirst = await lists.first().locator("li").count();
  await expect(lists.last()).toHaveAttribute("start", String(shownFirst + hidden + 1));
  await fold.locator("summary").click();
  await expect(fold.locator("ol.story-list li")).toHaveCount(hidden);
  await expect(fold.locator("ol.story-list")).toHaveAttribute("start", String(shownFirst + 1));

  const card = page.getByRole("group", { name: "Conversations API at a glance" });
  await expect(card.getByRole("heading", { name: "Participants (50)" })).toBeVisible();
  await expect(card.locator(".participant")).toHaveCount(12);
  await card.getByText("Show 38 more participants").click();
  await expect(card.locator(".participant")).toHaveCount(50);
});

test("the big conversation's folds, opened, fit a phone and are axe-clean", async ({ page }) => {
  // A phone is where a long value or list would push the page sideways; axe does not care for width.
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  for (const tab of ["glance", "fields", "metrics"]) {
    await rendered(page, tab);
    // Open every fold (and the metric checks); their toggle events build what was folded.
    const folds = await page.evaluate(() => {
      const all = [...document.querySelectorAll("details")];
      for (const d of all) d.open = true;
      return all.length;
    });
    expect(folds, `${tab} has folds`).toBeGreaterThan(0);
    if (tab === "glance") await expect(page.locator(".participant")).toHaveCount(100);
    if (tab === "metrics") await expect(page.locator(".check")).toHaveCount(100);
    const o = await sidewaysOverflow(page);
    expect.soft(o.px, `${tab} scrolls sideways: ${o.culprits.join(" | ")}`).toBeLessThanOrEqual(0);
    expect.soft(await seriousAxe(page), `axe on ${tab}`).toEqual([]);
  }
});
