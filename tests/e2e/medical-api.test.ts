import { ApiClient, signedIn } from "./support";

// The green-channel contract of API.md against the production build over the demo seed.
// Each test makes its own slots (with unique times) so it never depends on seed counts.
const nextYear = new Date().getUTCFullYear() + 1;
let minute = Math.floor(Math.random() * 50);
/** a fresh, unique Shanghai time next year (slots are unique per service and start) */
function at(day: string): { startsAt: string; endsAt: string } {
  minute += 1;
  const h = 8 + (Math.floor(minute / 60) % 9);
  const m = minute % 60;
  const hh = String(h).padStart(2, "0");
  const mm = String(m).padStart(2, "0");
  return {
    startsAt: `${nextYear}-${day}T${hh}:${mm}:00+08:00`,
    endsAt: `${nextYear}-${day}T${hh}:${mm}:00+08:00`.replace(`${hh}:${mm}:00`, `${String(h + 1).padStart(2, "0")}:${mm}:00`),
  };
}

let liaison: ApiClient;
beforeAll(async () => {
  liaison = await signedIn("030001");
});

async function slot(service: string, day: string, capacity = 1) {
  const r = await liaison.req("POST", "/api/v1/medical/slots", { body: { service, ...at(day), capacity } });
  expect(r.status).toBe(201);
  return r.data as { id: string; service: string; startsAt: string; endsAt: string; capacity: number; bookedCount: number };
}

async function consented(badgeNo: string) {
  const c = await signedIn(badgeNo);
  const { data } = await c.req("GET", "/api/v1/medical/consent");
  const r = await c.req("POST", "/api/v1/medical/consent", { body: { version: data.current.version } });
  expect(r.status).toBe(200);
  return c;
}

test("services list the four codes with hospital and yearly quota", async () => {
  const c = await signedIn("100005");
  const r = await c.req("GET", "/api/v1/medical/services");
  expect(r.status).toBe(200);
  expect(Array.isArray(r.data)).toBe(true);
  const codes = r.data.map((s: { code: string }) => s.code);
  expect(codes).toEqual(expect.arrayContaining(["GREEN_CHANNEL", "FAST_TRACK", "LIVER_CHECK", "HEALTH_CONSULT"]));
  for (const s of r.data) {
    expect(s).toMatchObject({
      code: expect.any(String),
      name: expect.any(String),
      hospital: { id: expect.any(String), name: expect.any(String) },
    });
    expect(s.yearlyQuota === null || Number.isInteger(s.yearlyQuota)).toBe(true);
  }
  expect(r.data.find((s: { code: string }) => s.code === "LIVER_CHECK").yearlyQuota).toBe(1);
});

test("consent reads as {current:{version,text}, given:null} for someone who never consented", async () => {
  const c = await signedIn("100006");
  const r = await c.req("GET", "/api/v1/medical/consent");
  expect(r.status).toBe(200);
  expect(r.data).toMatchObject({ current: { version: expect.any(Number), text: expect.any(String) }, given: null });
});

test("slots come as a paged list of {id, service, startsAt, endsAt, capacity, bookedCount}", async () => {
  const c = await signedIn("100005");
  const r = await c.req("GET", "/api/v1/medical/slots?service=LIVER_CHECK");
  expect(r.status).toBe(200);
  expect(r.data).toMatchObject({ items: expect.any(Array), total: expect.any(Number), page: 1, pageSize: 20 });
  for (const s of r.data.items) {
    expect(s).toMatchObject({
      id: expect.any(String),
      service: "LIVER_CHECK",
      capacity: expect.any(Number),
      bookedCount: expect.any(Number),
    });
    expect(s.startsAt).toMatch(/\+08:00$/);
  }
  const officerCreate = await c.req("POST", "/api/v1/medical/slots", { body: { service: "LIVER_CHECK", ...at("02-01"), capacity: 2 } });
  expect(officerCreate.status).toBe(403);
  expect(officerCreate.data.error.code).toBe("FORBIDDEN");
});

test("booking: consent required, 201 shape, SLOT_FULL, ACTIVE_BOOKING_EXISTS, others get 404, notes only to owner and liaison", async () => {
  const owner = await signedIn("100010");
  const s1 = await slot("FAST_TRACK", "02-02", 1);
  const s2 = await slot("FAST_TRACK", "02-03", 3);
  const note = "青霉素过敏-E2E";

  const noConsent = await owner.req("POST", "/api/v1/medical/bookings", { body: { slotId: s1.id, note } });
  expect(noConsent.status).toBe(409);
  expect(noConsent.data.error.code).toBe("CONSENT_REQUIRED");
  expect(noConsent.text).not.toContain(note);

  const { data: cs } = await owner.req("GET", "/api/v1/medical/consent");
  expect((await owner.req("POST", "/api/v1/medical/consent", { body: { version: cs.current.version } })).data.given.version).toBe(
    cs.current.version,
  );

  const booked = await owner.req("POST", "/api/v1/medical/bookings", { body: { slotId: s1.id, note } });
  expect(booked.status).toBe(201);
  expect(booked.data).toMatchObject({
    id: expect.any(String),
    status: "BOOKED",
    slot: { id: s1.id, service: "FAST_TRACK", bookedCount: 1, capacity: 1 },
  });
  expect(booked.text).not.toContain(note);
  const id = booked.data.id as string;

  const other = await consented("100011");
  const full = await other.req("POST", "/api/v1/medical/bookings", { body: { slotId: s1.id } });
  expect(full.status).toBe(409);
  expect(full.data.error).toMatchObject({ code: "SLOT_FULL", message: expect.any(String) });

  const again = await owner.req("POST", "/api/v1/medical/bookings", { body: { slotId: s2.id } });
  expect(again.status).toBe(409);
  expect(again.data.error.code).toBe("ACTIVE_BOOKING_EXISTS");

  for (const [method, path] of [
    ["GET", `/api/v1/medical/bookings/${id}`],
    ["POST", `/api/v1/medical/bookings/${id}/cancel`],
  ] as const) {
    const r = await other.req(method, path);
    expect(r.status).toBe(404);
    expect(r.data.error.code).toBe("NOT_FOUND");
    expect(r.text).not.toContain(note);
  }
  const othersList = await other.req("GET", "/api/v1/medical/bookings?pageSize=100");
  expect(othersList.data.items.map((b: { id: string }) => b.id)).not.toContain(id);
  expect(othersList.text).not.toContain(note);

  const mine = await owner.req("GET", "/api/v1/medical/bookings");
  expect(mine.data).toMatchObject({ items: expect.any(Array), total: expect.any(Number), page: 1, pageSize: 20 });
  expect(mine.data.items.find((b: { id: string }) => b.id === id).note).toBe(note);

  const date = s1.startsAt.slice(0, 10);
  const board = await liaison.req("GET", `/api/v1/medical/bookings?date=${date}&service=FAST_TRACK`);
  expect(board.status).toBe(200);
  expect(board.data.items.find((b: { id: string }) => b.id === id)).toMatchObject({ note, user: { badgeNo: "100010" } });

  // officers cannot move bookings along; illegal steps are 409 and change nothing
  expect((await owner.req("POST", `/api/v1/medical/bookings/${id}/check-in`)).status).toBe(403);
  expect((await liaison.req("POST", `/api/v1/medical/bookings/${id}/complete`)).data.error.code).toBe("INVALID_TRANSITION");
  expect((await liaison.req("POST", `/api/v1/medical/bookings/${id}/check-in`)).data.status).toBe("CHECKED_IN");
  const cancelLate = await owner.req("POST", `/api/v1/medical/bookings/${id}/cancel`);
  expect(cancelLate.status).toBe(409);
  expect(cancelLate.data.error.code).toBe("INVALID_TRANSITION");
  expect((await liaison.req("POST", `/api/v1/medical/bookings/${id}/complete`)).data.status).toBe("COMPLETED");
  expect((await liaison.req("POST", `/api/v1/medical/bookings/${id}/no-show`)).status).toBe(409);
});

test("a cancellation frees the seat at once, and withdrawing consent stops new bookings", async () => {
  const a = await consented("100012");
  const b = await consented("100013");
  const s = await slot("HEALTH_CONSULT", "02-04", 1);
  const booked = await a.req("POST", "/api/v1/medical/bookings", { body: { slotId: s.id } });
  expect(booked.status).toBe(201);
  const cancelled = await a.req("POST", `/api/v1/medical/bookings/${booked.data.id}/cancel`);
  expect(cancelled.status).toBe(200);
  expect(cancelled.data.status).toBe("CANCELLED");
  expect((await b.req("POST", "/api/v1/medical/bookings", { body: { slotId: s.id } })).status).toBe(201);

  const withdrawn = await a.req("DELETE", "/api/v1/medical/consent");
  expect(withdrawn.status).toBe(200);
  expect(withdrawn.data.given).toBeNull();
  const s2 = await slot("HEALTH_CONSULT", "02-05", 2);
  const refused = await a.req("POST", "/api/v1/medical/bookings", { body: { slotId: s2.id } });
  expect(refused.status).toBe(409);
  expect(refused.data.error.code).toBe("CONSENT_REQUIRED");
});

test("the yearly quota answers QUOTA_EXCEEDED with the date it renews", async () => {
  const c = await consented("100014");
  const s1 = await slot("LIVER_CHECK", "03-03", 2);
  const s2 = await slot("LIVER_CHECK", "03-10", 2);
  const first = await c.req("POST", "/api/v1/medical/bookings", { body: { slotId: s1.id } });
  expect(first.status).toBe(201);
  await liaison.req("POST", `/api/v1/medical/bookings/${first.data.id}/check-in`);
  await liaison.req("POST", `/api/v1/medical/bookings/${first.data.id}/complete`);
  const second = await c.req("POST", "/api/v1/medical/bookings", { body: { slotId: s2.id } });
  expect(second.status).toBe(409);
  expect(second.data.error).toMatchObject({ code: "QUOTA_EXCEEDED", renewsOn: `${nextYear + 1}-01-01` });
});

test("unauthenticated calls get 401 and foreign origins 403, in the API's error shape", async () => {
  const anon = new ApiClient();
  const r = await anon.req("GET", "/api/v1/medical/bookings");
  expect(r.status).toBe(401);
  expect(r.data.error.code).toBe("UNAUTHENTICATED");
  const c = await signedIn("100015");
  c.origin = "https://evil.example";
  const foreign = await c.req("POST", "/api/v1/medical/consent", { body: { version: 1 } });
  expect(foreign.status).toBe(403);
  const bad = await liaison.req("POST", "/api/v1/medical/slots", { body: { service: "FAST_TRACK", startsAt: "tomorrow", capacity: 0 } });
  expect(bad.status).toBe(400);
  expect(bad.data.error).toMatchObject({ code: "VALIDATION_FAILED", fields: expect.any(Object) });
});

test("the liaison's day list exports as CSV with only the hospital's fields", async () => {
  const r = await liaison.req("GET", `/api/v1/medical/day-list?date=${nextYear}-02-02&format=csv`);
  expect(r.status).toBe(200);
  expect(r.headers.get("content-type")).toContain("text/csv");
  expect(r.text.split("\n")[0]).toContain("时间,姓名,单位,服务项目");
  expect(r.text).not.toContain("100010"); // no badge numbers
  const officer = await signedIn("100015");
  expect((await officer.req("GET", `/api/v1/medical/day-list?date=${nextYear}-02-02`)).status).toBe(403);
});
