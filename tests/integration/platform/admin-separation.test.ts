// 三员分立 in substance (issue 9 items 2 and 9) on real PostgreSQL: the system administrator
// manages identities, the security administrator grants roles (with step-up), and the database
// itself refuses an administrator role beside any other role.
import { db } from "@/lib/db";
import { signIn } from "@/lib/auth/sign-in";
import { resolveSession } from "@/lib/auth/sessions";
import { confirmTotpEnrolment, startTotpEnrolment } from "@/lib/auth/mfa";
import { totpCode } from "@/lib/auth/totp";
import { changeOwnPassword } from "@/lib/users/password";
import { createUser as adminCreateUser, disableUser, getUser, listUsers, resetPassword, updateUser } from "@/lib/users/users";
import { grantRoles } from "@/lib/users/roles";
import { actorOf, createUnit, createUser, DEMO_PASSWORD, uniq } from "@/tests/factories";

const STEP_MS = 30_000;
let unitId: string;
let sysAdmin: ReturnType<typeof actorOf>;
let secAdmin: ReturnType<typeof actorOf>;
let auditor: ReturnType<typeof actorOf>;

beforeAll(async () => {
  unitId = (await createUnit()).id;
  sysAdmin = actorOf(await createUser({ roles: ["SYS_ADMIN"], unitId }));
  secAdmin = actorOf(await createUser({ roles: ["SECURITY_ADMIN"], unitId }));
  auditor = actorOf(await createUser({ roles: ["AUDIT_ADMIN"], unitId }));
});

const rolesOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).roles;
const grant = (userId: string, roles: string[], extra: Record<string, unknown> = { password: DEMO_PASSWORD }) =>
  grantRoles(secAdmin, userId, { roles, ...extra });

describe("the system administrator manages identities only", () => {
  test("creates 民警 and 辅警 accounts; any other role is ROLE_GRANT_FORBIDDEN and nothing is written", async () => {
    for (const kind of ["OFFICER", "AUXILIARY"] as const) {
      const { user } = await adminCreateUser(sysAdmin, { badgeNo: uniq("I").toUpperCase(), name: "新人", unitId, roles: [kind] });
      expect(user.roles).toEqual([kind]);
    }
    for (const roles of [["OFFICER", "HR"], ["MEDICAL_LIAISON"], ["TRAINING_ADMIN"], ["UNIT_LEAD"], ["SYS_ADMIN"], ["SECURITY_ADMIN"]]) {
      const badgeNo = uniq("G").toUpperCase();
      await expect(adminCreateUser(sysAdmin, { badgeNo, name: "越权", unitId, roles })).rejects.toMatchObject({
        code: "ROLE_GRANT_FORBIDDEN",
        status: 403,
      });
      expect(await db.user.count({ where: { badgeNo } })).toBe(0);
    }
  });

  test("switches 民警 ↔ 辅警 but neither adds nor removes a granted role", async () => {
    const u = await createUser({ roles: ["OFFICER", "LECTURER"], unitId });
    await updateUser(sysAdmin, u.id, { roles: ["AUXILIARY", "LECTURER"] });
    expect(await rolesOf(u.id)).toEqual(["AUXILIARY", "LECTURER"]);
    await expect(updateUser(sysAdmin, u.id, { roles: ["AUXILIARY"] })).rejects.toMatchObject({ code: "ROLE_GRANT_FORBIDDEN" });
    await expect(updateUser(sysAdmin, u.id, { roles: ["AUXILIARY", "LECTURER", "HR"] })).rejects.toMatchObject({
      code: "ROLE_GRANT_FORBIDDEN",
    });
    expect(await rolesOf(u.id)).toEqual(["AUXILIARY", "LECTURER"]);
  });

  test("cannot grant roles through the security administrator's function", async () => {
    const u = await createUser({ unitId });
    await expect(grantRoles(sysAdmin, u.id, { roles: ["OFFICER", "HR"], password: DEMO_PASSWORD })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await rolesOf(u.id)).toEqual(["OFFICER"]);
  });

  test("disabling an account ends its sessions at once and blocks sign-in; audited; not oneself", async () => {
    const u = await createUser({ unitId });
    const res = await signIn({ badgeNo: u.badgeNo, password: DEMO_PASSWORD });
    if (!res.ok) throw new Error("sign-in failed");
    expect((await resolveSession(res.sessionId)).ok).toBe(true);
    const dto = await disableUser(sysAdmin, u.id);
    expect(dto.active).toBe(false);
    expect((await resolveSession(res.sessionId)).ok).toBe(false);
    expect(await db.authSession.count({ where: { userId: u.id, revokedAt: null } })).toBe(0);
    expect((await signIn({ badgeNo: u.badgeNo, password: DEMO_PASSWORD })).ok).toBe(false);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "admin.user.disable", targetId: u.id } });
    expect(entry).toMatchObject({ actorId: sysAdmin.id, details: expect.objectContaining({ sessionsEnded: 1 }) });
    await expect(disableUser(sysAdmin, sysAdmin.id)).rejects.toMatchObject({ code: "SELF_CHANGE" });
    await expect(disableUser(sysAdmin, auditor.id)).rejects.toMatchObject({ code: "PEER_ADMIN" });
    await expect(disableUser(secAdmin, u.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the security administrator grants roles", () => {
  test("lists accounts with mfaEnrolled and active; the audit administrator may not", async () => {
    const u = await createUser({ unitId, roles: ["OFFICER"] });
    const page = await listUsers(secAdmin, { q: u.badgeNo });
    expect(page.items).toEqual([expect.objectContaining({ id: u.id, active: true, mfaEnrolled: false, roles: ["OFFICER"] })]);
    await expect(listUsers(auditor, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("grants and removes roles after step-up; audited with before, after and the step-up", async () => {
    const u = await createUser({ unitId });
    const dto = await grant(u.id, ["OFFICER", "TRAINING_ADMIN", "LECTURER"]);
    expect(dto.roles).toEqual(["OFFICER", "TRAINING_ADMIN", "LECTURER"]);
    await grant(u.id, ["OFFICER", "LECTURER"]);
    expect(await rolesOf(u.id)).toEqual(["OFFICER", "LECTURER"]);
    const entries = await db.auditLog.findMany({ where: { action: "security.roles.grant", targetId: u.id }, orderBy: { id: "asc" } });
    expect(entries.map((e) => e.details)).toEqual([
      expect.objectContaining({ before: ["OFFICER"], added: ["TRAINING_ADMIN", "LECTURER"], removed: [] }),
      expect.objectContaining({ removed: ["TRAINING_ADMIN"], added: [] }),
    ]);
    const stepUps = await db.auditLog.count({
      where: { action: "auth.step_up", actorId: secAdmin.id, outcome: "SUCCESS", details: { path: ["purpose"], equals: "roles.grant" } },
    });
    expect(stepUps).toBeGreaterThanOrEqual(2);
  });

  test("never the three administrator roles, never to an administrator account, never to oneself: ROLE_GRANT_FORBIDDEN", async () => {
    const u = await createUser({ unitId });
    for (const admin of ["SYS_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"]) {
      await expect(grant(u.id, ["OFFICER", admin])).rejects.toMatchObject({ code: "ROLE_GRANT_FORBIDDEN", status: 403 });
      await expect(grant(u.id, [admin])).rejects.toMatchObject({ code: "ROLE_GRANT_FORBIDDEN" });
    }
    await expect(grant(sysAdmin.id, ["OFFICER"])).rejects.toMatchObject({ code: "ROLE_GRANT_FORBIDDEN" });
    await expect(grant(secAdmin.id, ["OFFICER"])).rejects.toMatchObject({ code: "ROLE_GRANT_FORBIDDEN" });
    expect([await rolesOf(u.id), await rolesOf(sysAdmin.id), await rolesOf(secAdmin.id)]).toEqual([
      ["OFFICER"],
      ["SYS_ADMIN"],
      ["SECURITY_ADMIN"],
    ]);
  });

  test("step-up: no password is 403 STEP_UP_REQUIRED, a wrong one 400 on fields.password; an enrolled administrator also needs a fresh code", async () => {
    const u = await createUser({ unitId });
    await expect(grant(u.id, ["OFFICER", "LECTURER"], {})).rejects.toMatchObject({ code: "STEP_UP_REQUIRED", status: 403 });
    await expect(grant(u.id, ["OFFICER", "LECTURER"], { password: "Wrong-Password-1" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { password: expect.any(String) },
    });
    expect(await rolesOf(u.id)).toEqual(["OFFICER"]);

    const enrolledSec = actorOf(await createUser({ roles: ["SECURITY_ADMIN"], unitId }));
    const { secret } = await startTotpEnrolment(enrolledSec);
    await confirmTotpEnrolment(enrolledSec, { code: await totpCode(secret, Date.now() - STEP_MS) });
    await expect(grantRoles(enrolledSec, u.id, { roles: ["OFFICER", "LECTURER"], password: DEMO_PASSWORD })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { otp: expect.any(String) },
    });
    const code = await totpCode(secret);
    await grantRoles(enrolledSec, u.id, { roles: ["OFFICER", "LECTURER"], password: DEMO_PASSWORD, otp: code });
    expect(await rolesOf(u.id)).toEqual(["OFFICER", "LECTURER"]);
    // the code was spent: the same one does not authorise a second grant
    await expect(
      grantRoles(enrolledSec, u.id, { roles: ["OFFICER", "LECTURER", "UNIT_LEAD"], password: DEMO_PASSWORD, otp: code }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { otp: expect.any(String) } });
  });
});

describe("a system administrator can no longer create an HR account, receive its password and read pay lines", () => {
  test("create → (grant refused while the initial password stands) → own password → grant → reset refused until a factor is enrolled", async () => {
    const badgeNo = uniq("H").toUpperCase();
    const { user, temporaryPassword } = await adminCreateUser(sysAdmin, { badgeNo, name: "新人事", unitId, roles: ["OFFICER"] });
    // the system administrator knows this password: an HR role now would be theirs to use
    await expect(grant(user.id, ["OFFICER", "HR"])).rejects.toMatchObject({ code: "INITIAL_PASSWORD_PENDING" });
    expect(await rolesOf(user.id)).toEqual(["OFFICER"]);
    // roles that read no one else's data may still be granted
    await grant(user.id, ["OFFICER", "LECTURER"]);

    const signedIn = await signIn({ badgeNo, password: temporaryPassword });
    if (!signedIn.ok) throw new Error("sign-in failed");
    const actor = actorOf(await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { unit: true } }));
    await changeOwnPassword(actor, {
      currentPassword: temporaryPassword,
      newPassword: "Renshi-Own-2026#",
      confirmPassword: "Renshi-Own-2026#",
    });
    await grant(user.id, ["OFFICER", "LECTURER", "HR"]);
    expect(await rolesOf(user.id)).toEqual(["OFFICER", "LECTURER", "HR"]);

    // not enrolled yet: a reset would hand the system administrator an HR session to enrol
    const hashBefore = (await db.credential.findUniqueOrThrow({ where: { userId: user.id } })).passwordHash;
    await expect(resetPassword(sysAdmin, user.id)).rejects.toMatchObject({ code: "MFA_NOT_ENROLLED", status: 403 });
    expect((await db.credential.findUniqueOrThrow({ where: { userId: user.id } })).passwordHash).toBe(hashBefore);

    const hr = { ...actor, roles: ["OFFICER", "LECTURER", "HR"] as const };
    const { secret } = await startTotpEnrolment(hr);
    await confirmTotpEnrolment(hr, { code: await totpCode(secret, Date.now() - STEP_MS) });
    // enrolled: the reset works and keeps the factor, so its password alone signs nobody in
    const { temporaryPassword: reset } = await resetPassword(sysAdmin, user.id);
    expect((await db.credential.findUniqueOrThrow({ where: { userId: user.id } })).totpEnrolledAt).not.toBeNull();
    expect(await signIn({ badgeNo, password: reset, otp: null })).toEqual({ ok: false, reason: "INVALID" });
    expect((await getUser(secAdmin, user.id)).mfaEnrolled).toBe(true);
  });
});

describe("the database enforces the one-admin-role rule (CHECK User_one_admin_role_check)", () => {
  test("a raw SQL insert or update giving an administrator a second role is refused", async () => {
    const id = uniq("raw");
    await expect(
      db.$executeRaw`INSERT INTO "User" (id, "badgeNo", name, "unitId", roles, "updatedAt")
                     VALUES (${id}, ${uniq("R").toUpperCase()}, '兼任', ${unitId}, ARRAY['SYS_ADMIN', 'HR']::"Role"[], now())`,
    ).rejects.toThrow(/User_one_admin_role_check/);
    await expect(
      db.$executeRaw`INSERT INTO "User" (id, "badgeNo", name, "unitId", roles, "updatedAt")
                     VALUES (${id}, ${uniq("R").toUpperCase()}, '兼任', ${unitId}, ARRAY['SECURITY_ADMIN', 'AUDIT_ADMIN']::"Role"[], now())`,
    ).rejects.toThrow(/User_one_admin_role_check/);
    expect(await db.user.count({ where: { id } })).toBe(0);
    await expect(
      db.$executeRaw`UPDATE "User" SET roles = ARRAY['AUDIT_ADMIN', 'OFFICER']::"Role"[] WHERE id = ${auditor.id}`,
    ).rejects.toThrow(/User_one_admin_role_check/);
    expect(await rolesOf(auditor.id)).toEqual(["AUDIT_ADMIN"]);
    // one administrator role alone, or any mix of the other roles, is fine
    await db.$executeRaw`INSERT INTO "User" (id, "badgeNo", name, "unitId", roles, "updatedAt")
                         VALUES (${id}, ${uniq("R").toUpperCase()}, '单一', ${unitId}, ARRAY['AUDIT_ADMIN']::"Role"[], now())`;
    await db.$executeRaw`UPDATE "User" SET roles = ARRAY['OFFICER', 'HR', 'UNIT_LEAD']::"Role"[] WHERE id = ${id}`;
    expect(await rolesOf(id)).toEqual(["OFFICER", "HR", "UNIT_LEAD"]);
  });
});
