import ExcelJS from "exceljs";
import { exportCampaign } from "@/lib/benefits/exports";
import { rejection } from "@/tests/helpers/errors";
import { db } from "@/lib/db";
import { batchIssue, createItem, createStandard, listEntitlements, issueItem } from "@/lib/benefits/equipment";
import { decidePromotion, listCandidates, saveRule } from "@/lib/benefits/promotion";
import { addVisit, createCampaign, getCampaign, listCampaigns } from "@/lib/benefits/campaigns";
import { listRecords } from "@/lib/benefits/queries";
import { createUnit, uniq } from "@/tests/factories";
import { createAuxiliaryProfile } from "@/tests/factories/benefits";
import { world } from "./helpers";

describe("equipment, promotion and visit campaigns", () => {
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    w = await world();
  });

  test("a batch issue records one line per active person of the unit subtree with their size", async () => {
    const unit = await createUnit({ parentId: w.stationA.id });
    const sub = await createUnit({ parentId: unit.id });
    const a = await createAuxiliaryProfile({ unitId: unit.id, sizes: { TOP: "175/96A" } });
    const b = await createAuxiliaryProfile({ unitId: sub.id });
    await createAuxiliaryProfile({ unitId: unit.id, status: "LEFT" });
    const item = await createItem(w.hrA, {
      code: uniq("W").toUpperCase(),
      name: "冬执勤服",
      unitLabel: "套",
      sizeGroup: "TOP",
      cycleMonths: 36,
    });
    const res = await batchIssue(w.hrA, { unitId: unit.id, itemId: item.id, quantity: 1, issuedOn: "2026-11-01", includeSubunits: true });
    expect(res.count).toBe(2);
    const lines = await db.equipmentIssue.findMany({ where: { batchId: res.batchId } });
    expect(lines.map((l) => l.profileId).sort()).toEqual([a.id, b.id].sort());
    expect(lines.find((l) => l.profileId === a.id)!.size).toBe("175/96A");
    expect(await db.auditLog.count({ where: { action: "benefits.equipment.batch_issue", targetId: unit.id } })).toBe(1);
    await expect(batchIssue(w.hrA, { unitId: w.stationB.id, itemId: item.id, quantity: 1, issuedOn: "2026-11-01" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
  });

  test("entitlements: never issued is owed, last issue + cycle within 90 days is due soon", async () => {
    const unit = await createUnit({ parentId: w.stationA.id });
    const p = await createAuxiliaryProfile({ unitId: unit.id, post: "DUTY", hireDate: "2025-01-01" });
    const shoes = await createItem(w.hrA, {
      code: uniq("S").toUpperCase(),
      name: "执勤皮鞋",
      unitLabel: "双",
      sizeGroup: "SHOES",
      cycleMonths: 12,
    });
    const vest = await createItem(w.hrA, { code: uniq("V").toUpperCase(), name: "反光背心", unitLabel: "件", cycleMonths: 24 });
    await createStandard(w.hrA, { itemId: shoes.id, post: "DUTY", season: "ALL", quantity: 1, cycleMonths: 12 });
    await createStandard(w.hrA, { itemId: vest.id, post: "CIVILIAN", season: "ALL", quantity: 1, cycleMonths: 24 });
    let ent = await listEntitlements(w.hrA, { profileId: p.id, today: new Date("2026-06-01") });
    const shoeEnt = ent.filter((e) => e.itemId === shoes.id);
    expect(shoeEnt).toHaveLength(1);
    expect(shoeEnt[0]!.state).toBe("OWED");
    expect(ent.some((e) => e.itemId === vest.id)).toBe(false); // civilian-only standard
    await issueItem(w.hrA, { profileId: p.id, itemId: shoes.id, quantity: 1, issuedOn: "2025-07-15", size: "42" });
    ent = await listEntitlements(w.hrA, { profileId: p.id, today: new Date("2026-06-01") });
    expect(ent.find((e) => e.itemId === shoes.id)).toMatchObject({ state: "DUE_SOON", dueOn: "2026-07-15", lastIssuedOn: "2025-07-15" });
    expect((await listRecords(w.hrA, { auxiliaryId: p.id, category: "EQUIPMENT" }))[0]!.title).toContain("执勤皮鞋");
  });

  test("at 07:30 in Shanghai it is already the new day: due dates and years at a level count from the Shanghai date", async () => {
    const unit = await createUnit({ parentId: w.stationA.id });
    const p = await createAuxiliaryProfile({ unitId: unit.id, post: "DUTY", hireDate: "2025-01-01", level: 6, levelSince: "2024-07-15" });
    const belt = await createItem(w.hrA, { code: uniq("B").toUpperCase(), name: "多功能腰带", unitLabel: "条", cycleMonths: 12 });
    await createStandard(w.hrA, { itemId: belt.id, post: "DUTY", season: "ALL", quantity: 1, cycleMonths: 12 });
    await issueItem(w.hrA, { profileId: p.id, itemId: belt.id, quantity: 1, issuedOn: "2025-07-15" });
    // 2026-07-14T23:30Z is 07:30 on 15 July in Shanghai: the belt is owed today, not tomorrow
    const early = new Date("2026-07-14T23:30:00Z");
    const ent = await listEntitlements(w.hrA, { profileId: p.id, today: early });
    expect(ent.find((e) => e.itemId === belt.id)).toMatchObject({ dueOn: "2026-07-15", state: "OWED" });
    // and two full years at level 6 are reached on the Shanghai date
    await saveRule(w.hrRoot, { fromLevel: 6, minYears: 2, minAssessment: "BASIC", blockOnDiscipline: false });
    const c = (await listCandidates(w.hrA, new Date("2026-07-14T23:30:00Z"))).find((x) => x.profileId === p.id)!;
    expect(c.years).toBe(2);
  });

  test("promotion rules pick the eligible and an approval becomes a 职级晋升 record", async () => {
    await saveRule(w.hrRoot, { fromLevel: 7, minYears: 2, minAssessment: "COMPETENT", blockOnDiscipline: true });
    const unit = await createUnit({ parentId: w.stationA.id });
    const ok = await createAuxiliaryProfile({ unitId: unit.id, level: 7, levelSince: "2022-01-01" });
    const tooNew = await createAuxiliaryProfile({ unitId: unit.id, level: 7, levelSince: "2026-01-01" });
    const disciplined = await createAuxiliaryProfile({ unitId: unit.id, level: 7, levelSince: "2020-01-01" });
    const weak = await createAuxiliaryProfile({ unitId: unit.id, level: 7, levelSince: "2020-01-01" });
    for (const p of [ok, tooNew, disciplined])
      await db.auxAssessment.create({ data: { profileId: p.id, year: 2025, result: "EXCELLENT" } });
    await db.auxAssessment.create({ data: { profileId: weak.id, year: 2025, result: "BASIC" } });
    await db.auxDiscipline.create({ data: { profileId: disciplined.id, occurredOn: new Date("2026-02-01"), description: "迟到" } });
    const list = (await listCandidates(w.hrA, new Date("2026-11-26"))).filter((c) => c.level === 7);
    const by = new Map(list.map((c) => [c.profileId, c]));
    expect(by.get(ok.id)!.eligible).toBe(true);
    expect(by.get(tooNew.id)!.eligible).toBe(false);
    expect(by.get(disciplined.id)!.reasons.join()).toMatch(/违纪/);
    expect(by.get(weak.id)!.reasons.join()).toMatch(/考核/);
    const res = await decidePromotion(w.hrA, { profileId: ok.id, approve: true, decidedOn: "2026-11-26" });
    expect(res).toMatchObject({ promoted: true, toLevel: 8 });
    const p = await db.auxiliaryProfile.findUniqueOrThrow({ where: { id: ok.id } });
    expect(p.level).toBe(8);
    const recs = await listRecords(w.hrA, { auxiliaryId: ok.id, category: "PROMOTION" });
    expect(recs[0]).toMatchObject({ occurredOn: "2026-11-26", details: expect.objectContaining({ fromLevel: 7, toLevel: 8 }) });
  });

  test("a campaign rolls up its visits exactly and visits show on the profile", async () => {
    const c = await createCampaign(w.hrA, { name: "春节慰问", startsOn: "2026-01-20", endsOn: "2026-02-10" });
    await addVisit(w.hrA, {
      campaignId: c.id,
      auxNo: w.profA.auxNo,
      visitedOn: "2026-01-25",
      visitors: "政治处 张某",
      visitee: "本人",
      reason: "春节慰问",
      gift: "米面油",
      amount: "0.10",
    });
    await addVisit(w.hrA, {
      campaignId: c.id,
      auxNo: w.profA.auxNo,
      visitedOn: "2026-01-26",
      visitors: "所长",
      visitee: "母亲",
      reason: "家属慰问",
      amount: "0.20",
    });
    expect(
      (
        await rejection(
          addVisit(w.hrA, { campaignId: c.id, auxNo: w.profB.auxNo, visitedOn: "2026-01-26", visitors: "x", visitee: "本人", reason: "x" }),
        )
      ).fields?.auxNo,
    ).toBeDefined();
    const detail = await getCampaign(w.hrA, c.id);
    expect(detail.total).toBe("0.30");
    expect((await listCampaigns(w.hrA)).find((x) => x.id === c.id)).toMatchObject({ visits: 2, people: 1, total: "0.30" });
    const recs = await listRecords(w.auxA, { category: "COMPENSATION" });
    expect(recs.some((r) => r.title.includes("春节慰问"))).toBe(true);
    // the spreadsheet: 慰问金 are numbers, visit dates date cells
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportCampaign(w.hrA, c.id, "xlsx")) as unknown as ArrayBuffer);
    const row = wb.worksheets[0]!.getRow(2);
    expect(row.getCell(1).value).toEqual(new Date("2026-01-25T00:00:00Z"));
    expect(row.getCell(9).value).toBe(0.1);
  });
});
