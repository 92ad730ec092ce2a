import { expect, test } from "@playwright/test";
import type { ChildProcess } from "node:child_process";
import { DEMO_ORG_READY, SERVER_READY, demoOrgBin, dist, serverBin, startOnFreePort } from "./support/servers";

// "Why is it empty?" → missing permission. The companion server runs in real-org mode against a
// standalone demo org, so the test can get a token of the demo client that lacks
// analytics:conversationDetail:view straight from that org's /oauth/token (the demo secrets are
// public, listed at GET /demo/clients) and paste it into the app's token drawer.

let org = "";
let app = "";

interface DemoClient {
  id: string;
  name: string;
  secret: string;
}

const children: ChildProcess[] = [];


async function clients(): Promise<DemoClient[]> {
  return (await fetch(`${org}/demo/clients`)).json();
}

test.beforeAll(async () => {
  const demo = await startOnFreePort(demoOrgBin, [], DEMO_ORG_READY);
  children.push(demo.child);
  org = demo.base;
  const full = (await clients()).find((c) => c.name === "lens-demo-full");
  if (!full) throw new Error("the demo org lists no lens-demo-full client");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RUST_LOG: "warn",
    GENESYSCLOUD_OAUTHCLIENT_ID: full.id,
    GENESYSCLOUD_OAUTHCLIENT_SECRET: full.secret,
  };
  delete env.LENS_DEMO;
  const server = await startOnFreePort(serverBin, ["--dist", dist, "--api-url", org], SERVER_READY, env);
  children.push(server.child);
  app = server.base;
});

test.afterAll(() => {
  for (const c of children) c.kill();
});

test("why empty: missing permission (a client without analytics:conversationDetail:view)", async ({ page }) => {
  const limited = (await clients()).find((c) => c.name === "lens-demo-no-analytics");
  expect(limited, "the demo org lists a lens-demo-no-analytics client").toBeTruthy();
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
  const id = (list.find((s) => !s.live && !/retention/.test(s.id)) ?? list[0]).conversationId;

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
  // Nor may this client read the retention setting: the lab says so instead of guessing.
  await expect(page.getByTestId("retention")).toHaveAttribute("data-state", "no-permission");
  await expect(page.getByTestId("retention").locator("summary")).toHaveText("Analytics retention: unknown");
  await page.getByTestId("run-query").click();
  await expect(page.getByTestId("query-status")).toContainText("HTTP 403");
  const cause = page.locator('[data-testid="cause"][data-kind="MissingPermission"]');
  await expect(cause).toContainText("missing.any.permissions");
  await expect(cause).toContainText("analytics:conversationDetail:view");
});
