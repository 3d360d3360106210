// One pool per server process (issue 14 item 4) and the least-privilege role (issue 9 item 7),
// seen from PostgreSQL: under concurrent load on pages and API routes (separate Next.js bundles,
// which used to open one pool each) the e2e server holds at most DB_POOL_SIZE (10, the default
// scripts/test.mjs leaves) connections, all as a role that is neither superuser nor owner.
import { BASE_URL, dbQuery, sessionCookie } from "./support";

const POOL = Number(process.env.DB_POOL_SIZE ?? 10);

/** The server's connections: the only ones to this database not made as the owner (the tests). */
async function serverConnections() {
  return dbQuery<{ usename: string; rolsuper: boolean; n: number }>(
    `SELECT a.usename, r.rolsuper, count(*)::int AS n FROM pg_stat_activity a JOIN pg_roles r ON r.rolname = a.usename
      WHERE a.datname = current_database() AND a.usename <> current_user AND a.backend_type = 'client backend'
        AND a.application_name <> 'jingxin-probe'
      GROUP BY a.usename, r.rolsuper`,
  );
}

test("pages and API routes share one pool of at most DB_POOL_SIZE connections, as the app role", async () => {
  const { name, value } = await sessionCookie("100001");
  const headers = { cookie: `${name}=${value}` };
  const paths = ["/training", "/api/v1/me", "/api/v1/training/sessions", "/", "/notifications", "/api/v1/training/me"];
  let max = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const rows = await serverConnections();
      max = Math.max(
        max,
        rows.reduce((n, r) => n + r.n, 0),
      );
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
  expect(rows.length).toBe(1); // one role
  expect(rows[0]!.rolsuper).toBe(false);
  expect(rows[0]!.usename).toMatch(/^jingxin_app/);
});
