// The latency run of `cargo xtask bench` (figures printed, never asserted): the companion server
// in real-org mode, its upstream behind a proxy that delays every request by LENS_DELAY_MS.
// Times look up → both views in headless Chromium (inside the page: submit → both panels and
// At a glance painted) and, through the same path from the same page, one call of each API;
// prints lookup ÷ the slower call beside the goal (issue 16: <= 1.15 × one call, since the two
// calls run concurrently).
import { chromium, endedConversationId, INPUT_LABEL, installProbes, launchOptions, lookUp, settle, timedLookUp } from "./lib.mjs";

const RUNS = Number(process.env.LENS_BENCH_RUNS ?? 7);
const GOAL = 1.15;
const base = (process.env.LENS_URL ?? "").replace(/\/$/, "");
const org = (process.env.LENS_ORG_URL ?? "").replace(/\/$/, "");
if (!base || !org) {
  console.error("LENS_URL and LENS_ORG_URL must be set; run this through cargo xtask bench.");
  process.exit(2);
}
const delay = process.env.LENS_DELAY_MS ?? "?";
const id = await endedConversationId(org, "/demo/scenarios");
const paths = {
  conversations: `/api/v2/conversations/${id}`,
  analytics: `/api/v2/analytics/conversations/${id}/details`,
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const ms = (x) => `${x.toFixed(0)} ms`;

/** One GET from inside the page (same origin, same server, same proxy), body read. */
const timeCall = (page, path) =>
  page.evaluate(async (p) => {
    const t = performance.now();
    const res = await fetch(p, { cache: "no-store" });
    await res.text();
    if (!res.ok) throw new Error(`GET ${p} answered ${res.status}`);
    return performance.now() - t;
  }, path);

const browser = await chromium.launch(launchOptions);
const lookup = [];
// Per run: the lookup's two calls as [name, start, end] (page clock).
const overlap = [];
const calls = { conversations: [], analytics: [] };
try {
  const context = await browser.newContext();
  // Warm-up (not timed): the server's first call also fetches its token through the proxy.
  const warm = await context.newPage();
  await warm.goto(base + "/");
  await lookUp(warm, id);
  await warm.close();
  for (let i = 0; i < RUNS; i++) {
    const page = await context.newPage();
    await installProbes(page);
    await page.goto(base + "/");
    await page.getByLabel(INPUT_LABEL).waitFor();
    await settle(page);
    for (const [name, path] of Object.entries(paths)) calls[name].push(await timeCall(page, path));
    // Timed inside the page, like the calls: submit -> both panels + At a glance painted.
    lookup.push(await timedLookUp(page, id));
    // Where the lookup's own two calls sat in time (the last two /api/v2/ requests of the page).
    overlap.push(await page.evaluate(() => {
      const calls = performance.getEntriesByType("resource").filter((e) => e.name.includes("/api/v2/")).slice(-2);
      return calls.map((e) => [e.name.split("/").slice(-2).join("/"), e.startTime, e.responseEnd]);
    }));
    await page.close();
  }
  await context.close();
} finally {
  await browser.close();
}

const oneCall = Math.max(median(calls.conversations), median(calls.analytics));
const ratio = median(lookup) / oneCall;
console.log(`  runs                                   ${RUNS} (+1 warm-up), ${delay} ms added to every upstream request`);
console.log(`  one call: Conversations API (median)   ${ms(median(calls.conversations))}`);
console.log(`  one call: Analytics by id (median)     ${ms(median(calls.analytics))}`);
console.log(`  look up -> both views (median / min)   ${ms(median(lookup))} / ${ms(Math.min(...lookup))} (submit -> both panels + At a glance painted, in the page)`);
console.log(`  look up ÷ one call (goal <= ${GOAL}×)      ${ratio.toFixed(2)}× (lookup median ÷ the slower call's median)`);
// The lookup's two calls in the median run: when each started and ended after the first began.
const mid = overlap[lookup.indexOf(median(lookup))] ?? overlap[0] ?? [];
const t0 = Math.min(...mid.map(([, s]) => s));
console.log(`  the lookup's calls (median run)         ${mid.map(([n, s, e]) => `${n.slice(0, 12)}… +${(s - t0).toFixed(0)}..+${(e - t0).toFixed(0)} ms`).join("; ")}`);
