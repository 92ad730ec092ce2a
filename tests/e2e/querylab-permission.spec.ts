import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";

// "Why is it empty?" → missing permission. The companion server runs in real-org mode against a
// standalone demo org, so the test can get a token of the demo client that lacks
// analytics:conversationDetail:view straight from that org's /oauth/token (the demo secrets are
// public, listed at GET /demo/clients) and paste it into the app's token drawer.

const root = path.resolve(__dirname, "..", "..");
const serverBin = process.env.LENS_SERVER_BIN ?? path.join(root, "target", "release", "conversation-lens-server");
const demoBin = process.env.LENS_DEMO_ORG_BIN ?? path.join(root, "target", "release", "demo-org");
const dist = process.env.LENS_DIST ?? path.join(root, "dist");
const orgPort = Number(process.env.LENS_PERM_ORG_PORT ?? 18102);
const appPort = Number(process.env.LENS_PERM_APP_PORT ?? 18103);
const org = `http://127.0.0.1:${orgPort}`;
const app = `http://127.0.0.1:${appPort}`;

interface DemoClient {
  id: string;
  name: string;
  secret: string;
}

const children: ChildProcess[] = [];

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

async function clients(): Promise<DemoClient[]> {
  return (await fetch(`${org}/demo/clients`)).json();
}

test.beforeAll(async () => {
  children.push(spawn(demoBin, ["--port", String(orgPort)], { stdio: "ignore" }));
  await waitFor(`${org}/demo/clients`);
  const full = (await clients()).find((c) => c.name === "lens-demo-full");
  if (!full) throw new Error("the demo org lists no lens-demo-full client");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RUST_LOG: "warn",
    GENESYSCLOUD_OAUTHCLIENT_ID: full.id,
    GENESYSCLOUD_OAUTHCLIENT_SECRET: full.secret,
  };
  delete env.LENS_DEMO;
  children.push(spawn(serverBin, ["--port", String(appPort), "--dist", dist, "--api-url", org], { stdio: "ignore", env }));
  await waitFor(`${app}/api/health`);
});

test.afterAll(() => {
  for (const c of children) c.kill();
});

test("why empty: missing permission (a client without analytics:conversationDetail:view)", async ({ page }) => {
  const limited = (await clients()).find((c) => c.name === "lens-demo-no-analytics");
  test.skip(!limited, "the demo org lists no lens-demo-no-analytics client");
  const tokenRes = await fetch(`${org}/oauth/token`, {
    method: "POST",
    headers: {
      Authorization: `Basic ${Buffer.from(`${limited!.id}:${limited!.secret}`).toString("base64")}`,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
  });
  expect(tokenRes.status).toBe(200);
  const token: string = (await tokenRes.json()).access_token;
  const scenarios = await (await fetch(`${org}/demo/scenarios`)).json();
  const list: { id: string; conversationId: string; live: boolean }[] = Array.isArray(scenarios) ? scenarios : scenarios.scenarios;
  const id = (list.find((s) => !s.live && s.id !== "past-retention") ?? list[0]).conversationId;

  await page.goto(`${app}/`);
  await page.getByRole("button", { name: /Access token/ }).click();
  const drawer = page.getByRole("region", { name: "Use your own access token" });
  await drawer.getByLabel("Access token").fill(token);
  await drawer.getByRole("button", { name: "Use token" }).click();
  // Client-side navigation keeps the in-memory token.
  await page.getByLabel("Conversation ID or Genesys Cloud URL").fill(id);
  await page.getByRole("button", { name: "Look up", exact: true }).click();
  await page.getByRole("tab", { name: "Query lab" }).click();
  await expect(page.getByTestId("query-body")).toContainText(id);
  await page.getByTestId("run-query").click();
  await expect(page.getByTestId("query-status")).toContainText("HTTP 403");
  const cause = page.locator('[data-testid="cause"][data-kind="MissingPermission"]');
  await expect(cause).toContainText("missing.any.permissions");
  await expect(cause).toContainText("analytics:conversationDetail:view");
});
