// Shared by the node scripts: Playwright from the tests/e2e package and the Chromium
// launch settings this machine needs (Debian's /usr/bin/chromium, as root, no outside net).
import { createRequire } from "node:module";

const require = createRequire(new URL("../tests/e2e/package.json", import.meta.url));
export const { chromium } = require("@playwright/test");

export const launchOptions = {
  executablePath: process.env.LENS_CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
  ],
};

export const INPUT_LABEL = "Conversation ID or Genesys Cloud URL";

/** The server under test (started by `cargo xtask screenshots|bench`). */
export function baseUrl() {
  const url = process.env.LENS_URL;
  if (!url) {
    console.error("LENS_URL is not set; run this through cargo xtask (screenshots | bench).");
    process.exit(2);
  }
  return url.replace(/\/$/, "");
}

/** An ended demo conversation both APIs know (same choice as the e2e page object). `path` is
 * `/demo/scenarios` when `base` is a standalone demo org rather than the companion server. */
export async function endedConversationId(base, path = "/api/demo/scenarios") {
  const res = await fetch(`${base}${path}`);
  if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`);
  const body = await res.json();
  const list = Array.isArray(body) ? body : body.scenarios ?? [];
  const ended = list.filter((s) => !s.live && !/retention|purged|old/i.test(`${s.id} ${s.title}`));
  const voice = ended.find((s) => /inbound/i.test(`${s.id} ${s.title}`) && /voice|call/i.test(s.mediaType));
  const pick = voice ?? ended[0] ?? list[0];
  if (!pick) throw new Error("the demo org lists no scenarios");
  return pick.conversationId;
}

/** Look up `id` through the form and wait until both panels show an HTTP status. */
export async function lookUp(page, id) {
  await page.getByLabel(INPUT_LABEL).fill(id);
  await page.getByRole("button", { name: "Look up", exact: true }).click();
  for (const name of ["Conversations API", "Analytics API"]) {
    await page.getByRole("region", { name }).getByText(/HTTP \d{3}/).first().waitFor({ timeout: 30_000 });
  }
}

/** In-page probes for the benches (installed before any page script runs): when the lookup
 * input first appears, and every long main-thread task (> 50 ms). Read with `pageProbe`. */
export async function installProbes(page) {
  await page.addInitScript(() => {
    const probe = (window.__lensProbe = { longTasks: [] });
    // Measured from the page itself: no Playwright round trip is counted.
    const afterPaint = (cb) => requestAnimationFrame(() => setTimeout(() => cb(performance.now()), 0));
    const mo = new MutationObserver(() => {
      if (probe.inputShown === undefined && document.getElementById("lookup-input")) {
        probe.inputShown = performance.now();
        mo.disconnect();
        afterPaint((t) => (probe.inputPainted = t));
      }
    });
    mo.observe(document, { childList: true, subtree: true });
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) probe.longTasks.push([e.startTime, e.duration]);
      }).observe({ type: "longtask", buffered: true });
    } catch {
      probe.longTasks = null; // no Long Tasks API: "longest task" is not reported
    }
  });
}

/** What `installProbes` recorded so far. */
export const pageProbe = (page) => page.evaluate(() => window.__lensProbe);

/** How long a timed lookup waits after the page is usable: a person reads the page before
 * pasting an ID, and the app spends that idle time warming its lookup path (src/pages/prewarm.rs). */
export const SETTLE_MS = 1_000;

/** Wait [`SETTLE_MS`], then return how long the app's idle warm-up took (ms; NaN if it did not run). */
export async function settle(page) {
  await page.waitForTimeout(SETTLE_MS);
  return page.evaluate(() => {
    const m = performance.getEntriesByType("measure").filter((e) => e.name.startsWith("lens:prewarm"));
    return m.length ? m.reduce((a, e) => a + e.duration, 0) : NaN;
  });
}

/** Look up `id` through the form, timed inside the page: from the submit event to the first
 * frame painted after both panels show an HTTP status and At a glance shows both sides. */
export async function timedLookUp(page, id) {
  await page.getByLabel(INPUT_LABEL).fill(id);
  await page.evaluate(() => {
    const probe = window.__lensProbe;
    probe.lookup = new Promise((resolve) => {
      let submitted;
      document.addEventListener("submit", (e) => (submitted = e.timeStamp), { capture: true, once: true });
      const done = () => {
        const status = [...document.querySelectorAll("section[data-side] .status-badge")]
          .filter((b) => /HTTP \d{3}/.test(b.textContent)).length;
        const glance = document.querySelectorAll(".glance-card .badge").length;
        return submitted !== undefined && status >= 2 && glance >= 2;
      };
      const mo = new MutationObserver(() => {
        if (!done()) return;
        mo.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - submitted), 0));
      });
      mo.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  });
  await page.getByRole("button", { name: "Look up", exact: true }).click();
  return page.evaluate(() => window.__lensProbe.lookup);
}
