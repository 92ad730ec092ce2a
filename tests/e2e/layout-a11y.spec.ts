import { expect, test } from "@playwright/test";
import { ComparisonTabs, TABS } from "./pages/comparison-tabs";
import { LensPage, demoScenarios, endedScenario } from "./pages/lens-page";
import { seriousAxe, sidewaysOverflow } from "./support/layout";

// Every tab × phone and desktop width × light and dark: no sideways page scroll, and axe finds
// nothing serious or critical.
const WIDTHS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1440, height: 900 },
] as const;
const THEMES = ["light", "dark"] as const;

for (const theme of THEMES) {
  for (const size of WIDTHS) {
    test(`every tab fits and is axe-clean: ${size.name} ${size.width} px, ${theme}`, async ({ page, request }) => {
      test.setTimeout(300_000);
      const scenario = endedScenario(await demoScenarios(request));
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width: size.width, height: size.height });
      const lens = new LensPage(page);
      const tabs = new ComparisonTabs(page);

      await lens.goto("/");
      await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
      const start = await sidewaysOverflow(page);
      expect(start.px, `start page scrolls sideways: ${start.culprits.join(" | ")}`).toBeLessThanOrEqual(0);
      expect(await seriousAxe(page), "axe on the start page").toEqual([]);

      await page.goto("/about");
      await expect(page.getByRole("heading", { level: 1, name: "About this app and its companion server" })).toBeVisible();
      const about = await sidewaysOverflow(page);
      expect.soft(about.px, `/about scrolls sideways: ${about.culprits.join(" | ")}`).toBeLessThanOrEqual(0);
      expect.soft(await seriousAxe(page), "axe on /about").toEqual([]);

      await lens.goto(`/c/${scenario.conversationId}`);
      await lens.expectBothStatus(200);
      for (const t of TABS) {
        await tabs.open(t);
        await expect(tabs.panel).toBeVisible();
        await expect(tabs.panel).not.toBeEmpty();
        const o = await sidewaysOverflow(page);
        expect.soft(o.px, `${t.label} scrolls sideways: ${o.culprits.join(" | ")}`).toBeLessThanOrEqual(0);
        expect.soft(await seriousAxe(page), `axe on ${t.label}`).toEqual([]);
      }
    });
  }
}
