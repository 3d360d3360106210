// `npm run bench`: drives the production server over HTTP with signed-in clients on the large
// data set and reports median / p95 / p99 latency and requests per second, each with its ratio to
// two floors measured in the same run:
//   - authFloor: GET /api/v1/me — an authenticated route that does no work (framework + sign-in check)
//   - sqlFloor:  the module's own transaction issued straight through `pg` (what the database costs)
// Scenarios live in scripts/bench/<module>.mjs. Results go to bench/results.json.
// Options: BENCH_CLIENTS (50), BENCH_SECONDS (10), BENCH_ONLY=training,medical, BENCH_SKIP_SEED=1.
// BENCH_ONLY=onboarding runs the onboarding scenario, which adds its units and accounts to the data
// set for good (so it is not part of a plain run: use a database of its own for it).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { ROOT, ensureServer, createDatabase, migrate, withDatabase } from "./lib/pg.mjs";
import { ensureDevSecrets } from "./lib/secrets.mjs";
import { buildIfStale, freePort, startServer, waitForHttp } from "./lib/server.mjs";
import { generateClient } from "./generate.mjs";
import { mintSessionCookie } from "./lib/session-fixture.mjs";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ONLY = process.env.BENCH_ONLY?.split(",");

const secrets = ensureDevSecrets();
const server = await ensureServer("demo");
let databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  await createDatabase(server.adminUrl, "jingxin_bench");
  databaseUrl = withDatabase(server.adminUrl, "jingxin_bench");
}
const env = { ...secrets, DATABASE_URL: databaseUrl, APP_ENV: "demo", DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? "20", BENCH_ROUTES: "1" };
const tsx = (script) => {
  const r = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", script], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) throw new Error(`${script} failed`);
};

generateClient();
migrate(databaseUrl);
if (!process.env.BENCH_SKIP_SEED) {
  tsx("prisma/seed.ts");
  tsx("scripts/seed-large.ts");
}
buildIfStale(env);
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const child = startServer({ ...env, NODE_ENV: "production", NEXTAUTH_URL: baseUrl }, port, { quiet: true });
const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });

class Client {
  jar = new Map();
  constructor(base = baseUrl) {
    this.base = base;
  }
  async req(method, p, { body } = {}) {
    const headers = { origin: this.base };
    if (this.jar.size) headers.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(this.base + p, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: "manual",
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      this.jar.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
    const text = await res.text();
    return {
      status: res.status,
      text,
      data: (() => {
        try {
          return JSON.parse(text);
        } catch {
          return null;
        }
      })(),
    };
  }
}

// The benchmark measures the app, not sign-in: accounts with the second factor (whose codes sign
// in once) get a session from the fixture; the others sign in through the real callback.
const MFA_BADGES = new Set(["000001", "000002", "000003", "010001", "020001", "030001"]);
async function signIn(badgeNo, password = "Qianshan@2026") {
  const c = new Client();
  if (MFA_BADGES.has(badgeNo)) {
    const { name, value } = await mintSessionCookie({ databaseUrl, secret: secrets.NEXTAUTH_SECRET, badgeNo, baseUrl });
    c.jar.set(name, value);
    if ((await c.req("GET", "/api/v1/me")).status !== 200) throw new Error(`bench session failed for ${badgeNo}`);
    return c;
  }
  const { data } = await c.req("GET", "/api/auth/csrf");
  const form = new URLSearchParams({ csrfToken: data.csrfToken, badgeNo, password, json: "true" });
  const headers = {
    origin: baseUrl,
    "content-type": "application/x-www-form-urlencoded",
    cookie: [...c.jar].map(([k, v]) => `${k}=${v}`).join("; "),
  };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, { method: "POST", headers, body: form, redirect: "manual" });
  for (const ck of res.headers.getSetCookie()) {
    const [pair] = ck.split(";");
    const i = pair.indexOf("=");
    c.jar.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
  }
  if ((await c.req("GET", "/api/v1/me")).status !== 200) throw new Error(`bench sign-in failed for ${badgeNo}`);
  return c;
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
function summarise(latencies, seconds, errors) {
  const s = [...latencies].sort((a, b) => a - b);
  return {
    requests: s.length,
    errors,
    rps: Math.round(s.length / seconds),
    median: +quantile(s, 0.5).toFixed(1),
    p95: +quantile(s, 0.95).toFixed(1),
    p99: +quantile(s, 0.99).toFixed(1),
  };
}

/** `clients` loops in parallel for `durationSec`, each issuing what `requests(client, i)` returns. */
async function load(name, { clients, durationSec = SECONDS, requests, expect = (r) => r.status < 400 }) {
  const lat = [];
  let errors = 0;
  let n = 0;
  const until = performance.now() + durationSec * 1000;
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < until) {
        const spec = await requests(client, n++);
        if (!spec) break;
        const t = performance.now();
        const r = await client.req(spec.method ?? "GET", spec.path, { body: spec.body });
        lat.push(performance.now() - t);
        if (!expect(r, spec)) errors++;
      }
    }),
  );
  const result = summarise(lat, (performance.now() - started) / 1000, errors);
  console.log(
    `  ${name.padEnd(34)} median ${String(result.median).padStart(6)} ms  p95 ${String(result.p95).padStart(6)} ms  p99 ${String(result.p99).padStart(6)} ms  ${String(result.rps).padStart(5)} req/s${errors ? `  (${errors} errors)` : ""}`,
  );
  return result;
}

/** The same loop for a raw SQL transaction through `pg`, with `concurrency` connections. */
async function loadSql(name, { concurrency = CLIENTS, durationSec = SECONDS, run }) {
  const lat = [];
  let errors = 0;
  let n = 0;
  const until = performance.now() + durationSec * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const i = n++;
        const c = await pool.connect();
        const t = performance.now();
        try {
          await run(c, i);
        } catch {
          errors++;
          await c.query("ROLLBACK").catch(() => {});
        } finally {
          c.release();
        }
        lat.push(performance.now() - t);
      }
    }),
  );
  const result = summarise(lat, (performance.now() - started) / 1000, errors);
  console.log(
    `  ${name.padEnd(34)} median ${String(result.median).padStart(6)} ms  p95 ${String(result.p95).padStart(6)} ms  p99 ${String(result.p99).padStart(6)} ms  ${String(result.rps).padStart(5)} req/s`,
  );
  return result;
}

/** First-load JavaScript of a page, gzip-compressed, as a modern browser loads it (no nomodule polyfills). */
async function firstLoadKb(client, page) {
  const html = (await client.req("GET", page)).text;
  const srcs = new Set([...html.matchAll(/<script[^>]*src="([^"]+)"[^>]*>/g)].filter((m) => !/nomodule/i.test(m[0])).map((m) => m[1]));
  let total = 0;
  for (const src of srcs) total += gzipSync(Buffer.from(await (await fetch(baseUrl + src)).arrayBuffer())).length;
  return +(total / 1024).toFixed(1);
}

const results = {
  at: new Date().toISOString(),
  machine: { cpus: os.cpus().length, memGiB: Math.round(os.totalmem() / 2 ** 30) },
  clients: CLIENTS,
  seconds: SECONDS,
  floors: {},
  scenarios: {},
};
try {
  await waitForHttp(`${baseUrl}/login`);
  console.log(`\nsigning in ${CLIENTS} clients…`);
  const users = (
    await pool.query(
      `SELECT id, "badgeNo", "unitId", roles::text[] AS roles FROM "User" WHERE "badgeNo" LIKE 'L%' AND active ORDER BY "badgeNo" LIMIT 2000`,
    )
  ).rows;
  const officers = users.filter((u) => u.roles.includes("OFFICER"));
  const clients = [];
  for (const u of officers.slice(0, CLIENTS)) clients.push(Object.assign(await signIn(u.badgeNo), { user: u }));
  console.log("\nfloor: authenticated no-work route");
  await load("warm-up", { clients, durationSec: 3, requests: () => ({ path: "/api/v1/me" }) });
  results.floors.authNoWork = await load("GET /api/v1/me", { clients, requests: () => ({ path: "/api/v1/me" }) });
  // the framework's own floor, on the same server: a route that only decodes the session JWT
  results.floors.bareJwtDecode = await load("GET /api/bench/jwt (JWT decode only)", {
    clients,
    requests: () => ({ path: "/api/bench/jwt" }),
  });
  results.floors.authVsBare = +(results.floors.authNoWork.rps / results.floors.bareJwtDecode.rps).toFixed(2);
  // what any page costs before it does anything: a bare Next.js page under the root layout, and
  // the signed-in portal shell around an empty page (both only with BENCH_ROUTES=1)
  results.floors.barePage = await load("GET /bench-page (bare Next.js page)", { clients, requests: () => ({ path: "/bench-page" }) });
  results.floors.shellPage = await load("GET /bench-shell (portal shell, empty page)", {
    clients,
    requests: () => ({ path: "/bench-shell" }),
  });
  // and the session check without its cache (a second server with SESSION_CACHE_MS=0), for the ratio
  {
    const port2 = await freePort();
    const base2 = `http://127.0.0.1:${port2}`;
    const uncached = startServer({ ...env, NODE_ENV: "production", NEXTAUTH_URL: base2, SESSION_CACHE_MS: "0" }, port2, { quiet: true });
    try {
      await waitForHttp(`${base2}/login`);
      const clients2 = clients.map((c) => Object.assign(new Client(base2), { jar: new Map(c.jar) }));
      await load("warm-up (no session cache)", { clients: clients2, durationSec: 3, requests: () => ({ path: "/api/v1/me" }) });
      results.floors.authNoWorkUncached = await load("GET /api/v1/me (no session cache)", {
        clients: clients2,
        requests: () => ({ path: "/api/v1/me" }),
      });
    } finally {
      uncached.kill("SIGTERM");
    }
  }
  console.log(
    `  auth floor ${results.floors.authVsBare}× the bare JWT route; session cache ${+(results.floors.authNoWork.rps / results.floors.authNoWorkUncached.rps).toFixed(2)}× without it`,
  );
  console.log(
    `  bare page ${+(results.floors.barePage.rps / results.floors.authNoWork.rps).toFixed(2)}× the auth floor; portal shell ${+(results.floors.shellPage.rps / results.floors.authNoWork.rps).toFixed(2)}×`,
  );

  const ctx = { baseUrl, signIn, load, loadSql, pgQuery: (sql, params) => pool.query(sql, params), users, clients, CLIENTS, SECONDS };
  for (const mod of ["training", "medical", "benefits", "onboarding"]) {
    if (ONLY && !ONLY.includes(mod)) continue;
    // onboarding writes 5,000 units and 5,000 accounts into the data set and leaves them there:
    // every later run would measure a different data set, so it runs only when asked for by name
    if (mod === "onboarding" && !ONLY) continue;
    const file = path.join(ROOT, "scripts", "bench", `${mod}.mjs`);
    if (!existsSync(file)) continue;
    console.log(`\n${mod}`);
    const { run } = await import(file);
    // a scenario that breaks is reported and the run goes on: the other figures are still written
    const out = await run(ctx).catch((e) => {
      console.error(`  ${mod} failed: ${e.message}`);
      (results.failed ??= {})[mod] = e.message;
      return null;
    });
    for (const [k, v] of Object.entries(out ?? {})) {
      const floorSql = out[`${k.split(":")[0]}:sqlFloor`] ?? null;
      results.scenarios[`${mod}.${k}`] = {
        ...v,
        rpsVsAuthFloor: +(v.rps / results.floors.authNoWork.rps).toFixed(2),
        rpsVsShellFloor: +(v.rps / results.floors.shellPage.rps).toFixed(2),
        ...(floorSql && floorSql !== v ? { rpsVsSqlFloor: +(v.rps / floorSql.rps).toFixed(3) } : {}),
      };
    }
  }
  console.log("\nfirst-load JavaScript (gzip)");
  results.firstLoadJsKb = {};
  const pages = {
    100005: ["/", "/training", "/training/me", "/medical", "/notifications"],
    "010001": ["/training/manage", "/training/manage/new", "/training/manage/stats"],
    100002: ["/training/teach"],
    100001: ["/training/unit"],
    "030001": ["/medical/manage", "/medical/stats"],
    "020001": ["/benefits", "/benefits/pay-import", "/benefits/dashboard"],
    F00001: ["/benefits/me"],
  };
  for (const [badgeNo, list] of Object.entries(pages)) {
    const c = await signIn(badgeNo);
    for (const page of list) {
      results.firstLoadJsKb[page] = await firstLoadKb(c, page);
      console.log(`  ${page.padEnd(34)} ${results.firstLoadJsKb[page]} kB`);
    }
  }
  mkdirSync(path.join(ROOT, "bench"), { recursive: true });
  writeFileSync(path.join(ROOT, "bench", "results.json"), JSON.stringify(results, null, 2) + "\n");
  console.log("\nwritten to bench/results.json");
} finally {
  child.kill("SIGTERM");
  await pool.end();
  await server.stop();
}
