// Sign-in, lock-out, sessions and forced password change against real PostgreSQL.
// Everything that changes the global security policy lives in this one file (run serially).
import { db } from "@/lib/db";
import { signIn } from "@/lib/auth/sign-in";
import { resolveSession } from "@/lib/auth/sessions";
import { updateUser, resetPassword } from "@/lib/users/users";
import { grantRoles } from "@/lib/users/roles";
import { getPolicy, unlockAccount, updatePolicy } from "@/lib/users/security";
import { ROLES } from "@/lib/access";
import { confirmTotpEnrolment, startTotpEnrolment } from "@/lib/auth/mfa";
import { totpCode } from "@/lib/auth/totp";
import { changeOwnPassword } from "@/lib/users/password";
import { actorOf, createUser, DEMO_PASSWORD } from "@/tests/factories";

const auditOf = (userId: string, action: string) => db.auditLog.findMany({ where: { targetId: userId, action }, orderBy: { id: "asc" } });

let sysAdmin: ReturnType<typeof actorOf>;
let secAdmin: ReturnType<typeof actorOf>;

beforeAll(async () => {
  sysAdmin = actorOf(await createUser({ roles: ["SYS_ADMIN"] }));
  secAdmin = actorOf(await createUser({ roles: ["SECURITY_ADMIN"] }));
  await updatePolicy(secAdmin, {
    maxFailedAttempts: 5,
    lockoutMinutes: 15,
    passwordMinLength: 10,
    idleTimeoutMinutes: 30,
    absoluteTimeoutHours: 12,
  });
});

describe("sign-in", () => {
  test("a correct badge number and password open a server-side session and are audited", async () => {
    const user = await createUser();
    const res = await signIn({ badgeNo: user.badgeNo, password: DEMO_PASSWORD, ip: "10.1.2.3" });
    expect(res).toEqual(expect.objectContaining({ ok: true, userId: user.id }));
    if (!res.ok) return;
    const session = await db.authSession.findUniqueOrThrow({ where: { id: res.sessionId } });
    expect(session.userId).toBe(user.id);
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBeCloseTo(12 * 3600_000, -4);
    const [entry] = await auditOf(user.id, "auth.sign_in");
    expect(entry).toEqual(
      expect.objectContaining({ outcome: "SUCCESS", actorBadgeNo: user.badgeNo, ip: "10.1.2.3", target: user.badgeNo }),
    );
  });

  test("a wrong password is refused and audited as a failure", async () => {
    const user = await createUser();
    expect(await signIn({ badgeNo: user.badgeNo, password: "Wrong-Password-1", ip: "10.9.9.9" })).toEqual({ ok: false, reason: "INVALID" });
    const [entry] = await auditOf(user.id, "auth.sign_in");
    expect(entry).toEqual(expect.objectContaining({ outcome: "FAILURE", ip: "10.9.9.9" }));
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(0);
  });

  test("an unknown badge number is refused and audited with the badge number tried", async () => {
    const badgeNo = `NOPE${Date.now()}`;
    expect(await signIn({ badgeNo, password: "whatever" })).toEqual({ ok: false, reason: "INVALID" });
    const entry = await db.auditLog.findFirst({ where: { action: "auth.sign_in", target: badgeNo } });
    expect(entry).toEqual(expect.objectContaining({ outcome: "FAILURE", actorId: null }));
  });

  test("a disabled account cannot sign in, even with the right password", async () => {
    const user = await createUser({ active: false });
    expect(await signIn({ badgeNo: user.badgeNo, password: DEMO_PASSWORD })).toEqual({ ok: false, reason: "DISABLED" });
    const [entry] = await auditOf(user.id, "auth.sign_in");
    expect(entry?.outcome).toBe("DENIED");
  });
});

describe("lock-out", () => {
  test("five consecutive failures lock the account for 15 minutes, even against the right password", async () => {
    const user = await createUser();
    for (let i = 0; i < 4; i++) await signIn({ badgeNo: user.badgeNo, password: `bad-${i}` });
    let cred = await db.credential.findUniqueOrThrow({ where: { userId: user.id } });
    expect(cred.lockedUntil).toBeNull();
    await signIn({ badgeNo: user.badgeNo, password: "bad-5" });
    cred = await db.credential.findUniqueOrThrow({ where: { userId: user.id } });
    const minutes = (cred.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    expect(await signIn({ badgeNo: user.badgeNo, password: DEMO_PASSWORD })).toEqual({ ok: false, reason: "LOCKED" });
    expect(await auditOf(user.id, "auth.lockout")).toHaveLength(1);
  });

  test("password alone, a wrong code, or a malformed one fail exactly like a wrong password, count toward lock-out, open no session", async () => {
    const user = await createUser({ roles: ["HR"] });
    const { secret } = await startTotpEnrolment(actorOf(user));
    await confirmTotpEnrolment(actorOf(user), { code: await totpCode(secret, Date.now() - 30_000) });
    const wrong = String((Number(await totpCode(secret)) + 1) % 1_000_000).padStart(6, "0");
    for (const otp of [null, wrong, "abc", "9999999"]) {
      expect(await signIn({ badgeNo: user.badgeNo, password: DEMO_PASSWORD, otp })).toEqual({ ok: false, reason: "INVALID" });
    }
    expect(await signIn({ badgeNo: user.badgeNo, password: "Wrong-Password-1" })).toEqual({ ok: false, reason: "INVALID" });
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(0);
    // five failures of either kind: locked, even with the right password and code now
    const c = await db.credential.findUniqueOrThrow({ where: { userId: user.id } });
    expect(c.lockedUntil).not.toBeNull();
    expect(await signIn({ badgeNo: user.badgeNo, password: DEMO_PASSWORD, otp: await totpCode(secret) })).toEqual({
      ok: false,
      reason: "LOCKED",
    });
    const reasons = await db.auditLog.findMany({
      where: { targetId: user.id, action: "auth.sign_in", outcome: "FAILURE" },
      orderBy: { id: "asc" },
    });
    expect(reasons.map((r) => (r.details as { factor?: string }).factor ?? "password")).toEqual([
      "otp_missing",
      "otp",
      "otp",
      "otp",
      "password",
    ]);
  });

  test("a success resets the failure count", async () => {
    const user = await createUser();
    for (let i = 0; i < 4; i++) await signIn({ badgeNo: user.badgeNo, password: `bad-${i}` });
    expect((await signIn({ badgeNo: user.badgeNo, password: DEMO_PASSWORD })).ok).toBe(true);
    for (let i = 0; i < 4; i++) await signIn({ badgeNo: user.badgeNo, password: `bad-${i}` });
    expect((await db.credential.findUniqueOrThrow({ where: { userId: user.id } })).lockedUntil).toBeNull();
  });

  test("concurrent wrong guesses cannot slip past the limit", async () => {
    const user = await createUser();
    await Promise.all(Array.from({ length: 12 }, (_, i) => signIn({ badgeNo: user.badgeNo, password: `bad-${i}` })));
    expect((await db.credential.findUniqueOrThrow({ where: { userId: user.id } })).lockedUntil).not.toBeNull();
  });

  test("the lock expires by itself", async () => {
    const user = await createUser();
    await db.credential.update({ where: { userId: user.id }, data: { lockedUntil: new Date(Date.now() - 1000), failedCount: 0 } });
    expect((await signIn({ badgeNo: user.badgeNo, password: DEMO_PASSWORD })).ok).toBe(true);
  });

  test("the security administrator unlocks an account, audited", async () => {
    const user = await createUser();
    await db.credential.update({ where: { userId: user.id }, data: { lockedUntil: new Date(Date.now() + 600_000) } });
    await unlockAccount(secAdmin, user.id);
    expect((await signIn({ badgeNo: user.badgeNo, password: DEMO_PASSWORD })).ok).toBe(true);
    const [entry] = await auditOf(user.id, "security.account.unlock");
    expect(entry).toEqual(expect.objectContaining({ actorId: secAdmin.id, outcome: "SUCCESS" }));
  });

  test("nobody but the security administrator may unlock", async () => {
    const user = await createUser();
    await expect(unlockAccount(sysAdmin, user.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("the limit and duration follow the policy the security administrator sets", async () => {
    await updatePolicy(secAdmin, {
      maxFailedAttempts: 3,
      lockoutMinutes: 60,
      passwordMinLength: 10,
      idleTimeoutMinutes: 30,
      absoluteTimeoutHours: 12,
    });
    try {
      const user = await createUser();
      for (let i = 0; i < 3; i++) await signIn({ badgeNo: user.badgeNo, password: `bad-${i}` });
      const cred = await db.credential.findUniqueOrThrow({ where: { userId: user.id } });
      expect((cred.lockedUntil!.getTime() - Date.now()) / 60_000).toBeGreaterThan(59);
      const entry = await db.auditLog.findFirst({
        where: { action: "security.policy.update", actorId: secAdmin.id },
        orderBy: { id: "desc" },
      });
      expect(entry?.details).toEqual(expect.objectContaining({ after: expect.objectContaining({ maxFailedAttempts: 3 }) }));
    } finally {
      await updatePolicy(secAdmin, {
        maxFailedAttempts: 5,
        lockoutMinutes: 15,
        passwordMinLength: 10,
        idleTimeoutMinutes: 30,
        absoluteTimeoutHours: 12,
      });
    }
  });

  test("a policy below the floor is refused with a message per field", async () => {
    await expect(
      updatePolicy(secAdmin, {
        maxFailedAttempts: 1,
        lockoutMinutes: 15,
        passwordMinLength: 6,
        idleTimeoutMinutes: 30,
        absoluteTimeoutHours: 12,
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { maxFailedAttempts: expect.any(String), passwordMinLength: expect.any(String) },
    });
  });
});

describe("per-address limit", () => {
  test("many failures from one address across accounts stop further attempts from it", async () => {
    const ip = `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const victims = await Promise.all(Array.from({ length: 15 }, () => createUser()));
    for (let i = 0; i < 30; i++) await signIn({ badgeNo: victims[i % 15]!.badgeNo, password: `spray-${i}`, ip });
    // the right password from that address is refused too, without touching the account
    expect(await signIn({ badgeNo: victims[0]!.badgeNo, password: DEMO_PASSWORD, ip })).toEqual({ ok: false, reason: "RATE_LIMITED" });
    // the same person from another address is fine (two failures each: below the account lock-out)
    expect((await signIn({ badgeNo: victims[0]!.badgeNo, password: DEMO_PASSWORD, ip: "10.1.1.1" })).ok).toBe(true);
    expect(await db.auditLog.count({ where: { ip, outcome: "DENIED", action: "auth.sign_in" } })).toBe(1);
  });
});

describe("sessions are checked on every request", () => {
  async function session(user: Awaited<ReturnType<typeof createUser>>) {
    const res = await signIn({ badgeNo: user.badgeNo, password: DEMO_PASSWORD });
    if (!res.ok) throw new Error("sign-in failed");
    return res.sessionId;
  }

  test("a disabled account is refused on its next request", async () => {
    const user = await createUser();
    const sid = await session(user);
    expect((await resolveSession(sid)).ok).toBe(true);
    await updateUser(sysAdmin, user.id, { active: false });
    expect(await resolveSession(sid)).toEqual(expect.objectContaining({ ok: false, reason: "REVOKED" }));
    const [entry] = await auditOf(user.id, "admin.user.disable");
    expect(entry?.actorId).toBe(sysAdmin.id);
  });

  test("disabling takes effect even where no session was revoked", async () => {
    const user = await createUser();
    const sid = await session(user);
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await resolveSession(sid)).toEqual(expect.objectContaining({ ok: false, reason: "DISABLED" }));
  });

  test("a role change applies on the next request", async () => {
    const user = await createUser({ roles: ["OFFICER"] });
    const sid = await session(user);
    const before = await resolveSession(sid);
    expect(before.ok && before.actor.roles).toEqual(["OFFICER"]);
    await grantRoles(secAdmin, user.id, { roles: ["OFFICER", "TRAINING_ADMIN"], password: DEMO_PASSWORD });
    const after = await resolveSession(sid);
    expect(after.ok && after.actor.roles).toEqual(["OFFICER", "TRAINING_ADMIN"]);
    const [entry] = await auditOf(user.id, "security.roles.grant");
    expect(entry?.details).toEqual(expect.objectContaining({ before: ["OFFICER"], added: ["TRAINING_ADMIN"] }));
  });

  test("30 minutes idle ends the session", async () => {
    const user = await createUser();
    const sid = await session(user);
    await db.authSession.update({ where: { id: sid }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    expect(await resolveSession(sid)).toEqual(expect.objectContaining({ ok: false, reason: "IDLE" }));
  });

  test("activity keeps the session alive", async () => {
    const user = await createUser();
    const sid = await session(user);
    await db.authSession.update({ where: { id: sid }, data: { lastSeenAt: new Date(Date.now() - 29 * 60_000) } });
    expect((await resolveSession(sid)).ok).toBe(true);
    const s = await db.authSession.findUniqueOrThrow({ where: { id: sid } });
    expect(Date.now() - s.lastSeenAt.getTime()).toBeLessThan(5_000);
  });

  test("12 hours after sign-in the session ends however active it was", async () => {
    const user = await createUser();
    const sid = await session(user);
    await db.authSession.update({ where: { id: sid }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await resolveSession(sid)).toEqual(expect.objectContaining({ ok: false, reason: "EXPIRED" }));
  });

  test("a reset password ends open sessions and forces a change", async () => {
    const user = await createUser();
    const sid = await session(user);
    const { temporaryPassword } = await resetPassword(sysAdmin, user.id);
    expect(await resolveSession(sid)).toEqual(expect.objectContaining({ ok: false, reason: "REVOKED" }));
    const res = await signIn({ badgeNo: user.badgeNo, password: temporaryPassword });
    expect(res).toEqual(expect.objectContaining({ ok: true, mustChangePassword: true }));
    expect(await auditOf(user.id, "admin.user.reset_password")).toHaveLength(1);
  });
});

describe("forced password change", () => {
  test("a new account must change its password before anything else, and the rules apply", async () => {
    const user = await createUser({ mustChange: true, password: "Temp#Pass2026" });
    const res = await signIn({ badgeNo: user.badgeNo, password: "Temp#Pass2026" });
    expect(res).toEqual(expect.objectContaining({ ok: true, mustChangePassword: true }));
    if (!res.ok) return;
    const state = await resolveSession(res.sessionId);
    expect(state).toEqual(expect.objectContaining({ ok: true, mustChangePassword: true }));

    const actor = actorOf(user);
    await expect(
      changeOwnPassword(actor, { currentPassword: "Temp#Pass2026", newPassword: "short1A!", confirmPassword: "short1A!" }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { newPassword: expect.stringMatching(/至少 10 个字符/) } });
    await expect(
      changeOwnPassword(actor, {
        currentPassword: "Temp#Pass2026",
        newPassword: `A!a${user.badgeNo}xyz`,
        confirmPassword: `A!a${user.badgeNo}xyz`,
      }),
    ).rejects.toMatchObject({ fields: { newPassword: expect.stringMatching(/不得包含警号/) } });
    await expect(
      changeOwnPassword(actor, { currentPassword: "Wrong#Pass2026", newPassword: "Brand-New-2026", confirmPassword: "Brand-New-2026" }),
    ).rejects.toMatchObject({ fields: { currentPassword: expect.any(String) } });
    await expect(
      changeOwnPassword(actor, { currentPassword: "Temp#Pass2026", newPassword: "Brand-New-2026", confirmPassword: "Brand-New-2027" }),
    ).rejects.toMatchObject({ fields: { confirmPassword: expect.any(String) } });
    expect(await resolveSession(res.sessionId)).toEqual(expect.objectContaining({ ok: true, mustChangePassword: true }));

    await changeOwnPassword(
      actor,
      { currentPassword: "Temp#Pass2026", newPassword: "Brand-New-2026", confirmPassword: "Brand-New-2026" },
      res.sessionId,
    );
    expect(await resolveSession(res.sessionId)).toEqual(expect.objectContaining({ ok: true, mustChangePassword: false }));
    expect((await signIn({ badgeNo: user.badgeNo, password: "Temp#Pass2026" })).ok).toBe(false);
    expect((await signIn({ badgeNo: user.badgeNo, password: "Brand-New-2026" })).ok).toBe(true);
    const entries = await auditOf(user.id, "auth.password.change");
    expect(entries.map((e) => e.outcome)).toEqual(["FAILURE", "SUCCESS"]);
  });

  test("changing the password ends every other session, not the current one", async () => {
    const user = await createUser();
    const a = await signIn({ badgeNo: user.badgeNo, password: DEMO_PASSWORD });
    const b = await signIn({ badgeNo: user.badgeNo, password: DEMO_PASSWORD });
    if (!a.ok || !b.ok) throw new Error("sign-in failed");
    await changeOwnPassword(
      actorOf(user),
      { currentPassword: DEMO_PASSWORD, newPassword: "Another-Pass-2026", confirmPassword: "Another-Pass-2026" },
      a.sessionId,
    );
    expect((await resolveSession(a.sessionId)).ok).toBe(true);
    expect(await resolveSession(b.sessionId)).toEqual(expect.objectContaining({ ok: false, reason: "REVOKED" }));
  });

  test("the password is stored as an argon2id hash, never in plain text", async () => {
    const user = await createUser({ password: "Plain-Text-Never-1" });
    const cred = await db.credential.findUniqueOrThrow({ where: { userId: user.id } });
    expect(cred.passwordHash).toMatch(/^\$argon2id\$/);
    expect(cred.passwordHash).not.toContain("Plain-Text-Never-1");
  });
});

describe("second-factor policy", () => {
  const base = { maxFailedAttempts: 5, lockoutMinutes: 15, passwordMinLength: 10, idleTimeoutMinutes: 30, absoluteTimeoutHours: 12 };

  test("defaults to the administrators, HR, the liaison and the training office", async () => {
    const policy = await getPolicy(secAdmin);
    expect([...policy.mfaRoles].sort()).toEqual(["AUDIT_ADMIN", "HR", "MEDICAL_LIAISON", "SECURITY_ADMIN", "SYS_ADMIN", "TRAINING_ADMIN"]);
    expect(policy.passwordMaxAgeDays).toBe(90);
  });

  test("the security administrator extends it to every role; the next request of an officer is restricted", async () => {
    const officer = await createUser({ roles: ["OFFICER"] });
    const res = await signIn({ badgeNo: officer.badgeNo, password: DEMO_PASSWORD });
    if (!res.ok) throw new Error("sign-in failed");
    expect(await resolveSession(res.sessionId)).toEqual(expect.objectContaining({ mfa: { required: false, enrolled: false } }));
    try {
      await updatePolicy(secAdmin, { ...base, mfaRoles: [...ROLES] });
      expect(await resolveSession(res.sessionId)).toEqual(expect.objectContaining({ ok: true, mfa: { required: true, enrolled: false } }));
      const again = await signIn({ badgeNo: officer.badgeNo, password: DEMO_PASSWORD });
      expect(again).toEqual(expect.objectContaining({ ok: true, mfaEnrolmentRequired: true }));
      const entry = await db.auditLog.findFirst({
        where: { action: "security.policy.update", actorId: secAdmin.id },
        orderBy: { id: "desc" },
      });
      expect(entry?.details).toEqual(
        expect.objectContaining({ after: expect.objectContaining({ mfaRoles: expect.arrayContaining(["OFFICER"]) }) }),
      );
    } finally {
      await updatePolicy(secAdmin, {
        ...base,
        mfaRoles: ["TRAINING_ADMIN", "MEDICAL_LIAISON", "HR", "SYS_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"],
      });
    }
    expect(await resolveSession(res.sessionId)).toEqual(expect.objectContaining({ mfa: { required: false, enrolled: false } }));
  });

  test("never below the level-3 floor, and nobody else edits it", async () => {
    await expect(updatePolicy(secAdmin, { ...base, mfaRoles: ["SYS_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"] })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { mfaRoles: expect.stringMatching(/HR/) },
    });
    await expect(updatePolicy(sysAdmin, { ...base, mfaRoles: [...ROLES] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updatePolicy(secAdmin, { ...base, mfaRoles: ["NOT_A_ROLE"] })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });

  test("the maximum password age follows the policy", async () => {
    const user = await createUser();
    await db.credential.update({ where: { userId: user.id }, data: { changedAt: new Date(Date.now() - 40 * 86_400_000) } });
    const res = await signIn({ badgeNo: user.badgeNo, password: DEMO_PASSWORD });
    if (!res.ok) throw new Error("sign-in failed");
    expect(await resolveSession(res.sessionId)).toEqual(expect.objectContaining({ mustChangePassword: false }));
    const young = await createUser();
    await db.credential.update({ where: { userId: young.id }, data: { changedAt: new Date(Date.now() - 89 * 86_400_000) } });
    const y = await signIn({ badgeNo: young.badgeNo, password: DEMO_PASSWORD });
    if (y.ok) expect(await resolveSession(y.sessionId)).toEqual(expect.objectContaining({ mustChangePassword: false }));
    try {
      await updatePolicy(secAdmin, { ...base, passwordMaxAgeDays: 30 });
      expect(await resolveSession(res.sessionId)).toEqual(expect.objectContaining({ mustChangePassword: true, passwordExpired: true }));
      await expect(updatePolicy(secAdmin, { ...base, passwordMaxAgeDays: 7 })).rejects.toMatchObject({
        fields: { passwordMaxAgeDays: expect.any(String) },
      });
    } finally {
      await updatePolicy(secAdmin, { ...base, passwordMaxAgeDays: 90 });
    }
  });
});
