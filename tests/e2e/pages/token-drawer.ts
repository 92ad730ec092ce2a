import { expect, type Locator, type Page } from "@playwright/test";

/** The demo clients the drawer offers (src/logic/demo_clients.rs), by button name. */
export const PERSONAS = {
  full: { title: "Full access", client: "lens-demo-full" },
  noAnalytics: { title: "No analytics permission", client: "lens-demo-no-analytics" },
  noConversations: { title: "No conversations permission", client: "lens-demo-no-conversations" },
  agentAnalyticsOnly: { title: "Agent analytics only", client: "lens-demo-agent-analytics-only" },
} as const;
export type PersonaKey = keyof typeof PERSONAS;

/** The "Access token" drawer in the header (src/components/token_drawer.rs). */
export class TokenDrawer {
  readonly opener: Locator;
  readonly region: Locator;
  readonly personas: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.opener = page.getByRole("button", { name: /Access token|Your token/ });
    this.region = page.getByRole("region", { name: "Use your own access token" });
    this.personas = this.region.getByRole("group", { name: "Try a demo client" });
    this.status = this.region.getByRole("status");
  }

  async open(): Promise<void> {
    if (!(await this.region.isVisible())) await this.opener.click();
    await expect(this.region).toBeVisible();
  }

  persona(key: PersonaKey): Locator {
    return this.personas.getByRole("button", { name: PERSONAS[key].title, exact: true });
  }

  /** Click a demo client and wait until the drawer says its token is in use. */
  async choose(key: PersonaKey): Promise<void> {
    await this.persona(key).click();
    await expect(this.persona(key)).toHaveAttribute("aria-pressed", "true");
    const p = PERSONAS[key];
    await expect(this.status).toContainText(key === "full" ? "server's own token" : p.client);
  }

  async paste(token: string): Promise<void> {
    await this.region.getByLabel("Access token").fill(token);
    await this.region.getByRole("button", { name: "Use token" }).click();
  }

  async forget(): Promise<void> {
    await this.region.getByRole("button", { name: "Forget token" }).click();
  }
}
