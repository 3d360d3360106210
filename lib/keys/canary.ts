import "server-only";
import { appKeyRing, blindIndex, checkSeal, decryptField, DecryptionError, encryptField, sealRow, type KeyRing } from "@/lib/crypto";
import { db, type Tx } from "@/lib/db";

// The key canary (issue 14 item 1): one row written with the keys in force when the data was first
// protected. A server start (instrumentation.ts) or a restore with other keys cannot read it and
// refuses to go on with a message that names the secret, instead of answering bare 500s later,
// accepting duplicate ID numbers (a different blind-index key) or calling genuine rows tampered.

export const CANARY_ID = "data-keys";
const CANARY_TEXT = "暖警心 key canary v1";
const PURPOSE = "key-canary";
const ID_PURPOSE = "auxiliary-id-number";

export class KeyCanaryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeyCanaryError";
  }
}

const HINT =
  'Set the keys this data was written with (they are in the .env.local or secret store backed up with the database; README "Keys and backups").';

export function canaryValues(ring: KeyRing = appKeyRing) {
  return {
    cipher: encryptField(CANARY_TEXT, ring),
    blindIndex: blindIndex(PURPOSE, CANARY_TEXT, ring),
    seal: sealRow(PURPOSE, [CANARY_TEXT], ring),
  };
}

function decrypts(stored: string, ring: KeyRing): boolean {
  try {
    decryptField(stored, ring);
    return true;
  } catch (e) {
    if (e instanceof DecryptionError) return false;
    throw e;
  }
}

/**
 * Before a canary exists (data older than it): judge the keys by the newest rows already encrypted.
 * Wrong keys fail every row; a stray damaged value among good ones is not a key problem.
 */
async function checkExistingData(client: Tx, ring: KeyRing, reindexing: boolean): Promise<void> {
  const SAMPLE = 20;
  const [profiles, notes, totps] = await Promise.all([
    client.auxiliaryProfile.findMany({ select: { idNumberEnc: true, idNumberHash: true }, orderBy: { createdAt: "desc" }, take: SAMPLE }),
    client.medicalBooking.findMany({
      where: { noteCipher: { not: null } },
      select: { noteCipher: true },
      orderBy: { createdAt: "desc" },
      take: SAMPLE,
    }),
    client.credential.findMany({
      where: { totpSecretEnc: { not: null } },
      select: { totpSecretEnc: true },
      orderBy: { updatedAt: "desc" },
      take: SAMPLE,
    }),
  ]);
  const stored = [...profiles.map((p) => p.idNumberEnc), ...notes.map((n) => n.noteCipher!), ...totps.map((t) => t.totpSecretEnc!)];
  if (stored.length && !stored.some((v) => decrypts(v, ring)))
    throw new KeyCanaryError(
      `DATA_ENCRYPTION_KEY cannot decrypt the stored data (no key canary yet; none of ${stored.length} encrypted values opened). ${HINT}`,
    );
  const readable = profiles.filter((p) => decrypts(p.idNumberEnc, ring));
  if (
    !reindexing &&
    readable.length &&
    !readable.some((p) => blindIndex(ID_PURPOSE, decryptField(p.idNumberEnc, ring), ring) === p.idNumberHash)
  )
    throw new KeyCanaryError(
      "BLIND_INDEX_KEY is not the key the ID-number blind indexes were computed with. If it is new on purpose (an upgrade from indexes keyed by NEXTAUTH_SECRET, or a rotation), run `npm run db:reencrypt`: it recomputes them.",
    );
}

export type CanaryResult = "OK" | "CREATED";

/**
 * Throws KeyCanaryError (with a message for the operator) unless the configured keys are the ones
 * the stored data was written with. Writes the canary when there is none yet and the existing
 * encrypted rows (if any) agree with the keys. For start-up, restore and the reencrypt command.
 */
export async function checkKeyCanary(
  opts: {
    ring?: KeyRing;
    client?: Tx;
    create?: boolean;
    /** the reencrypt command: it recomputes the blind indexes */ reindexing?: boolean;
  } = {},
): Promise<CanaryResult> {
  const ring = opts.ring ?? appKeyRing;
  const client = opts.client ?? db;
  const canary = await client.keyCanary.findUnique({ where: { id: CANARY_ID } });
  if (!canary) {
    if (opts.create === false) throw new KeyCanaryError("No key canary in this database (it is written at the first start or seed).");
    await checkExistingData(client, ring, !!opts.reindexing);
    await client.keyCanary.createMany({ data: [{ id: CANARY_ID, ...canaryValues(ring) }], skipDuplicates: true });
    // Another instance may have written it first, with other keys: judge the row that is there.
    await checkKeyCanary({ ...opts, create: false });
    return "CREATED";
  }
  if (!decrypts(canary.cipher, ring) || decryptField(canary.cipher, ring) !== CANARY_TEXT)
    throw new KeyCanaryError(`DATA_ENCRYPTION_KEY (and DATA_ENCRYPTION_KEY_PREVIOUS, if set) cannot decrypt the key canary. ${HINT}`);
  if (!opts.reindexing && blindIndex(PURPOSE, CANARY_TEXT, ring) !== canary.blindIndex)
    throw new KeyCanaryError(
      `BLIND_INDEX_KEY is not the key this data was indexed with: duplicate ID numbers would go unnoticed. ${HINT} After changing it on purpose, run \`npm run db:reencrypt\`.`,
    );
  if (checkSeal(PURPOSE, [CANARY_TEXT], canary.seal, ring) !== "OK")
    throw new KeyCanaryError(`DATA_INTEGRITY_KEY is not the key this data was sealed with: every pay line would show as tampered. ${HINT}`);
  return "OK";
}
