import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";

/** One demo scenario as listed by `GET /api/demo/scenarios` (demo mode only). */
export interface DemoScenario {
  id: string;
  conversationId: string;
  title: string;
  teaches: string;
  /** Where the built-in conversation's story is now. */
  phase: DemoPhase;
  mediaType: string;
  live: boolean;
  /** ISO-8601 start (lets a test date a conversation neither API still returns). */
  conversationStart: string;
  /** Runs started with "Watch it live" (POST /api/demo/scenarios/{id}/start), newest first. */
  runs: { scenarioId: string; conversationId: string; startTime: string; phase: DemoPhase }[];
}

/** `phase` of a scenario or run: stable `name` (`live`, `ended`, …), `label`, `until` (ISO). */
export interface DemoPhase {
  name: string;
  label: string;
  until?: string;
}

/**
 * The main view, found the way a person (or a screen reader) finds it: by label and role.
 * Names agreed with the UI (src/components/lookup_form.rs, src/components/api_panel.rs).
 */
export class LensPage {
  readonly input: Locator;
  readonly lookUp: Locator;
  readonly refusal: Locator;
  readonly conversationsPanel: Locator;
  readonly analyticsPanel: Locator;

  constructor(readonly page: Page) {
    this.input = page.getByLabel("Conversation ID or Genesys Cloud URL");
    this.lookUp = page.getByRole("button", { name: "Look up", exact: true });
    this.refusal = page.getByRole("alert").filter({ hasText: /\S/ });
    this.conversationsPanel = page.getByRole("region", { name: "Conversations API" });
    this.analyticsPanel = page.getByRole("region", { name: "Analytics API" });
  }

  async goto(path = "/"): Promise<void> {
    await this.page.goto(path);
    // The wasm app has started once its input is on the page.
    await expect(this.input).toBeVisible();
  }

  /** Type (not paste) the text and press the button. */
  async lookUpText(text: string): Promise<void> {
    await this.input.fill(text);
    await this.lookUp.click();
  }

  /** Both panels have an answer with the given HTTP status. */
  async expectBothStatus(status: number): Promise<void> {
    await expect(this.conversationsPanel).toContainText(`HTTP ${status}`);
    await expect(this.analyticsPanel).toContainText(`HTTP ${status}`);
  }
}

/** The demo org's scenarios, from the server under test. */
export async function demoScenarios(request: APIRequestContext): Promise<DemoScenario[]> {
  const res = await request.get("/api/demo/scenarios");
  expect(res.status(), "GET /api/demo/scenarios").toBe(200);
  const body = await res.json();
  const list: DemoScenario[] = Array.isArray(body) ? body : body.scenarios;
  expect(Array.isArray(list) && list.length > 0, "the demo org lists scenarios").toBeTruthy();
  return list;
}

/**
 * A conversation both APIs know right away: ended, and not the one past real-time
 * retention. Prefers the plain answered inbound voice call.
 */
export function endedScenario(list: DemoScenario[]): DemoScenario {
  const ended = list.filter((s) => !s.live && !/retention|purged|old/i.test(`${s.id} ${s.title}`));
  const voice = ended.find((s) => /inbound/i.test(`${s.id} ${s.title}`) && /voice|call/i.test(s.mediaType));
  const pick = voice ?? ended[0] ?? list[0];
  if (!pick) throw new Error("no demo scenario to look up");
  return pick;
}

/** "What happened" on the At a glance tab: one column per API (src/tabs/glance/what_happened.rs). */
export function storyColumn(page: Page, api: "Conversations API" | "Analytics API"): Locator {
  return page.getByRole("group", { name: `What happened, as the ${api} tells it` });
}
