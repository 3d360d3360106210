import { db } from "@/lib/db";
import { createUser as adminCreateUser, listUsers, resetPassword, updateUser } from "@/lib/users/users";
import { createUnit as adminCreateUnit, deleteUnit, updateUnit } from "@/lib/users/units";
import { searchAudit, exportAudit } from "@/lib/audit/queries";
import { signIn } from "@/lib/auth/sign-in";
import { actorOf, createUnit, createUser, uniq } from "@/tests/factories";

let sysAdmin: ReturnType<typeof actorOf>;
let auditor: ReturnType<typeof actorOf>;
let officer: ReturnType<typeof actorOf>;
let unitId: string;

beforeAll(async () => {
  unitId = (await createUnit()).id;
  sysAdmin = actorOf(await createUser({ roles: ["SYS_ADMIN"], unitId }));
  auditor = actorOf(await createUser({ roles: ["AUDIT_ADMIN"], unitId }));
  officer = actorOf(await createUser({ roles: ["OFFICER"], unitId }));
});

describe("user administration", () => {
  test("the system administrator creates an account with a one-time password that must be changed", async () => {
    const badgeNo = uniq("N").toUpperCase();
    const { user, temporaryPassword } = await adminCreateUser(sysAdmin, { badgeNo, name: "新警员", unitId, roles: ["OFFICER"] });
    expect(user).toEqual(expect.objectContaining({ badgeNo, mustChangePassword: true, active: true }));
    expect(await signIn({ badgeNo, password: temporaryPassword })).toEqual(expect.objectContaining({ ok: true, mustChangePassword: true }));
    const entry = await db.auditLog.findFirst({ where: { action: "admin.user.create", targetId: user.id } });
    expect(entry).toEqual(expect.objectContaining({ actorId: sysAdmin.id, target: badgeNo, outcome: "SUCCESS" }));
  });

  test("no account may hold two administrator roles, on create or on edit, and nothing changes", async () => {
    const badgeNo = uniq("N").toUpperCase();
    await expect(adminCreateUser(sysAdmin, { badgeNo, name: "兼任", unitId, roles: ["SYS_ADMIN", "AUDIT_ADMIN"] })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { roles: expect.stringMatching(/三权分立/) },
    });
    expect(await db.user.count({ where: { badgeNo } })).toBe(0);

    const target = await createUser({ roles: ["SECURITY_ADMIN"], unitId });
    await expect(updateUser(sysAdmin, target.id, { roles: ["SECURITY_ADMIN", "AUDIT_ADMIN"] })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    await expect(updateUser(sysAdmin, target.id, { roles: ["SECURITY_ADMIN", "SYS_ADMIN"] })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).roles).toEqual(["SECURITY_ADMIN"]);
  });

  test("a duplicate badge number is a field error, not a crash", async () => {
    const existing = await createUser({ unitId });
    await expect(
      adminCreateUser(sysAdmin, { badgeNo: existing.badgeNo.toUpperCase(), name: "重复", unitId, roles: ["OFFICER"] }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { badgeNo: expect.any(String) } });
  });

  test("only the system administrator manages users", async () => {
    await expect(adminCreateUser(officer, { badgeNo: "X1234", name: "x", unitId, roles: ["OFFICER"] })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(listUsers(auditor, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateUser(auditor, officer.id, { active: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("the system administrator cannot change their own roles, unit or active flag", async () => {
    const otherUnit = (await createUnit()).id;
    await expect(updateUser(sysAdmin, sysAdmin.id, { active: false })).rejects.toMatchObject({ code: "SELF_CHANGE" });
    await expect(updateUser(sysAdmin, sysAdmin.id, { roles: ["SYS_ADMIN", "TRAINING_ADMIN"] })).rejects.toMatchObject({
      code: "SELF_CHANGE",
    });
    await expect(updateUser(sysAdmin, sysAdmin.id, { unitId: otherUnit })).rejects.toMatchObject({ code: "SELF_CHANGE" });
    const me = await db.user.findUniqueOrThrow({ where: { id: sysAdmin.id } });
    expect([me.roles, me.unitId, me.active]).toEqual([["SYS_ADMIN"], unitId, true]);
    await updateUser(sysAdmin, sysAdmin.id, { name: "改名的管理员" }); // the name is fine
  });

  test("administrators never also hold a role that reads personal data", async () => {
    const target = await createUser({ roles: ["OFFICER"], unitId });
    for (const roles of [
      ["SYS_ADMIN", "HR"],
      ["SYS_ADMIN", "MEDICAL_LIAISON"],
    ] as const) {
      await expect(updateUser(sysAdmin, target.id, { roles: [...roles] })).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        fields: { roles: expect.stringMatching(/敏感信息/) },
      });
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).roles).toEqual(["OFFICER"]);
  });

  test("the system administrator can neither grant nor manage the security and audit administrator roles", async () => {
    await expect(
      adminCreateUser(sysAdmin, { badgeNo: uniq("P").toUpperCase(), name: "新审计员", unitId, roles: ["AUDIT_ADMIN"] }),
    ).rejects.toMatchObject({ code: "ROLE_GRANT_FORBIDDEN", status: 403 });
    const officerTarget = await createUser({ roles: ["OFFICER"], unitId });
    await expect(updateUser(sysAdmin, officerTarget.id, { roles: ["SECURITY_ADMIN"] })).rejects.toMatchObject({
      code: "ROLE_GRANT_FORBIDDEN",
    });
    const peer = await createUser({ roles: ["AUDIT_ADMIN"], unitId });
    const hashBefore = (await db.credential.findUniqueOrThrow({ where: { userId: peer.id } })).passwordHash;
    await expect(resetPassword(sysAdmin, peer.id)).rejects.toMatchObject({ code: "PEER_ADMIN" });
    await expect(updateUser(sysAdmin, peer.id, { active: false })).rejects.toMatchObject({ code: "PEER_ADMIN" });
    const after = await db.user.findUniqueOrThrow({ where: { id: peer.id }, include: { credential: true } });
    expect([after.active, after.credential?.passwordHash]).toEqual([true, hashBefore]);
  });
});

describe("units", () => {
  test("moving a unit moves its whole subtree, audited", async () => {
    const root = await adminCreateUnit(sysAdmin, { name: "测试分局", code: uniq("R-").toUpperCase(), kind: "BUREAU", parentId: null });
    const a = await adminCreateUnit(sysAdmin, { name: "甲所", code: uniq("A-").toUpperCase(), kind: "STATION", parentId: root.id });
    const b = await adminCreateUnit(sysAdmin, { name: "乙所", code: uniq("B-").toUpperCase(), kind: "STATION", parentId: root.id });
    const team = await adminCreateUnit(sysAdmin, { name: "甲所社区队", code: uniq("T-").toUpperCase(), kind: "TEAM", parentId: a.id });
    expect(team.path).toBe(`/${root.id}/${a.id}/${team.id}/`);
    await updateUnit(sysAdmin, a.id, { name: "甲所", code: a.code, kind: "STATION", parentId: b.id });
    const moved = await db.unit.findUniqueOrThrow({ where: { id: team.id } });
    expect(moved.path).toBe(`/${root.id}/${b.id}/${a.id}/${team.id}/`);
    await expect(updateUnit(sysAdmin, b.id, { name: "乙所", code: b.code, kind: "STATION", parentId: team.id })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    expect(await db.auditLog.count({ where: { action: "admin.unit.update", targetId: a.id } })).toBe(1);
  });

  test("a unit with people cannot be deleted", async () => {
    await expect(deleteUnit(sysAdmin, unitId)).rejects.toMatchObject({ code: "UNIT_NOT_EMPTY" });
    expect(await db.unit.count({ where: { id: unitId } })).toBe(1);
  });
});

describe("audit log", () => {
  test("only the audit administrator searches it, by actor, action and time", async () => {
    await expect(searchAudit(sysAdmin, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(searchAudit(officer, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    const res = await searchAudit(auditor, { actor: sysAdmin.badgeNo, action: "admin.user" });
    expect(res.total).toBeGreaterThan(0);
    expect(res.items.every((e) => e.actor?.badgeNo === sysAdmin.badgeNo && e.action.startsWith("admin.user"))).toBe(true);
    const future = await searchAudit(auditor, { actor: sysAdmin.badgeNo, from: "2099-01-01" });
    expect(future.total).toBe(0);
    await expect(searchAudit(auditor, { from: "not-a-date" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { from: expect.any(String) },
    });
  });

  test("exports the matching entries as CSV, and the export is audited", async () => {
    const stream = await exportAudit(auditor, { actor: sysAdmin.badgeNo }, "csv");
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, so Excel reads the Chinese
    const lines = new TextDecoder().decode(bytes).trim().split("\n");
    expect(lines[0]).toMatch(/^编号,时间,警号/);
    expect(lines.length - 1).toBe((await searchAudit(auditor, { actor: sysAdmin.badgeNo })).total);
    expect(await db.auditLog.count({ where: { action: "audit.export", actorId: auditor.id } })).toBeGreaterThan(0);
  });

  test("the database refuses UPDATE, DELETE and TRUNCATE on the audit table", async () => {
    const entry = await db.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    await expect(db.$executeRaw`UPDATE "AuditLog" SET action = 'tampered' WHERE id = ${entry.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "AuditLog" WHERE id = ${entry.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only/);
    await expect(db.auditLog.update({ where: { id: entry.id }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    expect((await db.auditLog.findUniqueOrThrow({ where: { id: entry.id } })).action).toBe(entry.action);
  });
});
