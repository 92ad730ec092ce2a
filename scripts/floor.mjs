// The floor under "cold load -> interactive" on this machine: a blank page whose only work is
// to fetch and compile the app's wasm (the same file, brotli-encoded as the server sends it),
// served by a bare node server. Nothing the app does can start before this; printed beside
// the app's own figure by scripts/bench-app.mjs.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><script type="module" src="/floor.js"></script></head><body></body></html>`;
const SCRIPT = `const start = performance.now();
await WebAssembly.compileStreaming(fetch("/app.wasm"));
window.__floor = { start, compiled: performance.now() };`;

/** Serve the floor page for `dist` (the built app) on a free loopback port; returns { url, close }. */
export async function floorServer(dist) {
  const name = fs.readdirSync(dist).find((f) => f.endsWith("_bg.wasm.br"));
  if (!name) throw new Error(`no *_bg.wasm.br in ${dist}: build the app bundle (release) first`);
  const wasm = fs.readFileSync(path.join(dist, name));
  const server = http.createServer((req, res) => {
    if (req.url === "/floor.js") {
      res.writeHead(200, { "content-type": "text/javascript" }).end(SCRIPT);
    } else if (req.url === "/app.wasm") {
      res.writeHead(200, { "content-type": "application/wasm", "content-encoding": "br" }).end(wasm);
    } else {
      res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const close = () => {
    server.closeAllConnections(); // keep-alive sockets would hold the process open
    server.close();
  };
  return { url: `http://127.0.0.1:${server.address().port}/`, close };
}

/** One cold load of the floor page in a fresh context: ms from navigation start to the script
 * starting and to the wasm compiled. */
export async function floorLoad(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.__floor, null, { timeout: 30_000 });
    return await page.evaluate(() => window.__floor);
  } finally {
    await context.close();
  }
}
