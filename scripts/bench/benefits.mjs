// 辅警保障 scenarios for `npm run bench` (harness: scripts/bench.mjs), over `npm run seed:large`.
// roster         — HR's roster API, random pages and filters (target p95 < 150 ms)
// rosterPage     — the /benefits roster page (HTML)
// profile        — a profile page with its timeline
// payImport      — one 10,000-row pay sheet (CSV) imported all-or-nothing: time and server peak RSS
// payExport      — the streamed CSV export of every pay line: time, bytes and server peak RSS
import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** The server's peak and current RSS (MiB), from /proc of the process listening on the port. */
function serverMemory(baseUrl) {
  try {
    const port = new URL(baseUrl).port;
    const out = execSync(`ss -ltnpH 'sport = :${port}'`, { encoding: "utf8" });
    const pid = /pid=(\d+)/.exec(out)?.[1];
    if (!pid) return null;
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { peakMiB: Math.round(kb("VmHWM") / 1024), rssMiB: Math.round(kb("VmRSS") / 1024) };
  } catch {
    return null;
  }
}

export async function run(ctx) {
  const { signIn, load, pgQuery, baseUrl } = ctx;
  const hr = await signIn("020001");
  const hrs = [hr];
  for (let i = 1; i < Math.min(8, ctx.CLIENTS ?? 8); i++) hrs.push(await signIn("020001"));
  const profileIds = (await pgQuery(`SELECT id FROM "AuxiliaryProfile" ORDER BY id LIMIT 1000`)).rows.map((r) => r.id);
  const out = {};
  const pick = (i, arr) => arr[i % arr.length];
  const sorts = ["auxNo", "name", "level", "hireDate", "unit"];
  out.roster = await load("GET roster API (HR, filters)", {
    clients: hrs,
    requests: (c, i) => ({
      path: `/api/v1/benefits/auxiliaries?page=${1 + (i % 40)}&pageSize=20&sort=${pick(i, sorts)}${i % 3 === 0 ? `&level=${1 + (i % 6)}` : ""}${i % 5 === 0 ? "&q=辅警1" : ""}`,
    }),
  });
  out.rosterPage = await load("GET /benefits page", { clients: hrs, requests: (c, i) => ({ path: `/benefits?page=${1 + (i % 40)}` }) });
  out.profile = await load("GET profile page (timeline)", {
    clients: hrs,
    requests: (c, i) => ({ path: `/benefits/${pick(i * 7, profileIds)}` }),
  });

  // 10,000 distinct people for one sheet: the seeded 1,000 plus bare profiles made here once
  const root = (await pgQuery(`SELECT id FROM "Unit" WHERE code = 'QS'`)).rows[0].id;
  await pgQuery(
    `INSERT INTO "AuxiliaryProfile" (id, "auxNo", name, "idNumberEnc", "idNumberHash", "idNumberMasked", gender, "birthYear", "unitId", post, "hireDate", level, "levelSince", "updatedAt")
    SELECT 'bap' || g, 'Y' || lpad(g::text, 6, '0'), '压测' || g, 'x', 'bench-' || g, '2103**********0000', 'MALE', 1990, $1, 'DUTY', '2020-01-01', 1, '2020-01-01', now()
    FROM generate_series(1, 10000) g ON CONFLICT DO NOTHING`,
    [root],
  );
  const auxNos = (await pgQuery(`SELECT "auxNo" FROM "AuxiliaryProfile" WHERE "auxNo" LIKE 'Y%' ORDER BY "auxNo" LIMIT 10000`)).rows.map(
    (r) => r.auxNo,
  );
  const header = "辅警编号,基本工资,层级津贴,工龄津贴,绩效,社会保险,住房公积金,其他扣款,实发";
  const csv = [
    header,
    ...auxNos.map((n, i) => {
      const perf = (800 + (i % 300)).toFixed(2);
      const net = (3000.1 + 500.1 + 200.1 + Number(perf) - 300 - 200 - 50).toFixed(2);
      return `${n},3000.10,500.10,200.10,${perf},300,200,50,${net}`;
    }),
  ].join("\n");
  const month = `${2300 + Math.floor(Math.random() * 600)}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, "0")}`;
  const fd = new FormData();
  fd.set("file", new Blob([csv], { type: "text/csv" }), "bench.csv");
  fd.set("month", month);
  const memBefore = serverMemory(baseUrl);
  let t = performance.now();
  const res = await fetch(`${baseUrl}/api/v1/benefits/pay-imports`, {
    method: "POST",
    body: fd,
    headers: { origin: baseUrl, cookie: [...hr.jar].map(([k, v]) => `${k}=${v}`).join("; ") },
  });
  const importMs = performance.now() - t;
  const body = await res.json().catch(() => null);
  const memAfterImport = serverMemory(baseUrl);
  console.log(
    `  pay import 10,000 rows               ${res.status} ${JSON.stringify(body).slice(0, 60)} in ${importMs.toFixed(0)} ms; server RSS ${memBefore?.rssMiB}→${memAfterImport?.rssMiB} MiB, peak ${memAfterImport?.peakMiB} MiB`,
  );
  out.payImport = {
    requests: 1,
    errors: res.status === 201 ? 0 : 1,
    rps: +(1000 / importMs).toFixed(3),
    median: +importMs.toFixed(1),
    p95: +importMs.toFixed(1),
    p99: +importMs.toFixed(1),
    rows: auxNos.length,
    peakRssMiB: memAfterImport?.peakMiB ?? null,
  };

  const lines = Number((await pgQuery(`SELECT count(*) AS n FROM "PayLine"`)).rows[0].n);
  t = performance.now();
  const exp = await fetch(`${baseUrl}/api/v1/benefits/exports/pay-lines`, {
    headers: { cookie: [...hr.jar].map(([k, v]) => `${k}=${v}`).join("; ") },
  });
  let bytes = 0;
  for await (const chunk of exp.body) bytes += chunk.length;
  const exportMs = performance.now() - t;
  const memAfterExport = serverMemory(baseUrl);
  console.log(
    `  streamed export of ${lines} pay lines   ${exp.status} ${(bytes / 2 ** 20).toFixed(1)} MiB in ${exportMs.toFixed(0)} ms; server RSS ${memAfterExport?.rssMiB} MiB, peak ${memAfterExport?.peakMiB} MiB`,
  );
  out.payExport = {
    requests: 1,
    errors: exp.status === 200 ? 0 : 1,
    rps: +(1000 / exportMs).toFixed(3),
    median: +exportMs.toFixed(1),
    p95: +exportMs.toFixed(1),
    p99: +exportMs.toFixed(1),
    lines,
    bytes,
    peakRssMiB: memAfterExport?.peakMiB ?? null,
  };
  return out;
}
