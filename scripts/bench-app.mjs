// Browser figures for `cargo xtask bench` (printed, never asserted), in headless Chromium
// against the real server + embedded demo org, each timed inside the page (no Playwright
// round trip counted), median of RUNS fresh loads:
// - cold load -> interactive: navigation start -> the first frame painted with the lookup
//   input in it (the main thread free again: a task queued from that frame has run);
// - look up -> both views: the form's submit event -> the first frame painted after both
//   panels show their HTTP status and At a glance shows both sides, SETTLE_MS after the page
//   became usable (as a person finds it; the app warms its lookup path in idle time first).
// Then, per tab, the synthetic conversation (50 participants, 2,000 segments) that the app's
// /bench/render page builds and times itself: both bodies in hand -> the tab painted (parse,
// decode, lens analysis, views, style/layout/paint), the same again on the now-warm page (the
// difference is what V8's compiling of the code costs once per visit), the longest main-thread
// task of the first render, and switching to the tab from another one.
import { floorLoad, floorServer } from "./floor.mjs";
import { baseUrl, chromium, endedConversationId, installProbes, launchOptions, pageProbe, settle, SETTLE_MS, timedLookUp } from "./lib.mjs";

const RUNS = Number(process.env.LENS_BENCH_RUNS ?? 7);
const RENDER_RUNS = Number(process.env.LENS_BENCH_RENDER_RUNS ?? 3);
const base = baseUrl();
const id = await endedConversationId(base);

const median = (xs) => {
  const s = [...xs].filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : "n/a");
const longest = (tasks) => (tasks === null ? NaN : Math.max(0, ...tasks.map(([, d]) => d)));

// Tab slugs of the app's `Tab` enum that /bench/render can time.
const RENDER_TABS = ["glance", "fields", "timeline", "json", "metrics", "errors", "guide", "code"];
// Switching is timed from this tab (cheap: no conversation data).
const FROM_TAB = "guide";

const browser = await chromium.launch(launchOptions);
const floor = { start: [], compiled: [] };
const tti = [];
const ttiLongest = [];
let firstLoadBytes = 0;
const lookup = [];
const warmUp = [];
const lookupCalls = [];
const appLookup = [];
const render = {};
try {
  for (let i = 0; i < RUNS; i++) {
    // A fresh context each run: cold HTTP cache, like a first visit.
    const context = await browser.newContext();
    const page = await context.newPage();
    await installProbes(page);
    // Bytes on the wire for the first load (bodies as encoded + headers), from Chromium itself:
    // it sends Accept-Encoding: gzip, deflate, br like any browser.
    const sizes = [];
    if (i === 0) {
      page.on("requestfinished", (req) => sizes.push(req.sizes().catch(() => null)));
    }
    await page.goto(base + "/");
    await page.waitForFunction(() => window.__lensProbe?.inputPainted !== undefined, null, { timeout: 30_000 });
    const probe = await pageProbe(page);
    tti.push(probe.inputPainted);
    // Long tasks up to the input being usable: what a user typing early would wait behind.
    ttiLongest.push(longest((probe.longTasks ?? []).filter(([start]) => start < probe.inputPainted)));
    if (i === 0) {
      await page.waitForLoadState("networkidle");
      for (const s of await Promise.all(sizes)) {
        if (s) firstLoadBytes += s.responseBodySize + s.responseHeadersSize;
      }
    }

    warmUp.push(await settle(page));
    lookup.push(await timedLookUp(page, id));
    // The slower of the two API calls, as the browser timed it (request start -> body read).
    lookupCalls.push(await page.evaluate(() => Math.max(0, ...performance.getEntriesByType("resource")
      .filter((e) => e.name.includes("/api/v2/"))
      .map((e) => e.responseEnd - e.startTime))));
    // The app's own measure (src/timing.rs): lookup start -> the frame showing both answers.
    const own = await page
      .waitForFunction(() => performance.getEntriesByName("lens-lookup").at(-1)?.duration, null, { timeout: 5_000 })
      .then((h) => h.jsonValue())
      .catch(() => null);
    if (own !== null) appLookup.push(own);
    await context.close();
  }
  if (process.env.LENS_DIST) {
    const floorSite = await floorServer(process.env.LENS_DIST);
    try {
      for (let i = 0; i < RUNS; i++) {
        const f = await floorLoad(browser, floorSite.url);
        floor.start.push(f.start);
        floor.compiled.push(f.compiled);
      }
    } finally {
      floorSite.close();
    }
  }
  for (const tab of RENDER_TABS) {
    // Median of a few loads: one load on a busy machine is noise.
    const runs = { render: [], again: [], frame: [], prep: [], decode: [], longTask: [], switch: [], switchLongTask: [], steps: {} };
    for (let i = 0; i < RENDER_RUNS; i++) {
      const page = await browser.newPage();
      await installProbes(page);
      await page.goto(`${base}/bench/render?tab=${tab}&again=1`);
      const out = page.locator("#render-ms[data-ms][data-again-ms]");
      await out.waitFor({ timeout: 60_000 });
      runs.render.push(Number(await out.getAttribute("data-ms")));
      runs.again.push(Number(await out.getAttribute("data-again-ms")));
      runs.frame.push(Number((await out.getAttribute("data-frame-ms")) ?? NaN));
      runs.prep.push(Number((await out.getAttribute("data-prep-ms")) ?? NaN));
      runs.decode.push(Number((await out.getAttribute("data-decode-ms")) ?? NaN));
      const probe = await pageProbe(page);
      // The second render (`again`) starts here: the figures below are the first one's.
      const t1 = await page.evaluate(() => performance.getEntriesByName("lens-bench-t1").at(-1)?.startTime ?? Infinity);
      // The app's own steps (src/timing.rs `span`), summed per name over the first render.
      const steps = await page.evaluate((t1) => {
        const sum = {};
        for (const m of performance.getEntriesByType("measure")) {
          if (m.name.startsWith("lens:") && m.startTime < t1) sum[m.name] = (sum[m.name] ?? 0) + m.duration;
        }
        return sum;
      }, t1);
      for (const [k, v] of Object.entries(steps)) (runs.steps[k] ??= []).push(v);
      // Long tasks once the synthetic bodies exist (their generation is the bench's own work).
      const t0 = await page.evaluate(() => performance.getEntriesByName("lens-bench-t0").at(-1)?.startTime ?? 0);
      runs.longTask.push(longest((probe.longTasks ?? []).filter(([s, d]) => s + d > t0 && s < t1)));
      // Switching to this tab from another tab, data already decoded.
      if (tab !== FROM_TAB) {
        await page.goto(`${base}/bench/render?tab=${FROM_TAB}`);
        await page.locator("#render-ms[data-ms]").waitFor({ timeout: 60_000 });
        const before = await page.evaluate(() => performance.now());
        const took = await page.evaluate((slug) => new Promise((resolve) => {
          const button = document.getElementById(`tab-${slug}`);
          let clicked;
          button.addEventListener("click", (e) => (clicked = e.timeStamp), { capture: true, once: true });
          const mo = new MutationObserver(() => {
            if (!document.getElementById(`tabpanel-${slug}`)) return;
            mo.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - clicked), 0));
          });
          mo.observe(document.body, { childList: true, subtree: true });
          button.click();
        }), tab);
        runs.switch.push(took);
        const after = await pageProbe(page);
        runs.switchLongTask.push(longest((after.longTasks ?? []).filter(([s]) => s >= before)));
      }
      await page.close();
    }
    render[tab] = Object.fromEntries(Object.entries(runs).map(([k, v]) => [
      k,
      k === "steps" ? Object.fromEntries(Object.entries(v).map(([n, xs]) => [n, median(xs)])) : median(v),
    ]));
  }
} finally {
  await browser.close();
}

console.log(`  runs                                   ${RUNS} (fresh browser context each; timed inside the page)`);
console.log(`  first load as sent (goal <= 250 KiB)   ${(firstLoadBytes / 1024).toFixed(1)} KiB (Chromium's encoded sizes)`);
console.log(`  cold load -> interactive (median / min) ${ms(median(tti))} / ${ms(Math.min(...tti))} (goal <= 300 ms; navigation start -> input painted, main thread free)`);
console.log(`    longest main-thread task until then  ${ms(median(ttiLongest))} (median)`);
if (floor.compiled.length) {
  console.log(`    floor: a blank page only compiling the wasm ${ms(median(floor.compiled))} (median; its script starts at ${ms(median(floor.start))}: what this browser needs before any app code runs)`);
}
console.log(`    idle warm-up of the lookup path       ${ms(median(warmUp))} (median; main-thread work while the page is idle, before any lookup)`);
console.log(`  look up -> both views (median / min)   ${ms(median(lookup))} / ${ms(Math.min(...lookup))} (goal <= 150 ms; submit -> both panels + At a glance painted, ${SETTLE_MS} ms after the input was usable)`);
console.log(`    of which the slower API call          ${ms(median(lookupCalls))} (median; the rest is the app's own work)`);
if (appLookup.length) {
  console.log(`    app's own lens-lookup measure        ${ms(median(appLookup))} / ${ms(Math.min(...appLookup))} (lookup start -> frame with both answers)`);
}
console.log(`  render, 50 participants / 2,000 segments, median of ${RENDER_RUNS} loads (goal <= 100 ms per tab, no long task):`);
console.log(`    ${"tab".padEnd(10)} ${"bodies -> painted".padStart(17)} ${"again (warm)".padStart(13)} ${"longest task".padStart(13)} ${"switch to tab".padStart(14)} ${"(its longest)".padStart(14)}   steps inside (parse + decode, lens, …)`);
for (const [tab, r] of Object.entries(render)) {
  const steps = Object.entries(r.steps)
    .map(([n, v]) => `${n.replace(/^lens:/, "")} ${ms(v)}`)
    .join(", ");
  console.log(
    `    ${tab.padEnd(10)} ${ms(r.render).padStart(17)} ${ms(r.again).padStart(13)} ${ms(r.longTask).padStart(13)} ${ms(r.switch).padStart(14)} ${ms(r.switchLongTask).padStart(14)}   ${steps}`,
  );
}
