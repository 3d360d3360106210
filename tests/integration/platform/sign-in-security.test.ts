// Sign-in security (API.md, GB/T 22239 level 3) against real PostgreSQL: the TOTP second factor
// and its recovery codes, one use per code across concurrent requests, the restricted session of
// an account that must still enrol, password blocklist / history / maximum age, step-up, the
// sign-out audit, equal time for unknown badges. Nothing here changes the global policy (that
// lives in auth.test.ts, which runs serially, with the tests that depend on its exact values:
// lock-out by second-factor failures, the default MFA list, the maximum password age).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { Role } from "@/lib/access";
import { decryptField } from "@/lib/crypto";
import { isDatabaseUnavailable } from "@/lib/errors";
import { signIn } from "@/lib/auth/sign-in";
import { resolveSession, revokeSession } from "@/lib/auth/sessions";
import { clearMfa, confirmTotpEnrolment, startTotpEnrolment } from "@/lib/auth/mfa";
import { totpCode } from "@/lib/auth/totp";
import { assertStepUp, STEP_UP_FAILURE_LIMIT } from "@/lib/auth/step-up";
import { commonPasswordCount, isCommonPassword } from "@/lib/auth/password-blocklist";
import { changeOwnPassword } from "@/lib/users/password";
import { resetPassword } from "@/lib/users/users";
import { exportRoster, FULL_EXPORT_LIMIT_PER_HOUR } from "@/lib/benefits/exports";
import { actorOf, createUser, DEMO_PASSWORD } from "@/tests/factories";

type User = Awaited<ReturnType<typeof createUser>>;
const STEP_MS = 30_000;

/** An account with the second factor enrolled through the real enrolment functions. */
async function enrolled(roles: Role[] = ["HR"]) {
  const user = await createUser({ roles });
  const actor = actorOf(user);
  const { secret, otpauthUrl } = await startTotpEnrolment(actor);
  // enrolment spends the current step: sign-ins in the tests use later ones
  const { recoveryCodes } = await confirmTotpEnrolment(actor, { code: await totpCode(secret, Date.now() - STEP_MS) });
  return { user, actor, secret, otpauthUrl, recoveryCodes };
}

const cred = (userId: string) => db.credential.findUniqueOrThrow({ where: { userId } });
const signInAs = (u: User, extra: { password?: string; otp?: string | null } = {}) =>
  signIn({ badgeNo: u.badgeNo, password: extra.password ?? DEMO_PASSWORD, otp: extra.otp ?? null });
const sessionsOf = (userId: string) => db.authSession.count({ where: { userId } });

let secAdmin: ReturnType<typeof actorOf>;
let sysAdmin: ReturnType<typeof actorOf>;
beforeAll(async () => {
  secAdmin = actorOf(await createUser({ roles: ["SECURITY_ADMIN"] }));
  sysAdmin = actorOf(await createUser({ roles: ["SYS_ADMIN"] }));
});

describe("enrolment", () => {
  test("gives an otpauth URL, stores the secret encrypted, and confirms with a current code into 10 hashed recovery codes", async () => {
    const user = await createUser({ roles: ["HR"] });
    const actor = actorOf(user);
    const { secret, otpauthUrl } = await startTotpEnrolment(actor);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUrl).toMatch(new RegExp(`^otpauth://totp/.*${user.badgeNo}\\?secret=${secret}&.*`));
    expect(new URL(otpauthUrl).searchParams.get("period") ?? "30").toBe("30");
    let c = await cred(user.id);
    expect(c.totpEnrolledAt).toBeNull();
    expect(c.totpPendingEnc).not.toContain(secret);
    expect(decryptField(c.totpPendingEnc!)).toBe(secret);

    await expect(confirmTotpEnrolment(actor, { code: "000000" === (await totpCode(secret)) ? "111111" : "000000" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { code: expect.any(String) },
    });
    await expect(confirmTotpEnrolment(actor, { code: "12ab" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { code: expect.any(String) },
    });
    expect((await cred(user.id)).totpEnrolledAt).toBeNull();

    const { recoveryCodes } = await confirmTotpEnrolment(actor, { code: await totpCode(secret) });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const rc of recoveryCodes) expect(rc).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    c = await cred(user.id);
    expect(c.totpEnrolledAt).not.toBeNull();
    expect(c.totpPendingEnc).toBeNull();
    expect(c.totpSecretEnc).not.toContain(secret);
    expect(decryptField(c.totpSecretEnc!)).toBe(secret);
    const stored = await db.mfaRecoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    const plain = recoveryCodes.map((r) => r.replace(/-/g, ""));
    for (const s of stored) {
      expect(s.codeHash).toMatch(/^[0-9a-f]{64}$/);
      expect(plain.some((p) => s.codeHash.includes(p))).toBe(false);
    }
    const audit = await db.auditLog.findMany({ where: { targetId: user.id, action: { startsWith: "auth.mfa" } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => `${a.action}:${a.outcome}`)).toEqual([
      "auth.mfa.enrol_start:SUCCESS",
      "auth.mfa.enrol:FAILURE",
      "auth.mfa.enrol:SUCCESS",
    ]);
  });

  test("an enrolled account cannot enrol again (its factor is reset by the security administrator)", async () => {
    const { actor } = await enrolled();
    await expect(startTotpEnrolment(actor)).rejects.toMatchObject({ code: "MFA_ALREADY_ENROLLED", status: 409 });
  });
});

describe("signing in with the second factor", () => {
  test("the right password and a current code sign in; the same code never signs in twice", async () => {
    const { user, secret } = await enrolled();
    const code = await totpCode(secret);
    const first = await signInAs(user, { otp: code });
    expect(first).toEqual(expect.objectContaining({ ok: true, mfaEnrolmentRequired: false }));
    expect(await signInAs(user, { otp: code })).toEqual({ ok: false, reason: "INVALID" });
    // nor an earlier step still inside the ±1 window, once a later one was accepted
    expect(await signInAs(user, { otp: await totpCode(secret, Date.now() - STEP_MS) })).toEqual({ ok: false, reason: "INVALID" });
    // the next step's code is still good (±1 step)
    expect((await signInAs(user, { otp: await totpCode(secret, Date.now() + STEP_MS) })).ok).toBe(true);
    const [ok] = await db.auditLog.findMany({
      where: { targetId: user.id, action: "auth.sign_in", outcome: "SUCCESS" },
      orderBy: { id: "asc" },
    });
    expect(ok?.details).toEqual({ secondFactor: "totp" });
  });

  test("one step of clock drift either way is accepted, two are not", async () => {
    const a = await enrolled();
    expect((await signInAs(a.user, { otp: await totpCode(a.secret, Date.now() + STEP_MS) })).ok).toBe(true);
    const b = await enrolled();
    expect((await signInAs(b.user, { otp: await totpCode(b.secret, Date.now() + 2 * STEP_MS) })).ok).toBe(false);
    const c = await enrolled();
    // the enrolment spent the previous step, so for drift into the past use a fresh account's
    // factor whose last step is older
    await db.credential.update({ where: { userId: c.user.id }, data: { totpLastStep: 0 } });
    expect((await signInAs(c.user, { otp: await totpCode(c.secret, Date.now() - 2 * STEP_MS - 1000) })).ok).toBe(false);
    expect((await signInAs(c.user, { otp: await totpCode(c.secret, Date.now() - STEP_MS) })).ok).toBe(true);
  });

  test("concurrent sign-ins with one code: exactly one wins, across connections", async () => {
    const { user, secret } = await enrolled();
    const code = await totpCode(secret);
    const results = await Promise.all(Array.from({ length: 8 }, () => signInAs(user, { otp: code })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await sessionsOf(user.id)).toBe(1);
  });

  test("a recovery code signs in once in place of the code, typed any way", async () => {
    const { user, recoveryCodes } = await enrolled();
    const [a, b] = recoveryCodes as [string, string];
    expect((await signInAs(user, { otp: a })).ok).toBe(true);
    expect(await signInAs(user, { otp: a })).toEqual({ ok: false, reason: "INVALID" });
    expect((await signInAs(user, { otp: ` ${b.replace(/-/g, "").toLowerCase()} ` })).ok).toBe(true);
    expect(await db.mfaRecoveryCode.count({ where: { userId: user.id, usedAt: { not: null } } })).toBe(2);
    // a recovery code of another account is nothing here
    const other = await enrolled();
    expect(await signInAs(user, { otp: other.recoveryCodes[0] })).toEqual({ ok: false, reason: "INVALID" });
    // two racing uses of one code: one wins (failures so far must not lock the account first)
    await db.credential.update({ where: { userId: user.id }, data: { failedCount: 0 } });
    const c = recoveryCodes[2]!;
    const raced = await Promise.all([signInAs(user, { otp: c }), signInAs(user, { otp: c }), signInAs(user, { otp: c })]);
    expect(raced.filter((r) => r.ok)).toHaveLength(1);
  });

  test("a required but not enrolled account signs in with the password alone into a restricted session", async () => {
    const user = await createUser({ roles: ["MEDICAL_LIAISON"] });
    const res = await signInAs(user);
    expect(res).toEqual(expect.objectContaining({ ok: true, mfaEnrolmentRequired: true }));
    if (!res.ok) return;
    expect(await resolveSession(res.sessionId)).toEqual(expect.objectContaining({ ok: true, mfa: { required: true, enrolled: false } }));
  });

  test("a password reset keeps the second factor: the new password alone does not sign in", async () => {
    const { user, secret } = await enrolled(["HR"]);
    const { temporaryPassword } = await resetPassword(sysAdmin, user.id);
    expect((await cred(user.id)).totpEnrolledAt).not.toBeNull();
    expect(await signInAs(user, { password: temporaryPassword })).toEqual({ ok: false, reason: "INVALID" });
    const res = await signInAs(user, { password: temporaryPassword, otp: await totpCode(secret) });
    expect(res).toEqual(expect.objectContaining({ ok: true, mustChangePassword: true }));
  });
});

describe("the security administrator clears a factor", () => {
  test("the account enrols again at its next sign-in, its sessions end, and only the security administrator may", async () => {
    const { user, actor, secret } = await enrolled();
    const s = await signInAs(user, { otp: await totpCode(secret) });
    if (!s.ok) throw new Error("sign-in failed");
    await expect(clearMfa(sysAdmin, user.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(clearMfa(secAdmin, secAdmin.id)).rejects.toMatchObject({ code: "SELF_CHANGE" });
    await clearMfa(secAdmin, user.id);
    const c = await cred(user.id);
    expect([c.totpEnrolledAt, c.totpSecretEnc, c.totpLastStep]).toEqual([null, null, null]);
    expect(await db.mfaRecoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await resolveSession(s.sessionId)).toEqual(expect.objectContaining({ ok: false, reason: "REVOKED" }));
    expect(await signInAs(user)).toEqual(expect.objectContaining({ ok: true, mfaEnrolmentRequired: true }));
    expect(await db.auditLog.findFirst({ where: { action: "security.mfa.clear", targetId: user.id } })).toEqual(
      expect.objectContaining({ actorId: secAdmin.id, outcome: "SUCCESS" }),
    );
    // and it can enrol anew
    expect((await startTotpEnrolment(actor)).secret).not.toBe(secret);
  });
});

describe("passwords", () => {
  const change = (u: User, from: string, to: string, keepSession: string | null = null) =>
    changeOwnPassword(actorOf(u), { currentPassword: from, newPassword: to, confirmPassword: to }, keepSession);

  test("the shipped list holds at least 10,000 common passwords, the assessor's three among them, compared in any case", () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
    for (const p of ["Password1!", "P@ssw0rd123", "Admin@123456", "PASSWORD1!", "password123"]) expect(isCommonPassword(p)).toBe(true);
    expect(isCommonPassword("Huanghe-Rongshu-47")).toBe(false);
  });

  test.each(["Password1!", "P@ssw0rd123", "Admin@123456", "Qwerty@123456"])(
    "a common password (%s) is refused on fields.newPassword",
    async (p) => {
      const user = await createUser();
      await expect(change(user, DEMO_PASSWORD, p)).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        fields: { newPassword: expect.stringMatching(/常见/) },
      });
    },
  );

  test("the badge number is refused", async () => {
    const user = await createUser();
    await expect(change(user, DEMO_PASSWORD, `Xy#${user.badgeNo.toLowerCase()}9`)).rejects.toMatchObject({
      fields: { newPassword: expect.stringMatching(/警号/) },
    });
  });

  test("the last 5 passwords, the initial one included, are refused; the 6th back is allowed again", async () => {
    const user = await createUser({ password: "Initial-Pass-2026" });
    const chain = ["Initial-Pass-2026", "Second-Pass-2026", "Third-Pass-2026", "Fourth-Pass-2026", "Fifth-Pass-2026"];
    for (let i = 1; i < chain.length; i++) await change(user, chain[i - 1]!, chain[i]!);
    const c = await cred(user.id);
    expect(c.previousPasswordHashes).toHaveLength(4);
    const current = chain[chain.length - 1]!;
    for (const old of chain.slice(0, -1)) {
      await expect(change(user, current, old)).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        fields: { newPassword: expect.stringMatching(/最近 5 次/) },
      });
    }
    await change(user, current, "Sixth-Pass-2026");
    // now the initial password is the 6th back: allowed
    await change(user, "Sixth-Pass-2026", "Initial-Pass-2026");
    expect((await signInAs(user, { password: "Initial-Pass-2026" })).ok).toBe(true);
  });

  test("an administrator's reset puts the replaced password into the history too (database trigger)", async () => {
    const user = await createUser({ password: "Before-Reset-2026" });
    const before = (await cred(user.id)).passwordHash;
    await resetPassword(sysAdmin, user.id);
    expect((await cred(user.id)).previousPasswordHashes[0]).toBe(before);
  });

  test("a password older than the policy's 90 days must be changed at the next sign-in", async () => {
    const user = await createUser({ password: "Aging-Password-2026" });
    await db.credential.update({ where: { userId: user.id }, data: { changedAt: new Date(Date.now() - 91 * 86_400_000) } });
    const res = await signInAs(user, { password: "Aging-Password-2026" });
    if (!res.ok) throw new Error("sign-in failed");
    expect(await resolveSession(res.sessionId)).toEqual(
      expect.objectContaining({ ok: true, mustChangePassword: true, passwordExpired: true }),
    );
    await change(user, "Aging-Password-2026", "Fresh-Password-2027", res.sessionId);
    expect(await resolveSession(res.sessionId)).toEqual(
      expect.objectContaining({ ok: true, mustChangePassword: false, passwordExpired: false }),
    );
  });
});

describe("step-up", () => {
  test("asks for the password again (and the code where enrolled), audits every attempt, and rate-limits failures", async () => {
    const officer = actorOf(await createUser());
    await expect(assertStepUp(officer, { password: "nope" }, "test")).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { password: expect.any(String) },
    });
    await assertStepUp(officer, { password: DEMO_PASSWORD }, "test");

    const { actor, secret } = await enrolled();
    await expect(assertStepUp(actor, { password: DEMO_PASSWORD }, "test")).rejects.toMatchObject({ fields: { otp: expect.any(String) } });
    await expect(
      assertStepUp(actor, { password: DEMO_PASSWORD, otp: "000000" === (await totpCode(secret)) ? "111111" : "000000" }, "test"),
    ).rejects.toMatchObject({
      fields: { otp: expect.any(String) },
    });
    const code = await totpCode(secret);
    await assertStepUp(actor, { password: DEMO_PASSWORD, otp: code }, "test");
    // the code is spent: it neither steps up again nor signs in
    await expect(assertStepUp(actor, { password: DEMO_PASSWORD, otp: code }, "test")).rejects.toMatchObject({
      fields: { otp: expect.any(String) },
    });
    const rows = await db.auditLog.findMany({ where: { actorId: actor.id, action: "auth.step_up" }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.outcome)).toEqual(["FAILURE", "SUCCESS", "FAILURE"]);
    expect(rows[1]?.details).toEqual({ purpose: "test" });

    const victim = actorOf(await createUser());
    for (let i = 0; i < STEP_UP_FAILURE_LIMIT; i++)
      await expect(assertStepUp(victim, { password: `bad-${i}` }, "test")).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(assertStepUp(victim, { password: DEMO_PASSWORD }, "test")).rejects.toMatchObject({ code: "RATE_LIMITED", status: 429 });
    // the account itself is not locked by step-up failures
    expect((await cred(victim.id)).lockedUntil).toBeNull();
  });

  test("the full-ID roster export needs a reason and the step-up, and is limited per person", async () => {
    const hr = actorOf(await createUser({ roles: ["HR", "OFFICER"] }));
    await expect(exportRoster(hr, {}, "csv", { reason: "", password: DEMO_PASSWORD })).rejects.toMatchObject({
      fields: { reason: expect.any(String) },
    });
    await expect(exportRoster(hr, {}, "csv", { reason: "年度社保核对", password: "wrong" })).rejects.toMatchObject({
      fields: { password: expect.any(String) },
    });
    for (let i = 0; i < FULL_EXPORT_LIMIT_PER_HOUR; i++)
      await exportRoster(hr, {}, "csv", { reason: "年度社保核对", password: DEMO_PASSWORD });
    await expect(exportRoster(hr, {}, "csv", { reason: "年度社保核对", password: DEMO_PASSWORD })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    const entry = await db.auditLog.findFirst({ where: { actorId: hr.id, action: "benefits.roster.export_full", outcome: "SUCCESS" } });
    expect(entry?.details).toEqual(expect.objectContaining({ reason: "年度社保核对", fullIdNumbers: true }));
    // the masked export needs none of it
    await exportRoster(hr, {}, "csv", false);
  });
});

describe("sign-out", () => {
  test("ending a session without a known actor (next-auth's signout) is audited against the session's owner", async () => {
    const user = await createUser();
    const res = await signInAs(user);
    if (!res.ok) throw new Error("sign-in failed");
    await revokeSession(res.sessionId, null, "sign_out", { ip: "10.3.4.5", requestId: "3b6f5c2e-8a39-4d1b-9f0e-2c7d5a1e4b60" });
    const entry = await db.auditLog.findFirst({ where: { action: "auth.sign_out", targetId: res.sessionId } });
    expect(entry).toEqual(expect.objectContaining({ actorId: user.id, actorBadgeNo: user.badgeNo, ip: "10.3.4.5", outcome: "SUCCESS" }));
    // twice is once
    await revokeSession(res.sessionId, null);
    expect(await db.auditLog.count({ where: { action: "auth.sign_out", targetId: res.sessionId } })).toBe(1);
  });
});

describe("equal time for an unknown badge number and a wrong password", () => {
  test("medians over interleaved attempts differ by less than a quarter", async () => {
    const users = await Promise.all(Array.from({ length: 12 }, () => createUser()));
    const time = async (fn: () => Promise<unknown>) => {
      const t = process.hrtime.bigint();
      await fn();
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    // warm both paths first (argon2 worker threads, prepared statements)
    await signIn({ badgeNo: `NOPE${Date.now()}`, password: "x" });
    await signIn({ badgeNo: users[0]!.badgeNo, password: "Wrong-Password-0" });
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 1; i < users.length; i++) {
      unknown.push(await time(() => signIn({ badgeNo: `NOPE${Date.now()}${i}`, password: `Wrong-Password-${i}` })));
      wrong.push(await time(() => signIn({ badgeNo: users[i]!.badgeNo, password: `Wrong-Password-${i}` })));
    }
    const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
    const [mu, mw] = [median(unknown), median(wrong)];
    console.log(`sign-in timing: unknown badge median ${mu.toFixed(1)} ms, wrong password median ${mw.toFixed(1)} ms`);
    expect(Math.abs(mu - mw)).toBeLessThan(Math.max(0.25 * Math.max(mu, mw), 8));
  });
});

describe("database outage", () => {
  test("a database that cannot be reached is recognised as unavailable; ordinary errors are not", async () => {
    const down = new PrismaClient({
      adapter: new PrismaPg({ connectionString: "postgresql://postgres@127.0.0.1:1/none", connectionTimeoutMillis: 2000 }),
    });
    const err = await down.user.findUnique({ where: { badgeNo: "X" } }).catch((e: unknown) => e);
    await down.$disconnect();
    expect(isDatabaseUnavailable(err)).toBe(true);
    const unique = await db.user
      .create({ data: { badgeNo: (await createUser()).badgeNo, name: "x", unitId: "nope" } })
      .catch((e: unknown) => e);
    expect(isDatabaseUnavailable(unique)).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
  });
});
