// Sign-in security over HTTP against the production build (API.md "Sign-in security"): the
// second factor on the credentials callback, the restricted session and enrolment API, the
// security administrator's reset, the per-address limit with forged X-Forwarded-For, redirects,
// refusals in the audit log, sign-out, headers, body limits, step-up, and what other instances
// answer when the database is down or the site is served over https.
import { totpCode } from "@/lib/auth/totp";
import {
  ApiClient,
  BASE_URL,
  DEMO_PASSWORD,
  dbQuery,
  freshBadge,
  freshTotp,
  insertAccount,
  sessionCookie,
  signedIn,
  startExtraServer,
} from "./support";

const LEAK = /prisma|at \w+ \(|node_modules|SELECT |INSERT |stack|P10\d\d|P20\d\d|Can't reach|127\.0\.0\.1:1\b|ECONNREFUSED/i;
const code = (r: { data: { error?: { code?: string } } | null }) => r.data?.error?.code;
const auditRows = (where: string, params: unknown[]) =>
  dbQuery<{
    action: string;
    outcome: string;
    ip: string | null;
    target: string | null;
    actorBadgeNo: string | null;
    details: Record<string, unknown>;
  }>(`SELECT action, outcome, ip, target, "actorBadgeNo", details FROM "AuditLog" WHERE ${where} ORDER BY id`, params);

describe("second factor on the credentials callback", () => {
  test("an enrolled demo account: password alone or a wrong code gets no cookie and the same answer as a wrong password", async () => {
    const wrongPassword = await new ApiClient().callback({ badgeNo: "030001", password: "Wrong-Password-1" });
    for (const otp of ["", "000000", "12345"]) {
      const c = new ApiClient();
      const r = await c.callback({ badgeNo: "030001", password: DEMO_PASSWORD, otp });
      expect(r.status).toBe(wrongPassword.status);
      expect(new URL(r.data.url).searchParams.get("error")).toBe("CredentialsSignin");
      expect([...c.jar.keys()].some((k) => k.includes("session-token"))).toBe(false);
      expect((await c.req("GET", "/api/v1/me")).status).toBe(401);
    }
  });

  test("with the demo TOTP it signs in once; the same code again does not", async () => {
    const otp = await freshTotp("030001");
    const a = new ApiClient();
    await a.callback({ badgeNo: "030001", password: DEMO_PASSWORD, otp });
    const me = await a.req("GET", "/api/v1/me");
    expect(me.status).toBe(200);
    expect(me.data.mfa).toEqual({ required: true, enrolled: true });
    const b = new ApiClient();
    await b.callback({ badgeNo: "030001", password: DEMO_PASSWORD, otp });
    expect((await b.req("GET", "/api/v1/me")).status).toBe(401);
  });
});

describe("an account that must still enrol", () => {
  test("gets a restricted session, enrols through the API, then works; the security administrator's reset sends it back", async () => {
    const badgeNo = freshBadge("M");
    const userId = await insertAccount({ badgeNo, password: "Liaison#Start-2026", roles: ["MEDICAL_LIAISON", "OFFICER"] });
    const c = new ApiClient();
    expect(await c.signIn(badgeNo, "Liaison#Start-2026", "")).toBe(true);
    const me = await c.req("GET", "/api/v1/me");
    expect(me.data.mfa).toEqual({ required: true, enrolled: false });
    for (const [method, path] of [
      ["GET", "/api/v1/training/categories"],
      ["GET", "/api/v1/medical/bookings"],
      ["POST", "/api/v1/medical/slots"],
    ] as const) {
      const r = await c.req(method, path, method === "POST" ? { body: {} } : {});
      expect(r.status).toBe(403);
      expect(code(r)).toBe("MFA_ENROLMENT_REQUIRED");
    }
    const denied = await auditRows(`"actorBadgeNo" = $1 AND action = 'access.denied'`, [badgeNo]);
    expect(denied.map((d) => d.target)).toEqual(expect.arrayContaining(["GET /api/v1/training/categories", "POST /api/v1/medical/slots"]));
    expect(denied.every((d) => d.outcome === "DENIED" && d.details.code === "MFA_ENROLMENT_REQUIRED")).toBe(true);

    const start = await c.req("POST", "/api/v1/me/mfa/totp");
    expect(start.status).toBe(201);
    expect(start.data).toEqual({
      secret: expect.stringMatching(/^[A-Z2-7]{32}$/),
      otpauthUrl: expect.stringMatching(/^otpauth:\/\/totp\//),
    });
    const secret: string = start.data.secret;
    const wrong = await c.req("POST", "/api/v1/me/mfa/totp/confirm", {
      body: { code: "000000" === (await totpCode(secret)) ? "111111" : "000000" },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.data.error).toEqual({ code: "VALIDATION_FAILED", message: expect.any(String), fields: { code: expect.any(String) } });
    const ok = await c.req("POST", "/api/v1/me/mfa/totp/confirm", { body: { code: await totpCode(secret) } });
    expect(ok.status).toBe(200);
    expect(ok.data.recoveryCodes).toHaveLength(10);
    expect((await c.req("GET", "/api/v1/training/categories")).status).toBe(200);
    expect((await c.req("GET", "/api/v1/me")).data.mfa).toEqual({ required: true, enrolled: true });
    const [row] = await dbQuery<{ enrolled: boolean }>(
      `SELECT "totpEnrolledAt" IS NOT NULL AS enrolled FROM "Credential" WHERE "userId" = $1`,
      [userId],
    );
    expect(row?.enrolled).toBe(true);
    // again: already enrolled
    expect(code(await c.req("POST", "/api/v1/me/mfa/totp"))).toBe("MFA_ALREADY_ENROLLED");

    // password alone no longer signs in; a recovery code does, once
    expect(await new ApiClient().signIn(badgeNo, "Liaison#Start-2026", "")).toBe(false);
    expect(await new ApiClient().signIn(badgeNo, "Liaison#Start-2026", ok.data.recoveryCodes[0])).toBe(true);
    expect(await new ApiClient().signIn(badgeNo, "Liaison#Start-2026", ok.data.recoveryCodes[0])).toBe(false);

    // only the security administrator clears it
    const sys = await signedIn("000001");
    const refused = await sys.req("DELETE", `/api/v1/admin/users/${userId}/mfa`);
    expect(refused.status).toBe(403);
    const sec = await signedIn("000002");
    const cleared = await sec.req("DELETE", `/api/v1/admin/users/${userId}/mfa`);
    expect(cleared.status).toBe(200);
    expect((await c.req("GET", "/api/v1/me")).status).toBe(401); // its sessions ended
    const again = new ApiClient();
    expect(await again.signIn(badgeNo, "Liaison#Start-2026", "")).toBe(true);
    expect((await again.req("GET", "/api/v1/me")).data.mfa).toEqual({ required: true, enrolled: false });
    expect(code(await again.req("GET", "/api/v1/training/categories"))).toBe("MFA_ENROLMENT_REQUIRED");
    expect(code(await sec.req("DELETE", `/api/v1/admin/users/nobody/mfa`))).toBe("NOT_FOUND");
  });

  test("a password past its maximum age must be changed first (403 PASSWORD_CHANGE_REQUIRED), and common passwords are refused", async () => {
    const badgeNo = freshBadge("P");
    await insertAccount({ badgeNo, password: "Old#Password-2025", passwordChangedDaysAgo: 120 });
    const c = new ApiClient();
    expect(await c.signIn(badgeNo, "Old#Password-2025")).toBe(true);
    const blocked = await c.req("GET", "/api/v1/training/categories");
    expect(blocked.status).toBe(403);
    expect(code(blocked)).toBe("PASSWORD_CHANGE_REQUIRED");
    for (const common of ["Password1!", "P@ssw0rd123", "Admin@123456"]) {
      const r = await c.req("POST", "/api/v1/me/password", {
        body: { currentPassword: "Old#Password-2025", newPassword: common, confirmPassword: common },
      });
      expect(r.status).toBe(400);
      expect(r.data.error.fields.newPassword).toMatch(/常见/);
    }
    const same = await c.req("POST", "/api/v1/me/password", {
      body: { currentPassword: "Old#Password-2025", newPassword: "Old#Password-2025", confirmPassword: "Old#Password-2025" },
    });
    expect(same.status).toBe(400);
    const ok = await c.req("POST", "/api/v1/me/password", {
      body: { currentPassword: "Old#Password-2025", newPassword: "Brand#New-Pass-2026", confirmPassword: "Brand#New-Pass-2026" },
    });
    expect(ok.status).toBe(200);
    expect((await c.req("GET", "/api/v1/training/categories")).status).toBe(200);
  });
});

describe("the client address is the socket's", () => {
  test("30 failures from one address: it gets 429 RATE_LIMITED, forged X-Forwarded-For does not help, and audit rows carry the real address", async () => {
    const from = "127.0.0.77";
    const c = new ApiClient();
    c.localAddress = from;
    for (let i = 0; i < 30; i++) {
      const r = await c.callback({ badgeNo: `NOPE${i}`, password: `spray-${i}` });
      expect(r.status).toBe(401);
    }
    for (const xff of [undefined, "10.9.9.9", "10.9.9.9, 10.8.8.8", "127.0.0.1"]) {
      const { data } = await c.req("GET", "/api/auth/csrf");
      const r = await c.req("POST", "/api/auth/callback/credentials", {
        form: { csrfToken: data.csrfToken, badgeNo: "100017", password: DEMO_PASSWORD, json: "true" },
        headers: xff ? { "x-forwarded-for": xff, "x-real-ip": "10.7.7.7" } : {},
      });
      expect(r.status).toBe(429);
      expect(r.data.error).toEqual({ code: "RATE_LIMITED", message: expect.stringMatching(/频繁/) });
      expect(r.headers.get("cache-control")).toBe("no-store");
    }
    // the same account from another address signs in
    const other = new ApiClient();
    other.localAddress = "127.0.0.78";
    expect(await other.signIn("100017")).toBe(true);
    const rows = await auditRows(`action = 'auth.sign_in' AND (ip = $1 OR ip LIKE '10.%')`, [from]);
    expect(rows.filter((r) => r.ip === from).length).toBeGreaterThanOrEqual(34);
    expect(rows.some((r) => r.ip?.startsWith("10."))).toBe(false);
  });

  test("a forged X-Forwarded-For never reaches an audit row", async () => {
    const c = new ApiClient();
    c.localAddress = "127.0.0.79";
    await c.callback({ badgeNo: "100018", password: "Wrong-Password-7" });
    const { data } = await c.req("GET", "/api/auth/csrf");
    await c.req("POST", "/api/auth/callback/credentials", {
      form: { csrfToken: data.csrfToken, badgeNo: "100018", password: "Wrong-Password-8", json: "true" },
      headers: { "x-forwarded-for": "10.66.66.66", "x-jingxin-client-ip": "10.66.66.67", "x-jingxin-edge": "guess" },
    });
    const rows = await auditRows(`action = 'auth.sign_in' AND target = '100018' AND outcome = 'FAILURE'`, []);
    expect(rows.slice(-2).map((r) => r.ip)).toEqual(["127.0.0.79", "127.0.0.79"]);
    expect(await auditRows(`ip LIKE '10.66.%'`, [])).toEqual([]);
  });
});

describe("redirects after sign-in stay on this site", () => {
  const BYPASSES = [
    "//evil.test",
    "/.//evil.test",
    "/%2e//evil.test",
    "/%2e%2e//evil.test",
    "/\\/evil.test",
    "/\\evil.test",
    "/%5c/evil.test",
    "/%2f/evil.test",
    "/\t/evil.test",
    "https://evil.test",
    "javascript:alert(1)",
    "//jingxin@evil.test",
    "/%0a/evil.test",
    "／／evil.test",
  ];

  test("a signed-in user sent to /login?next=… lands on a path of this site", async () => {
    const c = await signedIn("100019");
    for (const next of BYPASSES) {
      const r = await c.req("GET", `/login?next=${encodeURIComponent(next)}`);
      expect(r.status).toBeGreaterThanOrEqual(300);
      expect(r.status).toBeLessThan(400);
      const to = new URL(r.headers.get("location")!, BASE_URL);
      expect(to.origin).toBe(new URL(BASE_URL).origin);
      expect(to.pathname.startsWith("//")).toBe(false);
    }
    const deep = await c.req("GET", `/login?next=${encodeURIComponent("/training/check-in?s=abc&t=def")}`);
    expect(new URL(deep.headers.get("location")!, BASE_URL).pathname + new URL(deep.headers.get("location")!, BASE_URL).search).toBe(
      "/training/check-in?s=abc&t=def",
    );
  });

  test("next-auth's callbackUrl too", async () => {
    for (const callbackUrl of [...BYPASSES, "https://evil.test/login"]) {
      const c = new ApiClient();
      const r = await c.callback({ badgeNo: "100019", password: DEMO_PASSWORD, callbackUrl });
      expect(new URL(r.data.url).origin).toBe(new URL(BASE_URL).origin);
      expect(new URL(r.data.url).pathname.startsWith("//")).toBe(false);
    }
  });
});

describe("refusals with a known user are audited", () => {
  test("401 with a revoked or expired session, 403 from a permission or from the domain", async () => {
    const c = await signedIn("100020");
    const sid = (
      await dbQuery<{ id: string }>(
        `SELECT id FROM "AuthSession" WHERE "userAgent" = 'session-fixture' AND "userId" = (SELECT id FROM "User" WHERE "badgeNo" = '100020') ORDER BY "createdAt" DESC LIMIT 1`,
      )
    )[0]!.id;
    const forbidden = await c.req("GET", "/api/v1/audit");
    expect(forbidden.status).toBe(403);
    const sessions = (await c.req("GET", "/api/v1/training/sessions?pageSize=1")).data.items;
    if (sessions[0]) expect((await c.req("GET", `/api/v1/training/sessions/${sessions[0].id}/enrollments`)).status).toBe(403);
    const page = await c.req("GET", "/admin/users");
    expect(page.status).toBe(403);
    await dbQuery(`UPDATE "AuthSession" SET "revokedAt" = now() WHERE id = $1`, [sid]);
    const gone = await c.req("GET", "/api/v1/me");
    expect(gone.status).toBe(401);
    const pageGone = await c.req("GET", "/training?q=x");
    expect(pageGone.status).toBe(307);
    expect(pageGone.headers.get("location")).toBe(`/login?next=${encodeURIComponent("/training?q=x")}`);
    // an unknown session says nothing about anyone, and is not audited against anyone
    const anon = new ApiClient();
    anon.jar.set((await sessionCookie("100020")).name, "not-a-token");
    expect((await anon.req("GET", "/api/v1/me")).status).toBe(401);

    const rows = await auditRows(`"actorBadgeNo" = '100020' AND action LIKE 'access.%'`, []);
    const seen = rows.map((r) => `${r.action} ${r.target} ${r.details.status}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        "access.denied GET /api/v1/audit 403",
        "access.denied GET /admin/users 403",
        "access.unauthenticated GET /api/v1/me 401",
        "access.unauthenticated GET /training 401",
        ...(sessions[0] ? [`access.denied GET /api/v1/training/sessions/${sessions[0].id}/enrollments 403`] : []),
      ]),
    );
    expect(rows.every((r) => r.outcome === "DENIED" && r.ip === "127.0.0.1")).toBe(true);
    // once per request, though the layout and the page both look
    expect(rows.filter((r) => r.target === "GET /admin/users")).toHaveLength(1);
    expect(rows.filter((r) => r.target === "GET /training")).toHaveLength(1);
  });
});

describe("sign-out", () => {
  test("through /api/auth/signout: the session ends, audited, and the browser is told to clear the site's data", async () => {
    const c = await signedIn("100016");
    const { data } = await c.req("GET", "/api/auth/csrf");
    const r = await c.req("POST", "/api/auth/signout", { form: { csrfToken: data.csrfToken, json: "true" } });
    expect(r.status).toBe(200);
    expect(r.headers.get("clear-site-data")).toBe('"cookies", "storage"');
    const [session] = await dbQuery<{ revoked: boolean }>(
      `SELECT "revokedAt" IS NOT NULL AS revoked FROM "AuthSession" WHERE "userAgent" = 'session-fixture' AND "userId" = (SELECT id FROM "User" WHERE "badgeNo" = '100016') ORDER BY "createdAt" DESC LIMIT 1`,
    );
    expect(session?.revoked).toBe(true);
    const rows = await auditRows(`action = 'auth.sign_out' AND "actorBadgeNo" = '100016'`, []);
    expect(rows.at(-1)).toEqual(expect.objectContaining({ outcome: "SUCCESS", ip: "127.0.0.1" }));
  });

  test("through the portal's button: 303 to /login, cookie cleared, Clear-Site-Data, audited; a foreign Origin is refused", async () => {
    const c = await signedIn("100015");
    const foreign = new ApiClient("http://evil.example");
    foreign.jar = new Map(c.jar);
    expect((await foreign.req("POST", "/account/sign-out")).status).toBe(403);
    expect((await c.req("GET", "/api/v1/me")).status).toBe(200);
    const r = await c.req("POST", "/account/sign-out");
    expect(r.status).toBe(303);
    expect(r.headers.get("location")).toBe("/login");
    expect(r.headers.get("clear-site-data")).toBe('"cookies", "storage"');
    expect(r.headers.getSetCookie().some((s) => /next-auth\.session-token=;.*Max-Age=0/.test(s))).toBe(true);
    expect((await c.req("GET", "/api/v1/me")).status).toBe(401);
    expect((await auditRows(`action = 'auth.sign_out' AND "actorBadgeNo" = '100015'`, [])).length).toBeGreaterThanOrEqual(1);
  });
});

describe("headers and residue", () => {
  test("pages carry a per-request nonce CSP (no 'unsafe-inline' for scripts), no-store, a request id", async () => {
    const [a, b] = await Promise.all([fetch(`${BASE_URL}/login`), fetch(`${BASE_URL}/login`)]);
    const csp = a.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(b.headers.get("content-security-policy")).not.toContain(nonce!);
    const script = /script-src ([^;]+)/.exec(csp)![1]!;
    expect(script).not.toContain("unsafe-inline");
    for (const d of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "default-src 'self'"]) expect(csp).toContain(d);
    const html = await a.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
    expect(a.headers.get("cache-control")).toContain("no-store");
    expect(a.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers.get("strict-transport-security")).toBeNull(); // plain http here
  });

  test("API answers, errors and authenticated pages are not stored; a well-formed request id is kept, anything else replaced", async () => {
    const c = await signedIn("100014");
    for (const path of ["/api/v1/me", "/api/v1/nothing/here", "/api/v1/training/categories", "/", "/training"]) {
      const r = await c.req("GET", path);
      expect(`${path} ${r.headers.get("cache-control")}`).toMatch(/no-store/);
    }
    expect((await new ApiClient().req("GET", "/api/v1/me")).headers.get("cache-control")).toMatch(/no-store/);
    const id = "0f8fad5b-d9cb-469f-a165-70867728950e";
    expect((await c.req("GET", "/api/v1/me", { headers: { "x-request-id": id } })).headers.get("x-request-id")).toBe(id);
    const bad = await c.req("GET", "/api/v1/me", { headers: { "x-request-id": "not-a-uuid<script>" } });
    expect(bad.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("a JSON body over 1 MiB is refused with 413 in the error shape, even without a Content-Length", async () => {
    const c = await signedIn("100013");
    const big = JSON.stringify({ currentPassword: "x".repeat(1_200_000), newPassword: "y", confirmPassword: "y" });
    const r = await c.req("POST", "/api/v1/me/password", { raw: big, headers: { "content-type": "application/json" } });
    expect(r.status).toBe(413);
    expect(r.data.error).toEqual({ code: "PAYLOAD_TOO_LARGE", message: expect.any(String) });
    const stream = new ReadableStream({
      start(ctl) {
        for (let i = 0; i < 20; i++) ctl.enqueue(new TextEncoder().encode("x".repeat(100_000)));
        ctl.close();
      },
    });
    const cookie = [...c.jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const chunked = await fetch(`${BASE_URL}/api/v1/me/password`, {
      method: "POST",
      headers: { cookie, origin: BASE_URL, "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await chunked.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
  });
});

describe("step-up for the full-ID roster export", () => {
  test("GET with full=1 is refused; POST needs a reason, the password and the HR officer's TOTP", async () => {
    const hr = await signedIn("020001");
    const get = await hr.req("GET", "/api/v1/benefits/exports/roster?format=csv&full=1");
    expect(get.status).toBe(403);
    expect(code(get)).toBe("STEP_UP_REQUIRED");
    const masked = await hr.req("GET", "/api/v1/benefits/exports/roster?format=csv");
    expect(masked.status).toBe(200);
    const noReason = await hr.req("POST", "/api/v1/benefits/exports/roster", { body: { format: "csv", password: DEMO_PASSWORD } });
    expect(noReason.data.error.fields.reason).toBeDefined();
    const noOtp = await hr.req("POST", "/api/v1/benefits/exports/roster", {
      body: { format: "csv", reason: "社保年度核对", password: DEMO_PASSWORD },
    });
    expect(noOtp.data.error.fields.otp).toBeDefined();
    const wrongPassword = await hr.req("POST", "/api/v1/benefits/exports/roster", {
      body: { format: "csv", reason: "社保年度核对", password: "nope", otp: "123456" },
    });
    expect(wrongPassword.data.error.fields.password).toBeDefined();
    const ok = await hr.req("POST", "/api/v1/benefits/exports/roster", {
      body: { format: "csv", reason: "社保年度核对", password: DEMO_PASSWORD, otp: await freshTotp("020001") },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/text\/csv/);
    expect(ok.text).toMatch(/\d{17}[\dX]/); // full ID numbers
    const [audit] = await dbQuery<{ details: { reason?: string } }>(
      `SELECT details FROM "AuditLog" WHERE action = 'benefits.roster.export_full' AND "actorBadgeNo" = '020001' AND outcome = 'SUCCESS' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit?.details.reason).toBe("社保年度核对");
  });
});

describe("other instances", () => {
  let down: Awaited<ReturnType<typeof startExtraServer>>;
  let https: Awaited<ReturnType<typeof startExtraServer>>;
  beforeAll(async () => {
    const port = Number(new URL(BASE_URL).port);
    [down, https] = await Promise.all([
      startExtraServer({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" }),
      startExtraServer({ DATABASE_URL: process.env.DATABASE_URL!, NEXTAUTH_URL: `https://127.0.0.1:${port + 1}` }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([down?.stop(), https?.stop()]);
  });

  test("with the database down, the credentials callback answers 503 UNAVAILABLE and leaks nothing", async () => {
    const c = new ApiClient(down.baseUrl, down.baseUrl);
    const r = await c.callback({ badgeNo: "100012", password: DEMO_PASSWORD });
    expect(r.status).toBe(503);
    expect(r.data.error).toEqual({ code: "UNAVAILABLE", message: "服务暂不可用，请稍后再试" });
    expect(r.text).not.toMatch(LEAK);
    // a browser form without script is sent back to the login page, which says so
    const { data } = await c.req("GET", "/api/auth/csrf");
    const form = await c.req("POST", "/api/auth/callback/credentials", {
      form: { csrfToken: data.csrfToken, badgeNo: "100012", password: DEMO_PASSWORD },
    });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe("/login?error=UNAVAILABLE");
    const page = await c.req("GET", "/login?error=UNAVAILABLE");
    expect(page.text).toContain("服务暂不可用");
    expect(page.text).not.toMatch(LEAK);
    // someone still holding a session cookie gets the form too, with the same message
    const { name, value } = await sessionCookie("100012");
    const holder = new ApiClient(down.baseUrl, down.baseUrl);
    holder.jar.set(name, value);
    const login = await holder.req("GET", "/login");
    expect(login.status).toBe(200);
    expect(login.text).toContain("服务暂不可用");
    expect(login.text).not.toMatch(LEAK);
  });

  test("served over https: HSTS, __Host- cookies, and only the __Host- session cookie is read", async () => {
    const c = new ApiClient(https.baseUrl, https.baseUrl);
    const csrf = await c.req("GET", "/api/auth/csrf");
    expect(csrf.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(
      csrf.headers.getSetCookie().some((s) => s.startsWith("__Host-next-auth.csrf-token=") && /; Secure/i.test(s) && /Path=\//.test(s)),
    ).toBe(true);
    await c.callback({ badgeNo: "100011", password: DEMO_PASSWORD });
    const cookieName = [...c.jar.keys()].find((k) => k.includes("session-token"));
    expect(cookieName).toBe("__Host-next-auth.session-token");
    expect((await c.req("GET", "/api/v1/me")).status).toBe(200);
    // the same token under the plain name is not a session there
    const plain = new ApiClient(https.baseUrl, https.baseUrl);
    plain.jar.set("next-auth.session-token", c.jar.get("__Host-next-auth.session-token")!);
    expect((await plain.req("GET", "/api/v1/me")).status).toBe(401);
    expect((await c.req("GET", "/login")).headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });
});

test("the OpenAPI document lists the new routes", async () => {
  const r = await new ApiClient().req("GET", "/api/v1/openapi.json");
  expect(Object.keys(r.data.paths)).toEqual(
    expect.arrayContaining([
      "/api/v1/me/mfa/totp",
      "/api/v1/me/mfa/totp/confirm",
      "/api/v1/admin/users/{id}/mfa",
      "/api/v1/benefits/exports/roster",
    ]),
  );
  expect(Object.keys(r.data.paths["/api/v1/benefits/exports/roster"]).sort()).toEqual(["get", "post"]);
  expect(r.data.components.schemas.Me.properties.mfa).toBeDefined();
});
