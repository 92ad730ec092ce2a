import { defineConfig } from "@playwright/test";
import * as path from "node:path";

// End-to-end tests run the REAL companion server (embedded demo org) serving the release
// bundle in dist/. `cargo xtask test --stage e2e` builds both and sets LENS_SERVER_BIN,
// LENS_DIST, LENS_PORT (and LENS_DEMO_ORG_BIN for specs that start a standalone demo org);
// the defaults below let `npx playwright test` work after a
// `cargo xtask run` build too.
const root = path.resolve(__dirname, "..", "..");
const port = Number(process.env.LENS_PORT ?? 18080);
const serverBin =
  process.env.LENS_SERVER_BIN ?? path.join(root, "target", "release", "conversation-lens-server");
const dist = process.env.LENS_DIST ?? path.join(root, "dist");
const baseURL = `http://127.0.0.1:${port}`;

// Debian's Chromium as root in a sandbox-less container with no outside network: without
// the background-networking flags Chromium keeps trying (and failing) to reach the internet.
export const chromiumFlags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // 2 cores shared with the server: one browser at a time keeps timings sane.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    browserName: "chromium",
    headless: true,
    launchOptions: {
      executablePath: process.env.LENS_CHROMIUM ?? "/usr/bin/chromium",
      args: chromiumFlags,
    },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: {
    command: `"${serverBin}" --port ${port} --dist "${dist}" --demo`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { RUST_LOG: process.env.RUST_LOG ?? "warn" },
  },
});
