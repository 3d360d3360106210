// Onboarding scenarios for `npm run bench` (harness: scripts/bench.mjs; issue 12 item 2):
// units     — 5,000 units (one CSV, parents inside the sheet) through dry run, then import
// users     — 5,000 accounts (民警 and 辅警, into those units) imported (the check and the write);
//             the time includes hashing every one-time password (argon2id, light parameters)
// Each is one request: the figures are its time and the server's peak RSS.
import { randomBytes } from "node:crypto";
import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";

const ROWS = 5_000;

function serverPeakMiB(baseUrl) {
  try {
    const port = new URL(baseUrl).port;
    const pid = /pid=(\d+)/.exec(execSync(`ss -ltnpH 'sport = :${port}'`, { encoding: "utf8" }))?.[1];
    return pid ? Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024) : null;
  } catch {
    return null;
  }
}

async function upload(client, baseUrl, path, csv, name) {
  const fd = new FormData();
  fd.set("file", new Blob([csv], { type: "text/csv" }), name);
  const t = performance.now();
  const res = await fetch(baseUrl + path, {
    method: "POST",
    body: fd,
    headers: { origin: baseUrl, cookie: [...client.jar].map(([k, v]) => `${k}=${v}`).join("; ") },
  });
  const body = await res.json().catch(() => null);
  return { status: res.status, ms: performance.now() - t, body };
}

function figure(label, r, okStatus, baseUrl) {
  const peak = serverPeakMiB(baseUrl);
  console.log(`  ${label.padEnd(34)} ${r.status} in ${r.ms.toFixed(0).padStart(6)} ms; server peak RSS ${peak} MiB`);
  return {
    requests: 1,
    errors: r.status === okStatus ? 0 : 1,
    rps: +(1000 / r.ms).toFixed(3),
    median: +r.ms.toFixed(1),
    p95: +r.ms.toFixed(1),
    p99: +r.ms.toFixed(1),
    rows: ROWS,
    peakRssMiB: peak,
  };
}

export async function run(ctx) {
  const { signIn, baseUrl, pgQuery } = ctx;
  const admin = await signIn("000001");
  const root = (await pgQuery(`SELECT code FROM "Unit" WHERE "parentId" IS NULL ORDER BY code LIMIT 1`)).rows[0].code;
  const tag = randomBytes(3).toString("hex").toUpperCase();
  // 50 stations under the root, 99 teams under each: parents come from the sheet itself
  const units = ["代码,名称,上级,类别"];
  for (let s = 0; s < 50; s++) {
    units.push(`B${tag}-S${s},基准派出所${tag}-${s},${root},派出所`);
    for (let t = 0; t < ROWS / 50 - 1; t++) units.push(`B${tag}-S${s}-T${t},基准警组${tag}-${s}-${t},B${tag}-S${s},警务团队`);
  }
  const unitCsv = units.join("\n");
  const out = {};
  out.unitsDryRun = figure(
    "units 5,000 rows, dry run",
    await upload(admin, baseUrl, "/api/v1/admin/units/import?dryRun=true", unitCsv, "units.csv"),
    200,
    baseUrl,
  );
  out.units = figure(
    "units 5,000 rows, import",
    await upload(admin, baseUrl, "/api/v1/admin/units/import", unitCsv, "units.csv"),
    201,
    baseUrl,
  );

  const users = ["警号,姓名,单位,类别"];
  for (let i = 0; i < ROWS; i++)
    users.push(`B${tag}${String(i).padStart(5, "0")},基准人员${i},B${tag}-S${i % 50},${i % 4 ? "民警" : "辅警"}`);
  const userCsv = users.join("\n");
  out.users = figure(
    "users 5,000 rows, import",
    await upload(admin, baseUrl, "/api/v1/admin/users/import", userCsv, "users.csv"),
    201,
    baseUrl,
  );
  return out;
}
