// The product-depth additions over HTTP: copy/repeat, mark all present, certificates register,
// the officer's own reschedule and the statistics exports, as other bureau systems would call them.
import { ApiClient, signedIn } from "./support";

let office: ApiClient, officer: ApiClient, lead: ApiClient, liaison: ApiClient;
beforeAll(async () => {
  [office, officer, lead, liaison] = await Promise.all([signedIn("010001"), signedIn("100016"), signedIn("100001"), signedIn("030001")]);
});

test("the training office copies a session weekly as drafts; an officer may not", async () => {
  const list = await office.req("GET", "/api/v1/training/sessions?pageSize=1");
  const id = list.data.items[0].id as string;
  const r = await office.req("POST", `/api/v1/training/sessions/${id}/copy`, { body: { every: "WEEK", count: 2 } });
  expect(r.status).toBe(201);
  expect(r.data.total).toBe(2);
  expect(r.data.items.map((s: { status: string }) => s.status)).toEqual(["DRAFT", "DRAFT"]);
  const bad = await office.req("POST", `/api/v1/training/sessions/${id}/copy`, { body: { every: "MONTH", count: 30 } });
  expect([bad.status, bad.data.error.code]).toEqual([400, "VALIDATION_FAILED"]);
  expect((await officer.req("POST", `/api/v1/training/sessions/${id}/copy`, { body: {} })).status).toBe(403);
  expect((await officer.req("POST", `/api/v1/training/sessions/${id}/attendance/all-present`)).status).toBe(403);
  expect((await office.req("POST", `/api/v1/training/sessions/nope/attendance/all-present`)).status).toBe(404);
});

test("an officer moves their own hospital booking; another officer gets 404", async () => {
  const { data: consent } = await officer.req("GET", "/api/v1/medical/consent");
  await officer.req("POST", "/api/v1/medical/consent", { body: { version: consent.current.version } });
  const slots = (await officer.req("GET", "/api/v1/medical/slots?service=FAST_TRACK&pageSize=100")).data.items as {
    id: string;
    capacity: number;
    bookedCount: number;
  }[];
  const open = slots.filter((s) => s.bookedCount < s.capacity);
  expect(open.length).toBeGreaterThanOrEqual(2);
  const booked = await officer.req("POST", "/api/v1/medical/bookings", { body: { slotId: open[0]!.id } });
  expect(booked.status).toBe(201);
  const stranger = await signedIn("100020");
  const foreign = await stranger.req("POST", `/api/v1/medical/bookings/${booked.data.id}/reschedule`, { body: { slotId: open[1]!.id } });
  expect([foreign.status, foreign.data.error.code]).toEqual([404, "NOT_FOUND"]);
  const moved = await officer.req("POST", `/api/v1/medical/bookings/${booked.data.id}/reschedule`, { body: { slotId: open[1]!.id } });
  expect(moved.status).toBe(200);
  expect(moved.data).toMatchObject({ id: booked.data.id, status: "BOOKED", warnings: expect.any(Array) });
  expect(moved.data.slot.id).toBe(open[1]!.id);
  expect((await officer.req("POST", `/api/v1/medical/bookings/${booked.data.id}/cancel`, { body: {} })).status).toBe(200);
});

test("statistics and compliance export as CSV with Chinese headers; the certificate register answers the office only", async () => {
  const t = await office.req("GET", "/api/v1/training/stats/export?table=unit&format=csv");
  expect(t.status).toBe(200);
  expect(t.headers.get("content-type")).toContain("text/csv");
  expect(t.text.replace(/^\uFEFF/, "").split(/\r?\n/)[0]).toBe("单位,报名人次,出勤人次,出勤率(%)");
  const m = await liaison.req("GET", "/api/v1/medical/stats/export?table=service&format=csv");
  expect([m.status, m.text.replace(/^\uFEFF/, "").split(/\r?\n/)[0]]).toEqual([200, "服务,预约人次,人数,爽约率(%)"]);
  const c = await lead.req("GET", "/api/v1/training/unit/compliance/export");
  expect([c.status, c.headers.get("content-type")]).toEqual([200, expect.stringContaining("spreadsheetml")]);
  expect((await officer.req("GET", "/api/v1/training/stats/export")).status).toBe(403);
  const certs = await office.req("GET", "/api/v1/training/certificates");
  expect(certs.status).toBe(200);
  expect(Object.keys(certs.data).sort()).toEqual(["items", "page", "pageSize", "total"]);
  expect((await officer.req("GET", "/api/v1/training/certificates")).status).toBe(403);
});

test("the categories and services carry English names beside the Chinese ones", async () => {
  const cats = (await officer.req("GET", "/api/v1/training/categories")).data as { code: string; name: string; nameEn: string | null }[];
  expect(cats.find((c) => c.code === "DRONE")).toEqual({ code: "DRONE", name: "警务无人机", nameEn: "Police drones" });
  const svcs = (await officer.req("GET", "/api/v1/medical/services")).data as { code: string; name: string; nameEn: string | null }[];
  expect(svcs.find((s) => s.code === "LIVER_CHECK")).toMatchObject({ name: "免费肝脏检查", nameEn: "Free liver check" });
});
