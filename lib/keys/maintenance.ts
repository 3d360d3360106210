import "server-only";
import { appKeyRing, blindIndex, decryptField, DecryptionError, encryptField, isCurrentCipher, type KeyRing } from "@/lib/crypto";
import { db } from "@/lib/db";
import { Prisma as P } from "@/lib/generated/prisma/client";
import { sealCase, sealPayLine } from "@/lib/benefits/integrity";
import { CANARY_ID, canaryValues, checkKeyCanary, KeyCanaryError } from "./canary";

// What the application does to stored data that SQL migrations cannot (they have no key):
// encrypt legacy plaintext columns, seal rows older than the seals (once), and, on command
// (`npm run db:reencrypt`), re-encrypt every encrypted column with the current key and recompute
// the blind indexes. Everything here is idempotent and works in batches.

type Log = (m: string) => void;
const BATCH = 500;

/** Every encrypted column, by table and primary key. One list: the re-encryption walks it. */
const ENCRYPTED_COLUMNS = [
  { table: "AuxiliaryProfile", key: "id", column: "idNumberEnc" },
  { table: "MedicalBooking", key: "id", column: "noteCipher" },
  { table: "MedicalBooking", key: "id", column: "outcomeEnc" },
  { table: "CompensationCase", key: "id", column: "reasonEnc" },
  { table: "Credential", key: "userId", column: "totpSecretEnc" },
  { table: "Credential", key: "userId", column: "totpPendingEnc" },
  { table: "KeyCanary", key: "id", column: "cipher" },
] as const;

// Legacy plaintext columns and their encrypted replacements (issue 9 item 8).
const LEGACY_PLAINTEXT = [
  { table: "CompensationCase", plain: "reason", cipher: "reasonEnc" },
  { table: "MedicalBooking", plain: "outcome", cipher: "outcomeEnc" },
] as const;

const id = (s: string) => P.raw(`"${s}"`);

/** Moves legacy plaintext (case reasons, liver-check outcomes) into their encrypted columns. */
export async function encryptLegacyPlaintext(ring: KeyRing = appKeyRing, log: Log = () => {}): Promise<number> {
  let total = 0;
  for (const c of LEGACY_PLAINTEXT) {
    for (;;) {
      const rows = await db.$queryRaw<{ id: string; plain: string }[]>`
        SELECT id, ${id(c.plain)}::text AS plain FROM ${id(c.table)} WHERE ${id(c.plain)} IS NOT NULL ORDER BY id LIMIT ${BATCH}`;
      if (!rows.length) break;
      for (const r of rows)
        // Guarded by the old value: a concurrent instance doing the same leaves one ciphertext.
        await db.$executeRaw`
          UPDATE ${id(c.table)} SET ${id(c.cipher)} = ${encryptField(r.plain, ring)}, ${id(c.plain)} = NULL
          WHERE id = ${r.id} AND ${id(c.plain)}::text = ${r.plain}`;
      total += rows.length;
    }
  }
  if (total) log(`encrypted ${total} legacy plaintext value(s)`);
  return total;
}

/**
 * Seals pay lines and cases written before the seals existed — once per database (recorded on the
 * key canary), so a row inserted behind the application later stays unsealed, i.e. TAMPERED.
 */
export async function backfillSealsOnce(ring: KeyRing = appKeyRing, log: Log = () => {}): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const [canary] = await tx.$queryRaw<{ done: Date | null }[]>`
        SELECT "sealsBackfilledAt" AS done FROM "KeyCanary" WHERE id = ${CANARY_ID} FOR UPDATE`;
      if (!canary) throw new KeyCanaryError("No key canary: run the key check first.");
      if (canary.done) return 0;
      let n = 0;
      for (let last = ""; ;) {
        const lines = await tx.payLine.findMany({ where: { seal: null, id: { gt: last } }, orderBy: { id: "asc" }, take: BATCH });
        if (!lines.length) break;
        for (const l of lines) await tx.payLine.update({ where: { id: l.id }, data: { seal: sealPayLine(l, ring) } });
        last = lines.at(-1)!.id;
        n += lines.length;
      }
      for (let last = ""; ;) {
        const cases = await tx.compensationCase.findMany({
          where: { seal: null, id: { gt: last } },
          orderBy: { id: "asc" },
          take: BATCH,
          select: { id: true, profileId: true, status: true, amountRequested: true, amountApproved: true },
        });
        if (!cases.length) break;
        for (const c of cases) await tx.compensationCase.update({ where: { id: c.id }, data: { seal: sealCase(c, ring) } });
        last = cases.at(-1)!.id;
        n += cases.length;
      }
      await tx.keyCanary.update({ where: { id: CANARY_ID }, data: { sealsBackfilledAt: new Date() } });
      if (n) log(`sealed ${n} pay line(s) and case(s) written before the seals`);
      return n;
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
}

/** Server start and restore: keys checked against the canary, then the cheap idempotent steps. */
export async function prepareStoredData(opts: { ring?: KeyRing; log?: Log } = {}): Promise<void> {
  const ring = opts.ring ?? appKeyRing;
  await checkKeyCanary({ ring });
  await encryptLegacyPlaintext(ring, opts.log);
  await backfillSealsOnce(ring, opts.log);
}

export type ReencryptReport = {
  reencrypted: Record<string, number>;
  undecryptable: Record<string, number>;
  reindexed: number;
  duplicates: string[];
};

/**
 * Re-encrypts every encrypted column whose value is not written with the current key (v1 rows,
 * v2 rows of DATA_ENCRYPTION_KEY_PREVIOUS), then recomputes the ID-number blind indexes with
 * BLIND_INDEX_KEY. A value no configured key can read is counted, left as it is, and reported.
 */
export async function reencryptAll(opts: { ring?: KeyRing; log?: Log } = {}): Promise<ReencryptReport> {
  const ring = opts.ring ?? appKeyRing;
  const log = opts.log ?? (() => {});
  const report: ReencryptReport = { reencrypted: {}, undecryptable: {}, reindexed: 0, duplicates: [] };
  // The data key must be right before anything is rewritten; the blind-index key is what we fix.
  await checkKeyCanary({ ring, reindexing: true });
  for (const c of ENCRYPTED_COLUMNS) {
    const name = `${c.table}.${c.column}`;
    let done = 0;
    let bad = 0;
    for (let last = ""; ;) {
      const rows = await db.$queryRaw<{ k: string; v: string }[]>`
        SELECT ${id(c.key)} AS k, ${id(c.column)} AS v FROM ${id(c.table)}
        WHERE ${id(c.column)} IS NOT NULL AND ${id(c.key)} > ${last} ORDER BY ${id(c.key)} LIMIT ${BATCH}`;
      if (!rows.length) break;
      last = rows.at(-1)!.k;
      for (const r of rows) {
        if (isCurrentCipher(r.v, ring)) continue;
        let plain: string;
        try {
          plain = decryptField(r.v, ring);
        } catch (e) {
          if (!(e instanceof DecryptionError)) throw e;
          bad++;
          continue;
        }
        await db.$executeRaw`
          UPDATE ${id(c.table)} SET ${id(c.column)} = ${encryptField(plain, ring)} WHERE ${id(c.key)} = ${r.k} AND ${id(c.column)} = ${r.v}`;
        done++;
      }
    }
    report.reencrypted[name] = done;
    if (bad) report.undecryptable[name] = bad;
    log(`${name}: ${done} re-encrypted${bad ? `, ${bad} undecryptable (left as they are)` : ""}`);
  }
  report.reindexed = await reindexBlindIndexes(ring, report);
  log(`blind indexes: ${report.reindexed} recomputed${report.duplicates.length ? `, duplicates: ${report.duplicates.join(", ")}` : ""}`);
  return report;
}

async function reindexBlindIndexes(ring: KeyRing, report: ReencryptReport): Promise<number> {
  let n = 0;
  for (let last = ""; ;) {
    const rows = await db.auxiliaryProfile.findMany({
      where: { id: { gt: last } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, auxNo: true, idNumberEnc: true, idNumberHash: true },
    });
    if (!rows.length) break;
    last = rows.at(-1)!.id;
    for (const r of rows) {
      let plain: string;
      try {
        plain = decryptField(r.idNumberEnc, ring);
      } catch {
        continue; // counted by the re-encryption pass already
      }
      const hash = blindIndex("auxiliary-id-number", plain, ring);
      if (hash === r.idNumberHash) continue;
      try {
        await db.auxiliaryProfile.update({ where: { id: r.id }, data: { idNumberHash: hash } });
        n++;
      } catch (e) {
        // Two profiles with one ID number (registered while the index was keyed differently): HR decides.
        if ((e as { code?: string }).code === "P2002") report.duplicates.push(r.auxNo);
        else throw e;
      }
    }
  }
  const canary = await db.keyCanary.findUnique({ where: { id: CANARY_ID } });
  if (canary) await db.keyCanary.update({ where: { id: CANARY_ID }, data: { blindIndex: canaryValues(ring).blindIndex } });
  return n;
}
