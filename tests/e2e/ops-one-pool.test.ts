// One pool per server process (issue 14 item 4) and the least-privilege role (issue 9 item 7),
// seen from PostgreSQL: under concurrent load on pages and API routes (separate Next.js bundles,
// which used to open one pool each) the e2e server holds at most DB_POOL_SIZE (10, the default
// scripts/test.mjs leaves) connections, all as a role that is neither superuser nor owner.
import { BASE_URL, dbQuery, sessionCookie } from "./support";

const POOL = Number(process.env.DB_POOL_SIZE ?? 10);

/** The server's connections: the only ones to this database not made as the owner (the tests). */
async function serverConnections() {
  return dbQuery<{ usename: string; rolsuper: boolean; app: string; n: number }>(
    `SELECT a.usename, r.rolsuper, a.application_name AS app, count(*)::int AS n FROM pg_stat_activity a JOIN pg_roles r ON r.rolname = a.usename
      WHERE a.datname = current_database() AND a.usename <> current_user AND a.backend_type = 'client backend'
        AND a.application_name <> 'jingxin-probe'
      GROUP BY a.usename, r.rolsuper, a.application_name`,
  );
}

test("pages and API routes share one pool of at most DB_POOL_SIZE connections, as the app role", async () => {
  const { name, value } = await sessionCookie("100001");
  const headers = { cookie: `${name}=${value}` };
  const paths = ["/training", "/api/v1/me", "/api/v1/training/sessions", "/", "/notifications", "/api/v1/training/me"];
  // besides the pool: the session cache's one LISTEN connection and pg-boss's own small pool (3)
  const OWN = { "jingxin-session-cache": 1, "jingxin-jobs": 3 } as Record<string, number>;
  let max = 0;
  const maxOwn: Record<string, number> = {};
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const rows = await serverConnections();
      max = Math.max(
        max,
        rows.filter((r) => !(r.app in OWN)).reduce((n, r) => n + r.n, 0),
      );
      for (const r of rows) if (r.app in OWN) maxOwn[r.app] = Math.max(maxOwn[r.app] ?? 0, r.n);
      await new Promise((r) => setTimeout(r, 40));
    }
  })();
  const statuses: Record<string, number> = {};
  for (let round = 0; round < 3; round++) {
    await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const p = paths[i % paths.length]!;
        const res = await fetch(BASE_URL + p, { headers, redirect: "manual" });
        await res.arrayBuffer();
        statuses[`${p} ${res.status}`] = (statuses[`${p} ${res.status}`] ?? 0) + 1;
      }),
    );
  }
  const rows = await serverConnections();
  sampling = false;
  await sampler;
  console.log(`server connections under load: max ${max}; now ${JSON.stringify(rows)}; answers ${JSON.stringify(statuses)}`);
  for (const p of paths) expect(statuses[`${p} 200`]).toBe(30);
  expect(max).toBeGreaterThan(0);
  expect(max).toBeLessThanOrEqual(POOL);
  for (const [app, most] of Object.entries(maxOwn)) expect(most).toBeLessThanOrEqual(OWN[app]!);
  expect(new Set(rows.map((r) => r.usename)).size).toBe(1); // one role
  for (const r of rows) {
    expect(r.rolsuper).toBe(false);
    expect(r.usename).toMatch(/^jingxin_app/);
  }
});
