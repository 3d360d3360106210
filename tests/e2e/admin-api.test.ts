// The administration JSON API (API.md "Administration (三员分立 …)") against the demo seed:
// paths, roles, status codes, shapes and refusals. Accounts it changes are ones it creates, so
// the demo accounts stay as other tests expect them.
import { ApiClient, freshTotp, signedIn } from "./support";

const code = (r: { data: { error?: { code?: string } } | null }) => r.data?.error?.code;
const newBadge = () => `A${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1e4)}`.slice(0, 16);

function upload(csv: string, name = "people.csv") {
  const fd = new FormData();
  fd.set("file", new Blob([`\uFEFF${csv}`], { type: "text/csv" }), name);
  return fd;
}

describe("administration API", () => {
  let sys: ApiClient, sec: ApiClient, audit: ApiClient, officer: ApiClient, hr: ApiClient;
  let station: { id: string; name: string; code: string };
  beforeAll(async () => {
    [sys, sec, audit, officer, hr] = await Promise.all([
      signedIn("000001"),
      signedIn("000002"),
      signedIn("000003"),
      signedIn("100005"),
      signedIn("020001"),
    ]);
    const units = await sys.req("GET", "/api/v1/admin/units");
    station = units.data.find((u: { parentId: string | null }) => u.parentId);
  });

  const createOfficer = async (roles = ["OFFICER"]) => {
    const badgeNo = newBadge();
    return sys.req("POST", "/api/v1/admin/users", { body: { badgeNo, name: "接口新警", unitId: station.id, roles } });
  };

  test("GET /admin/units: both administrators of identities and grants; nobody else", async () => {
    for (const c of [sys, sec]) {
      const r = await c.req("GET", "/api/v1/admin/units");
      expect(r.status).toBe(200);
      expect(r.data.length).toBeGreaterThan(1);
      for (const u of r.data) expect(Object.keys(u)).toEqual(expect.arrayContaining(["id", "name", "parentId", "code"]));
    }
    for (const c of [audit, officer, hr]) expect((await c.req("GET", "/api/v1/admin/units")).status).toBe(403);
  });

  test("POST /admin/users: 201 with initialPassword for OFFICER/AUXILIARY; any other role 403 ROLE_GRANT_FORBIDDEN", async () => {
    const r = await createOfficer();
    expect(r.status).toBe(201);
    expect(r.data).toMatchObject({ roles: ["OFFICER"], unit: { id: station.id }, active: true, mfaEnrolled: false });
    expect(r.data.initialPassword).toHaveLength(14);
    const aux = await createOfficer(["AUXILIARY"]);
    expect(aux.status).toBe(201);
    for (const roles of [["OFFICER", "HR"], ["SECURITY_ADMIN"], ["MEDICAL_LIAISON"]]) {
      const refused = await createOfficer(roles);
      expect([refused.status, code(refused)]).toEqual([403, "ROLE_GRANT_FORBIDDEN"]);
    }
    const dup = await sys.req("POST", "/api/v1/admin/users", {
      body: { badgeNo: r.data.badgeNo, name: "重复", unitId: station.id, roles: ["OFFICER"] },
    });
    expect([dup.status, code(dup), Object.keys(dup.data.error.fields)]).toEqual([400, "VALIDATION_FAILED", ["badgeNo"]]);
    const bySec = await sec.req("POST", "/api/v1/admin/users", {
      body: { badgeNo: newBadge(), name: "x", unitId: station.id, roles: ["OFFICER"] },
    });
    expect([bySec.status, code(bySec)]).toEqual([403, "FORBIDDEN"]);
  });

  test("GET /admin/users: a page of {id, badgeNo, name, roles, unit, active, mfaEnrolled} for SYS_ADMIN and SECURITY_ADMIN", async () => {
    for (const c of [sys, sec]) {
      const r = await c.req("GET", "/api/v1/admin/users?q=020001");
      expect(r.status).toBe(200);
      expect(r.data).toMatchObject({ total: 1, page: 1 });
      expect(r.data.items[0]).toMatchObject({
        badgeNo: "020001",
        roles: expect.arrayContaining(["HR", "OFFICER"]),
        active: true,
        mfaEnrolled: true,
      });
      expect(Object.keys(r.data.items[0])).toEqual(
        expect.arrayContaining(["id", "badgeNo", "name", "roles", "unit", "active", "mfaEnrolled"]),
      );
    }
    const byUnit = await sec.req("GET", `/api/v1/admin/users?unitId=${station.id}&pageSize=100`);
    expect(byUnit.data.items.every((u: { unit: { id: string } }) => u.unit.id === station.id)).toBe(true);
    for (const c of [audit, officer, hr]) expect((await c.req("GET", "/api/v1/admin/users")).status).toBe(403);
  });

  test("PUT /admin/users/{id}/roles: SECURITY_ADMIN only, with step-up; never administrator roles, never oneself", async () => {
    const target = (await createOfficer()).data;
    const url = `/api/v1/admin/users/${target.id}/roles`;
    const bySys = await sys.req("PUT", url, { body: { roles: ["OFFICER", "LECTURER"], password: "Qianshan@2026" } });
    expect([bySys.status, code(bySys)]).toEqual([403, "FORBIDDEN"]);
    const noStepUp = await sec.req("PUT", url, { body: { roles: ["OFFICER", "LECTURER"] } });
    expect([noStepUp.status, code(noStepUp)]).toEqual([403, "STEP_UP_REQUIRED"]);
    const adminRole = await sec.req("PUT", url, { body: { roles: ["AUDIT_ADMIN"], password: "Qianshan@2026" } });
    expect([adminRole.status, code(adminRole)]).toEqual([403, "ROLE_GRANT_FORBIDDEN"]);
    const me = (await sec.req("GET", "/api/v1/me")).data;
    const self = await sec.req("PUT", `/api/v1/admin/users/${me.id}/roles`, { body: { roles: ["OFFICER"], password: "Qianshan@2026" } });
    expect([self.status, code(self)]).toEqual([403, "ROLE_GRANT_FORBIDDEN"]);
    const wrong = await sec.req("PUT", url, { body: { roles: ["OFFICER", "LECTURER"], password: "Wrong-Password-1", otp: "000000" } });
    expect([wrong.status, code(wrong)]).toEqual([400, "VALIDATION_FAILED"]);
    // HR for an account still on the initial password the system administrator holds
    const pending = await sec.req("PUT", url, {
      body: { roles: ["OFFICER", "HR"], password: "Qianshan@2026", otp: await freshTotp("000002") },
    });
    expect([pending.status, code(pending)]).toEqual([409, "INITIAL_PASSWORD_PENDING"]);
    const ok = await sec.req("PUT", url, {
      body: { roles: ["OFFICER", "LECTURER"], password: "Qianshan@2026", otp: await freshTotp("000002") },
    });
    expect(ok.status).toBe(200);
    expect(ok.data).toMatchObject({ id: target.id, roles: ["OFFICER", "LECTURER"] });
    const missing = await sec.req("PUT", "/api/v1/admin/users/nobody/roles", { body: { roles: ["OFFICER"], password: "Qianshan@2026" } });
    expect([missing.status, code(missing)]).toEqual([404, "NOT_FOUND"]);
  });

  test("POST /reset-password and /disable: SYS_ADMIN; the disabled account's session ends at once", async () => {
    const target = (await createOfficer()).data;
    const reset = await sys.req("POST", `/api/v1/admin/users/${target.id}/reset-password`);
    expect(reset.status).toBe(200);
    expect(Object.keys(reset.data)).toEqual(["initialPassword"]);
    expect((await sec.req("POST", `/api/v1/admin/users/${target.id}/reset-password`)).status).toBe(403);
    const peer = (await sys.req("GET", "/api/v1/admin/users?q=000003")).data.items[0];
    const refused = await sys.req("POST", `/api/v1/admin/users/${peer.id}/reset-password`);
    expect([refused.status, code(refused)]).toEqual([403, "PEER_ADMIN"]);

    const person = new ApiClient();
    expect(await person.signIn(target.badgeNo, reset.data.initialPassword, "")).toBe(true);
    expect((await sec.req("POST", `/api/v1/admin/users/${target.id}/disable`)).status).toBe(403);
    const disabled = await sys.req("POST", `/api/v1/admin/users/${target.id}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.data).toMatchObject({ id: target.id, active: false });
    expect((await person.req("GET", "/api/v1/me")).status).toBe(401);
    expect((await sys.req("POST", "/api/v1/admin/users/nobody/disable")).status).toBe(404);
  });

  test("POST /admin/users/import: 400 IMPORT_REJECTED with every bad row and nothing written; 201 {created}; passwords downloadable once", async () => {
    const [a, b] = [newBadge(), newBadge() + "B"];
    const bad = `警号,姓名,单位,类别\n${a},甲,${station.code},民警\n${b},乙,没有的单位,辅警\n${a},丙,${station.name},民警\n`;
    const rejected = await sys.req("POST", "/api/v1/admin/users/import", { raw: upload(bad) });
    expect([rejected.status, code(rejected)]).toEqual([400, "IMPORT_REJECTED"]);
    expect(rejected.data.error.rows.map((r: { row: number }) => r.row)).toEqual([3, 4]);
    expect((await sys.req("GET", `/api/v1/admin/users?q=${a}`)).data.total).toBe(0);

    const good = `badgeNo,name,unit,kind\n${a},甲,${station.code},OFFICER\n${b},乙,${station.name},辅警\n`;
    expect((await sec.req("POST", "/api/v1/admin/users/import", { raw: upload(good) })).status).toBe(403);
    const made = await sys.req("POST", "/api/v1/admin/users/import", { raw: upload(good) });
    expect(made.status).toBe(201);
    expect(made.data).toMatchObject({
      created: 2,
      passwordsUrl: expect.stringMatching(/^\/api\/v1\/admin\/users\/imports\/.+\/passwords$/),
    });
    expect((await sys.req("GET", `/api/v1/admin/users?q=${b}`)).data.items[0]).toMatchObject({ roles: ["AUXILIARY"] });

    const file = await sys.req("POST", made.data.passwordsUrl);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toMatch(/spreadsheetml/);
    expect(file.headers.get("cache-control")).toMatch(/no-store/);
    const again = await sys.req("POST", made.data.passwordsUrl);
    expect([again.status, code(again)]).toEqual([410, "ALREADY_DOWNLOADED"]);
    expect((await sec.req("POST", made.data.passwordsUrl)).status).toBe(403);
  });

  test("the OpenAPI document lists every administration route", async () => {
    const r = await new ApiClient().req("GET", "/api/v1/openapi.json");
    expect(Object.keys(r.data.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/admin/units",
        "/api/v1/admin/users",
        "/api/v1/admin/users/{id}/roles",
        "/api/v1/admin/users/{id}/reset-password",
        "/api/v1/admin/users/{id}/disable",
        "/api/v1/admin/users/{id}/mfa",
        "/api/v1/admin/users/import",
        "/api/v1/admin/users/imports/{id}/passwords",
      ]),
    );
  });
});
