// Build and start the production server, shared by demo, tests and the benchmark.
import { spawn, execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { ROOT } from "./pg.mjs";

const SOURCES = ["app", "lib", "components", "prisma/schema", "next.config.ts", "proxy.ts", "package-lock.json", "postcss.config.mjs"];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(p)) {
    if (e === "generated" || e === "node_modules") continue;
    max = Math.max(max, newestMtime(path.join(p, e)));
  }
  return max;
}

/** Builds unless .next holds a build newer than every source file. */
export function buildIfStale(env, { force = false } = {}) {
  const buildId = path.join(ROOT, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  const fresh =
    !force && existsSync(buildId) && statSync(buildId).mtimeMs > Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))));
  if (fresh) {
    console.log("production build is up to date");
    return;
  }
  console.log("building (next build)…");
  execFileSync(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

// server.mjs, not `next start`: it decides the client address from the socket (see its header).
export function startServer(env, port, { quiet = false, silent = false } = {}) {
  const child = spawn(process.execPath, [path.join(ROOT, "server.mjs")], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: "0.0.0.0", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", quiet || silent ? "ignore" : "inherit", silent ? "ignore" : "inherit"],
    detached: false,
  });
  return child;
}

export async function waitForHttp(url, timeoutMs = 60_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not answer at ${url} within ${timeoutMs} ms`);
}

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  return candidates.find((c) => c && existsSync(c)) ?? null;
}
