import { expect, type Locator, type Page } from "@playwright/test";

/**
 * The start page before any lookup (src/pages/lens.rs `Intro`): the "Which API when" decision
 * table, the link to the Query lab, and the demo scenarios with "Watch it live"
 * (src/components/scenario_picker.rs, src/components/guide_table.rs).
 */
export class StartPage {
  readonly guideTable: Locator;
  readonly labLink: Locator;
  readonly scenarios: Locator;

  constructor(readonly page: Page) {
    this.guideTable = page.getByRole("region", { name: "Which API when" }).getByRole("table");
    this.labLink = page.getByRole("link", { name: "Open the Query lab" });
    this.scenarios = page.getByRole("region", { name: "Demo scenarios" });
  }

  async goto(base = ""): Promise<void> {
    await this.page.goto(`${base}/`);
    await expect(this.page.getByLabel("Conversation ID or Genesys Cloud URL")).toBeVisible();
  }

  /** The list item of one scenario, by its id (`inbound-answered`). */
  scenario(id: string): Locator {
    return this.scenarios.locator(`li.scenario[data-scenario="${id}"]`);
  }

  /** The phase badge of the scenario's built-in conversation (its `data-phase` is the stable name). */
  scenarioPhase(id: string): Locator {
    return this.scenario(id).locator(".scenario-meta .phase");
  }

  /** The "Watch it live" button of a scenario (its accessible name ends with the title). */
  watchLiveButton(id: string): Locator {
    return this.scenario(id).getByRole("button", { name: /^Watch it live/ });
  }

  /** Click "Watch it live" and wait until the new conversation's page opened; returns its id. */
  async watchLive(id: string): Promise<string> {
    await this.watchLiveButton(id).click();
    await this.page.waitForURL(/\/c\/[0-9a-f-]{36}$/);
    return new URL(this.page.url()).pathname.split("/").pop() ?? "";
  }

  /** The runs started from a scenario, listed under it (newest first). */
  startedRuns(id: string): Locator {
    return this.scenario(id).getByRole("list", { name: "Started live" }).getByRole("listitem");
  }
}
