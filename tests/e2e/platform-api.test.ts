// The platform's JSON API as an outside client sees it: sign-in, the error shape, the
// foreign-Origin refusal, malformed JSON, forced password change, nothing leaking.
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { ApiClient, BASE_URL, signedIn } from "./support";

/** An account as the admin page creates it, written straight into this run's database. */
async function insertUser(badgeNo: string, password: string, mustChange: boolean) {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    const id = `e2e${badgeNo.toLowerCase()}`;
    await c.query(
      `INSERT INTO "User" (id, "badgeNo", name, "unitId", roles, "updatedAt") SELECT $1, $2, '新警员', id, '{OFFICER}', now() FROM "Unit" WHERE code = 'QS'`,
      [id, badgeNo],
    );
    await c.query(`INSERT INTO "Credential" ("userId", "passwordHash", "mustChange", "updatedAt") VALUES ($1, $2, $3, now())`, [
      id,
      await hash(password),
      mustChange,
    ]);
  } finally {
    await c.end();
  }
}

const LEAK = /prisma|at \w+ \(|node_modules|SELECT |INSERT |stack|P20\d\d/i;

describe("platform API", () => {
  test("unauthenticated calls get 401 in the error shape", async () => {
    const anon = new ApiClient();
    for (const path of ["/api/v1/me", "/api/v1/audit"]) {
      const r = await anon.req("GET", path);
      expect(r.status).toBe(401);
      expect(r.data).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
    }
  });

  test("GET /api/v1/me describes the signed-in user", async () => {
    const c = await signedIn("100001");
    const r = await c.req("GET", "/api/v1/me");
    expect(r.data).toEqual({
      id: expect.any(String),
      badgeNo: "100001",
      name: "张建国",
      roles: ["OFFICER", "UNIT_LEAD"],
      unit: { id: expect.any(String), name: expect.any(String) },
      mfa: { required: false, enrolled: false },
    });
  });

  test("a wrong password does not sign in", async () => {
    const c = new ApiClient();
    expect(await c.signIn("100003", "Wrong-Password-9")).toBe(false);
  });

  test("the audit log is for the audit administrator only", async () => {
    expect((await (await signedIn("000001")).req("GET", "/api/v1/audit")).status).toBe(403);
    expect((await (await signedIn("100003")).req("GET", "/api/v1/audit")).data.error.code).toBe("FORBIDDEN");
    const r = await (await signedIn("000003")).req("GET", "/api/v1/audit?action=auth.sign_in&pageSize=5");
    expect(r.status).toBe(200);
    // the contract's fields, extended (keyset cursors, capped count; chain position, labels, request id)
    expect(r.data).toEqual(expect.objectContaining({ items: expect.any(Array), total: expect.any(Number), page: 1, pageSize: 5 }));
    expect(r.data).toEqual(expect.objectContaining({ totalCapped: expect.any(Boolean), prevCursor: null }));
    const [item] = r.data.items;
    expect(Object.keys(item)).toEqual(
      expect.arrayContaining(["action", "actor", "at", "details", "id", "ip", "outcome", "target", "targetType"]),
    );
    expect(item).toEqual(expect.objectContaining({ seq: expect.stringMatching(/^\d+$/), actionLabel: "登录" }));
    // keyset: the next page starts after the last entry of this one (each search is itself audited, so there are several)
    const auditor = await signedIn("000003");
    const p1 = await auditor.req("GET", "/api/v1/audit?pageSize=2");
    expect(p1.data.nextCursor).toEqual(expect.any(String));
    const older = await auditor.req("GET", `/api/v1/audit?pageSize=2&cursor=${p1.data.nextCursor}`);
    expect(older.status).toBe(200);
    expect(older.data.items.map((e: { id: string }) => e.id)).not.toContain(p1.data.items[1].id);
    expect(older.data.prevCursor).toEqual(expect.any(String));
    const verify = await (await signedIn("000003")).req("GET", "/api/v1/audit/verify");
    expect(verify.status).toBe(200);
    expect(verify.data).toEqual(expect.objectContaining({ ok: true, checked: expect.any(Number), firstBadId: null }));
    expect((await (await signedIn("000001")).req("GET", "/api/v1/audit/verify")).status).toBe(403);
    expect(item).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        at: expect.stringMatching(/\+08:00$/),
        action: "auth.sign_in",
        outcome: expect.stringMatching(/^(SUCCESS|FAILURE|DENIED)$/),
      }),
    );
  });

  test("bad query parameters are 400 VALIDATION_FAILED with fields", async () => {
    const r = await (await signedIn("000003")).req("GET", "/api/v1/audit?pageSize=1000&from=yesterday");
    expect(r.status).toBe(400);
    expect(r.data.error).toEqual({
      code: "VALIDATION_FAILED",
      message: expect.any(String),
      fields: { pageSize: expect.any(String), from: expect.any(String) },
    });
  });

  test("a state-changing call from a foreign Origin is refused and changes nothing", async () => {
    const c = await signedIn("100004");
    c.origin = "http://evil.example";
    const r = await c.req("POST", "/api/v1/me/password", {
      body: { currentPassword: "Qianshan@2026", newPassword: "Evil-Choice-2026", confirmPassword: "Evil-Choice-2026" },
    });
    expect(r.status).toBe(403);
    expect(r.data.error.code).toBe("FORBIDDEN");
    expect(await new ApiClient().signIn("100004", "Qianshan@2026")).toBe(true);
  });

  test("malformed JSON is 400 VALIDATION_FAILED, with no parser text", async () => {
    const c = await signedIn("100004");
    const r = await c.req("POST", "/api/v1/me/password", { raw: "{not json", headers: { "content-type": "application/json" } });
    expect(r.status).toBe(400);
    expect(r.data.error.code).toBe("VALIDATION_FAILED");
    expect(r.text).not.toMatch(LEAK);
    expect(r.text).not.toMatch(/Unexpected token|position/);
  });

  test("unknown API paths answer 404 in the error shape", async () => {
    const r = await (await signedIn("100004")).req("GET", "/api/v1/nothing/here");
    expect(r.status).toBe(404);
    expect(r.data.error.code).toBe("NOT_FOUND");
  });

  test("a new account must change its password before using the API", async () => {
    const badgeNo = `E${Date.now().toString(36).toUpperCase()}`;
    await insertUser(badgeNo, "Temp#Pass2026", true);
    const c = new ApiClient();
    expect(await c.signIn(badgeNo, "Temp#Pass2026")).toBe(true); // /me answers during the forced change
    const blocked = await c.req("GET", "/api/v1/training/categories");
    expect(blocked.status).toBe(403);
    expect(blocked.data.error.code).toBe("PASSWORD_CHANGE_REQUIRED");
    const weak = await c.req("POST", "/api/v1/me/password", {
      body: { currentPassword: "Temp#Pass2026", newPassword: "weak", confirmPassword: "weak" },
    });
    expect(weak.status).toBe(400);
    expect(weak.data.error.fields.newPassword).toMatch(/至少/);
    const ok = await c.req("POST", "/api/v1/me/password", {
      body: { currentPassword: "Temp#Pass2026", newPassword: "Fresh-Start-2026", confirmPassword: "Fresh-Start-2026" },
    });
    expect(ok.status).toBe(200);
    expect((await c.req("GET", "/api/v1/training/categories")).status).toBe(200);
  });

  test("OpenAPI 3.1 document lists the contract's paths", async () => {
    const r = await new ApiClient().req("GET", "/api/v1/openapi.json");
    expect(r.status).toBe(200);
    expect(r.data.openapi).toBe("3.1.0");
    expect(Object.keys(r.data.paths)).toEqual(expect.arrayContaining(["/api/v1/me", "/api/v1/audit"]));
  });

  test("responses carry security headers and no framework banner", async () => {
    const res = await fetch(`${BASE_URL}/login`);
    expect(res.headers.get("x-powered-by")).toBeNull();
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
  });
});
