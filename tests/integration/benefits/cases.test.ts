import { rejection } from "@/tests/helpers/errors";
import { db } from "@/lib/db";
import { createRecord, markCasePaid, reviewCase } from "@/lib/benefits/mutations";
import { listRecords } from "@/lib/benefits/queries";
import { world } from "./helpers";

describe("优待抚恤 cases", () => {
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    w = await world();
  });
  const open = (amount = "1000.10", actor = () => w.hrA) =>
    createRecord(actor(), {
      auxiliaryId: w.profA.id,
      category: "COMPENSATION",
      kind: "WORK_INJURY",
      occurredOn: "2026-03-01",
      title: "执勤受伤",
      amount,
    });

  test("SUBMITTED → APPROVED → PAID with reviewer, dates and exact amounts", async () => {
    const c = await open("0.10");
    expect(c.status).toBe("SUBMITTED");
    // above the requested amount: a second, different approver confirms (issue 9 item 11)
    const first = await reviewCase(w.hrA2, c.id, { decision: "APPROVE", amountApproved: "0.30" });
    expect(first).toMatchObject({ status: "PENDING_SECOND_APPROVAL", amountApproved: "0.30" });
    const approved = await reviewCase(w.hrRoot, c.id, { decision: "APPROVE" });
    expect(approved).toMatchObject({ status: "APPROVED", amountApproved: "0.30" });
    const paid = await markCasePaid(w.hrA, c.id);
    expect(paid.status).toBe("PAID");
    const row = await db.compensationCase.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.reviewedById).toBe(w.hrA2.id);
    expect(row.secondReviewedById).toBe(w.hrRoot.id);
    expect(row.reviewedAt).not.toBeNull();
    expect(row.paidAt).not.toBeNull();
    expect(row.amountRequested.toFixed(2)).toBe("0.10");
    const actions = (await db.auditLog.findMany({ where: { targetId: c.id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["benefits.case.submit", "benefits.case.approve_first", "benefits.case.approve", "benefits.case.pay"]);
    const rec = (await listRecords(w.auxA, { category: "COMPENSATION" })).find((r) => r.id === c.id);
    expect(rec).toMatchObject({ status: "PAID", amount: "0.30" });
  });

  test("the approver cannot be the submitter", async () => {
    const c = await open();
    const err = await rejection(reviewCase(w.hrA, c.id, { decision: "APPROVE" }));
    expect(err.status).toBe(409);
    expect(err.code).toBe("SELF_REVIEW");
    expect((await db.compensationCase.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("SUBMITTED");
  });

  test("illegal transitions answer INVALID_TRANSITION and change nothing", async () => {
    const c = await open();
    await expect(markCasePaid(w.hrA2, c.id)).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    await reviewCase(w.hrA2, c.id, { decision: "REJECT", note: "材料不全" });
    const before = await db.compensationCase.findUniqueOrThrow({ where: { id: c.id } });
    for (const p of [reviewCase(w.hrRoot, c.id, { decision: "APPROVE" }), markCasePaid(w.hrRoot, c.id)]) {
      const err = await rejection(p);
      expect(err.code).toBe("INVALID_TRANSITION");
      expect(err.status).toBe(409);
    }
    expect(await db.compensationCase.findUniqueOrThrow({ where: { id: c.id } })).toEqual(before);
  });

  test("concurrent reviews: exactly one decision is recorded", async () => {
    const c = await open();
    const res = await Promise.allSettled([
      reviewCase(w.hrA2, c.id, { decision: "APPROVE" }),
      reviewCase(w.hrRoot, c.id, { decision: "REJECT" }),
      reviewCase(w.hrA2, c.id, { decision: "REJECT" }),
      reviewCase(w.hrRoot, c.id, { decision: "APPROVE" }),
    ]);
    expect(res.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.auditLog.count({ where: { targetId: c.id, action: { in: ["benefits.case.approve", "benefits.case.reject"] } } })).toBe(
      1,
    );
  });

  test("HR outside the subtree cannot see or review the case", async () => {
    const c = await createRecord(w.hrRoot, {
      auxiliaryId: w.profB.id,
      category: "COMPENSATION",
      kind: "HARDSHIP",
      occurredOn: "2026-03-01",
      title: "困难补助",
      amount: "500",
    });
    await expect(reviewCase(w.hrA, c.id, { decision: "APPROVE" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("a compensation record needs an amount", async () => {
    const err = await rejection(
      createRecord(w.hrA, { auxiliaryId: w.profA.id, category: "COMPENSATION", occurredOn: "2026-03-01", title: "无金额" }),
    );
    expect(err.fields?.amount).toBeDefined();
  });
});

describe("the database backs the rules up", () => {
  test("refuses a case reviewed by its submitter, a PAID case without a date and a pay line whose net is off by a cent", async () => {
    const w = await world();
    const c = await createRecord(w.hrA, {
      auxiliaryId: w.profA.id,
      category: "COMPENSATION",
      kind: "ILLNESS",
      occurredOn: "2026-03-01",
      title: "住院",
      amount: "10",
    });
    await expect(
      db.compensationCase.update({
        where: { id: c.id },
        data: { status: "APPROVED", reviewedById: w.hrA.id, reviewedAt: new Date(), amountApproved: "10" },
      }),
    ).rejects.toThrow(/CompensationCase_reviewer_check/);
    await expect(
      db.compensationCase.update({
        where: { id: c.id },
        data: { status: "PAID", reviewedById: w.hrA2.id, reviewedAt: new Date(), amountApproved: "10" },
      }),
    ).rejects.toThrow(/CompensationCase_state_check/);
    const imp = await db.payImport.create({
      data: { month: "2099-12", unitId: w.profA.unitId, fileName: "x", rowCount: 1, netTotal: "0" },
    });
    await expect(
      db.payLine.create({
        data: {
          profileId: w.profA.id,
          importId: imp.id,
          month: "2099-12",
          base: "0.10",
          levelAllowance: "0.20",
          seniorityAllowance: "0",
          performance: "0",
          socialInsurance: "0",
          housingFund: "0",
          deductions: "0",
          net: "0.31",
        },
      }),
    ).rejects.toThrow(/PayLine_net_check/);
    expect(await db.payLine.count({ where: { month: "2099-12" } })).toBe(0);
  });
});
