// The audit log proves itself (issue 9 item 6): a hash chain the database builds, that finds a
// changed, reordered or removed entry, holds under writers in two processes, and survives
// retention. Runs in a scratch database of its own (scratch.ts).
import { spawn } from "node:child_process";
import path from "node:path";
import { writeAudit } from "@/lib/audit/log";
import { pruneAuditLog, unsafeVerifyAuditChain } from "@/lib/audit/chain";
import { scratchDatabase, type Scratch } from "./scratch";

jest.setTimeout(180_000);

let s: Scratch;
const DAY = 86_400_000;
const actor = { id: "u-audit-test", badgeNo: "900001", name: "审计测试", roles: ["OFFICER" as const], ip: "10.0.0.9", requestId: "req-1" };

beforeAll(async () => {
  s = await scratchDatabase("audit_chain");
});
afterAll(async () => {
  await s?.drop();
});

const verify = () => unsafeVerifyAuditChain(s.client);
const write = (action: string, extra: Record<string, unknown> = {}) => writeAudit(s.client, { actor, action, ...extra });
const rows = () => s.client.auditLog.findMany({ orderBy: { seq: "asc" }, select: { id: true, seq: true, at: true, action: true } });

/** Change the log as someone holding superuser rights would: with the triggers switched off. */
async function asSuperuser(sql: string, ...values: unknown[]) {
  await s.client.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
    await tx.$executeRawUnsafe(sql, ...values);
  });
}
async function snapshot(id: bigint): Promise<string> {
  const [r] = await s.client.$queryRawUnsafe<{ j: string }[]>(`SELECT row_to_json(a)::text AS j FROM "AuditLog" a WHERE id = $1`, id);
  return r!.j;
}
const restore = (json: string) =>
  asSuperuser(`INSERT INTO "AuditLog" SELECT * FROM json_populate_record(NULL::"AuditLog", $1::json)`, json);

describe("retention", () => {
  // first in this file: the old entries must be the start of the chain, as they would be in life
  test("pruneAuditLog removes the old prefix only, never an entry younger than 180 days, and the rest still verifies", async () => {
    const now = new Date();
    for (let i = 0; i < 6; i++) await write("test.old", { details: { i } });
    // backdate the six as if written 400 days ago: rewrite their times and re-chain, as superuser
    await asSuperuser(`UPDATE "AuditLog" SET at = at - interval '400 days' WHERE action = 'test.old'`);
    await s.client.$executeRawUnsafe(`
      DO $$ DECLARE r "AuditLog"%ROWTYPE; prev text := repeat('0', 64); BEGIN
        SET LOCAL session_replication_role = replica;
        FOR r IN SELECT * FROM "AuditLog" ORDER BY seq LOOP
          prev := audit_entry_hash(prev, r); UPDATE "AuditLog" SET hash = prev WHERE id = r.id;
        END LOOP;
        UPDATE "AuditChain" SET "lastHash" = prev WHERE id = 1;
      END $$`);
    expect((await verify()).ok).toBe(true);
    for (let i = 0; i < 3; i++) await write("test.young", { at: new Date(now.getTime() - 179 * DAY), details: { i } });
    await write("test.old_after_young", { at: new Date(now.getTime() - 300 * DAY) }); // old, but after young ones

    // whatever "now" the caller passes, the database keeps 180 days by its own clock
    expect((await pruneAuditLog(new Date(now.getTime() + 3650 * DAY), s.client)).deleted).toBe(6);
    const left = await rows();
    expect(left.map((r) => r.action)).toEqual(["test.young", "test.young", "test.young", "test.old_after_young", "audit.prune"]);
    const report = await verify();
    expect(report).toMatchObject({ ok: true, checked: 5, anchorSeq: "6", firstBadId: null });

    // nothing more is old enough at the head of the chain: a second run removes nothing
    expect((await pruneAuditLog(now, s.client)).deleted).toBe(0);
    expect(await s.client.auditLog.count()).toBe(5);
  });

  test("outside audit_prune() even an old entry cannot be deleted, and no entry can be updated", async () => {
    const old = (await rows()).find((r) => r.action === "test.old_after_young")!;
    await expect(s.client.$executeRawUnsafe(`DELETE FROM "AuditLog" WHERE id = $1`, old.id)).rejects.toThrow(/append-only/);
    await expect(s.client.$executeRawUnsafe(`UPDATE "AuditLog" SET action = 'x' WHERE id = $1`, old.id)).rejects.toThrow(/append-only/);
    // the prune marker alone does not let a young entry go
    const young = (await rows()).find((r) => r.action === "test.young")!;
    await expect(
      s.client.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SELECT set_config('jingxin.audit_prune', 'on', true)`);
        await tx.$executeRawUnsafe(`DELETE FROM "AuditLog" WHERE id = $1`, young.id);
      }),
    ).rejects.toThrow(/append-only/);
    expect((await verify()).ok).toBe(true);
  });
});

describe("hash chain", () => {
  beforeAll(async () => {
    for (let i = 0; i < 8; i++) await write("test.chain", { target: `t${i}`, details: { i, nested: { b: 2, a: [1, "二"] } } });
  });

  test("seq is gap-free even when an entry rolls back, and the app cannot choose seq or hash", async () => {
    await expect(
      s.client.$transaction(async (tx) => {
        await writeAudit(tx, { actor, action: "test.rolled_back" });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    await s.client.auditLog.create({ data: { action: "test.forged", outcome: "SUCCESS", seq: 999_999, hash: "f".repeat(64) } });
    const all = await rows();
    const seqs = all.map((r) => Number(r.seq));
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    expect(all.some((r) => r.action === "test.rolled_back")).toBe(false);
    const forged = await s.client.auditLog.findFirstOrThrow({ where: { action: "test.forged" } });
    expect(forged.seq).toBe(all[all.length - 1]!.seq);
    expect(forged.hash).not.toBe("f".repeat(64));
    const report = await verify();
    expect(report).toMatchObject({ ok: true, firstBadId: null, problem: null, checked: all.length });
  });

  test("entries carry the actor's roles and the request id, and times are stored with time zone", async () => {
    const e = await s.client.auditLog.findFirstOrThrow({ where: { action: "test.chain" } });
    expect(e).toMatchObject({ actorRoles: ["OFFICER"], requestId: "req-1", ip: "10.0.0.9" });
    const [col] = await s.client.$queryRaw<{ t: string }[]>`
      SELECT data_type AS t FROM information_schema.columns WHERE table_name = 'AuditLog' AND column_name = 'at'`;
    expect(col!.t).toBe("timestamp with time zone");
  });

  test("a changed entry is found: firstBadId names it", async () => {
    const target = (await rows()).filter((r) => r.action === "test.chain")[3]!;
    const before = await snapshot(target.id);
    await asSuperuser(`UPDATE "AuditLog" SET details = jsonb_set(details, '{i}', '99') WHERE id = $1`, target.id);
    expect(await verify()).toMatchObject({ ok: false, firstBadId: target.id.toString(), problem: "HASH_MISMATCH" });
    // and a change of the actor's name alone, the time alone
    await asSuperuser(`DELETE FROM "AuditLog" WHERE id = $1`, target.id);
    await restore(before);
    expect((await verify()).ok).toBe(true);
    await asSuperuser(`UPDATE "AuditLog" SET at = at + interval '1 millisecond' WHERE id = $1`, target.id);
    expect(await verify()).toMatchObject({ ok: false, firstBadId: target.id.toString() });
    await asSuperuser(`DELETE FROM "AuditLog" WHERE id = $1`, target.id);
    await restore(before);
    expect((await verify()).ok).toBe(true);
  });

  test("two entries swapped in order are found: firstBadId names the one moved up", async () => {
    const chain = (await rows()).filter((r) => r.action === "test.chain");
    const [a, b] = [chain[4]!, chain[5]!];
    const swap = async () => {
      await asSuperuser(`UPDATE "AuditLog" SET seq = -1 WHERE id = $1`, a.id);
      await asSuperuser(`UPDATE "AuditLog" SET seq = $2 WHERE id = $1`, b.id, a.seq);
      await asSuperuser(`UPDATE "AuditLog" SET seq = $2 WHERE id = $1`, a.id, b.seq);
    };
    await swap();
    expect(await verify()).toMatchObject({ ok: false, firstBadId: b.id.toString(), problem: "HASH_MISMATCH" });
    // swap back: a, b are each other's now
    [a.seq, b.seq] = [b.seq, a.seq];
    await swap();
    expect((await verify()).ok).toBe(true);
  });

  test("a deleted entry is found: firstBadId names its successor", async () => {
    const chain = (await rows()).filter((r) => r.action === "test.chain");
    const [gone, next] = [chain[2]!, chain[3]!];
    const saved = await snapshot(gone.id);
    await asSuperuser(`DELETE FROM "AuditLog" WHERE id = $1`, gone.id);
    expect(await verify()).toMatchObject({ ok: false, firstBadId: next.id.toString(), problem: "SEQUENCE_GAP" });
    await restore(saved);
    expect((await verify()).ok).toBe(true);
  });

  test("an entry slipped in with the triggers off (no seq, no hash) is found", async () => {
    await asSuperuser(`INSERT INTO "AuditLog" (action, outcome) VALUES ('test.unchained', 'SUCCESS')`);
    const slipped = await s.client.auditLog.findFirstOrThrow({ where: { action: "test.unchained" } });
    expect(await verify()).toMatchObject({ ok: false, firstBadId: slipped.id.toString(), problem: "UNCHAINED" });
    await asSuperuser(`DELETE FROM "AuditLog" WHERE id = $1`, slipped.id);
    expect((await verify()).ok).toBe(true);
  });

  test("a transaction that audits early and commits late does not hold up other writers; the chain follows commit order", async () => {
    const long = s.client.$transaction(
      async (tx) => {
        await writeAudit(tx, { actor, action: "test.long" });
        await new Promise((r) => setTimeout(r, 3000)); // e.g. a 5,000-line pay import after its audit entry
      },
      { timeout: 20_000 },
    );
    await new Promise((r) => setTimeout(r, 300));
    const t = Date.now();
    await write("test.meanwhile");
    const waited = Date.now() - t;
    await long;
    expect(waited).toBeLessThan(1500);
    const [meanwhile, late] = await Promise.all(
      ["test.meanwhile", "test.long"].map((action) => s.client.auditLog.findFirstOrThrow({ where: { action } })),
    );
    expect(meanwhile!.seq! < late!.seq!).toBe(true);
    expect((await verify()).ok).toBe(true);
  });

  test("the newest entry deleted is found by the chain head", async () => {
    const all = await rows();
    const last = all[all.length - 1]!;
    const saved = await snapshot(last.id);
    await asSuperuser(`DELETE FROM "AuditLog" WHERE id = $1`, last.id);
    expect(await verify()).toMatchObject({ ok: false, firstBadId: null, problem: "HEAD_MISMATCH" });
    await restore(saved);
    expect((await verify()).ok).toBe(true);
  });
});

function worker(label: string, count: number): Promise<{ ms: number }> {
  return new Promise((resolve, reject) => {
    const root = path.resolve(__dirname, "../../..");
    const child = spawn(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(__dirname, "write-worker.ts"), label, String(count)],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: s.url, DB_POOL_SIZE: "8", NODE_OPTIONS: "--conditions=react-server" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`worker exited ${code}: ${err}`))));
  });
}

test("writers in two OS processes and this one at once: every entry chained, seq gap-free, chain valid", async () => {
  const before = await s.client.auditLog.count();
  const started = Date.now();
  const mine = (async () => {
    for (let i = 0; i < 100; i++) await write("test.concurrent", { target: `main-${i}` });
  })();
  const [a, b] = await Promise.all([worker("A", 300), worker("B", 300), mine]);
  const ms = Date.now() - started;
  const all = await rows();
  expect(all.length - before).toBe(700);
  const seqs = all.map((r) => Number(r.seq));
  expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
  expect(new Set(all.filter((r) => r.action === "test.concurrent").map((r) => r.id)).size).toBe(700);
  const t0 = Date.now();
  const report = await verify();
  expect(report).toMatchObject({ ok: true, checked: all.length });
  console.log(
    `audit chain under 3 concurrent writers (2 processes × 8 lanes + 1): 700 entries in ${ms} ms ` +
      `(${Math.round(700 / (ms / 1000))}/s; worker A ${a!.ms} ms, B ${b!.ms} ms); verify of ${all.length} entries ${Date.now() - t0} ms`,
  );
});
