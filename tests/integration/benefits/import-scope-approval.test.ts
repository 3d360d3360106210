import { db } from "@/lib/db";
import { commitPayImport, listPayImports, previewPayImport } from "@/lib/benefits/pay-import";
import { createRecord, markCasePaid, reviewCase } from "@/lib/benefits/mutations";
import { createUnit, createUser, actorOf } from "@/tests/factories";
import { createAuxiliaryProfile } from "@/tests/factories/benefits";
import { world } from "./helpers";
import { rejection } from "@/tests/helpers/errors";

const csv = (auxNos: string[]) =>
  Buffer.from(
    [
      "auxNo,base,levelAllowance,seniorityAllowance,performance,socialInsurance,housingFund,deductions,net",
      ...auxNos.map((n) => `${n},3000,0,0,0,0,0,0,3000`),
    ].join("\n"),
  );

describe("pay months per importing unit and scoped import history (issue 9 item 11)", () => {
  test("two stations import the same month; the bureau cannot import it over them; each HR sees only its subtree's history", async () => {
    const w = await world();
    const hrB = actorOf(await createUser({ roles: ["HR"], unitId: w.stationB.id }));
    const a = await createAuxiliaryProfile({ unitId: w.stationA.id });
    const b = await createAuxiliaryProfile({ unitId: w.stationB.id });
    const month = "2063-04";
    expect((await commitPayImport(w.hrA, { month, data: csv([a.auxNo]), fileName: "a.csv" })).imported).toBe(1);
    expect((await commitPayImport(hrB, { month, data: csv([b.auxNo]), fileName: "b.csv" })).imported).toBe(1);
    expect(await db.payImport.count({ where: { month, unitId: { in: [w.stationA.id, w.stationB.id] } } })).toBe(2);

    // the same station again: the usual replace rule
    expect((await rejection(commitPayImport(w.hrA, { month, data: csv([a.auxNo]), fileName: "a.csv" }))).code).toBe(
      "MONTH_ALREADY_IMPORTED",
    );
    expect((await commitPayImport(w.hrA, { month, replace: true, data: csv([a.auxNo]), fileName: "a2.csv" })).replaced).toBe(true);
    // the bureau's import of that month overlaps both stations, even with replace
    const c = await createAuxiliaryProfile({ unitId: w.root.id });
    const bureau = await rejection(commitPayImport(w.hrRoot, { month, replace: true, data: csv([c.auxNo]), fileName: "all.csv" }));
    expect(bureau.code).toBe("MONTH_ALREADY_IMPORTED");
    expect(bureau.message).toMatch(/上级或下级单位/);
    expect((await previewPayImport(w.hrRoot, { month, data: csv([c.auxNo]), fileName: "all.csv" })).monthImported).toBe(true);
    // and a station cannot import a month the bureau already imported
    const bureauMonth = "2063-05";
    await commitPayImport(w.hrRoot, { month: bureauMonth, data: csv([c.auxNo]), fileName: "all.csv" });
    expect((await rejection(commitPayImport(w.hrA, { month: bureauMonth, data: csv([a.auxNo]), fileName: "a.csv" }))).code).toBe(
      "MONTH_ALREADY_IMPORTED",
    );

    const seen = async (actor: typeof w.hrA) =>
      (await listPayImports(actor)).filter((i) => i.month.startsWith("2063-")).map((i) => `${i.month} ${i.unit}`);
    const [nameA, nameB, nameRoot] = await Promise.all(
      [w.stationA, w.stationB, w.root].map(async (u) => (await db.unit.findUniqueOrThrow({ where: { id: u.id } })).name),
    );
    expect(await seen(w.hrA)).toEqual([`2063-04 ${nameA}`]);
    expect(await seen(hrB)).toEqual([`2063-04 ${nameB}`]);
    expect((await seen(w.hrRoot)).sort()).toEqual([`2063-04 ${nameA}`, `2063-04 ${nameB}`, `2063-05 ${nameRoot}`].sort());
  });

  test("a bureau and a station importing the same month at the same moment: exactly one wins", async () => {
    const w = await world();
    const a = await createAuxiliaryProfile({ unitId: w.stationA.id });
    const c = await createAuxiliaryProfile({ unitId: w.root.id });
    const month = "2063-07";
    const res = await Promise.allSettled([
      commitPayImport(w.hrA, { month, data: csv([a.auxNo]), fileName: "a.csv" }),
      commitPayImport(w.hrRoot, { month, data: csv([c.auxNo]), fileName: "all.csv" }),
      commitPayImport(w.hrA, { month, data: csv([a.auxNo]), fileName: "a.csv" }),
      commitPayImport(w.hrRoot, { month, data: csv([c.auxNo]), fileName: "all.csv" }),
    ]);
    expect(res.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of res) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "MONTH_ALREADY_IMPORTED" });
    expect(await db.payImport.count({ where: { month, unitId: { in: [w.stationA.id, w.root.id] } } })).toBe(1);
  });

  test("the database holds one import per unit and month", async () => {
    const unit = await createUnit({});
    const data = { month: "2064-01", unitId: unit.id, fileName: "x", rowCount: 0, netTotal: "0" };
    await db.payImport.create({ data });
    await expect(db.payImport.create({ data })).rejects.toMatchObject({ code: "P2002" });
  });
});

describe("an approval above the requested amount needs a second approver (issue 9 item 11)", () => {
  const open = (w: Awaited<ReturnType<typeof world>>, amount: string) =>
    createRecord(w.hrA, {
      auxiliaryId: w.profA.id,
      category: "COMPENSATION",
      kind: "WORK_INJURY",
      occurredOn: "2026-04-01",
      title: "执勤受伤",
      amount,
    });

  test("SUBMITTED → PENDING_SECOND_APPROVAL → APPROVED → PAID, by two different approvers, neither the submitter", async () => {
    const w = await world();
    const c = await open(w, "1000.00");
    expect(await reviewCase(w.hrA2, c.id, { decision: "APPROVE", amountApproved: "1500.00" })).toMatchObject({
      status: "PENDING_SECOND_APPROVAL",
      amountApproved: "1500.00",
    });
    expect((await rejection(markCasePaid(w.hrA2, c.id))).code).toBe("INVALID_TRANSITION");
    expect((await rejection(reviewCase(w.hrA2, c.id, { decision: "APPROVE" }))).code).toBe("SELF_REVIEW"); // the first approver
    expect((await rejection(reviewCase(w.hrA, c.id, { decision: "APPROVE" }))).code).toBe("SELF_REVIEW"); // the submitter
    expect(
      (await rejection(reviewCase(w.hrRoot, c.id, { decision: "APPROVE", amountApproved: "1600" }))).fields?.amountApproved,
    ).toBeDefined();
    expect(await reviewCase(w.hrRoot, c.id, { decision: "APPROVE" })).toMatchObject({ status: "APPROVED", amountApproved: "1500.00" });
    expect((await markCasePaid(w.hrA, c.id)).status).toBe("PAID");
    const row = await db.compensationCase.findUniqueOrThrow({ where: { id: c.id } });
    expect([row.reviewedById, row.secondReviewedById]).toEqual([w.hrA2.id, w.hrRoot.id]);
  });

  test("at or below the request one approval is enough; a second approver may reject", async () => {
    const w = await world();
    const c1 = await open(w, "500");
    expect((await reviewCase(w.hrA2, c1.id, { decision: "APPROVE", amountApproved: "500" })).status).toBe("APPROVED");
    const c2 = await open(w, "500");
    await reviewCase(w.hrA2, c2.id, { decision: "APPROVE", amountApproved: "900" });
    expect((await reviewCase(w.hrRoot, c2.id, { decision: "REJECT", note: "超出标准" })).status).toBe("REJECTED");
  });

  test("the database refuses an approved amount above the request without a second approval", async () => {
    const w = await world();
    const c = await open(w, "100");
    await expect(
      db.compensationCase.update({
        where: { id: c.id },
        data: { status: "APPROVED", reviewedById: w.hrA2.id, reviewedAt: new Date(), amountApproved: "200" },
      }),
    ).rejects.toThrow(/CompensationCase_second_review_check/);
  });
});
