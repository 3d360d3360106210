// Issue 14 item 5: the audit page's cost must not grow with the log. 200,000 entries (about 200
// days) written through the chain trigger, then the page and count queries the app runs
// (auditPageSql / auditCountSql, the very SQL searchAudit sends) are EXPLAIN ANALYZEd. Numbers
// are printed for the record; the assertions are on the plans (index access, pages touched),
// which do not depend on how busy the machine is.
import { Prisma } from "@/lib/generated/prisma/client";
import { auditCountSql, auditPageSql, auditQuerySchema } from "@/lib/audit/queries";
import { unsafeVerifyAuditChain } from "@/lib/audit/chain";
import { scratchDatabase, type Scratch } from "./scratch";

jest.setTimeout(600_000);

const ROWS = 200_000;
const BATCH = 1000;
const ACTIONS = [
  "auth.sign_in",
  "auth.sign_out",
  "training.enrollment.create",
  "medical.booking.create",
  "benefits.pay.read",
  "leave.request.create",
];
let s: Scratch;
const timings: string[] = [];

function insertSql(table: string, from: number, to: number, withSeq: boolean) {
  return `INSERT INTO "${table}" (${withSeq ? "seq, hash, " : ""}at, "actorId", "actorBadgeNo", "actorName", "actorRoles", action, "targetType", target, ip, outcome, "requestId", details)
    SELECT ${withSeq ? "g, md5(g::text), " : ""}now() - (${ROWS} - g) * interval '86 seconds', 'u' || (g % 500), (100000 + g % 500)::text, '民警' || (g % 500), ARRAY['OFFICER'],
      CASE WHEN g % 997 = 0 THEN 'access.denied' ELSE (ARRAY['${ACTIONS.join("','")}'])[1 + g % ${ACTIONS.length}] END,
      'Thing', 't' || g, '10.0.' || (g % 250) || '.1',
      (CASE WHEN g % 997 = 0 THEN 'DENIED' WHEN g % 20 = 0 THEN 'FAILURE' ELSE 'SUCCESS' END)::"AuditOutcome",
      md5(g::text), jsonb_build_object('g', g)
    FROM generate_series(${from}, ${to}) g`;
}

beforeAll(async () => {
  s = await scratchDatabase("audit_scale");
  // baseline: the same rows into a copy of the table with its indexes but without the chain trigger
  await s.client.$executeRawUnsafe(`CREATE TABLE "AuditLogBaseline" (LIKE "AuditLog" INCLUDING ALL)`);
  let t = Date.now();
  for (let g = 1; g <= 20_000; g += BATCH) await s.client.$executeRawUnsafe(insertSql("AuditLogBaseline", g, g + BATCH - 1, true));
  const baseMs = Date.now() - t;
  t = Date.now();
  for (let g = 1; g <= ROWS; g += BATCH) await s.client.$executeRawUnsafe(insertSql("AuditLog", g, g + BATCH - 1, false));
  const chainMs = Date.now() - t;
  // each entry is written, then sealed with seq and hash at commit: as autovacuum would, clear the first versions
  await s.client.$executeRawUnsafe(`VACUUM (ANALYZE) "AuditLog"`);
  timings.push(
    `insert, batches of ${BATCH}: with the chain trigger ${ROWS} rows in ${chainMs} ms (${Math.round(chainMs / (ROWS / 1000))} ms per 1000); ` +
      `without (same table and indexes) 20000 rows in ${baseMs} ms (${Math.round(baseMs / 20)} ms per 1000)`,
  );
});
afterAll(async () => {
  if (timings.length) console.log(`audit log at ${ROWS} rows:\n  ${timings.join("\n  ")}`);
  await s?.drop();
});

type Plan = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: Plan[];
  "Shared Hit Blocks": number;
  "Shared Read Blocks": number;
};
async function explain(sql: Prisma.Sql) {
  const [r] = await s.client.$queryRawUnsafe<{ "QUERY PLAN": [{ Plan: Plan; "Execution Time": number }] }[]>(
    `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql.text}`,
    ...sql.values,
  );
  const top = r!["QUERY PLAN"][0];
  const nodes: Plan[] = [];
  const walk = (p: Plan) => (nodes.push(p), p.Plans?.forEach(walk));
  walk(top.Plan);
  const blocks = top.Plan["Shared Hit Blocks"] + top.Plan["Shared Read Blocks"];
  return { ms: top["Execution Time"], blocks, nodes };
}
const q = (input: Record<string, unknown>) => auditQuerySchema.parse(input);
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();

// the time of entry g, as seeded (a keyset position needs one)
const oldAt = (g: number) => Date.now() - (ROWS - g) * 86_000;

const CASES: [string, Record<string, unknown>][] = [
  ["newest page, no filter", {}],
  ["actor", { actor: "100123" }],
  ["action prefix (1 in 6)", { action: "benefits." }],
  ["rare action prefix (1 in 997)", { action: "access." }],
  ["outcome DENIED (rare)", { outcome: "DENIED" }],
  ["one day, 100 days ago", { from: day(101), to: day(100) }],
  ["30 days ending 150 days ago", { from: day(180), to: day(150) }],
  ["actor and 30 days", { actor: "100123", from: day(60), to: day(30) }],
  ["keyset page near the oldest entry", { cursor: `${oldAt(1500)}_1500` }],
  ["actor, deep keyset page", { actor: "100123", cursor: `${oldAt(5000)}_5000` }],
];

test.each(CASES)("page query stays cheap at 200k rows: %s", async (label, input) => {
  const query = q({ ...input, pageSize: 20 });
  const page = await explain(auditPageSql(query));
  const count = await explain(auditCountSql(query));
  timings.push(
    `${label}: page ${page.ms.toFixed(2)} ms / ${page.blocks} pages; capped count ${count.ms.toFixed(2)} ms / ${count.blocks} pages`,
  );
  // the page reads an index in its order (a count capped at 1,001 rows may scan, and stops early)
  expect(page.nodes.filter((n) => n["Node Type"] === "Seq Scan").map((n) => n["Relation Name"])).toEqual([]);
  // a 20-row page and a count capped at 1,001 entries read a bounded number of pages, not the table (≈ 4,000 pages)
  expect(page.blocks).toBeLessThan(1500);
  expect(count.blocks).toBeLessThan(1500);
});

test("for comparison: the exact count and a deep OFFSET page the audit page used to run", async () => {
  const exact = await explain(Prisma.sql`SELECT count(*) FROM "AuditLog"`);
  const offset = await explain(Prisma.sql`SELECT * FROM "AuditLog" ORDER BY id DESC LIMIT 20 OFFSET 150000`);
  const [size] = await s.client.$queryRaw<{ pages: number }[]>`SELECT relpages AS pages FROM pg_class WHERE relname = 'AuditLog'`;
  timings.push(
    `(old) exact count ${exact.ms.toFixed(2)} ms / ${exact.blocks} pages; OFFSET 150000 page ${offset.ms.toFixed(2)} ms / ${offset.blocks} pages; table ${size!.pages} pages`,
  );
  expect(exact.blocks).toBeGreaterThan(200);
});

test("verifying the whole chain of 200k entries", async () => {
  const t = Date.now();
  const report = await unsafeVerifyAuditChain(s.client);
  timings.push(`verify: ${report.checked} entries in ${Date.now() - t} ms`);
  expect(report).toMatchObject({ ok: true, checked: ROWS });
});
