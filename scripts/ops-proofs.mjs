// `npm run ops:proofs` (issue 11, "Prove"): the fault proofs against a production build, on a
// private PostgreSQL cluster this script starts (never the shared system one):
//   1. two app instances on one database, 200 concurrent HTTP enrolments split across them into
//      one 20-seat session (190 officers, 10 of them twice): exactly 20 enrolled, a gap-free
//      waitlist, the 10 repeats refused; each instance's connections stay within DB_POOL_SIZE;
//   2. the same through PgBouncer in transaction mode: no prepared-statement errors;
//   3. kill -9 of one instance mid-burst: every enrolment answered 201 is in the database, none is
//      doubled, the counters match the rows; the restarted instance serves again;
//   4. PostgreSQL restarted under load: requests answer 503 UNAVAILABLE (no leaked text, none
//      hung) while it is down, and 200 again afterwards without a manual step;
//   5. SIGTERM of one instance mid-burst (a rolling restart): every request already sent is
//      answered, none cut off; the instance exits by itself;
//   6. PostgreSQL frozen under load (SIGSTOP of the private cluster's processes for 10 s): every
//      request is answered within 5 s, errors are 503 UNAVAILABLE, and after SIGCONT it serves again.
// Prints the numbers; exits 1 when a proof fails. Options: OPS_ONLY=1,3 (which proofs).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, chmodSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  LEAK,
  clientFor,
  clusterPids,
  connectionsByApp,
  createSession,
  ensureBuild,
  sampleConnections,
  sessionState,
  setupCluster,
  sleep,
  startInstance,
  stopInstance,
  tally,
} from "./lib/ops.mjs";
import { freePort } from "./lib/server.mjs";

const ONLY = process.env.OPS_ONLY?.split(",").map(Number);
const want = (n) => !ONLY || ONLY.includes(n);
const failures = [];
function check(label, ok, detail = "") {
  console.log(`  ${ok ? "ok  " : "FAIL"} ${label}${detail ? `: ${detail}` : ""}`);
  if (!ok) failures.push(label);
}

const t0 = performance.now();
console.log("setting up: private PostgreSQL, migrations, app role, seed, 200 officers…");
const ctx = await setupCluster({ officers: 200 });
ensureBuild(ctx.secrets);
const instances = [];
let bouncer = null;

async function cleanup() {
  for (const i of instances) await stopInstance(i).catch(() => {});
  if (bouncer && bouncer.exitCode === null) bouncer.kill("SIGTERM");
  await ctx.owner.end().catch(() => {});
  await ctx.pgServer.stop().catch(() => {});
}
process.on("SIGINT", async () => {
  await cleanup();
  process.exit(130);
});

/** 190 officers enrol once, the first 10 of them twice; all at once, alternating instances. */
async function burst(clients, targets, sessionId, { onProgress } = {}) {
  const plan = [...clients.slice(0, 190).map((c, i) => ({ c, i })), ...clients.slice(0, 10).map((c, i) => ({ c, i: 190 + i }))];
  let done = 0;
  return Promise.all(
    plan.map(async ({ c, i }) => {
      const inst = targets[i % targets.length];
      const r = await c.req(inst, "POST", `/api/v1/training/sessions/${sessionId}/enrollments`);
      done++;
      onProgress?.(done);
      return { ...r, badge: c.badgeNo, inst: inst.name };
    }),
  );
}

function checkBurst(label, results, state) {
  const t = tally(results);
  console.log(`  answers: ${JSON.stringify(t)}`);
  check(`${label}: exactly 20 enrolled`, state.enrolled === 20, `${state.enrolled} enrolled, ${state.waitlisted} waitlisted`);
  check(`${label}: waitlist gap-free 1…${state.waitlisted}`, state.gapFree && state.waitlisted === 170);
  check(`${label}: the 10 repeats refused 409 ALREADY_ENROLLED`, (t["409 ALREADY_ENROLLED"] ?? 0) === 10);
  check(`${label}: counters match the rows, nobody twice`, state.countersMatch && state.doubled === 0);
  check(
    `${label}: no 5xx, no failed connection`,
    results.every((r) => r.status > 0 && r.status < 500),
  );
}

try {
  const clients = [];
  for (const b of ctx.badges) clients.push(await clientFor(ctx, b));
  const admin = await clientFor(ctx, "010001");
  console.log(`ready in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

  const a = await startInstance(ctx, "jx-a");
  const b = await startInstance(ctx, "jx-b", { env: { DISABLE_JOBS: "1" } });
  instances.push(a, b);

  if (want(1)) {
    console.log("\n1. two instances, 200 concurrent enrolments into 20 seats");
    const sid = await createSession(ctx, a, admin, 20);
    const sampler = sampleConnections(ctx, 50);
    const start = performance.now();
    const results = await burst(clients, [a, b], sid);
    const wall = performance.now() - start;
    const max = await sampler.stop();
    const ms = results.map((r) => r.ms).sort((x, y) => x - y);
    console.log(`  burst: ${wall.toFixed(0)} ms wall, median ${ms[100].toFixed(0)} ms, max ${ms.at(-1).toFixed(0)} ms`);
    checkBurst("two instances", results, await sessionState(ctx, sid));
    console.log(`  most connections seen: ${JSON.stringify(max)}`);
    check("one pool per instance: connections ≤ DB_POOL_SIZE (10) each", (max["jx-a"] ?? 0) <= 10 && (max["jx-b"] ?? 0) <= 10);
  }

  if (want(2)) {
    console.log("\n2. the same through PgBouncer (transaction pooling)");
    const port = await freePort();
    const dir = mkdtempSync(path.join(os.tmpdir(), "jx-pgbouncer-"));
    chmodSync(dir, 0o755);
    const app = new URL(ctx.appUrl);
    writeFileSync(path.join(dir, "userlist.txt"), `"${app.username}" "${decodeURIComponent(app.password)}"\n`);
    writeFileSync(
      path.join(dir, "pgbouncer.ini"),
      `[databases]
jingxin_ops = host=127.0.0.1 port=${ctx.pgPort} dbname=jingxin_ops
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = plain
auth_file = ${dir}/userlist.txt
pool_mode = transaction
default_pool_size = 20
max_client_conn = 500
; pg sends these as startup parameters; the app role's own defaults apply behind the pooler
ignore_startup_parameters = extra_float_digits,statement_timeout,idle_in_transaction_session_timeout,options
logfile = ${dir}/pgbouncer.log
`,
    );
    for (const f of ["userlist.txt", "pgbouncer.ini"]) chmodSync(path.join(dir, f), 0o644);
    const bin = ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer"].find((p) => spawnSync("test", ["-x", p]).status === 0);
    if (!bin) {
      check("PgBouncer installed (apt-get install -y pgbouncer)", false);
    } else {
      const args = process.getuid?.() === 0 ? ["-u", "postgres", `${dir}/pgbouncer.ini`] : [`${dir}/pgbouncer.ini`];
      if (process.getuid?.() === 0) spawnSync("chown", ["-R", "postgres", dir]);
      bouncer = spawn(bin, args, { stdio: ["ignore", "inherit", "inherit"] });
      await sleep(1000);
      const viaBouncer = new URL(ctx.appUrl);
      viaBouncer.port = String(port);
      const pa = await startInstance(ctx, "jx-pgb-a", { databaseUrl: viaBouncer.toString(), env: { DISABLE_JOBS: "1" } });
      const pb = await startInstance(ctx, "jx-pgb-b", { databaseUrl: viaBouncer.toString(), env: { DISABLE_JOBS: "1" } });
      instances.push(pa, pb);
      const sid = await createSession(ctx, pa, admin, 20);
      const results = await burst(clients, [pa, pb], sid);
      checkBurst("PgBouncer", results, await sessionState(ctx, sid));
      const logs = pa.log() + pb.log() + readFileSync(`${dir}/pgbouncer.log`, "utf8");
      const prepared = (logs.match(/prepared statement/gi) ?? []).length;
      check("no prepared-statement errors (app and PgBouncer logs)", prepared === 0, `${prepared} mentions`);
      const conns = await connectionsByApp(ctx);
      console.log(`  server connections now: ${JSON.stringify(conns)} (PgBouncer's pool: default_pool_size 20)`);
      await stopInstance(pa);
      await stopInstance(pb);
    }
  }

  if (want(3)) {
    console.log("\n3. kill -9 of one instance mid-burst");
    const sid = await createSession(ctx, a, admin, 20);
    let killedAt = null;
    const results = await burst(clients, [a, b], sid, {
      onProgress: (n) => {
        if (n === 40 && !killedAt) {
          killedAt = performance.now();
          b.child.kill("SIGKILL");
        }
      },
    });
    console.log(`  answers: ${JSON.stringify(tally(results))}`);
    const state = await sessionState(ctx, sid);
    const answered = results.filter((r) => r.status === 201);
    const lost = answered.filter((r) => !state.ids.has(r.data?.id));
    check("every enrolment answered 201 is in the database", lost.length === 0, `${answered.length} answered 201, ${lost.length} missing`);
    check("nothing doubled, counters match the rows", state.doubled === 0 && state.countersMatch);
    check(
      "at most 20 enrolled, waitlist gap-free",
      state.enrolled <= 20 && state.gapFree,
      `${state.enrolled} enrolled, ${state.waitlisted} waitlisted`,
    );
    const restartAt = performance.now();
    const b2 = await startInstance(ctx, "jx-b", { env: { DISABLE_JOBS: "1" } });
    instances.push(b2);
    console.log(`  restarted instance serving after ${((performance.now() - restartAt) / 1000).toFixed(1)} s`);
    // the requests whose answer was lost with the instance, once more against the restarted one
    const retry = results.filter((r) => r.status <= 0 || r.status >= 500);
    const again = await Promise.all(
      retry.map(
        async (r) => await clients.find((c) => c.badgeNo === r.badge).req(b2, "POST", `/api/v1/training/sessions/${sid}/enrollments`),
      ),
    );
    console.log(`  ${retry.length} unanswered requests retried: ${JSON.stringify(tally(again))}`);
    check(
      "the restarted instance answers every retry (201, or 409 when it had committed)",
      again.every((r) => r.status === 201 || r.status === 409),
    );
    const final = await sessionState(ctx, sid);
    check(
      "after the retries: 20 enrolled, 170 waitlisted gap-free, nobody twice",
      final.enrolled === 20 && final.waitlisted === 170 && final.gapFree && final.doubled === 0 && final.countersMatch,
      `${final.enrolled} + ${final.waitlisted}`,
    );
    instances.splice(instances.indexOf(b), 1);
  }

  if (want(4)) {
    console.log("\n4. PostgreSQL restarted under load (20 clients, one instance)");
    const inst = instances.find((i) => i.name === "jx-a");
    const sid = await createSession(ctx, inst, admin, 1000);
    const results = [];
    let on = true;
    const loops = clients.slice(0, 20).map(async (c, k) => {
      let enrolled = false;
      while (on) {
        const r =
          k % 2
            ? await c.req(inst, "GET", "/api/v1/me", { timeoutMs: 15_000 })
            : await c.req(inst, enrolled ? "DELETE" : "POST", `/api/v1/training/sessions/${sid}/enrollments${enrolled ? "/me" : ""}`, {
                timeoutMs: 15_000,
              });
        if (r.status === 201) enrolled = true;
        else if (r.status === 200 && k % 2 === 0) enrolled = false;
        results.push({ ...r, at: performance.now() });
        if (r.status !== 200 && r.status !== 201) await sleep(100);
      }
    });
    await sleep(3000);
    const downAt = performance.now();
    await ctx.pgServer.restart(3000);
    const upAt = performance.now();
    console.log(`  PostgreSQL down for ${((upAt - downAt) / 1000).toFixed(1)} s`);
    let recoveredAt = null;
    while (performance.now() - upAt < 30_000) {
      const last = results.filter((r) => r.at > upAt);
      if (last.length >= 20 && last.slice(-20).every((r) => r.status === 200 || r.status === 201)) {
        recoveredAt = last.slice(-20)[0].at;
        break;
      }
      await sleep(200);
    }
    await sleep(2000);
    on = false;
    await Promise.all(loops);
    const during = results.filter((r) => r.at >= downAt && r.at <= upAt + 1000);
    console.log(`  all answers: ${JSON.stringify(tally(results))}`);
    console.log(`  answers while down: ${JSON.stringify(tally(during))}`);
    const errors = results.filter((r) => r.status >= 500);
    check(
      "nothing hung (15 s limit), no failed connection",
      results.every((r) => r.status > 0),
    );
    check(
      "every error is 503 UNAVAILABLE",
      errors.every((r) => r.status === 503 && r.data?.error?.code === "UNAVAILABLE"),
      `${errors.length} errors`,
    );
    check(
      "no error leaks stack, SQL or driver text",
      errors.every((r) => !LEAK.test(r.text)),
    );
    const slowest = Math.max(...results.map((r) => r.ms));
    console.log(`  slowest answer ${slowest.toFixed(0)} ms`);
    check(
      "served again without a manual step",
      recoveredAt !== null,
      recoveredAt ? `${((recoveredAt - upAt) / 1000).toFixed(1)} s after PostgreSQL was back` : "not within 30 s",
    );
    const state = await sessionState(ctx, sid);
    check("the session's counters still match its rows", state.countersMatch && state.doubled === 0);
  }

  if (want(5)) {
    console.log("\n5. SIGTERM of one instance mid-burst (graceful stop)");
    const a5 = instances.find((i) => i.name === "jx-a");
    const b5 = await startInstance(ctx, "jx-b5", { env: { DISABLE_JOBS: "1" } });
    instances.push(b5);
    const sid = await createSession(ctx, a5, admin, 20);
    let termAt = null;
    const exited = new Promise((r) => b5.child.once("exit", (code, sig) => r({ code, sig, at: performance.now() })));
    const results = await burst(clients, [a5, b5], sid, {
      onProgress: (n) => {
        if (n === 40 && !termAt) {
          termAt = performance.now();
          b5.child.kill("SIGTERM");
        }
      },
    });
    const ex = await Promise.race([exited, sleep(15_000).then(() => null)]);
    checkBurst("SIGTERM mid-burst", results, await sessionState(ctx, sid));
    check(
      "the instance stopped by itself after answering",
      ex !== null && ex.code === 0,
      ex ? `exit ${ex.code ?? ex.sig} ${((ex.at - termAt) / 1000).toFixed(1)} s after SIGTERM` : "still running after 15 s",
    );
  }

  if (want(6)) {
    console.log("\n6. PostgreSQL frozen under load (SIGSTOP for 10 s, 20 clients, one instance)");
    const inst = instances.find((i) => i.name === "jx-a");
    const results = [];
    let on = true;
    const loops = clients.slice(0, 20).map(async (c, k) => {
      while (on) {
        const r = await c.req(inst, "GET", k % 2 ? "/api/v1/me" : "/api/v1/training/sessions", { timeoutMs: 30_000 });
        results.push({ ...r, at: performance.now() });
        if (r.status !== 200) await sleep(100);
      }
    });
    await sleep(3000);
    const pids = clusterPids(ctx);
    const frozenAt = performance.now();
    for (const pid of pids) process.kill(pid, "SIGSTOP");
    await sleep(10_000);
    for (const pid of pids) process.kill(pid, "SIGCONT");
    const thawedAt = performance.now();
    let recoveredAt = null;
    while (performance.now() - thawedAt < 30_000) {
      const last = results.filter((r) => r.at > thawedAt);
      if (last.length >= 20 && last.slice(-20).every((r) => r.status === 200)) {
        recoveredAt = last.slice(-20)[0].at;
        break;
      }
      await sleep(200);
    }
    on = false;
    await Promise.all(loops);
    const during = results.filter((r) => r.at - r.ms >= frozenAt && r.at <= thawedAt);
    const slowest = Math.max(...during.map((r) => r.ms));
    console.log(`  ${pids.length} processes stopped; answers while frozen: ${JSON.stringify(tally(during))}`);
    check("requests sent while frozen are answered within 5 s", slowest < 5000, `slowest ${slowest.toFixed(0)} ms`);
    const errors = results.filter((r) => r.status !== 200);
    check(
      "every error is 503 UNAVAILABLE, without leaked text",
      errors.every((r) => r.status === 503 && r.data?.error?.code === "UNAVAILABLE" && !LEAK.test(r.text)),
      JSON.stringify(tally(errors)),
    );
    check(
      "served again after SIGCONT without a manual step",
      recoveredAt !== null,
      recoveredAt ? `${((recoveredAt - thawedAt) / 1000).toFixed(1)} s after` : "not within 30 s",
    );
  }
} catch (e) {
  console.error(e instanceof Error ? e.stack : e);
  failures.push("crashed");
} finally {
  await cleanup();
}
console.log(
  `\n${failures.length ? `FAILED: ${failures.join("; ")}` : "all proofs passed"} (${((performance.now() - t0) / 1000).toFixed(0)} s; logs in .data/ops-logs)`,
);
process.exit(failures.length ? 1 : 0);
