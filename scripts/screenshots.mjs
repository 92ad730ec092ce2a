// Screenshots of the main view with a demo conversation loaded, for the README:
// desktop 1440×900 and phone 390×844, light and dark → docs/screenshots/main-<device>-<scheme>.png.
// Run with `cargo xtask screenshots` (it builds, starts the demo server and sets LENS_URL).
import { mkdir } from "node:fs/promises";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { baseUrl, chromium, endedConversationId, INPUT_LABEL, launchOptions, lookUp } from "./lib.mjs";

const base = baseUrl();
const out = process.env.LENS_OUT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "docs", "screenshots");
const devices = [
  { name: "desktop", viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 },
  { name: "phone", viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
];
const schemes = ["light", "dark"];

await mkdir(out, { recursive: true });
const id = await endedConversationId(base);
const browser = await chromium.launch(launchOptions);
try {
  for (const device of devices) {
    for (const colorScheme of schemes) {
      const { name, ...contextOptions } = device;
      const context = await browser.newContext({ ...contextOptions, colorScheme, reducedMotion: "reduce" });
      const page = await context.newPage();
      await page.goto(base + "/");
      await page.getByLabel(INPUT_LABEL).waitFor();
      await lookUp(page, id);
      await page.evaluate(() => document.fonts.ready);
      const file = path.join(out, `main-${name}-${colorScheme}.png`);
      await page.screenshot({ path: file });
      console.log(`[screenshots] ${path.relative(process.cwd(), file)}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
}
