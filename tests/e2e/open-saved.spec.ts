import { expect, test } from "@playwright/test";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { demoScenarios, endedScenario, LensPage } from "./pages/lens-page";
import { ExportBar, OpenSavedPage } from "./pages/open-saved-page";
import { TokenDrawer } from "./pages/token-drawer";

// Issue 14 parts 3-4: export a lookup, re-open it with the APIs unreachable, refuse wrong JSON
// clearly (keeping the text), pick from a page, and never put the token in an export.

test("export a lookup, then open the saved file with /api/v2 blocked", async ({ page, request }) => {
  const scenario = endedScenario(await demoScenarios(request));
  const id = scenario.conversationId;
  // A real token pasted like a user's own: the demo client that reads both APIs' by-id calls
  // (the server never hands out its own client's token).
  const tokenRes = await request.post("/api/demo/token", { data: { client: "lens-demo-agent-analytics-only" } });
  expect(tokenRes.status()).toBe(200);
  const token: string = (await tokenRes.json()).access_token;
  expect(token.length).toBeGreaterThan(8);

  const lens = new LensPage(page);
  await lens.goto();
  const drawer = new TokenDrawer(page);
  await drawer.open();
  await drawer.paste(token);
  await lens.lookUpText(id);
  await lens.expectBothStatus(200);

  const bar = new ExportBar(page);
  const md = await bar.download("Export Markdown");
  expect(md.file.suggestedFilename()).toBe(`conversation-${id}.md`);
  expect(md.text).toContain(`# Conversation \`${id}\``);
  expect(md.text).toContain("## What happened");
  expect(md.text).toContain("## Where the two APIs differ");
  expect(md.text).toContain("own token (not included here)");
  expect(md.text).not.toContain(token);

  const json = await bar.download("Export JSON");
  expect(json.text).toContain('"conversationLensExport": 1');
  expect(json.text).not.toContain(token);
  const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lens-")), `conversation-${id}.json`);
  fs.writeFileSync(saved, json.text);

  await bar.group.getByRole("button", { name: "Copy link" }).click();
  await expect(bar.status).toContainText(`/c/${id}`);
  await expect(bar.status).not.toContainText(token);

  // From here on the Genesys API is unreachable: the comparison must come from the file alone.
  const apiCalls: string[] = [];
  await page.route("**/api/v2/**", (r) => {
    apiCalls.push(r.request().url());
    return r.abort();
  });
  const saver = new OpenSavedPage(page);
  await saver.goto();
  await saver.file.setInputFiles(saved);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${id} (from a saved file)`);
  await expect(lens.conversationsPanel).toContainText("HTTP 200 (saved)");
  await expect(lens.analyticsPanel).toContainText("HTTP 200 (saved)");
  await expect(page.getByRole("tabpanel")).toContainText(/hung up|ended|closed/);
  for (const name of ["Timeline", "Raw JSON", "Metrics"]) {
    await page.getByRole("tab", { name, exact: true }).click();
    await expect(page.getByRole("tabpanel")).not.toBeEmpty();
  }
  // The file's text stays behind the comparison.
  await page.getByRole("button", { name: /Open another/ }).click();
  await expect(saver.text).toHaveValue(/conversationLensExport/);
  expect(apiCalls, "no API call while showing a saved file").toEqual([]);
});

test("wrong JSON says what was expected and keeps the text; a page asks which conversation", async ({ page }) => {
  const saver = new OpenSavedPage(page);
  await saver.goto();
  const aggregates = '{"results": [{"group": {"mediaType": "voice"}, "data": []}]}';
  await saver.paste(aggregates);
  await expect(saver.error).toContainText("aggregates");
  await expect(saver.error).toContainText("Open saved needs a Conversation");
  await expect(saver.text).toHaveValue(aggregates);
  await expect(saver.text).toHaveAttribute("aria-invalid", "true");

  await saver.paste('{\n  "id": "x",\n    oops\n}');
  await expect(saver.error).toContainText("line 3 column 5");

  const a = "11111111-2222-4333-8444-555555555555";
  const b = "22222222-3333-4444-8555-666666666666";
  const entry = (id: string, media: string) => ({
    conversationId: id,
    conversationStart: "2026-05-12T14:02:11.204Z",
    conversationEnd: "2026-05-12T14:07:45.301Z",
    participants: [{ participantId: "p1", purpose: "customer", sessions: [{ mediaType: media, segments: [] }] }],
  });
  await saver.paste(JSON.stringify({ conversations: [entry(a, "voice"), entry(b, "email")], totalHits: 2 }));
  await expect(saver.picker).toContainText("details-query page lists 2 conversations");
  await saver.picker.getByRole("button", { name: new RegExp(b) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(b);
  await expect(new LensPage(page).conversationsPanel).toContainText("Not in the saved file");
  await expect(new LensPage(page).analyticsPanel).toContainText("Opened from a file");
});
