import { createSessionSchema } from "@/lib/training/schemas";
import { enrolmentOpen, inAudience, cutoffOf } from "@/lib/training/enrolment";

const base = { status: "PUBLISHED" as const, startsAt: new Date("2026-12-10T01:00:00Z"), enrollOpensAt: null, enrollClosesAt: null };

test("enrolment opens at publication and closes at the start by default", () => {
  expect(enrolmentOpen(base, new Date("2026-12-01T00:00:00Z"))).toBe(true);
  expect(enrolmentOpen(base, new Date("2026-12-10T01:00:00Z"))).toBe(false);
  expect(enrolmentOpen({ ...base, status: "DRAFT" }, new Date("2026-12-01T00:00:00Z"))).toBe(false);
  expect(enrolmentOpen({ ...base, enrollClosesAt: new Date("2026-12-05T00:00:00Z") }, new Date("2026-12-06T00:00:00Z"))).toBe(false);
  expect(enrolmentOpen({ ...base, enrollOpensAt: new Date("2026-12-05T00:00:00Z") }, new Date("2026-12-04T00:00:00Z"))).toBe(false);
});

test("the cancellation cut-off defaults to 24 hours before the start", () => {
  expect(cutoffOf({ startsAt: base.startsAt, cancelCutoffHours: 24 }).toISOString()).toBe("2026-12-09T01:00:00.000Z");
});

test("audience limits match a unit anywhere above the person and any listed role", () => {
  const person = { roles: ["OFFICER"], unitPath: "/root/station/team/" };
  expect(inAudience({ audienceUnitIds: [], audienceRoles: [] }, person)).toBe(true);
  expect(inAudience({ audienceUnitIds: ["station"], audienceRoles: [] }, person)).toBe(true);
  expect(inAudience({ audienceUnitIds: ["other"], audienceRoles: [] }, person)).toBe(false);
  expect(inAudience({ audienceUnitIds: [], audienceRoles: ["AUXILIARY"] }, person)).toBe(false);
});

test("session input: wall-clock times are Shanghai, end after start, Chinese field messages", () => {
  const ok = createSessionSchema.parse({
    title: "t",
    category: "OTHER",
    venue: "v",
    startsAt: "2026-12-03T09:00",
    endsAt: "2026-12-03T11:00+08:00",
    capacity: "20",
    creditHours: "1.5",
  });
  expect(ok.startsAt.toISOString()).toBe("2026-12-03T01:00:00.000Z");
  expect(ok.capacity).toBe(20);
  const bad = createSessionSchema.safeParse({
    title: "",
    category: "OTHER",
    venue: "v",
    startsAt: "2026-12-03T09:00",
    endsAt: "2026-12-03T08:00",
    capacity: 0,
    creditHours: 0.3,
  });
  expect(bad.success).toBe(false);
  const paths = bad.error!.issues.map((i) => i.path.join("."));
  expect(paths).toEqual(expect.arrayContaining(["title", "capacity", "creditHours"]));
});
