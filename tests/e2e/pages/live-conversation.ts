import { expect, type Locator, type Page } from "@playwright/test";

/**
 * A conversation page watched while its story moves on (a "Watch it live" run): both API panels
 * and the two "at a glance" cards. The At a glance tab is the default tab of `/c/<id>`.
 */
export class LiveConversation {
  readonly conversationsPanel: Locator;
  readonly analyticsPanel: Locator;
  readonly conversationsGlance: Locator;
  readonly analyticsGlance: Locator;

  constructor(readonly page: Page) {
    this.conversationsPanel = page.getByRole("region", { name: "Conversations API" });
    this.analyticsPanel = page.getByRole("region", { name: "Analytics API" });
    this.conversationsGlance = page.getByRole("group", { name: "Conversations API at a glance" });
    this.analyticsGlance = page.getByRole("group", { name: "Analytics API at a glance" });
  }

  /** The Conversations API answered and says the conversation is live (no endTime). */
  async expectConversationsLive(): Promise<void> {
    await expect(this.conversationsPanel).toContainText("HTTP 200");
    await expect(this.conversationsGlance.locator(".badge-live")).toHaveText("live");
  }

  /** Analytics does not have it (yet): 404 and no analytics card content. */
  async expectAnalyticsAbsent(): Promise<void> {
    await expect(this.analyticsPanel).toContainText("HTTP 404");
    await expect(this.analyticsGlance).toContainText("No conversation from this API");
  }

  /** Analytics has caught up enough to return the record (the page re-asks while live). */
  async expectAnalyticsPresent(timeout = 30_000): Promise<void> {
    await expect(this.analyticsPanel).toContainText("HTTP 200", { timeout });
    await expect(this.analyticsGlance.locator(".badge")).toBeVisible();
  }
}
