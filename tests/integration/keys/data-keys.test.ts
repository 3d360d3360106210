import { spawn } from "node:child_process";
import { createCipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import path from "node:path";
import {
  appKeyRing,
  blindIndex,
  decryptField,
  decryptForDisplay,
  DecryptionError,
  encryptField,
  makeKeyRing,
  signToken,
  verifyToken,
} from "@/lib/crypto";
import { db } from "@/lib/db";
import { errorResponse } from "@/lib/http/api";
import { CANARY_ID, checkKeyCanary, KeyCanaryError } from "@/lib/keys/canary";
import { reencryptAll } from "@/lib/keys/maintenance";
import { revealIdNumber } from "@/lib/benefits/mutations";
import { createAuxiliaryProfile, randomIdNumber } from "@/tests/factories/benefits";
import { world } from "../benefits/helpers";
import { rejection } from "@/tests/helpers/errors";

const key = () => randomBytes(32).toString("base64");
const app = {
  dataKey: process.env.DATA_ENCRYPTION_KEY!,
  blindIndexKey: process.env.BLIND_INDEX_KEY!,
  integrityKey: process.env.DATA_INTEGRITY_KEY!,
};

/** The first stored format, as rows written before key ids exist. */
function v1(plain: string, b64Key: string) {
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", Buffer.from(b64Key, "base64"), iv);
  const ct = Buffer.concat([c.update(plain, "utf8"), c.final()]);
  return ["v1", iv.toString("base64url"), c.getAuthTag().toString("base64url"), ct.toString("base64url")].join(":");
}

/** Runs fn in a transaction that is always rolled back: canary experiments leave the shared database as it was. */
async function rolledBack(fn: (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) => Promise<void>) {
  const ROLLBACK = new Error("rollback");
  await expect(
    db.$transaction(async (tx) => {
      await fn(tx);
      throw ROLLBACK;
    }),
  ).rejects.toBe(ROLLBACK);
}

describe("field encryption and key rotation", () => {
  test("writes v2 with the current key's id; reads v1 and v2 of the current and the previous key", () => {
    const stored = encryptField("210302199003150012");
    expect(stored).toMatch(new RegExp(`^v2:${appKeyRing.current.id}:`));
    expect(decryptField(stored)).toBe("210302199003150012");
    expect(decryptField(v1("旧格式", app.dataKey))).toBe("旧格式");

    const next = key();
    const rotated = makeKeyRing({ ...app, dataKey: next, previousDataKey: app.dataKey });
    expect(decryptField(stored, rotated)).toBe("210302199003150012"); // v2 of the previous key
    expect(decryptField(v1("旧格式", app.dataKey), rotated)).toBe("旧格式"); // v1 of the previous key
    expect(encryptField("x", rotated)).toMatch(new RegExp(`^v2:${rotated.current.id}:`));
    expect(rotated.current.id).not.toBe(appKeyRing.current.id);
  });

  test("a value no configured key opens is DECRYPTION_FAILED: 500-class, Chinese, no key or value in the answer", async () => {
    const stranger = makeKeyRing({ ...app, dataKey: key() });
    const stored = encryptField("健康备注", stranger);
    let err: unknown;
    try {
      decryptField(stored);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DecryptionError);
    expect(err).toMatchObject({ code: "DECRYPTION_FAILED", status: 500 });
    const res = errorResponse(err);
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.error.code).toBe("DECRYPTION_FAILED");
    expect(body.error.message).toMatch(/无法解密/);
    expect(JSON.stringify(body)).not.toContain(stored.split(":")[2]!);
    expect(JSON.stringify(body)).not.toMatch(/stack|aes|Unsupported state/i);
    expect(decryptForDisplay(stored)).toBe("无法解密");
    expect(() => decryptField("v2:garbage")).toThrow(DecryptionError);
  });

  test("revealing an ID number written with another key answers DECRYPTION_FAILED, not a bare 500", async () => {
    const w = await world();
    const p = await createAuxiliaryProfile({ unitId: w.teamA.id });
    await db.auxiliaryProfile.update({
      where: { id: p.id },
      data: { idNumberEnc: encryptField(randomIdNumber(), makeKeyRing({ ...app, dataKey: key() })) },
    });
    const err = await rejection(revealIdNumber(w.hrA, p.id));
    expect(err).toMatchObject({ code: "DECRYPTION_FAILED", status: 500 });
  });
});

describe("each key from its own secret", () => {
  test("the blind index is keyed by BLIND_INDEX_KEY, not NEXTAUTH_SECRET", () => {
    const id = "210302199003150012";
    const oldWay = createHmac(
      "sha256",
      Buffer.from(hkdfSync("sha256", process.env.NEXTAUTH_SECRET!, "jingxin", "blind-index:auxiliary-id-number", 32)),
    )
      .update(id)
      .digest("base64url");
    expect(blindIndex("auxiliary-id-number", id)).not.toBe(oldWay);
    expect(blindIndex("auxiliary-id-number", id, makeKeyRing({ ...app, blindIndexKey: key() }))).not.toBe(
      blindIndex("auxiliary-id-number", id),
    );
    // a new data key alone leaves the index (and duplicate detection) as it was
    expect(blindIndex("auxiliary-id-number", id, makeKeyRing({ ...app, dataKey: key() }))).toBe(blindIndex("auxiliary-id-number", id));
  });

  test("certificate and QR tokens keep verifying: same derivation from NEXTAUTH_SECRET as before", () => {
    const token = signToken("certificate", { e: "abc" });
    const [body, mac] = token.split(".");
    const before = createHmac("sha256", Buffer.from(hkdfSync("sha256", process.env.NEXTAUTH_SECRET!, "jingxin", "token:certificate", 32)))
      .update(body!)
      .digest("base64url");
    expect(mac).toBe(before);
    expect(verifyToken("certificate", token)).toEqual({ e: "abc" });
  });
});

describe("the key canary", () => {
  test("written once, then every wrong key is named; the previous key during a rotation still passes", async () => {
    await rolledBack(async (tx) => {
      await tx.keyCanary.deleteMany({ where: { id: CANARY_ID } });
      expect(await checkKeyCanary({ client: tx })).toBe("CREATED");
      expect(await checkKeyCanary({ client: tx })).toBe("OK");
      const wrong = async (ring: ReturnType<typeof makeKeyRing>) => {
        try {
          await checkKeyCanary({ client: tx, ring });
        } catch (e) {
          expect(e).toBeInstanceOf(KeyCanaryError);
          return (e as Error).message;
        }
        throw new Error("accepted wrong keys");
      };
      expect(await wrong(makeKeyRing({ ...app, dataKey: key() }))).toMatch(/^DATA_ENCRYPTION_KEY/);
      expect(await wrong(makeKeyRing({ ...app, blindIndexKey: key() }))).toMatch(/^BLIND_INDEX_KEY/);
      expect(await wrong(makeKeyRing({ ...app, integrityKey: key() }))).toMatch(/^DATA_INTEGRITY_KEY/);
      expect(await checkKeyCanary({ client: tx, ring: makeKeyRing({ ...app, dataKey: key(), previousDataKey: app.dataKey }) })).toBe("OK");
    });
  });

  test("with no canary yet (data older than it), keys that open none of the stored values are refused and none is written", async () => {
    const w = await world();
    await createAuxiliaryProfile({ unitId: w.teamA.id });
    await rolledBack(async (tx) => {
      await tx.keyCanary.deleteMany({ where: { id: CANARY_ID } });
      await expect(checkKeyCanary({ client: tx, ring: makeKeyRing({ ...app, dataKey: key() }) })).rejects.toThrow(
        /DATA_ENCRYPTION_KEY cannot decrypt/,
      );
      await expect(checkKeyCanary({ client: tx, ring: makeKeyRing({ ...app, blindIndexKey: key() }) })).rejects.toThrow(/BLIND_INDEX_KEY/);
      expect(await tx.keyCanary.count()).toBe(0);
    });
  });

  test("a server process started with another DATA_ENCRYPTION_KEY refuses to start, naming the key", async () => {
    await checkKeyCanary(); // the shared test database has its canary from here on
    const run = (env: Record<string, string>) =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        const root = path.resolve(__dirname, "../../..");
        const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(__dirname, "start-worker.ts")], {
          cwd: root,
          env: { ...process.env, ...env, DB_POOL_SIZE: "2", NODE_OPTIONS: "--conditions=react-server" },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let out = "";
        let err = "";
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (err += d));
        child.on("exit", (code) => resolve({ code, out, err }));
      });
    const [bad, good] = await Promise.all([run({ DATA_ENCRYPTION_KEY: key() }), run({})]);
    expect(bad.code).toBe(78);
    expect(bad.err).toContain("JingXin refuses to start: DATA_ENCRYPTION_KEY");
    expect(bad.out).not.toContain("started");
    expect(good.code).toBe(0);
    expect(good.out).toContain("started");
  });
});

describe("npm run db:reencrypt", () => {
  test("re-encrypts v1 and previous-key rows with the current key and recomputes stale blind indexes", async () => {
    const w = await world();
    const old = key();
    const idA = randomIdNumber();
    const idB = randomIdNumber();
    const a = await createAuxiliaryProfile({ unitId: w.teamA.id, idNumber: idA });
    const b = await createAuxiliaryProfile({ unitId: w.teamA.id, idNumber: idB });
    // a: the first format under the old key; b: v2 of the old key with an index keyed the old way
    await db.auxiliaryProfile.update({ where: { id: a.id }, data: { idNumberEnc: v1(idA, old) } });
    await db.auxiliaryProfile.update({
      where: { id: b.id },
      data: { idNumberEnc: encryptField(idB, makeKeyRing({ ...app, dataKey: old })), idNumberHash: `stale-${b.id}` },
    });
    // rotation: the app key is current, the old one previous. Rows of other tests are current already.
    const ring = makeKeyRing({ ...app, previousDataKey: old });
    const report = await reencryptAll({ ring });
    expect(report.reencrypted["AuxiliaryProfile.idNumberEnc"]).toBeGreaterThanOrEqual(2);
    const after = await db.auxiliaryProfile.findMany({ where: { id: { in: [a.id, b.id] } }, orderBy: { auxNo: "asc" } });
    for (const p of after) {
      expect(p.idNumberEnc).toMatch(new RegExp(`^v2:${appKeyRing.current.id}:`));
      expect(decryptField(p.idNumberEnc)).toBe(p.id === a.id ? idA : idB); // readable without the old key
    }
    expect(after.find((p) => p.id === b.id)!.idNumberHash).toBe(blindIndex("auxiliary-id-number", idB));
    // idempotent: a second run has nothing of ours left to do
    const again = await reencryptAll({ ring });
    const mine = await db.auxiliaryProfile.findMany({ where: { id: { in: [a.id, b.id] } }, select: { idNumberEnc: true } });
    expect(mine.map((m) => m.idNumberEnc).sort()).toEqual(after.map((m) => m.idNumberEnc).sort());
    expect(again.duplicates).toEqual([]);
  });
});
