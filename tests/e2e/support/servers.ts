import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";

// Specs that need a differently configured server (sped-up or slowed clock, tiny rate limit, a
// standalone demo org) start their own copy here, on a free port, so parallel runs never share one.
// `cargo xtask test --stage e2e` sets the LENS_* variables; the defaults fit a `cargo xtask run` build.

const root = path.resolve(__dirname, "..", "..", "..");
export const serverBin = process.env.LENS_SERVER_BIN ?? path.join(root, "target", "release", "conversation-lens-server");
export const demoOrgBin = process.env.LENS_DEMO_ORG_BIN ?? path.join(root, "target", "release", "demo-org");
export const dist = process.env.LENS_DIST ?? path.join(root, "dist");

/** What the companion server prints once it listens. */
export const SERVER_READY = /running at (http:\/\/127\.0\.0\.1:\d+)/;
/** What the standalone demo org prints once it listens. */
export const DEMO_ORG_READY = /listening on (http:\/\/127\.0\.0\.1:\d+)/;

export interface Started {
  child: ChildProcess;
  base: string;
}

/** Start `bin` with `--port 0` and resolve with the base URL it prints (`ready` group 1). */
export async function startOnFreePort(
  bin: string,
  args: string[],
  ready: RegExp,
  env: NodeJS.ProcessEnv = { ...process.env, RUST_LOG: "warn" },
): Promise<Started> {
  const child = spawn(bin, [...args, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"], env });
  const base = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`${bin} printed no address within 30 s: ${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${bin} exited (${code}): ${out}`));
    });
  });
  return { child, base };
}

/** The companion server in demo mode serving the built app, with extra flags. */
export function startDemoServer(extraArgs: string[]): Promise<Started> {
  return startOnFreePort(serverBin, ["--dist", dist, "--demo", ...extraArgs], SERVER_READY);
}
