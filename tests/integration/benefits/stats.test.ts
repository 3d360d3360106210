import { db } from "@/lib/db";
import { getDashboard } from "@/lib/benefits/stats";
import { createRecord, revealIdNumber, reviewCase } from "@/lib/benefits/mutations";
import { createUnit, createUser, actorOf } from "@/tests/factories";
import { createAuxiliaryProfile } from "@/tests/factories/benefits";
import {} from "./helpers";

test("the dashboard counts only my subtree and sums pay exactly", async () => {
  const root = await createUnit();
  const mine = await createUnit({ parentId: root.id });
  const other = await createUnit({ parentId: root.id });
  const hr = actorOf(await createUser({ roles: ["HR"], unitId: mine.id }));
  const a = await createAuxiliaryProfile({ unitId: mine.id, level: 2 });
  const b = await createAuxiliaryProfile({ unitId: mine.id, level: 3 });
  const c = await createAuxiliaryProfile({ unitId: other.id, level: 2 });
  const imp = await db.payImport.create({ data: { month: "2001-01", unitId: mine.id, fileName: "x", rowCount: 3, netTotal: "0.60" } });
  for (const p of [a, b, c]) {
    await db.payLine.create({
      data: {
        profileId: p.id,
        importId: imp.id,
        month: "2001-01",
        base: "0.10",
        levelAllowance: "0.10",
        seniorityAllowance: "0",
        performance: "0",
        socialInsurance: "0",
        housingFund: "0",
        deductions: "0",
        net: "0.20",
      },
    });
  }
  await createRecord(hr, {
    auxiliaryId: a.id,
    category: "COMPENSATION",
    kind: "ILLNESS",
    occurredOn: "2026-01-01",
    title: "住院",
    amount: "0.10",
  });
  await createRecord(hr, {
    auxiliaryId: b.id,
    category: "COMPENSATION",
    kind: "ILLNESS",
    occurredOn: "2026-01-01",
    title: "住院",
    amount: "0.20",
  });
  const d = await getDashboard(hr);
  expect(d.headcountByUnit).toEqual([{ unitId: mine.id, name: mine.name, count: 2 }]);
  expect(d.headcountByLevel).toEqual([
    { level: 2, count: 1 },
    { level: 3, count: 1 },
  ]);
  expect(d.payByMonth.find((m) => m.month === "2001-01")).toMatchObject({ totalText: "0.40", lines: 2 });
  expect(d.casesByStatus).toEqual([{ status: "SUBMITTED", count: 2, total: "0.30" }]);
  expect(d.openCases).toHaveLength(2);
  const officer = actorOf(await createUser({ roles: ["OFFICER"], unitId: mine.id }));
  await expect(getDashboard(officer)).rejects.toMatchObject({ code: "FORBIDDEN" });
});

test("recent changes show cases, records and reviews in my subtree, not reads, and nothing from other units", async () => {
  const root = await createUnit();
  const mine = await createUnit({ parentId: root.id });
  const other = await createUnit({ parentId: root.id });
  const hr = actorOf(await createUser({ roles: ["HR"], unitId: mine.id }));
  const reviewer = actorOf(await createUser({ roles: ["HR"], unitId: mine.id }));
  const hrOther = actorOf(await createUser({ roles: ["HR"], unitId: other.id }));
  const a = await createAuxiliaryProfile({ unitId: mine.id });
  const c = await createAuxiliaryProfile({ unitId: other.id });
  const kase = await createRecord(hr, {
    auxiliaryId: a.id,
    category: "COMPENSATION",
    kind: "ILLNESS",
    occurredOn: "2026-01-01",
    title: "住院",
    amount: "10",
  });
  await reviewCase(reviewer, kase.id, { decision: "APPROVE" });
  await createRecord(hr, { auxiliaryId: a.id, category: "AWARD", occurredOn: "2026-02-01", title: "嘉奖" });
  await revealIdNumber(hr, a.id);
  await createRecord(hrOther, { auxiliaryId: c.id, category: "AWARD", occurredOn: "2026-02-01", title: "别处的嘉奖" });
  const d = await getDashboard(hr);
  const actions = d.recent.map((r) => r.action);
  expect(actions).toEqual(expect.arrayContaining(["benefits.case.submit", "benefits.case.approve", "benefits.record.create"]));
  expect(actions).not.toContain("benefits.id_number.reveal");
  expect(d.recent.every((r) => !String(r.target).includes(c.auxNo))).toBe(true);
  // newest first
  expect(d.recent[0]!.action).toBe("benefits.record.create");
});
