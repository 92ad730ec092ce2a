import { expect, type Locator, type Page } from "@playwright/test";

/** Every tab of the comparison view, in tab-bar order (src/logic/tab.rs). */
export const TABS = [
  { slug: "glance", label: "At a glance" },
  { slug: "fields", label: "Field map" },
  { slug: "timeline", label: "Timeline" },
  { slug: "json", label: "Raw JSON" },
  { slug: "metrics", label: "Metrics" },
  { slug: "errors", label: "Errors explained" },
  { slug: "guide", label: "Which API when" },
  { slug: "code", label: "Code" },
  { slug: "query", label: "Query lab" },
  { slug: "freshness", label: "Freshness" },
  { slug: "live", label: "Live events" },
] as const;
export type TabInfo = (typeof TABS)[number];

/** The tab bar and the open panel. */
export class ComparisonTabs {
  readonly list: Locator;
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole("tablist", { name: "Comparison views" });
    this.panel = page.getByRole("tabpanel");
  }

  tab(t: TabInfo): Locator {
    return this.list.getByRole("tab", { name: t.label, exact: true });
  }

  /** The app URL of `t` for conversation `id` (the first tab has no `?tab=`). */
  static href(id: string, t: TabInfo): string {
    return t.slug === "glance" ? `/c/${id}` : `/c/${id}?tab=${t.slug}`;
  }

  async open(t: TabInfo): Promise<void> {
    await this.tab(t).click();
    await expect(this.tab(t)).toHaveAttribute("aria-selected", "true");
  }
}
