import path from "node:path";
import type { Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { runWorker } from "@/tests/helpers/worker";
import { createLeaveRequest } from "@/lib/leave/mutations";
import { getMyBalance } from "@/lib/leave/queries";
import { createUnit } from "@/tests/factories";
import { createLeavePerson, ensureOfficialCalendar } from "@/tests/factories/leave";

let unitId: string;
beforeAll(async () => {
  await ensureOfficialCalendar(2026);
  unitId = (await createUnit()).id;
});

const settle = async (ps: Promise<unknown>[]) => {
  const out = await Promise.allSettled(ps);
  return {
    ok: out.filter((o) => o.status === "fulfilled").length,
    codes: out.filter((o): o is PromiseRejectedResult => o.status === "rejected").map((o) => (o.reason as { code?: string }).code),
  };
};

test("20 identical requests at once: exactly one is filed, the rest are LEAVE_OVERLAP", async () => {
  const me = await createLeavePerson({ unitId });
  const r = await settle(Array.from({ length: 20 }, () => createLeaveRequest(me, { type: "SICK", from: "2026-03-16", to: "2026-03-18" })));
  expect(r.ok).toBe(1);
  expect(r.codes).toEqual(Array(19).fill("LEAVE_OVERLAP"));
  expect(await db.leaveRequest.count({ where: { userId: me.id } })).toBe(1);
});

test("shifted overlapping ranges at once: exactly one survives", async () => {
  const me = await createLeavePerson({ unitId });
  // each range overlaps every other (all contain 2026-04-15)
  const ranges = Array.from({ length: 10 }, (_, i) => ({ from: `2026-04-${String(6 + i).padStart(2, "0")}`, to: "2026-04-15" }));
  const r = await settle(ranges.map((x) => createLeaveRequest(me, { type: "PERSONAL", ...x })));
  expect(r.ok).toBe(1);
  expect(new Set(r.codes)).toEqual(new Set(["LEAVE_OVERLAP"]));
});

test("requests that each fit the balance but together exceed it: only what fits is filed", async () => {
  const me = await createLeavePerson({ unitId, serviceStartDate: "2020-01-01" }); // 5 days in 2026
  // five distinct Mon–Tue pairs of 2 working days each: at most two fit (4 days)
  const weeks = ["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30"];
  const r = await settle(
    weeks.map((mon) =>
      createLeaveRequest(me, { type: "ANNUAL", from: mon, to: mon.replace(/\d{2}$/, (d) => String(+d + 1).padStart(2, "0")) }),
    ),
  );
  expect(r.ok).toBe(2);
  expect(r.codes).toEqual(Array(3).fill("LEAVE_BALANCE_EXCEEDED"));
  expect(await getMyBalance(me, 2026)).toMatchObject({ pendingDays: 4, remainingDays: 1 });
});

function requestInWorker(actor: Actor, inputs: unknown[]) {
  return runWorker<{ id?: string; code?: string }[]>(path.join(__dirname, "request-worker.ts"), [
    JSON.stringify(actor),
    JSON.stringify(inputs),
  ]);
}

test("two OS processes filing overlapping and balance-straining requests for one person: the rules hold across them", async () => {
  const me = await createLeavePerson({ unitId, serviceStartDate: "2020-01-01" }); // 5 days
  // overlapping: the same week from both processes
  const same = Array.from({ length: 8 }, () => ({ type: "SICK", from: "2026-05-11", to: "2026-05-13" }));
  // balance: 2-day annual requests on distinct weeks, three from each process
  const a = ["2026-06-01", "2026-06-08", "2026-06-15"].map((d) => ({
    type: "ANNUAL",
    from: d,
    to: d.replace(/\d{2}$/, (x) => String(+x + 1).padStart(2, "0")),
  }));
  const b = ["2026-06-22", "2026-06-29", "2026-07-06"].map((d) => ({
    type: "ANNUAL",
    from: d,
    to: d.replace(/\d{2}$/, (x) => String(+x + 1).padStart(2, "0")),
  }));
  const [x, y] = await Promise.all([requestInWorker(me, [...same, ...a]), requestInWorker(me, [...same, ...b])]);
  const all = [...x, ...y];
  const sick = [...x.slice(0, 8), ...y.slice(0, 8)];
  expect(sick.filter((r) => r.id)).toHaveLength(1);
  expect(sick.filter((r) => r.code === "LEAVE_OVERLAP")).toHaveLength(15);
  const annual = [...x.slice(8), ...y.slice(8)];
  expect(annual.filter((r) => r.id)).toHaveLength(2);
  expect(annual.filter((r) => r.code === "LEAVE_BALANCE_EXCEEDED")).toHaveLength(4);
  expect(all.every((r) => r.id || r.code === "LEAVE_OVERLAP" || r.code === "LEAVE_BALANCE_EXCEEDED")).toBe(true);
  expect(await getMyBalance(me, 2026)).toMatchObject({ pendingDays: 4, remainingDays: 1 });
}, 120_000);
