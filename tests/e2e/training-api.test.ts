import { ApiClient, signedIn } from "./support";

const day = (d: number, h: number) => {
  const t = new Date(Date.now() + d * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
  return `${t}T${String(h).padStart(2, "0")}:00:00+08:00`;
};
const newSession = (over: Record<string, unknown> = {}) => ({
  title: `接口测试-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`,
  category: "LAW_ENFORCEMENT",
  venue: "分局会议室",
  startsAt: day(12, 9),
  endsAt: day(12, 11),
  capacity: 1,
  creditHours: 2,
  lecturers: [{ name: "王警官", affiliation: "千山分局" }],
  ...over,
});

let admin: ApiClient, officer: ApiClient, other: ApiClient, lecturer: ApiClient;
beforeAll(async () => {
  [admin, officer, other, lecturer] = await Promise.all([signedIn("010001"), signedIn("100011"), signedIn("100012"), signedIn("100002")]);
});

async function published(over: Record<string, unknown> = {}) {
  const c = await admin.req("POST", "/api/v1/training/sessions", { body: newSession(over) });
  expect(c.status).toBe(201);
  const p = await admin.req("POST", `/api/v1/training/sessions/${c.data.id}/publish`, { body: {} });
  expect(p.status).toBe(200);
  return c.data.id as string;
}

test("categories list the seeded codes", async () => {
  const r = await officer.req("GET", "/api/v1/training/categories");
  expect(r.status).toBe(200);
  expect(r.data.map((c: { code: string }) => c.code)).toEqual(
    expect.arrayContaining(["LAW_ENFORCEMENT", "DISPUTE_RESOLUTION", "DRONE", "POLITICAL_THEORY", "HEALTH", "OTHER"]),
  );
});

test("create → DRAFT with +08:00 times and defaults; publish; enrol, duplicate, waitlist; cancel promotes", async () => {
  const c = await admin.req("POST", "/api/v1/training/sessions", { body: newSession() });
  expect(c.status).toBe(201);
  expect(c.data).toMatchObject({
    status: "DRAFT",
    capacity: 1,
    enrolledCount: 0,
    waitlistCount: 0,
    cancelCutoffHours: 24,
    lecturers: [{ name: "王警官", affiliation: "千山分局" }],
  });
  expect(c.data.startsAt).toMatch(/\+08:00$/);
  const id = c.data.id;
  expect((await officer.req("POST", `/api/v1/training/sessions/${id}/enrollments`)).status).toBe(404); // a draft is invisible to officers
  expect((await admin.req("POST", `/api/v1/training/sessions/${id}/publish`)).data.status).toBe("PUBLISHED");
  expect((await admin.req("POST", `/api/v1/training/sessions/${id}/publish`)).status).toBe(409);
  const e1 = await officer.req("POST", `/api/v1/training/sessions/${id}/enrollments`, { body: {} });
  expect([e1.status, e1.data.status, e1.data.waitlistPosition]).toEqual([201, "ENROLLED", null]);
  const e2 = await officer.req("POST", `/api/v1/training/sessions/${id}/enrollments`, { body: {} });
  expect([e2.status, e2.data.error.code]).toEqual([409, "ALREADY_ENROLLED"]);
  const e3 = await other.req("POST", `/api/v1/training/sessions/${id}/enrollments`, { body: {} });
  expect([e3.status, e3.data.status, e3.data.waitlistPosition]).toEqual([201, "WAITLISTED", 1]);
  const d = await officer.req("DELETE", `/api/v1/training/sessions/${id}/enrollments/me`);
  expect([d.status, d.data.status]).toEqual([200, "CANCELLED"]);
  const s = await other.req("GET", `/api/v1/training/sessions/${id}`);
  expect([s.data.enrolledCount, s.data.waitlistCount]).toEqual([1, 0]);
  const mine = await other.req("GET", "/api/v1/training/me");
  expect(mine.data.enrollments.find((e: { session: { id: string } }) => e.session.id === id)).toMatchObject({ status: "ENROLLED" });
  expect(typeof mine.data.creditHours.total).toBe("number");
  expect(mine.data.creditHours.required).toBe(40); // 民警 40 学时 from the demo seed
});

test("PATCH capacity: below enrolled → 409 CAPACITY_BELOW_ENROLLED; raising promotes at once", async () => {
  const id = await published({ capacity: 1 });
  await officer.req("POST", `/api/v1/training/sessions/${id}/enrollments`);
  await other.req("POST", `/api/v1/training/sessions/${id}/enrollments`);
  const low = await admin.req("PATCH", `/api/v1/training/sessions/${id}`, { body: { capacity: 0 } });
  expect(low.status).toBe(400);
  const up = await admin.req("PATCH", `/api/v1/training/sessions/${id}`, { body: { capacity: 2 } });
  expect([up.status, up.data.enrolledCount, up.data.waitlistCount]).toEqual([200, 2, 0]);
  const down = await admin.req("PATCH", `/api/v1/training/sessions/${id}`, { body: { capacity: 1 } });
  expect([down.status, down.data.error.code]).toEqual([409, "CAPACITY_BELOW_ENROLLED"]);
});

test("errors: validation fields, officer 403, unknown id 404, foreign origin refused, roster closed to officers", async () => {
  const inval = await admin.req("POST", "/api/v1/training/sessions", { body: { title: "" } });
  expect(inval.status).toBe(400);
  expect(inval.data.error).toMatchObject({ code: "VALIDATION_FAILED", fields: expect.objectContaining({ title: expect.any(String) }) });
  const ends = await admin.req("POST", "/api/v1/training/sessions", { body: newSession({ endsAt: day(11, 9) }) });
  expect(ends.data.error.fields.endsAt).toBeTruthy();
  expect((await officer.req("POST", "/api/v1/training/sessions", { body: newSession() })).status).toBe(403);
  const nf = await officer.req("GET", "/api/v1/training/sessions/nope");
  expect([nf.status, nf.data.error.code]).toEqual([404, "NOT_FOUND"]);
  const id = await published();
  expect((await officer.req("GET", `/api/v1/training/sessions/${id}/enrollments`)).status).toBe(403);
  expect((await officer.req("POST", `/api/v1/training/sessions/${id}/attendance`, { body: { userId: "x", present: true } })).status).toBe(
    403,
  );
  const foreign = new ApiClient("https://evil.example");
  foreign.jar = officer.jar;
  expect((await foreign.req("POST", `/api/v1/training/sessions/${id}/enrollments`)).status).toBe(403);
  const anon = new ApiClient();
  expect((await anon.req("GET", "/api/v1/training/sessions")).status).toBe(401);
  expect(JSON.stringify(inval.data)).not.toMatch(/prisma|stack|SELECT/i);
});

test("cancel a session notifies and closes enrolment; roster, attendance rule, exports and .ics", async () => {
  const me = (await officer.req("GET", "/api/v1/me")).data;
  const id = await published({ capacity: 5 });
  await officer.req("POST", `/api/v1/training/sessions/${id}/enrollments`);
  const roster = await admin.req("GET", `/api/v1/training/sessions/${id}/enrollments`);
  expect(roster.status).toBe(200);
  expect(roster.data.items[0]).toMatchObject({ user: { id: me.id, badgeNo: "100011" }, status: "ENROLLED", waitlistPosition: null });
  const att = await admin.req("POST", `/api/v1/training/sessions/${id}/attendance`, { body: { userId: me.id, present: true } });
  expect([att.status, att.data.error?.code]).toEqual([409, "ATTENDANCE_NOT_OPEN"]);
  const ics = await officer.req("GET", `/api/v1/training/sessions/${id}/calendar.ics`);
  expect(ics.status).toBe(200);
  expect(ics.headers.get("content-type")).toContain("text/calendar");
  expect(ics.text).toContain("BEGIN:VEVENT");
  const csv = await admin.req("GET", `/api/v1/training/sessions/${id}/roster?format=csv`);
  expect(csv.text).toContain("100011");
  const xlsx = await admin.req("GET", `/api/v1/training/sessions/${id}/roster?format=xlsx`);
  expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
  const c = await admin.req("POST", `/api/v1/training/sessions/${id}/cancel`, { body: { reason: "讲师公差" } });
  expect([c.status, c.data.status]).toEqual([200, "CANCELLED"]);
  const again = await other.req("POST", `/api/v1/training/sessions/${id}/enrollments`);
  expect([again.status, again.data.error.code]).toEqual([409, "SESSION_NOT_OPEN"]);
});

test("the seeded lecturer sees the roster of their session; officers see no drafts in the list", async () => {
  const list = await lecturer.req("GET", "/api/v1/training/sessions?pageSize=100&status=PUBLISHED");
  const meId = (await lecturer.req("GET", "/api/v1/me")).data.id;
  const mine = list.data.items.find((s: { lecturers: { userId?: string }[] }) => s.lecturers.some((l) => l.userId === meId));
  const notMine = list.data.items.find((s: { lecturers: { userId?: string }[] }) => !s.lecturers.some((l) => l.userId === meId));
  expect(mine).toBeTruthy();
  const r = await lecturer.req("GET", `/api/v1/training/sessions/${mine.id}/enrollments`);
  expect(r.status).toBe(200);
  expect(r.data.items.length).toBeGreaterThan(0);
  expect((await lecturer.req("GET", `/api/v1/training/sessions/${notMine.id}/enrollments`)).status).toBe(403);
  const drafts = await officer.req("GET", "/api/v1/training/sessions?status=DRAFT");
  expect(drafts.data.items).toEqual([]);
});

test("the training pages render for the roles that may see them and refuse the others", async () => {
  const [lead] = await Promise.all([signedIn("100001")]);
  const ok = async (c: ApiClient, path: string, text: string) => {
    const r = await c.req("GET", path);
    expect([path, r.status]).toEqual([path, 200]);
    expect(r.text).toContain(text);
  };
  await ok(officer, "/training", "千山公安大讲堂");
  await ok(officer, "/training?view=calendar", "千山公安大讲堂");
  await ok(officer, "/training/me", "我的培训");
  await ok(officer, "/training/me/transcript", "培训学时记录");
  await ok(admin, "/training/manage", "培训管理");
  await ok(admin, "/training/manage/stats", "培训期数");
  await ok(admin, "/training/manage/settings", "年度学时要求");
  await ok(lecturer, "/training/teach", "我的授课");
  await ok(lead, "/training/unit", "本单位培训");
  expect((await officer.req("GET", "/training/manage")).status).toBe(403);
  expect((await officer.req("GET", "/training/unit")).status).toBe(403);
  const verify = await new ApiClient().req("GET", "/training-verify/forged.token");
  expect(verify.status).toBe(200);
  expect(verify.text).toContain("无法验证");
  const checkin = await officer.req("GET", "/training/check-in?s=x&t=forged.token");
  expect(checkin.text).toContain("签到码无效");
});
