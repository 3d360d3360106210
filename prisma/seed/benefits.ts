import { makeIdNumber } from "@/lib/benefits/idcard";
import { formatCents } from "@/lib/benefits/money";
import { sealCase, sealPayLine } from "@/lib/benefits/integrity";
import { encryptField } from "@/lib/crypto";
import { idColumns } from "@/tests/factories/benefits";
import { shanghaiTodayAsDate } from "@/lib/time";
import type { SeedContext } from "./context";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const EXTRA = [
  { auxNo: "F00021", name: "曹文静", unit: "QS-XZ", post: "CIVILIAN" as const },
  { auxNo: "F00022", name: "邓海波", unit: "QS-ZA", post: "DUTY" as const },
  { auxNo: "F00023", name: "冯雅琴", unit: "QS-TGZ-SQ", post: "DUTY" as const },
  { auxNo: "F00024", name: "韩志诚", unit: "QS-DT-AJ", post: "DUTY" as const },
  { auxNo: "F00025", name: "蒋小慧", unit: "QS-XZ", post: "CIVILIAN" as const, left: true },
];
const ITEMS = [
  { code: "SPRING-AUTUMN", name: "春秋常服", unitLabel: "套", sizeGroup: "TOP", cycleMonths: 24 },
  { code: "WINTER-DUTY", name: "冬执勤服", unitLabel: "套", sizeGroup: "TOP", cycleMonths: 36 },
  { code: "SUMMER-SHIRT", name: "夏执勤短袖衬衣", unitLabel: "件", sizeGroup: "TOP", cycleMonths: 12 },
  { code: "BELT", name: "多功能腰带", unitLabel: "条", sizeGroup: "BELT", cycleMonths: 36 },
  { code: "SHOES", name: "执勤皮鞋", unitLabel: "双", sizeGroup: "SHOES", cycleMonths: 12 },
  { code: "VEST", name: "反光背心", unitLabel: "件", sizeGroup: null, cycleMonths: 24 },
  { code: "CAP", name: "执勤帽", unitLabel: "顶", sizeGroup: "HAT", cycleMonths: 36 },
];

function monthsBefore(now: Date, n: number): string[] {
  const out: string[] = [];
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  for (let i = n; i >= 1; i--) {
    const dt = new Date(Date.UTC(y, m - i, 1));
    out.push(`${dt.getUTCFullYear()}-${String(dt.getUTCMonth() + 1).padStart(2, "0")}`);
  }
  return out;
}

/** Pay of one person for one month, in cents, with net exactly the sum of its parts. */
function payFor(level: number, years: number, i: number) {
  const base = 280000n + BigInt(level - 1) * 15000n;
  const levelAllowance = BigInt(level) * 20000n;
  const seniorityAllowance = BigInt(Math.max(0, years)) * 3000n;
  const performance = 60000n + BigInt((i * 3719) % 60001);
  const socialInsurance = (base * 105n) / 1000n;
  const housingFund = (base * 8n) / 100n;
  const deductions = i % 7 === 0 ? 5050n : 0n;
  const net = base + levelAllowance + seniorityAllowance + performance - socialInsurance - housingFund - deductions;
  return Object.fromEntries(
    Object.entries({ base, levelAllowance, seniorityAllowance, performance, socialInsurance, housingFund, deductions, net }).map(
      ([k, v]) => [k, formatCents(v)],
    ),
  ) as Record<string, string>;
}

/** Demo data of the benefits module; idempotent (each part is created only when missing). */
export async function seedBenefits(ctx: SeedContext): Promise<void> {
  const { db, users, units } = ctx;
  // calendar arithmetic on the Shanghai date (its UTC fields), not on the UTC date of the instant
  const now = shanghaiTodayAsDate(ctx.now);
  const hr = users["020001"];
  const people: { auxNo: string; name: string; unitId: string; userId: string | null; post: "DUTY" | "CIVILIAN"; left?: boolean }[] = [];
  for (let i = 1; i <= 20; i++) {
    const u = users[`F000${String(i).padStart(2, "0")}`];
    if (u) people.push({ auxNo: u.badgeNo, name: u.name, unitId: u.unitId, userId: u.id, post: i % 6 === 0 ? "CIVILIAN" : "DUTY" });
  }
  for (const e of EXTRA)
    if (units[e.unit]) people.push({ auxNo: e.auxNo, name: e.name, unitId: units[e.unit]!.id, userId: null, post: e.post, left: e.left });

  let created = 0;
  const profiles: { id: string; auxNo: string; level: number; hireYear: number }[] = [];
  for (const [i, p] of people.entries()) {
    const level = 1 + (i % 5);
    const hireYear = 2014 + (i % 10);
    let row = await db.auxiliaryProfile.findUnique({
      where: { auxNo: p.auxNo },
      select: { id: true, auxNo: true, level: true, hireDate: true },
    });
    if (!row) {
      const birth = `${1985 + (i % 14)}${String((i % 12) + 1).padStart(2, "0")}${String((i % 27) + 1).padStart(2, "0")}`;
      const idNumber = makeIdNumber(`21030${2 + (i % 3)}`, birth, 100 + i * 2 + (i % 2 === 0 ? 1 : 0));
      row = await db.auxiliaryProfile.create({
        data: {
          auxNo: p.auxNo,
          name: p.name,
          ...idColumns(idNumber),
          unitId: p.unitId,
          post: p.post,
          batch: `${hireYear}年第${(i % 2) + 1}批`,
          hireDate: d(`${hireYear}-0${(i % 9) + 1}-01`),
          contractStart: d(`${hireYear}-0${(i % 9) + 1}-01`),
          contractEnd: d(`${hireYear + 15}-0${(i % 9) + 1}-01`),
          level,
          levelSince: d(`${Math.min(2025, hireYear + level)}-01-01`),
          status: p.left ? "LEFT" : "ACTIVE",
          sizes: {
            TOP: ["170/88A", "175/92A", "180/96A", "165/84A"][i % 4]!,
            SHOES: String(38 + (i % 7)),
            BELT: ["L", "XL", "M"][i % 3]!,
            HAT: String(56 + (i % 4)),
          },
          userId: p.userId,
        },
        select: { id: true, auxNo: true, level: true, hireDate: true },
      });
      created++;
    }
    profiles.push({ id: row.id, auxNo: row.auxNo, level: row.level, hireYear: row.hireDate.getUTCFullYear() });
  }

  for (let level = 1; level <= 6; level++) {
    await db.payScale.upsert({
      where: { level },
      update: {},
      create: {
        level,
        base: formatCents(280000n + BigInt(level - 1) * 15000n),
        levelAllowance: formatCents(BigInt(level) * 20000n),
        note: `${level} 级辅警`,
      },
    });
  }

  // 12 months of pay lines, one import per month
  const active = profiles.filter((_, i) => !people[i]!.left);
  for (const [mi, month] of monthsBefore(now, 12).entries()) {
    const importUnitId = hr?.unitId ?? units.QS!.id;
    if (await db.payImport.findUnique({ where: { unitId_month: { unitId: importUnitId, month } } })) continue;
    const pays = active.map((p, i) => payFor(p.level, Number(month.slice(0, 4)) - p.hireYear, i * 13 + mi));
    const lines = active.map((p, i) => ({ profileId: p.id, month, ...pays[i] }));
    let total = 0n;
    for (const pay of pays) total += BigInt(pay.net!.replace(".", ""));
    await db.$transaction(async (tx) => {
      const imp = await tx.payImport.create({
        data: {
          month,
          unitId: importUnitId,
          fileName: `${month}工资表.xlsx`,
          rowCount: lines.length,
          netTotal: formatCents(total),
          importedById: hr?.id ?? null,
        },
      });
      await tx.payLine.createMany({
        data: lines.map((l) => ({ ...l, importId: imp.id, seal: sealPayLine(l as Parameters<typeof sealPayLine>[0]) })) as never,
      });
    });
  }

  // catalogue, standards and issues
  for (const it of ITEMS) {
    const item = await db.equipmentItem.upsert({ where: { code: it.code }, update: {}, create: it });
    if (!(await db.equipmentStandard.count({ where: { itemId: item.id } }))) {
      const season =
        it.code === "WINTER-DUTY"
          ? "WINTER"
          : it.code === "SUMMER-SHIRT"
            ? "SUMMER"
            : it.code === "SPRING-AUTUMN"
              ? "SPRING_AUTUMN"
              : "ALL";
      await db.equipmentStandard.create({
        data: {
          itemId: item.id,
          post: it.code === "VEST" || it.code === "BELT" ? "DUTY" : null,
          season,
          quantity: it.code === "SUMMER-SHIRT" ? 2 : 1,
          cycleMonths: it.cycleMonths,
        },
      });
    }
  }
  const items = await db.equipmentItem.findMany({ where: { code: { in: ITEMS.map((i) => i.code) } } });
  for (const [i, p] of active.entries()) {
    if (await db.equipmentIssue.count({ where: { profileId: p.id } })) continue;
    const issues = items
      .filter((_, k) => (i + k) % 9 !== 0)
      .map((item, k) => {
        const monthsAgo = (i * 5 + k * 7) % (item.cycleMonths + 1);
        const issued = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 5 + (i % 20)));
        return {
          profileId: p.id,
          itemId: item.id,
          quantity: item.code === "SUMMER-SHIRT" ? 2 : 1,
          issuedOn: issued,
          size: null as string | null,
          createdById: hr?.id ?? null,
        };
      });
    await db.equipmentIssue.createMany({ data: issues });
  }

  // cases in every state; seeded ones have no submitter account, so the HR demo user may review them
  const caseDefs = [
    { kind: "WORK_INJURY", title: "执勤中扭伤脚踝", status: "SUBMITTED", amount: "3200.00" },
    { kind: "ILLNESS", title: "住院治疗补助", status: "APPROVED", amount: "5000.00" },
    { kind: "HARDSHIP", title: "家庭困难补助", status: "PAID", amount: "2000.00" },
    { kind: "BEREAVEMENT", title: "直系亲属病故抚恤", status: "PAID", amount: "3000.00" },
    { kind: "HARDSHIP", title: "子女上学困难补助", status: "REJECTED", amount: "1500.00" },
    { kind: "HOLIDAY_VISIT", title: "中秋节走访慰问", status: "PAID", amount: "500.00" },
    { kind: "WORK_INJURY", title: "处警时手臂划伤", status: "SUBMITTED", amount: "860.50" },
  ] as const;
  for (const [i, c] of caseDefs.entries()) {
    const p = active[(i * 3) % active.length]!;
    if (await db.compensationCase.findFirst({ where: { profileId: p.id, title: c.title } })) continue;
    const reviewed = c.status !== "SUBMITTED";
    await db.compensationCase.create({
      data: {
        profileId: p.id,
        kind: c.kind,
        title: c.title,
        reasonEnc: encryptField(c.title),
        occurredOn: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 10 + i)),
        amountRequested: c.amount,
        amountApproved: c.status === "APPROVED" || c.status === "PAID" ? c.amount : null,
        status: c.status,
        reviewedById: reviewed ? (hr?.id ?? null) : null,
        reviewedAt: reviewed ? new Date(now.getTime() - 20 * 86400000) : null,
        reviewNote: c.status === "REJECTED" ? "不符合补助条件" : null,
        paidAt: c.status === "PAID" ? new Date(now.getTime() - 10 * 86400000) : null,
        seal: sealCase({
          profileId: p.id,
          status: c.status,
          amountRequested: c.amount,
          amountApproved: c.status === "APPROVED" || c.status === "PAID" ? c.amount : null,
        }),
      },
    });
  }

  // dated records: recruitment, awards, leave, outside training; assessments
  for (const [i, p] of profiles.entries()) {
    if (await db.benefitRecord.count({ where: { profileId: p.id } })) continue;
    await db.benefitRecord.createMany({
      data: [
        {
          profileId: p.id,
          category: "RECRUITMENT",
          occurredOn: d(`${p.hireYear}-0${(i % 9) + 1}-01`),
          title: `${p.hireYear}年辅警招聘`,
          details: {
            batch: `${p.hireYear}年第${(i % 2) + 1}批`,
            examScore: String(70 + (i % 25)),
            interviewScore: String(75 + (i % 20)),
            onboardOn: `${p.hireYear}-0${(i % 9) + 1}-01`,
          },
        },
        ...(i % 3 === 0
          ? [
              {
                profileId: p.id,
                category: "AWARD" as const,
                occurredOn: d(`${now.getUTCFullYear() - 1}-12-20`),
                title: "年度优秀辅警",
                amount: "1000.00",
                details: { note: "送奖到基层" },
              },
            ]
          : []),
        ...(i % 4 === 1
          ? [
              {
                profileId: p.id,
                category: "LEAVE" as const,
                occurredOn: d(`${now.getUTCFullYear()}-0${(i % 8) + 1}-10`),
                title: "年休假",
                details: { days: "5" },
              },
            ]
          : []),
        ...(i % 5 === 2
          ? [
              {
                profileId: p.id,
                category: "TRAINING" as const,
                occurredOn: d(`${now.getUTCFullYear()}-05-15`),
                title: "辅警岗位技能培训（市局）",
                details: { note: "外出学习 3 天" },
              },
            ]
          : []),
      ],
    });
    for (const year of [now.getUTCFullYear() - 2, now.getUTCFullYear() - 1]) {
      await db.auxAssessment.upsert({
        where: { profileId_year: { profileId: p.id, year } },
        update: {},
        create: { profileId: p.id, year, result: i % 6 === 4 ? "BASIC" : i % 3 === 0 ? "EXCELLENT" : "COMPETENT" },
      });
    }
  }
  if (profiles[7] && !(await db.auxDiscipline.count({ where: { profileId: profiles[7].id } }))) {
    await db.auxDiscipline.create({
      data: { profileId: profiles[7].id, occurredOn: d(`${now.getUTCFullYear()}-03-01`), description: "执勤迟到，通报批评" },
    });
  }

  for (const [fromLevel, minYears] of [
    [1, 2],
    [2, 3],
    [3, 3],
    [4, 4],
    [5, 4],
  ] as const) {
    await db.promotionRule.upsert({
      where: { fromLevel },
      update: {},
      create: { fromLevel, minYears, minAssessment: "COMPETENT", blockOnDiscipline: true },
    });
  }

  const campaignName = `${now.getUTCFullYear()}年春节慰问`;
  if (units.QS && !(await db.visitCampaign.findFirst({ where: { name: campaignName } }))) {
    const c = await db.visitCampaign.create({
      data: {
        name: campaignName,
        startsOn: d(`${now.getUTCFullYear()}-01-20`),
        endsOn: d(`${now.getUTCFullYear()}-02-15`),
        description: "分局党委班子成员带队走访困难辅警及家属",
        unitId: units.QS.id,
        createdById: hr?.id ?? null,
      },
    });
    await db.campaignVisit.createMany({
      data: active.slice(0, 6).map((p, i) => ({
        campaignId: c.id,
        profileId: p.id,
        visitedOn: d(`${now.getUTCFullYear()}-01-${22 + i}`),
        visitors: "政治处主任、所长",
        visitee: i % 2 ? "父亲" : "本人",
        reason: i % 2 ? "家属患病" : "春节慰问",
        gift: "米、面、油",
        amount: i % 2 ? "1000.00" : "500.00",
      })),
    });
  }
  ctx.log(`benefits: ${profiles.length} profiles (${created} new), pay, equipment, cases, campaign, rules`);
}
