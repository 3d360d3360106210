import "server-only";
import { assertCan, type Actor } from "@/lib/access";
import { db, type Tx } from "@/lib/db";
import { writeAudit } from "@/lib/audit/log";
import { DAY_MS } from "@/lib/time";

// The audit hash chain is built by the database itself (migration 20261203151558_audit_chain):
// when a transaction commits, each entry it wrote takes the next gap-free `seq` under the lock of
// the one "AuditChain" row and gets `hash` = SHA-256(predecessor's hash ‖ canonical content), via
// the SQL function
// audit_entry_hash(). Verification recomputes every hash through that same function, in one
// statement, so it sees one consistent snapshot while writers go on.

export type ChainProblem = "HASH_MISMATCH" | "SEQUENCE_GAP" | "UNCHAINED" | "HEAD_MISMATCH" | "HEAD_MISSING";
export type ChainReport = {
  ok: boolean;
  /** entries recomputed */
  checked: number;
  /** the first entry (in chain order) whose content, position or predecessor was changed */
  firstBadId: string | null;
  /** what is wrong: an entry's hash or position, or the head (entries removed from the end) */
  problem: ChainProblem | null;
  /** the chain starts after this position (entries up to it were removed by retention) */
  anchorSeq: string;
  lastSeq: string | null;
};

type Row = {
  head_found: boolean;
  checked: bigint;
  bad_id: bigint | null;
  bad_kind: "gap" | "unchained" | "hash" | null;
  head_ok: boolean | null;
  anchor_seq: bigint | null;
  last_seq: bigint | null;
};

/** Recompute the whole chain. System use (the verify command); actors go through verifyAudit. */
export async function unsafeVerifyAuditChain(client: Tx | typeof db = db): Promise<ChainReport> {
  const [r] = await client.$queryRaw<Row[]>`
    WITH head AS (SELECT "lastSeq", "lastHash", "anchorSeq", "anchorHash" FROM "AuditChain" WHERE id = 1),
    c AS (
      SELECT a.id, a.seq, a.hash,
             COALESCE(lag(a.seq) OVER w, h."anchorSeq") + 1 AS want_seq,
             audit_entry_hash(COALESCE(lag(a.hash) OVER w, h."anchorHash"), a) AS want_hash
        FROM "AuditLog" a CROSS JOIN head h
      WINDOW w AS (ORDER BY a.seq)
    ),
    bad AS (
      SELECT id, CASE WHEN seq IS NULL THEN 'unchained' WHEN seq <> want_seq THEN 'gap' ELSE 'hash' END AS kind
        FROM c WHERE seq IS NULL OR seq <> want_seq OR hash IS DISTINCT FROM want_hash ORDER BY seq NULLS LAST LIMIT 1
    ),
    tail AS (SELECT seq, hash FROM c WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1)
    SELECT EXISTS (SELECT 1 FROM head) AS head_found,
           (SELECT count(*) FROM c) AS checked,
           (SELECT id FROM bad) AS bad_id,
           (SELECT kind FROM bad) AS bad_kind,
           (SELECT h."lastSeq" = COALESCE(t.seq, h."anchorSeq") AND h."lastHash" = COALESCE(t.hash, h."anchorHash")
              FROM head h LEFT JOIN tail t ON true) AS head_ok,
           (SELECT "anchorSeq" FROM head) AS anchor_seq,
           (SELECT "lastSeq" FROM head) AS last_seq`;
  const problem: ChainProblem | null = !r!.head_found
    ? "HEAD_MISSING"
    : r!.bad_id !== null
      ? ({ gap: "SEQUENCE_GAP", unchained: "UNCHAINED", hash: "HASH_MISMATCH" } as const)[r!.bad_kind!]
      : r!.head_ok
        ? null
        : "HEAD_MISMATCH";
  return {
    ok: problem === null,
    checked: Number(r!.checked),
    firstBadId: r!.bad_id?.toString() ?? null,
    problem,
    anchorSeq: (r!.anchor_seq ?? 0n).toString(),
    lastSeq: r!.last_seq?.toString() ?? null,
  };
}

/** AUDIT_ADMIN: verify the chain; the verification is itself audited (with its result). */
export async function verifyAudit(actor: Actor): Promise<ChainReport> {
  assertCan(actor, "audit.view");
  const report = await unsafeVerifyAuditChain();
  await writeAudit(db, {
    actor,
    action: "audit.verify",
    outcome: report.ok ? "SUCCESS" : "FAILURE",
    details: { ok: report.ok, checked: report.checked, firstBadId: report.firstBadId, problem: report.problem },
  });
  return report;
}

/**
 * Entries younger than this are never removed. Six calendar months at the longest (网络安全法
 * art. 21) are 184 days; 186 leaves a margin. The database refuses anything under 180 itself.
 */
export const AUDIT_RETENTION_DAYS = 186;

/**
 * Retention (a scheduled job): removes the oldest entries older than AUDIT_RETENTION_DAYS before
 * `now`, as a prefix of the chain, and records the last removed entry as the anchor verification
 * starts from, so the rest still verifies. The database function audit_prune() clamps the cutoff
 * to its own clock minus 180 days, whatever `now` says. Audited as "audit.prune" (system actor).
 */
export async function pruneAuditLog(now: Date = new Date(), client: typeof db = db): Promise<{ deleted: number; cutoff: Date }> {
  const cutoff = new Date(now.getTime() - AUDIT_RETENTION_DAYS * DAY_MS);
  const deleted = await client.$transaction(async (tx) => {
    const [r] = await tx.$queryRaw<{ n: bigint }[]>`SELECT audit_prune(${cutoff}::timestamptz) AS n`;
    const n = Number(r!.n);
    if (n > 0) {
      await writeAudit(tx, {
        actor: null,
        action: "audit.prune",
        details: { deleted: n, cutoff: cutoff.toISOString(), retentionDays: AUDIT_RETENTION_DAYS },
      });
    }
    return n;
  });
  return { deleted, cutoff };
}
