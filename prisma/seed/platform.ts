import { encryptField } from "@/lib/crypto";
import { createUnit, createUser, DEMO_PASSWORD } from "@/tests/factories";
import type { SeedContext, SeedUnit, SeedUser } from "./context";
import { DEMO_TOTP_SECRET, demoAccounts, demoMfaAccounts } from "./demo-accounts";

// The branch as the article describes it: 千山分局 with its 派出所, 大队 and 警务团队.
export const DEMO_UNITS: { code: string; name: string; kind: "BUREAU" | "STATION" | "BRIGADE" | "TEAM"; parent?: string }[] = [
  { code: "QS", name: "千山分局", kind: "BUREAU" },
  { code: "QS-TGZ", name: "汤岗子派出所", kind: "STATION", parent: "QS" },
  { code: "QS-DT", name: "大屯派出所", kind: "STATION", parent: "QS" },
  { code: "QS-QDS", name: "齐大山派出所", kind: "STATION", parent: "QS" },
  { code: "QS-DAS", name: "东鞍山派出所", kind: "STATION", parent: "QS" },
  { code: "QS-NY", name: "宁远派出所", kind: "STATION", parent: "QS" },
  { code: "QS-XZ", name: "刑事侦查大队", kind: "BRIGADE", parent: "QS" },
  { code: "QS-ZA", name: "治安管理大队", kind: "BRIGADE", parent: "QS" },
  { code: "QS-TGZ-SQ", name: "汤岗子社区警务队", kind: "TEAM", parent: "QS-TGZ" },
  { code: "QS-DT-AJ", name: "大屯案件办理队", kind: "TEAM", parent: "QS-DT" },
];

/** Read, else create; a concurrent seed that created it first wins (unique violation → read again). */
async function findOrCreate<T>(find: () => Promise<T | null>, create: () => Promise<T>): Promise<[T, boolean]> {
  const existing = await find();
  if (existing) return [existing, false];
  try {
    return [await create(), true];
  } catch (e) {
    if ((e as { code?: string }).code !== "P2002") throw e;
    const again = await find();
    if (!again) throw e;
    return [again, false];
  }
}

/** Units and the accounts of API.md. Existing rows are left as they are (idempotent). */
export async function seedPlatform(ctx: Omit<SeedContext, "units" | "users">) {
  const { db } = ctx;
  const units: Record<string, SeedUnit> = {};
  for (const [i, u] of DEMO_UNITS.entries()) {
    [units[u.code]] = await findOrCreate(
      () => db.unit.findUnique({ where: { code: u.code } }),
      () => createUnit({ code: u.code, name: u.name, kind: u.kind, parentId: u.parent ? units[u.parent]!.id : null, sortOrder: i }, db),
    );
  }
  await db.securityPolicy.createMany({ data: [{ id: 1 }], skipDuplicates: true });
  const users: Record<string, SeedUser> = {};
  let created = 0;
  for (const a of demoAccounts()) {
    const [user, isNew] = await findOrCreate(
      () => db.user.findUnique({ where: { badgeNo: a.badgeNo } }),
      () =>
        createUser(
          { badgeNo: a.badgeNo, name: a.name, roles: a.roles, unitId: units[a.unit]!.id, password: DEMO_PASSWORD, mustChange: false },
          db,
        ),
    );
    if (isNew) created++;
    users[a.badgeNo] = { id: user.id, badgeNo: user.badgeNo, name: user.name, unitId: user.unitId, roles: user.roles };
  }
  // The second factor of the demo accounts that need one (API.md): the public demo secret, so
  // anyone can sign in with an authenticator app or `npm run demo:otp -- <badge>`. Only where
  // none is enrolled: an account that enrolled its own keeps it.
  const enrolled = await db.credential.updateMany({
    where: { userId: { in: demoMfaAccounts().map((a) => users[a.badgeNo]!.id) }, totpEnrolledAt: null },
    data: { totpSecretEnc: encryptField(DEMO_TOTP_SECRET), totpEnrolledAt: new Date(), totpPendingEnc: null, totpPendingAt: null },
  });
  ctx.log(
    `platform: ${Object.keys(units).length} units, ${Object.keys(users).length} accounts (${created} new, ${enrolled.count} given the demo second factor)`,
  );
  return { units, users };
}
