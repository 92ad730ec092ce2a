import { expect, test } from "@playwright/test";
import { demoScenarios, endedScenario, LensPage } from "./pages/lens-page";

// The first end-to-end slice (issue 3): paste an ID → both APIs answer side by side through
// the real companion server and the embedded demo org.

test("server is up in demo mode", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const health = await res.json();
  expect(health.status).toBe("ok");
  expect(health.mode).toBe("demo");
});

test("a demo conversation fills both panels with HTTP 200", async ({ page, request }) => {
  const scenario = endedScenario(await demoScenarios(request));
  const lens = new LensPage(page);
  await lens.goto();

  const calls: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/v2/")) calls.push(new URL(r.url()).pathname);
  });
  await lens.lookUpText(scenario.conversationId);

  await lens.expectBothStatus(200);
  // Both calls went to the same origin, one per API.
  expect(calls).toContain(`/api/v2/conversations/${scenario.conversationId}`);
  expect(calls).toContain(`/api/v2/analytics/conversations/${scenario.conversationId}/details`);
});

test("a Genesys Cloud URL works as well as a bare ID", async ({ page, request }) => {
  const scenario = endedScenario(await demoScenarios(request));
  const lens = new LensPage(page);
  await lens.goto();
  await lens.lookUpText(
    `https://apps.mypurecloud.com/directory/#/analytics/interactions/${scenario.conversationId.toUpperCase()}/admin`,
  );
  await lens.expectBothStatus(200);
});

for (const bad of ["", "   ", "not-a-conversation-id", "3f2b8c1e-5a4d-4e6f-9a7b"]) {
  test(`bad input ${JSON.stringify(bad)} is refused before any request`, async ({ page }) => {
    const lens = new LensPage(page);
    await lens.goto();
    const calls: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/api/v2/")) calls.push(r.url());
    });

    await lens.lookUpText(bad);

    await expect(lens.refusal).toBeVisible();
    await expect(lens.input).toHaveAttribute("aria-invalid", "true");
    // What the user typed is kept.
    await expect(lens.input).toHaveValue(bad);
    // Give a (wrong) request every chance to appear before asserting there was none.
    await page.waitForTimeout(300);
    expect(calls).toEqual([]);
  });
}

test("an unknown ID shows each API's own 404 in its panel", async ({ page }) => {
  const unknown = "00000000-0000-4000-8000-000000000000";
  const lens = new LensPage(page);
  await lens.goto();
  await lens.lookUpText(unknown);

  await lens.expectBothStatus(404);
  // Genesys' own error body, not an app-made message.
  await expect(lens.conversationsPanel).toContainText("not.found");
  await expect(lens.analyticsPanel).toContainText("not.found");
});
