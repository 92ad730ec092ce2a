import { expect, test } from "@playwright/test";
import { LensPage } from "./pages/lens-page";
import { SERVER_READY, dist, serverBin, startOnFreePort, type Started } from "./support/servers";

// `/about` is the source every `lens.*` explanation cites: it loads directly (the server's index
// fallback), the footer links it, and an error the companion server answers itself opens it.

test("the About page loads directly and from the footer", async ({ page }) => {
  const lens = new LensPage(page);
  await page.goto("/about");
  await expect(page.getByRole("heading", { level: 1, name: "About this app and its companion server" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Calls the companion server forwards" })).toContainText(
    "GET /api/v2/analytics/conversations/{conversationId}/details",
  );
  await expect(page.locator('[id="lens.sign.in.required"]')).toContainText("No request reached Genesys Cloud.");

  await lens.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "About this app and its companion server" }).click();
  await expect(page).toHaveURL(/\/about$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("About this app and its companion server");
});

test.describe("sign-in-only server", () => {
  let server: Started;
  test.beforeAll(async () => {
    // A region's API host but no credentials: every lookup without a user token is refused by the
    // server itself (lens.sign.in.required); nothing listens on port 9, and nothing is dialled.
    const env = { ...process.env, RUST_LOG: "warn" };
    for (const k of Object.keys(env)) if (/CLIENT_(ID|SECRET)$/.test(k)) delete env[k];
    server = await startOnFreePort(serverBin, ["--dist", dist, "--api-url", "http://127.0.0.1:9"], SERVER_READY, env);
  });
  test.afterAll(() => {
    server?.child.kill();
  });

  test("a companion-server error's source opens the About page", async ({ page }) => {
    const lens = new LensPage(page);
    await lens.goto(`${server.base}/c/3fa85f64-5717-4562-b3fc-2c963f66afa6`);
    await expect(lens.conversationsPanel).toContainText("HTTP 401");
    await expect(lens.conversationsPanel).toContainText("From the Conversation Lens server, not from Genesys");
    await lens.conversationsPanel.getByRole("link", { name: "Conversation Lens companion server (this app)" }).first().click();
    await expect(page).toHaveURL(`${server.base}/about`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("About this app and its companion server");
  });
});
