import { expect, test } from "@playwright/test";
import { ComparisonTabs, TABS } from "./pages/comparison-tabs";
import { LensPage, demoScenarios, endedScenario } from "./pages/lens-page";

const tab = (slug: string) => TABS.find((t) => t.slug === slug)!;

test("switching tabs replaces the history entry: Back leaves the conversation", async ({ page, request }) => {
  const list = await demoScenarios(request);
  const first = endedScenario(list);
  const second = list.find((s) => s.conversationId !== first.conversationId)!;
  const lens = new LensPage(page);
  const tabs = new ComparisonTabs(page);
  await lens.goto("/");
  await lens.lookUpText(first.conversationId);
  await lens.expectBothStatus(200);
  const before = await page.evaluate(() => history.length);

  // Clicks and the keyboard both switch tabs without adding entries.
  await tabs.open(tab("timeline"));
  await tabs.open(tab("metrics"));
  await tabs.tab(tab("metrics")).press("ArrowRight");
  await expect(tabs.tab(tab("errors"))).toHaveAttribute("aria-selected", "true");
  await tabs.open(tab("code"));
  await expect(page).toHaveURL(ComparisonTabs.href(first.conversationId, tab("code")));
  expect(await page.evaluate(() => history.length)).toBe(before);

  // Back leaves the conversation for the start page.
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "One conversation, two APIs" })).toBeVisible();
  // Forward comes back to the tab last open.
  await page.goForward();
  await expect(page).toHaveURL(ComparisonTabs.href(first.conversationId, tab("code")));
  await expect(tabs.tab(tab("code"))).toHaveAttribute("aria-selected", "true");

  // Another conversation is a new entry: Back returns to the first one, on its tab.
  await lens.lookUpText(second.conversationId);
  await expect(page).toHaveURL(ComparisonTabs.href(second.conversationId, tab("code")));
  await tabs.open(tab("glance"));
  await page.goBack();
  await expect(page).toHaveURL(ComparisonTabs.href(first.conversationId, tab("code")));
});

test("recent lookups say what each conversation was, storing metadata only", async ({ page, request }) => {
  const scenario = endedScenario(await demoScenarios(request));
  const id = scenario.conversationId;
  // What the Conversations API says the first participant is and when it started.
  const conv = await (await request.get(`/api/v2/conversations/${id}`)).json();
  const p0 = conv.participants[0];
  const who: string = p0.name?.trim() || `${p0.purpose ?? "participant"} · ${String(p0.id).slice(0, 8)}`;

  const lens = new LensPage(page);
  await lens.goto("/");
  await page.evaluate(() => window.localStorage.removeItem("conversation-lens.recent"));
  await lens.lookUpText(id);
  await lens.expectBothStatus(200);
  await page.getByRole("link", { name: "Conversation Lens" }).click();

  const recent = page.getByRole("region", { name: "Recent lookups" });
  const link = recent.getByRole("link", { name: new RegExp(id) });
  await expect(link).toContainText("Voice call");
  await expect(link).toContainText(who);
  await expect(link).toContainText(/started \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC/);

  const stored = JSON.parse((await page.evaluate(() => window.localStorage.getItem("conversation-lens.recent"))) ?? "[]");
  expect(stored).toEqual([
    { id, about: { media: expect.arrayContaining(["voice"]), start: expect.any(String), firstParticipant: who } },
  ]);
  expect(JSON.stringify(stored)).not.toMatch(/Bearer|token|access_token/i);

  await link.click();
  await expect(page).toHaveURL(`/c/${id}`);
  await lens.expectBothStatus(200);
});
