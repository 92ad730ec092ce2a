import { expect, test, type Page, type Request } from "@playwright/test";
import { LensPage, demoScenarios, endedScenario } from "./pages/lens-page";
import { SignIn } from "./pages/sign-in";
import { TokenDrawer } from "./pages/token-drawer";

/** The Authorization headers of the next lookup of `id` (both calls). */
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
    .poll(() => seen.length, { message: "both calls of the lookup were sent" })
    .toBeGreaterThanOrEqual(2)
    .then(() => {
      page.off("request", onRequest);
      return seen.slice(0, 2);
    });
}

test("sign in on the demo org, look up with that user's token, sign out", async ({ page, request }) => {
  const id = endedScenario(await demoScenarios(request)).conversationId;
  const lens = new LensPage(page);
  const drawer = new TokenDrawer(page);
  const signIn = new SignIn(page);
  await lens.goto(`/c/${id}`);
  await lens.expectBothStatus(200);
  await drawer.open();
  await expect(signIn.region).toHaveValue("demo");
  await expect(signIn.panel).toContainText(/a reload signs you out/);

  // Omar is an agent: the Conversations API answers, analytics details do not (403).
  await signIn.start();
  const sent = nextLookup(page, id);
  await signIn.as("Omar Haddad");
  await expect(page).toHaveURL(new RegExp(`/c/${id}$`));
  const auth = await sent;
  expect(auth.every((h) => h?.startsWith("Bearer ") && h.length > 40)).toBeTruthy();
  await expect(lens.conversationsPanel).toContainText("HTTP 200");
  await expect(lens.analyticsPanel).toContainText("HTTP 403");
  await expect(lens.analyticsPanel).toContainText("analytics:conversationDetail:view");

  // The token is in memory only: no web storage holds it; the round trip left nothing behind.
  const token = auth[0]!.slice("Bearer ".length);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  expect(stored).not.toContain(token);
  expect(await page.evaluate(() => sessionStorage.getItem("lens.signin.pending"))).toBeNull();
  expect(await page.evaluate(() => localStorage.getItem("lens.signin.clientId"))).toMatch(/^[0-9a-f-]{36}$/);

  // Sign out: the server's own token again, and both APIs answer.
  await drawer.open();
  await expect(signIn.panel).toContainText("Signed in as Omar Haddad");
  const after = nextLookup(page, id);
  await signIn.signOutButton.click();
  await expect(signIn.badge).toHaveCount(0);
  expect((await after).every((h) => h === null)).toBeTruthy();
  await lens.expectBothStatus(200);
});

test("a sign-in answer this tab did not start is explained, not used", async ({ page }) => {
  const exchanged: string[] = [];
  page.on("request", (r) => {
    if (r.url().endsWith("/api/oauth/token")) exchanged.push(r.url());
  });
  await page.goto("/auth/callback?code=stolen&state=forged");
  await expect(page.getByRole("alert")).toContainText("This sign-in answer was not started here");
  await expect(page).toHaveURL(/\/auth\/callback$/); // the code is gone from the address bar
  expect(exchanged).toEqual([]);
});
