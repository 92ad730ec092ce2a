// Precompresses the release bundle once, at build time, so the server never compresses on a
// request: for every text or wasm file in dist/ it writes `<file>.br` (brotli, quality 11) and
// `<file>.gz` (gzip -9) beside it, when that is smaller. The server picks one by the browser's
// Accept-Encoding (tower-http ServeDir precompressed_br / precompressed_gzip).
// Usage: node scripts/precompress.mjs <dist-dir>
import { readdirSync, readFileSync, statSync, writeFileSync, rmSync } from "node:fs";
import { join, extname } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const COMPRESSIBLE = new Set([".wasm", ".js", ".css", ".html", ".json", ".svg", ".txt", ".map"]);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const dist = process.argv[2];
if (!dist) {
  console.error("usage: node scripts/precompress.mjs <dist-dir>");
  process.exit(2);
}

let raw = 0;
let br = 0;
let files = 0;
for (const path of walk(dist)) {
  if (!COMPRESSIBLE.has(extname(path))) continue;
  const body = readFileSync(path);
  const variants = [
    [".br", brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    })],
    [".gz", gzipSync(body, { level: 9 })],
  ];
  for (const [ext, packed] of variants) {
    // A variant that saves nothing is not worth a second file (and a stale one must go).
    if (packed.length < body.length) writeFileSync(path + ext, packed);
    else rmSync(path + ext, { force: true });
  }
  raw += body.length;
  br += Math.min(variants[0][1].length, body.length);
  files += 1;
}
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`precompressed ${files} files: ${kib(raw)} raw -> ${kib(br)} brotli`);
