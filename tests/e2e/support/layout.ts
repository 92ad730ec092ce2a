// Layout and accessibility checks shared by the specs that look at whole pages.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** How far the page scrolls sideways, and the widest elements sticking out (for the message). */
export async function sidewaysOverflow(page: Page): Promise<{ px: number; culprits: string[] }> {
  return page.evaluate(() => {
    const vw = window.innerWidth;
    const px = document.documentElement.scrollWidth - vw;
    const culprits: string[] = [];
    if (px > 0) {
      for (const el of Array.from(document.querySelectorAll("body *"))) {
        const r = el.getBoundingClientRect();
        if (r.right > vw + 0.5 && r.width > 0) {
          const cls = typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
          culprits.push(`${el.tagName.toLowerCase()}${cls} (${Math.round(r.right - vw)} px): ${(el.textContent ?? "").trim().slice(0, 60)}`);
        }
      }
    }
    return { px, culprits: culprits.slice(-5) };
  });
}

/** axe's serious and critical findings, one line each. */
export async function seriousAxe(page: Page): Promise<string[]> {
  // label-content-name-mismatch is experimental in axe (off by default); the theme toggle once
  // failed it, so it is switched on here.
  const results = await new AxeBuilder({ page })
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}
