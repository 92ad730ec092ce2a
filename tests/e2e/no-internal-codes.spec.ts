import { expect, test, type Page } from "@playwright/test";
import { demoScenarios, endedScenario, LensPage } from "./pages/lens-page";

// Issue 11 "Readable sources": no tab may show an internal citation code (`api-facts §2.3`,
// `[PY-models]`, `[BP-SQL]`, `pain point 4`, `[HELP 278459]`…): every source is a readable label
// with a public link. The same rule is checked natively in crates/lens/tests/no_internal_codes.rs.

const INTERNAL_CODE = /§|api-facts|user-pain-points|pain point|\[[A-Z][A-Za-z0-9 -]*\]/;

/** Everything a reader can see on the page, with every collapsed section opened. */
async function visibleText(page: Page): Promise<string> {
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => d.setAttribute("open", "")));
  return page.evaluate(() => document.body.innerText);
}

function offending(text: string): string[] {
  return text.split("\n").filter((line) => INTERNAL_CODE.test(line));
}

test("the pattern finds the codes it must", () => {
  expect(offending("Source: api-facts §2.3 · [PY-models] Conversation.md")).toHaveLength(1);
  expect(offending("pain point 4 · [P5]\nRate limit exceeded the maximum [%s] requests")).toHaveLength(1);
});

test("no tab shows an internal citation code, and sources link to public pages", async ({ page, request }) => {
  const scenario = endedScenario(await demoScenarios(request));
  const lens = new LensPage(page);
  await lens.goto(`/c/${scenario.conversationId}`);
  await lens.expectBothStatus(200);

  const tabs = page.getByRole("tab");
  const names = (await tabs.allInnerTexts()).map((t) => t.trim()).filter((t) => t.length > 0);
  expect(names.length, "the lookup shows its tabs").toBeGreaterThanOrEqual(7);
  for (const name of names) {
    const tab = page.getByRole("tab", { name, exact: true });
    await tab.click();
    await expect(tab).toHaveAttribute("aria-selected", "true");
    const panel = page.getByRole("tabpanel");
    await expect(panel.first()).toBeVisible();
    await expect(panel.first()).not.toBeEmpty();
    // The Code tab: every language, since each has its own notes.
    const languages = page.getByRole("group", { name: "Language" }).getByRole("button");
    const langCount = name === "Code" ? await languages.count() : 0;
    for (let i = 0; i <= langCount; i++) {
      if (i > 0) await languages.nth(i - 1).click();
      const text = await visibleText(page);
      expect(offending(text), `internal codes on the “${name}” tab`).toEqual([]);
    }
    // Every source link opens a public page or this app's About page (`lens::source::APP_PAGES`;
    // about.spec.ts follows one there).
    const hrefs = await page.locator(".source a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    for (const href of hrefs) {
      expect(href, `source link on “${name}”`).toMatch(/^(https:\/\/|\/about(#[a-z-]+)?$)/);
    }
  }

  // The start page (demo scenario list, guide) obeys the same rule.
  await lens.goto("/");
  expect(offending(await visibleText(page)), "internal codes on the start page").toEqual([]);
});

test("the Code tab says which hosts its snippets call in demo mode", async ({ page, request }) => {
  const scenario = endedScenario(await demoScenarios(request));
  const lens = new LensPage(page);
  await lens.goto(`/c/${scenario.conversationId}?tab=code`);
  await expect(page.getByText(/built-in demo org/)).toBeVisible();
  const snippets = page.locator("pre.code");
  await expect(snippets.first()).toContainText("https://api.mypurecloud.com");
  // Picking a region moves every snippet to its hosts.
  await page.getByLabel("Region for the snippets").selectOption("eu_west_1");
  await expect(snippets.first()).toContainText("https://api.mypurecloud.ie");
  await expect(page.getByText(/Against a real org in eu_west_1/)).toBeVisible();
  // The login paragraph is said once, above the snippets, not under each of them.
  await expect(page.getByText(/grant_type=client_credentials\. The token lasts/)).toHaveCount(1);
});
