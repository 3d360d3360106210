// The leave contract of API.md over HTTP, as another bureau system would use it.
import { addDays, countWorkingDays, indexCalendar, isoWeekday, isWorkingDay, type CalendarDay } from "@/lib/leave/calendar";
import { ApiClient, signedIn } from "./support";

const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
let aux: ApiClient, lead: ApiClient, officer: ApiClient, hr: ApiClient;
let from = "";
let to = "";

beforeAll(async () => {
  // F00016 is an auxiliary officer of 汤岗子派出所, whose lead is 100001; 100002 is an officer of 大屯派出所
  [aux, lead, officer, hr] = await Promise.all([signedIn("F00016"), signedIn("100001"), signedIn("100002"), signedIn("020001")]);
  // a Monday–Tuesday pair of working days at least six weeks out, on the server's own calendar
  let mon = addDays(shanghaiToday(), 45);
  while (isoWeekday(mon) !== 1) mon = addDays(mon, 1);
  const years = [...new Set([mon.slice(0, 4), addDays(mon, 60).slice(0, 4)])];
  const days: CalendarDay[] = [];
  for (const y of years) days.push(...(await aux.req("GET", `/api/v1/leave/holidays?year=${y}`)).data);
  const cal = indexCalendar(days);
  // clear of F00016's own active requests, so a rerun against the same database works too
  const taken = (
    (await aux.req("GET", "/api/v1/leave/requests?pageSize=100")).data.items as { from: string; to: string; status: string }[]
  ).filter((r) => r.status === "PENDING" || r.status === "APPROVED");
  while (
    !isWorkingDay(mon, cal) ||
    !isWorkingDay(addDays(mon, 1), cal) ||
    mon.slice(0, 4) !== addDays(mon, 1).slice(0, 4) ||
    taken.some((r) => r.from <= addDays(mon, 2) && r.to >= mon)
  )
    mon = addDays(mon, 7);
  from = mon;
  to = addDays(mon, 1);
  expect(countWorkingDays(from, to, cal)).toBe(2);
});

test("holidays: the official 2026 calendar and the provisional 2027 one; only HR replaces", async () => {
  const y26 = await aux.req("GET", "/api/v1/leave/holidays?year=2026");
  expect(y26.status).toBe(200);
  expect(y26.headers.get("x-leave-calendar")).toBe("official");
  expect(y26.data).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ date: "2026-10-01", kind: "HOLIDAY" }),
      expect.objectContaining({ date: "2026-10-10", kind: "WORKDAY" }),
    ]),
  );
  expect((await aux.req("GET", "/api/v1/leave/holidays?year=2027")).headers.get("x-leave-calendar")).toBe("provisional");
  const put = await aux.req("PUT", "/api/v1/leave/holidays?year=2026", { body: [] });
  expect([put.status, put.data.error.code]).toEqual([403, "FORBIDDEN"]);
  const bad = await hr.req("PUT", "/api/v1/leave/holidays?year=2098", { body: [{ date: "2098-13-01", kind: "HOLIDAY" }] });
  expect([bad.status, bad.data.error.code]).toEqual([400, "VALIDATION_FAILED"]);
  const ok = await hr.req("PUT", "/api/v1/leave/holidays?year=2098", { body: [{ date: "2098-01-01", kind: "HOLIDAY", name: "元旦" }] });
  expect([ok.status, ok.data]).toEqual([200, [{ date: "2098-01-01", kind: "HOLIDAY", name: "元旦" }]]);
});

test("request → overlap → approval by the unit lead → ON_LEAVE on enrolment and booking → 休假 record for HR", async () => {
  const before = await aux.req("GET", `/api/v1/leave/balance?year=${from.slice(0, 4)}`);
  expect(before.status).toBe(200);
  expect(Object.keys(before.data)).toEqual(expect.arrayContaining(["year", "entitlementDays", "usedDays", "pendingDays", "remainingDays"]));

  const backwards = await aux.req("POST", "/api/v1/leave/requests", { body: { type: "ANNUAL", from: to, to: from } });
  expect([backwards.status, backwards.data.error.code, !!backwards.data.error.fields.to]).toEqual([400, "VALIDATION_FAILED", true]);

  const c = await aux.req("POST", "/api/v1/leave/requests", { body: { type: "ANNUAL", from, to, reason: "探望老人" } });
  expect(c.status).toBe(201);
  expect(c.data).toMatchObject({ type: "ANNUAL", from, to, days: 2, status: "PENDING" });
  const id = c.data.id as string;
  const overlap = await aux.req("POST", "/api/v1/leave/requests", { body: { type: "SICK", from: to, to: addDays(to, 1) } });
  expect([overlap.status, overlap.data.error.code]).toEqual([409, "LEAVE_OVERLAP"]);
  const after = await aux.req("GET", `/api/v1/leave/balance?year=${from.slice(0, 4)}`);
  expect(after.data.pendingDays).toBe(before.data.pendingDays + 2);

  const queue = await lead.req("GET", "/api/v1/leave/requests?scope=unit&status=PENDING&pageSize=100");
  expect(queue.status).toBe(200);
  const item = queue.data.items.find((r: { id: string }) => r.id === id);
  expect(item).toMatchObject({
    user: { badgeNo: "F00016", unit: { name: "汤岗子派出所" } },
    days: 2,
    status: "PENDING",
    decidedBy: null,
    decidedAt: null,
  });

  expect((await officer.req("POST", `/api/v1/leave/requests/${id}/approve`, { body: {} })).status).toBe(404);
  expect((await aux.req("POST", `/api/v1/leave/requests/${id}/approve`, { body: {} })).status).toBe(404);
  expect((await officer.req("GET", "/api/v1/leave/requests?scope=unit")).status).toBe(403);
  const ok = await lead.req("POST", `/api/v1/leave/requests/${id}/approve`, { body: { comment: "同意，注意交接" } });
  expect(ok.status).toBe(200);
  expect(ok.data).toMatchObject({ id, status: "APPROVED", decidedBy: { name: "张建国" }, comment: "同意，注意交接" });
  expect(ok.data.decidedAt).toMatch(/\+08:00$/);
  const twice = await lead.req("POST", `/api/v1/leave/requests/${id}/reject`, { body: {} });
  expect([twice.status, twice.data.error.code]).toEqual([409, "INVALID_TRANSITION"]);

  // ON_LEAVE: enrolling in a session on the first day of the leave still works, with the warning
  const admin = await signedIn("010001");
  const s = await admin.req("POST", "/api/v1/training/sessions", {
    body: {
      title: `休假期间培训-${Date.now()}`,
      category: "LAW_ENFORCEMENT",
      venue: "分局会议室",
      startsAt: `${from}T09:00:00+08:00`,
      endsAt: `${from}T11:00:00+08:00`,
      capacity: 5,
      creditHours: 1,
      lecturers: [{ name: "王警官" }],
    },
  });
  expect(s.status).toBe(201);
  expect((await admin.req("POST", `/api/v1/training/sessions/${s.data.id}/publish`, { body: {} })).status).toBe(200);
  const e = await aux.req("POST", `/api/v1/training/sessions/${s.data.id}/enrollments`, { body: {} });
  expect([e.status, e.data.status, e.data.warnings]).toEqual([201, "ENROLLED", ["ON_LEAVE"]]);

  const liaison = await signedIn("030001");
  // a free time on that day (slot times are unique per service, and a rerun may find its earlier slot)
  let slot = { status: 0, data: { id: "" } };
  for (let m = 0; m < 48 && slot.status !== 201; m++) {
    const at = (k: number) => `${to}T${String(14 + Math.floor(k / 6)).padStart(2, "0")}:${String((k % 6) * 10).padStart(2, "0")}:00+08:00`;
    slot = await liaison.req("POST", "/api/v1/medical/slots", {
      body: { service: "HEALTH_CONSULT", startsAt: at(m), endsAt: at(m + 1), capacity: 3 },
    });
  }
  expect(slot.status).toBe(201);
  const consent = await aux.req("GET", "/api/v1/medical/consent");
  await aux.req("POST", "/api/v1/medical/consent", { body: { version: consent.data.current.version } });
  const b = await aux.req("POST", "/api/v1/medical/bookings", { body: { slotId: slot.data.id } });
  expect([b.status, b.data.status, b.data.warnings]).toEqual([201, "BOOKED", ["ON_LEAVE"]]);
  await aux.req("POST", `/api/v1/medical/bookings/${b.data.id}/cancel`, { body: {} });

  // the approved leave is a 休假 record in the auxiliary's benefits file
  const roster = await hr.req("GET", "/api/v1/benefits/auxiliaries?q=F00016");
  const profileId = roster.data.items[0].id;
  const recs = await hr.req("GET", `/api/v1/benefits/records?auxiliaryId=${profileId}&category=LEAVE`);
  expect(recs.status).toBe(200);
  const list = Array.isArray(recs.data) ? recs.data : recs.data.items;
  expect(list).toEqual(expect.arrayContaining([expect.objectContaining({ category: "LEAVE", occurredOn: from, title: "年休假" })]));

  // HR sees it among the auxiliaries' leave, without the reason
  const hrList = await hr.req("GET", `/api/v1/leave/requests?scope=unit&from=${from}&to=${to}&pageSize=100`);
  const seen = hrList.data.items.find((r: { id: string }) => r.id === id);
  expect(seen.status).toBe("APPROVED");
  expect(seen).not.toHaveProperty("reason");

  // and the lead's calendar shows F00016 away on the first day
  const away = await lead.req("GET", `/api/v1/leave/away?from=${from}`);
  expect(away.data.items.map((r: { id: string }) => r.id)).toContain(id);

  // cancelled before the first day: the record goes too
  const cancel = await aux.req("POST", `/api/v1/leave/requests/${id}/cancel`, { body: {} });
  expect([cancel.status, cancel.data.status]).toEqual([200, "CANCELLED"]);
  const recs2 = await hr.req("GET", `/api/v1/benefits/records?auxiliaryId=${profileId}&category=LEAVE`);
  const list2 = Array.isArray(recs2.data) ? recs2.data : recs2.data.items;
  expect(list2.filter((r: { occurredOn: string; title: string }) => r.occurredOn === from && r.title === "年休假")).toHaveLength(0);
});

test("exports: balances and requests as xlsx and csv for the lead, refused to an officer; the OpenAPI document lists the routes", async () => {
  const csv = await lead.req("GET", "/api/v1/leave/exports/requests?format=csv");
  expect(csv.status).toBe(200);
  expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
  expect(csv.text.replace(/^\uFEFF/, "").split("\n")[0]).toMatch(/^警号,姓名,单位,类型,开始日期,结束日期,工作日,状态/);
  expect(csv.text).not.toContain("探望老人"); // reasons stay out of exports
  const xlsx = await lead.req("GET", "/api/v1/leave/exports/balances?format=xlsx");
  expect([xlsx.status, xlsx.headers.get("content-type")]).toEqual([
    200,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ]);
  const bcsv = await lead.req("GET", "/api/v1/leave/exports/balances?format=csv");
  expect(bcsv.text).toContain("张建国");
  expect((await officer.req("GET", "/api/v1/leave/exports/requests?format=csv")).status).toBe(403);
  const doc = await new ApiClient().req("GET", "/api/v1/openapi.json");
  for (const p of [
    "/api/v1/leave/balance",
    "/api/v1/leave/requests",
    "/api/v1/leave/requests/{id}/approve",
    "/api/v1/leave/requests/{id}/reject",
    "/api/v1/leave/requests/{id}/cancel",
    "/api/v1/leave/holidays",
  ])
    expect(Object.keys(doc.data.paths)).toContain(p);
});
