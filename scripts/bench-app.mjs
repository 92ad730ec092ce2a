// Browser figures for `cargo xtask bench` (printed, never asserted): time to interactive
// (navigation start → the lookup input usable) and submit → both panels answered, in
// headless Chromium against the real server + embedded demo org. Median of RUNS fresh loads.
// Then the render time of each tab for the synthetic conversation (50 participants, 2,000
// segments) that the app's /bench/render page builds and times itself.
import { baseUrl, chromium, endedConversationId, INPUT_LABEL, launchOptions, lookUp } from "./lib.mjs";

const RUNS = Number(process.env.LENS_BENCH_RUNS ?? 7);
const RENDER_RUNS = Number(process.env.LENS_BENCH_RENDER_RUNS ?? 3);
const base = baseUrl();
const id = await endedConversationId(base);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const ms = (x) => `${x.toFixed(0)} ms`;

// Tab slugs of the app's `Tab` enum that /bench/render can time.
const RENDER_TABS = ["glance", "fields", "timeline", "json", "metrics", "errors", "guide", "code"];

const browser = await chromium.launch(launchOptions);
const tti = [];
let firstLoadBytes = 0;
const lookup = [];
const appLookup = [];
const render = {};
// Generating the synthetic bodies (the bench's own work, before the timed parse + decode + render).
const prep = {};
// Of the render time: parsing + decoding both bodies (the rest is building the views).
const decode = {};
try {
  for (let i = 0; i < RUNS; i++) {
    // A fresh context each run: cold HTTP cache, like a first visit.
    const context = await browser.newContext();
    const page = await context.newPage();
    // Bytes on the wire for the first load (bodies as encoded + headers), from Chromium itself:
    // it sends Accept-Encoding: gzip, deflate, br like any browser.
    const sizes = [];
    if (i === 0) {
      page.on("requestfinished", (req) => sizes.push(req.sizes().catch(() => null)));
    }
    await page.goto(base + "/");
    const input = page.getByLabel(INPUT_LABEL);
    await input.waitFor();
    await input.isEditable();
    tti.push(await page.evaluate(() => performance.now()));
    if (i === 0) {
      await page.waitForLoadState("networkidle");
      for (const s of await Promise.all(sizes)) {
        if (s) firstLoadBytes += s.responseBodySize + s.responseHeadersSize;
      }
    }

    const start = Date.now();
    await lookUp(page, id);
    lookup.push(Date.now() - start);
    // The app's own measure (src/timing.rs): lookup start -> the frame showing both answers.
    const own = await page
      .waitForFunction(() => performance.getEntriesByName("lens-lookup").at(-1)?.duration, null, { timeout: 5_000 })
      .then((h) => h.jsonValue())
      .catch(() => null);
    if (own !== null) appLookup.push(own);
    await context.close();
  }
  for (const tab of RENDER_TABS) {
    // Median of a few loads: one load on a busy machine is noise.
    const runs = { render: [], prep: [], decode: [] };
    for (let i = 0; i < RENDER_RUNS; i++) {
      const page = await browser.newPage();
      await page.goto(`${base}/bench/render?tab=${tab}`);
      const out = page.locator("#render-ms[data-ms]");
      await out.waitFor({ timeout: 60_000 });
      runs.render.push(Number(await out.getAttribute("data-ms")));
      runs.prep.push(Number((await out.getAttribute("data-prep-ms")) ?? NaN));
      runs.decode.push(Number((await out.getAttribute("data-decode-ms")) ?? NaN));
      await page.close();
    }
    render[tab] = median(runs.render);
    prep[tab] = median(runs.prep);
    decode[tab] = median(runs.decode);
  }
} finally {
  await browser.close();
}

console.log(`  runs                                   ${RUNS} (fresh browser context each)`);
console.log(`  first load as sent (goal <= 250 KiB)   ${(firstLoadBytes / 1024).toFixed(1)} KiB (Chromium's encoded sizes)`);
console.log(`  time to interactive (median / min)     ${ms(median(tti))} / ${ms(Math.min(...tti))}`);
console.log(`  submit -> both panels (median / min)   ${ms(median(lookup))} / ${ms(Math.min(...lookup))} (goal <= 150 ms; as Playwright sees it)`);
if (appLookup.length) {
  console.log(`  app: lookup -> both views (median/min) ${ms(median(appLookup))} / ${ms(Math.min(...appLookup))} (the app's own performance.measure)`);
}
console.log(`  render, 50 participants / 2,000 segments: parse + decode + first render, median of ${RENDER_RUNS} loads (goal <= 100 ms per tab):`);
for (const [tab, value] of Object.entries(render)) {
  const d = Number.isFinite(decode[tab]) ? `   (of which parse + decode ${ms(decode[tab])})` : "";
  const p = Number.isFinite(prep[tab]) ? `   (+ ${ms(prep[tab])} generating the bodies, not timed)` : "";
  console.log(`    ${tab.padEnd(36)} ${ms(value)}${d}${p}`);
}
