import { expect, type Locator, type Page } from "@playwright/test";

/**
 * The "Live events" tab (src/tabs/live_events/): the connection status, the topics it listens
 * to, the events of this conversation as they arrive, and the time axis of the three sources.
 */
export class LiveEventsTab {
  readonly section: Locator;
  readonly status: Locator;
  readonly topics: Locator;
  readonly events: Locator;
  readonly axis: Locator;
  readonly pitfalls: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole("region", { name: "Live events" });
    this.status = this.section.getByRole("status");
    this.topics = this.section.getByRole("region", { name: "Topics" }).getByRole("listitem");
    this.events = this.section.getByRole("region", { name: "Events" }).locator("li.live-event");
    this.axis = this.section.getByRole("region", { name: "One time axis for the three sources" });
    this.pitfalls = this.section.locator("details.live-pitfalls");
  }

  /** Open the tab from the tab bar. */
  async open(): Promise<void> {
    const tab = this.page.getByRole("tablist", { name: "Comparison views" }).getByRole("tab", { name: "Live events", exact: true });
    await tab.click();
    await expect(tab).toHaveAttribute("aria-selected", "true");
    await expect(this.section).toBeVisible();
  }

  /** The socket is open and listening. */
  async expectListening(timeout = 20_000): Promise<void> {
    await expect(this.status).toHaveAttribute("data-status", "open", { timeout });
  }

  /** The topic name shown on event `n` (0-based). */
  topicOf(n: number): Locator {
    return this.events.nth(n).locator(".live-topic");
  }
}
