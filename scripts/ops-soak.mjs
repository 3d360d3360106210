// `npm run soak` (issue 11): one app instance (production build, least-privilege role, private
// PostgreSQL cluster) under SOAK_CLIENTS (20) signed-in clients for SOAK_SECONDS (300): each
// loops over a page (/training), the session list, /api/v1/me and an enrol/cancel pair. Every
// SOAK_SAMPLE_SECONDS (10) it samples the server's resident memory (RSS, /proc), its PostgreSQL
// connections (pg_stat_activity by application_name) and the interval's requests, errors and
// latency, and prints the curve. Fails (exit 1) on any error answer, on connections above
// DB_POOL_SIZE, or when memory keeps growing (after a one-minute warm-up, the second half's
// median RSS above the first half's + 20%).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  LOG_DIR,
  clientFor,
  connectionsByApp,
  createSession,
  ensureBuild,
  setupCluster,
  sleep,
  startInstance,
  stopInstance,
} from "./lib/ops.mjs";

const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 20);
const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const SAMPLE = Number(process.env.SOAK_SAMPLE_SECONDS ?? 10);
const POOL = 10;

const rssMb = (pid) => {
  const m = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)\s+kB/);
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
};
const q = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : 0);
const median = (a) =>
  q(
    [...a].sort((x, y) => x - y),
    0.5,
  );

console.log(`soak: ${CLIENTS} clients for ${SECONDS} s, sampled every ${SAMPLE} s; setting up…`);
const ctx = await setupCluster({ officers: CLIENTS });
ensureBuild(ctx.secrets);
const inst = await startInstance(ctx, "jx-soak", { env: { DB_POOL_SIZE: String(POOL) } });
let exitCode = 0;
try {
  const admin = await clientFor(ctx, "010001");
  const sid = await createSession(ctx, inst, admin, 10);
  const clients = [];
  for (const b of ctx.badges.slice(0, CLIENTS)) clients.push(await clientFor(ctx, b));

  let window = { lat: [], errors: 0, statuses: {} };
  let on = true;
  const record = (r) => {
    window.lat.push(r.ms);
    if (r.status <= 0 || r.status >= 400) {
      window.errors++;
      window.statuses[r.status] = (window.statuses[r.status] ?? 0) + 1;
    }
  };
  const loops = clients.map(async (c) => {
    while (on) {
      record(await c.req(inst, "GET", "/training"));
      record(await c.req(inst, "GET", "/api/v1/training/sessions"));
      record(await c.req(inst, "GET", "/api/v1/me"));
      const e = await c.req(inst, "POST", `/api/v1/training/sessions/${sid}/enrollments`);
      record(e);
      if (e.status === 201) record(await c.req(inst, "DELETE", `/api/v1/training/sessions/${sid}/enrollments/me`));
    }
  });

  const samples = [];
  const start = performance.now();
  console.log("\n   t(s)  RSS(MB)  conns  req/s  p50(ms)  p95(ms)  errors");
  const line = (s) =>
    console.log(
      `${String(s.t).padStart(7)}  ${String(s.rssMb).padStart(7)}  ${String(s.conns).padStart(5)}  ${String(s.rps).padStart(5)}  ${String(s.p50).padStart(7)}  ${String(s.p95).padStart(7)}  ${String(s.errors).padStart(6)}${s.errors ? ` ${JSON.stringify(s.statuses)}` : ""}`,
    );
  const first = {
    t: 0,
    rssMb: rssMb(inst.child.pid),
    conns: (await connectionsByApp(ctx))["jx-soak"] ?? 0,
    rps: 0,
    p50: 0,
    p95: 0,
    errors: 0,
  };
  line(first);
  samples.push(first);
  while (performance.now() - start < SECONDS * 1000) {
    await sleep(SAMPLE * 1000);
    const w = window;
    window = { lat: [], errors: 0, statuses: {} };
    const sorted = w.lat.sort((a, b) => a - b);
    const s = {
      t: Math.round((performance.now() - start) / 1000),
      rssMb: rssMb(inst.child.pid),
      conns: (await connectionsByApp(ctx))["jx-soak"] ?? 0,
      rps: Math.round(sorted.length / SAMPLE),
      p50: Math.round(q(sorted, 0.5)),
      p95: Math.round(q(sorted, 0.95)),
      errors: w.errors,
      statuses: w.statuses,
    };
    line(s);
    samples.push(s);
  }
  on = false;
  await Promise.all(loops);

  const body = samples.slice(1);
  // after a warm-up (JIT, route bundles, caches fill during the first minute): first half vs second half
  const steady = body.filter((s) => s.t > Math.min(60, SECONDS / 3));
  const half = Math.max(1, Math.floor(steady.length / 2));
  const early = median(steady.slice(0, half).map((s) => s.rssMb));
  const late = median(steady.slice(-half).map((s) => s.rssMb));
  const errors = body.reduce((n, s) => n + s.errors, 0);
  const maxConns = Math.max(...samples.map((s) => s.conns));
  const total = body.reduce((n, s) => n + s.rps * SAMPLE, 0);
  console.log(
    `\n${total} requests; RSS median after warm-up, first half ${early} MB → second half ${late} MB; max connections ${maxConns} (DB_POOL_SIZE ${POOL}); ${errors} errors`,
  );
  writeFileSync(path.join(LOG_DIR, "soak.json"), JSON.stringify({ at: new Date().toISOString(), CLIENTS, SECONDS, samples }, null, 2));
  const fails = [];
  if (errors) fails.push(`${errors} error answers`);
  if (maxConns > POOL) fails.push(`connections ${maxConns} > ${POOL}`);
  if (late > early * 1.2) fails.push(`memory grew ${early} → ${late} MB`);
  console.log(fails.length ? `FAILED: ${fails.join("; ")}` : "soak passed");
  exitCode = fails.length ? 1 : 0;
} catch (e) {
  console.error(e instanceof Error ? e.stack : e);
  exitCode = 1;
} finally {
  await stopInstance(inst).catch(() => {});
  await ctx.owner.end().catch(() => {});
  await ctx.pgServer.stop().catch(() => {});
}
process.exit(exitCode);
