// A visual tour for reviewers (not the README set): the start page, At a glance on the
// blind-transfer call, the other tabs, Live events on a run started now and Open saved, at desktop and phone width in light and dark →
// $LENS_OUT/<page>-<device>-<scheme>.png. Needs LENS_URL (a running server on the demo org).
import { mkdir } from "node:fs/promises";
import * as path from "node:path";
import { baseUrl, chromium, launchOptions } from "./lib.mjs";

const base = baseUrl();
const out = process.env.LENS_OUT ?? "/tmp/shots";
const devices = [
  { name: "desktop", viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 },
  { name: "phone", viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true },
];
const scenarios = await (await fetch(`${base}/api/demo/scenarios`)).json();
const blind = scenarios.find((s) => s.id === "blind-transfer");
// A run started now, so the Live events tab has a call in progress to show.
const run = await (await fetch(`${base}/api/demo/scenarios/${blind.id}/start`, { method: "POST" })).json();
const pages = [
  ["start", "/"],
  ["glance", `/c/${blind.conversationId}`],
  ["fields", `/c/${blind.conversationId}?tab=fields`],
  ["metrics", `/c/${blind.conversationId}?tab=metrics`],
  ["timeline", `/c/${blind.conversationId}?tab=timeline`],
  ["code", `/c/${blind.conversationId}?tab=code`],
  ["guide", `/c/${blind.conversationId}?tab=guide`],
  ["lab", `/lab`],
  ["live", `/c/${run.conversationId}?tab=live`],
  ["saved", `/saved`],
];
const only = process.env.LENS_PAGES?.split(",");
await mkdir(out, { recursive: true });
const browser = await chromium.launch(launchOptions);
try {
  for (const device of devices) {
    for (const colorScheme of ["light", "dark"]) {
      const { name, ...options } = device;
      const context = await browser.newContext({ ...options, colorScheme, reducedMotion: "reduce" });
      const page = await context.newPage();
      for (const [label, url] of pages) {
        if (only && !only.includes(label)) continue;
        await page.goto(base + url);
        await page.waitForLoadState("networkidle");
        // Live events: let a few events arrive over the socket first.
        await page.waitForTimeout(label === "live" ? 6000 : 400);
        const file = path.join(out, `${label}-${name}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: name === "desktop" ? false : false });
        console.log(file);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
}
