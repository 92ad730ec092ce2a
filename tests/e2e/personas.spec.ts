import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type Request } from "@playwright/test";
import { LensPage, demoScenarios, endedScenario } from "./pages/lens-page";
import { PERSONAS, TokenDrawer } from "./pages/token-drawer";

/**
 * Starts watching for the next lookup of `id`; the returned promise settles once both calls were
 * sent, with the Authorization header each carried.
 */
function nextLookup(page: Page, id: string): Promise<(string | null)[]> {
  const seen: (string | null)[] = [];
  const onRequest = (r: Request) => {
    const u = r.url();
    if (u.endsWith(`/api/v2/conversations/${id}`) || u.endsWith(`/api/v2/analytics/conversations/${id}/details`)) {
      seen.push(r.headers()["authorization"] ?? null);
    }
  };
  page.on("request", onRequest);
  return expect
    .poll(() => seen.length, { message: "the lookup ran again (both calls sent)" })
    .toBeGreaterThanOrEqual(2)
    .then(() => {
      page.off("request", onRequest);
      return seen.slice(0, 2);
    });
}

test("demo clients in the token drawer re-run the open lookup and show their 403s", async ({ page, request }) => {
  const scenario = endedScenario(await demoScenarios(request));
  const id = scenario.conversationId;
  const lens = new LensPage(page);
  const drawer = new TokenDrawer(page);
  await lens.goto(`/c/${id}`);
  await lens.expectBothStatus(200);
  await drawer.open();

  // The four demo clients of the server's demo org, each saying what it shows.
  const clients = await (await request.get("/api/demo/clients")).json();
  const names = (clients as { name: string; grantType?: string }[])
    .filter((c) => c.grantType !== "pkce") // the sign-in client is not a persona
    .map((c) => c.name)
    .sort();
  expect(names).toEqual(Object.values(PERSONAS).map((p) => p.client).sort());
  for (const key of Object.keys(PERSONAS) as (keyof typeof PERSONAS)[]) {
    await expect(drawer.persona(key)).toBeVisible();
    await expect(drawer.persona(key)).toHaveAccessibleDescription(/panels? answers?/);
  }
  await expect(drawer.persona("full")).toHaveAttribute("aria-pressed", "true");
  await expect(drawer.persona("noAnalytics")).toHaveAccessibleDescription(/Analytics panel answers 403/);

  // No analytics permission: the lookup runs again with that client's token.
  let sent = nextLookup(page, id);
  await drawer.choose("noAnalytics");
  expect((await sent).every((h) => h?.startsWith("Bearer ") && h.length > 20)).toBeTruthy();
  await expect(lens.conversationsPanel).toContainText("HTTP 200");
  await expect(lens.analyticsPanel).toContainText("HTTP 403");
  await expect(lens.analyticsPanel).toContainText("Missing permission");
  await expect(lens.analyticsPanel).toContainText("analytics:conversationDetail:view");
  await expect(page.getByRole("button", { name: /Your token/ })).toBeVisible();

  // The token lives in memory only.
  const token = (await sent)[0]!.slice("Bearer ".length);
  const stored = await page.evaluate(() =>
    JSON.stringify([Object.assign({}, window.localStorage), Object.assign({}, window.sessionStorage), document.cookie]),
  );
  expect(stored).not.toContain(token);

  // No conversations permission: the other side fails.
  sent = nextLookup(page, id);
  await drawer.choose("noConversations");
  await sent;
  await expect(lens.conversationsPanel).toContainText("HTTP 403");
  await expect(lens.conversationsPanel).toContainText("conversation:communication:view");
  await expect(lens.analyticsPanel).toContainText("HTTP 200");

  // Agent analytics only: both panels answer.
  sent = nextLookup(page, id);
  await drawer.choose("agentAnalyticsOnly");
  await sent;
  await lens.expectBothStatus(200);

  // Full access = the server's own token: no Authorization from the tab at all.
  sent = nextLookup(page, id);
  await drawer.choose("full");
  expect(await sent).toEqual([null, null]);
  await lens.expectBothStatus(200);

  // Pasting a token re-runs too; forgetting it re-runs with the server's token.
  sent = nextLookup(page, id);
  await drawer.paste("not-a-real-token");
  expect(await sent).toEqual(["Bearer not-a-real-token", "Bearer not-a-real-token"]);
  await lens.expectBothStatus(401);
  await expect(drawer.status).toContainText("A token of yours is in use");
  sent = nextLookup(page, id);
  await drawer.forget();
  expect(await sent).toEqual([null, null]);
  await lens.expectBothStatus(200);
});

test("a demo client chosen before any lookup is used by the next one", async ({ page, request }) => {
  const scenario = endedScenario(await demoScenarios(request));
  const lens = new LensPage(page);
  const drawer = new TokenDrawer(page);
  await lens.goto();
  await drawer.open();
  await drawer.choose("noAnalytics");
  await lens.lookUpText(scenario.conversationId);
  await expect(lens.conversationsPanel).toContainText("HTTP 200");
  await expect(lens.analyticsPanel).toContainText("HTTP 403");
});

for (const theme of ["light", "dark"] as const) {
  test(`the open token drawer is axe-clean (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    const lens = new LensPage(page);
    const drawer = new TokenDrawer(page);
    await lens.goto();
    await drawer.open();
    await expect(drawer.personas).toBeVisible();
    const results = await new AxeBuilder({ page })
      .include("#token-drawer")
      .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
      .analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help}`);
    expect(serious).toEqual([]);
  });
}
