// Shared by the fault proofs (scripts/ops-proofs.mjs) and the soak (scripts/ops-soak.mjs): a
// private PostgreSQL cluster (embedded, on a free port, fresh data under .data/ops-pg, so the
// shared system PostgreSQL is never restarted), migrated and seeded, with officers and sessions
// for load; app instances (server.mjs, production build) as the least-privilege role, each with
// its own application_name so pg_stat_activity tells their connections apart; a small HTTP client.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, openSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { ROOT, createDatabase, migrateWithAppRole, startEmbedded, withDatabase } from "./pg.mjs";
import { ephemeralSecrets } from "./secrets.mjs";
import { buildIfStale, freePort, waitForHttp } from "./server.mjs";
import { mintSessionCookie } from "./session-fixture.mjs";
import { generateClient } from "../generate.mjs";

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const LOG_DIR = path.join(ROOT, ".data", "ops-logs");

/** Private cluster + migrated, seeded database; `officers` extra OFFICER accounts P00001…. */
export async function setupCluster({ officers = 200 } = {}) {
  generateClient();
  const dir = path.join(ROOT, ".data", "ops-pg");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(LOG_DIR, { recursive: true });
  const port = await freePort();
  const pgServer = await startEmbedded({ dir, port, fresh: true });
  const ownerUrl = withDatabase(pgServer.adminUrl, "jingxin_ops");
  await createDatabase(pgServer.adminUrl, "jingxin_ops");
  const password = randomBytes(18).toString("base64url");
  const appUrl = await migrateWithAppRole(ownerUrl, { role: "jingxin_app", password, appUrl: "" });
  const secrets = ephemeralSecrets();
  const seed = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "prisma/seed.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...secrets, DATABASE_URL: ownerUrl, APP_ENV: "demo" },
  });
  if (seed.status !== 0) throw new Error("demo seed failed");
  const owner = new pg.Pool({ connectionString: ownerUrl, max: 4 });
  owner.on("error", () => {}); // the PostgreSQL restart proof ends these connections
  await owner.query(
    `INSERT INTO "User" (id, "badgeNo", name, "unitId", roles, active, "updatedAt")
     SELECT 'opsu' || g, 'P' || lpad(g::text, 5, '0'), '压测' || g, (SELECT "unitId" FROM "User" WHERE "badgeNo" = '100001'),
            '{OFFICER}', true, now() FROM generate_series(1, $1::int) g ON CONFLICT DO NOTHING`,
    [officers],
  );
  await owner.query(
    `INSERT INTO "Credential" ("userId", "passwordHash", "mustChange", "updatedAt")
     SELECT u.id, c."passwordHash", false, now() FROM "User" u,
            (SELECT "passwordHash" FROM "Credential" x JOIN "User" y ON y.id = x."userId" WHERE y."badgeNo" = '100001') c
     WHERE u."badgeNo" LIKE 'P%' ON CONFLICT DO NOTHING`,
  );
  const badges = Array.from({ length: officers }, (_, i) => `P${String(i + 1).padStart(5, "0")}`);
  return { pgServer, pgDir: dir, ownerUrl, appUrl, secrets, owner, badges, pgPort: port };
}

export function ensureBuild(secrets) {
  buildIfStale({ ...secrets, DATABASE_URL: "postgresql://build@127.0.0.1/none" });
}

/** One app instance (server.mjs) on a free port; output goes to .data/ops-logs/<name>.log. */
export async function startInstance(ctx, name, { databaseUrl = ctx.appUrl, env = {} } = {}) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const u = new URL(databaseUrl);
  u.searchParams.set("application_name", name);
  const logFile = path.join(LOG_DIR, `${name}.log`);
  const fd = openSync(logFile, "a");
  const child = spawn(process.execPath, [path.join(ROOT, "server.mjs")], {
    cwd: ROOT,
    stdio: ["ignore", fd, fd],
    env: {
      ...process.env,
      ...ctx.secrets,
      DATABASE_URL: u.toString(),
      APP_ENV: "demo",
      NODE_ENV: "production",
      NEXTAUTH_URL: baseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      DB_POOL_SIZE: "10",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
  });
  await waitForHttp(`${baseUrl}/login`, 120_000);
  return { name, port, baseUrl, child, logFile, log: () => readFileSync(logFile, "utf8") };
}

export async function stopInstance(inst) {
  if (inst.child.exitCode !== null || inst.child.signalCode) return;
  inst.child.kill("SIGTERM");
  await new Promise((r) => inst.child.once("exit", r));
}

/** A signed-in HTTP client (session fixture) that sends to whichever instance it is given. */
export async function clientFor(ctx, badgeNo) {
  const { name, value } = await mintSessionCookie({
    databaseUrl: ctx.ownerUrl,
    secret: ctx.secrets.NEXTAUTH_SECRET,
    badgeNo,
    baseUrl: "http://127.0.0.1",
  });
  const cookie = `${name}=${value}`;
  return {
    badgeNo,
    /** → {status, data, text, ms}; status 0 when the connection failed, -1 when it hung past `timeoutMs`. */
    async req(inst, method, p, { body, timeoutMs = 20_000 } = {}) {
      const t = performance.now();
      try {
        const res = await fetch(inst.baseUrl + p, {
          method,
          headers: { cookie, origin: inst.baseUrl, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
          body: body === undefined ? undefined : JSON.stringify(body),
          redirect: "manual",
          signal: AbortSignal.timeout(timeoutMs),
        });
        const text = await res.text();
        let data = null;
        try {
          data = JSON.parse(text);
        } catch {}
        return { status: res.status, data, text, ms: performance.now() - t };
      } catch (e) {
        return { status: e?.name === "TimeoutError" ? -1 : 0, data: null, text: String(e?.cause?.code ?? e), ms: performance.now() - t };
      }
    },
  };
}

/** A published session with `capacity` seats, created through the API by the training office. */
export async function createSession(ctx, inst, admin, capacity) {
  const day = (d) => new Date(Date.now() + d * 86400_000).toISOString();
  const c = await admin.req(inst, "POST", "/api/v1/training/sessions", {
    body: {
      title: `故障演练-${randomBytes(3).toString("hex")}`,
      category: "OTHER",
      venue: "演练",
      startsAt: day(30),
      endsAt: day(30.1),
      capacity,
      creditHours: 1,
    },
  });
  if (c.status !== 201) throw new Error(`create session: ${c.status} ${c.text.slice(0, 200)}`);
  const p = await admin.req(inst, "POST", `/api/v1/training/sessions/${c.data.id}/publish`);
  if (p.status !== 200) throw new Error(`publish session: ${p.status} ${p.text.slice(0, 200)}`);
  return c.data.id;
}

/** What the database holds for a session: the invariants the proofs check. */
export async function sessionState(ctx, sessionId) {
  const { rows } = await ctx.owner.query(
    `SELECT e.status::text AS status, e."waitlistPosition" AS pos, u."badgeNo" AS badge, e.id
       FROM "TrainingEnrollment" e JOIN "User" u ON u.id = e."userId" WHERE e."sessionId" = $1`,
    [sessionId],
  );
  const s = (await ctx.owner.query(`SELECT capacity, "enrolledCount", "waitlistCount" FROM "TrainingSession" WHERE id = $1`, [sessionId]))
    .rows[0];
  const enrolled = rows.filter((r) => r.status === "ENROLLED");
  const waitlisted = rows.filter((r) => r.status === "WAITLISTED");
  const positions = waitlisted.map((r) => r.pos).sort((a, b) => a - b);
  const gapFree = positions.every((p, i) => p === i + 1);
  const perUser = new Map();
  for (const r of rows) perUser.set(r.badge, (perUser.get(r.badge) ?? 0) + 1);
  return {
    rows,
    ids: new Set(rows.map((r) => r.id)),
    enrolled: enrolled.length,
    waitlisted: waitlisted.length,
    gapFree,
    doubled: [...perUser.values()].filter((n) => n > 1).length,
    countersMatch: s.enrolledCount === enrolled.length && s.waitlistCount === waitlisted.length,
    capacity: s.capacity,
  };
}

/** Connections of each application_name to the ops database right now. */
export async function connectionsByApp(ctx) {
  const { rows } = await ctx.owner.query(
    `SELECT application_name AS app, count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' GROUP BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.app, r.n]));
}

/** Samples connectionsByApp every `everyMs` until stop(); returns the maxima per application. */
export function sampleConnections(ctx, everyMs = 100) {
  const max = {};
  let on = true;
  const loop = (async () => {
    while (on) {
      const now = await connectionsByApp(ctx).catch(() => ({}));
      for (const [k, v] of Object.entries(now)) max[k] = Math.max(max[k] ?? 0, v);
      await sleep(everyMs);
    }
  })();
  return {
    async stop() {
      on = false;
      await loop;
      return max;
    },
  };
}

/** The private cluster's processes (postmaster and its children), for SIGSTOP/SIGCONT. */
export function clusterPids(ctx) {
  const postmaster = Number(readFileSync(path.join(ctx.pgDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const pids = [postmaster];
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === postmaster) pids.push(Number(d));
    } catch {}
  }
  return pids;
}

/** Text an error answer must never carry (stack, SQL, driver or Prisma words). */
export const LEAK = /prisma|invocation|ECONN|at \w+ \(|SELECT |INSERT |UPDATE |pg_|postgres|stack|Error:/i;

export function tally(results) {
  const out = {};
  for (const r of results) {
    const key =
      r.status === 0
        ? "conn-error"
        : r.status === -1
          ? "hung"
          : `${r.status}${r.data?.error?.code ? ` ${r.data.error.code}` : r.data?.status ? ` ${r.data.status}` : ""}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}
