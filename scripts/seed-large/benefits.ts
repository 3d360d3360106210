// Large 辅警保障 data for the benchmark: 1,000 auxiliary profiles (linked to the large AUXILIARY
// accounts, 辅警编号 = badge number), 36 months of pay lines each, equipment issues and cases.
// Idempotent: skipped when the large profiles already exist.
import { blindIndex, encryptField } from "@/lib/crypto";
import { makeIdNumber, maskIdNumber } from "@/lib/benefits/idcard";
import { formatCents } from "@/lib/benefits/money";
import { sealCase, sealPayLine } from "@/lib/benefits/integrity";
import type { LargeContext } from "../seed-large";

const TARGET = 1000;
const MONTHS = 36;

export async function seedLargeBenefits(ctx: LargeContext): Promise<void> {
  const { db, users, log } = ctx;
  if (await db.auxiliaryProfile.findFirst({ where: { id: { startsWith: "lap" } }, select: { id: true } }))
    return log("benefits: already seeded");
  const aux = users
    .filter((u) => u.roles.includes("AUXILIARY") && u.badgeNo.startsWith("L") && /^L\d{5,9}$/.test(u.badgeNo))
    .slice(0, TARGET);
  const taken = new Set(
    (await db.auxiliaryProfile.findMany({ where: { auxNo: { in: aux.map((u) => u.badgeNo) } }, select: { auxNo: true } })).map(
      (p) => p.auxNo,
    ),
  );
  const linked = new Set(
    (await db.auxiliaryProfile.findMany({ where: { userId: { in: aux.map((u) => u.id) } }, select: { userId: true } })).map(
      (p) => p.userId,
    ),
  );
  const people = aux.filter((u) => !taken.has(u.badgeNo) && !linked.has(u.id));
  const profiles = people.map((u, i) => {
    const birth = `${1980 + (i % 20)}${String((i % 12) + 1).padStart(2, "0")}${String((i % 28) + 1).padStart(2, "0")}`;
    const idNumber = makeIdNumber(`2103${["02", "03", "04", "11", "21"][i % 5]}`, birth, 500 + (i % 499));
    const hireYear = 2012 + (i % 13);
    const level = 1 + (i % 6);
    return {
      id: `lap${String(i).padStart(6, "0")}`,
      auxNo: u.badgeNo,
      name: `辅警${u.badgeNo.slice(-4)}`,
      idNumberEnc: encryptField(idNumber),
      idNumberHash: blindIndex("auxiliary-id-number", idNumber),
      idNumberMasked: maskIdNumber(idNumber),
      gender: Number(idNumber[16]) % 2 ? ("MALE" as const) : ("FEMALE" as const),
      birthYear: Number(birth.slice(0, 4)),
      unitId: u.unitId,
      post: i % 5 === 0 ? ("CIVILIAN" as const) : ("DUTY" as const),
      batch: `${hireYear}年第1批`,
      hireDate: new Date(`${hireYear}-03-01T00:00:00Z`),
      level,
      levelSince: new Date(`${Math.min(2025, hireYear + level)}-01-01T00:00:00Z`),
      status: i % 40 === 0 ? ("LEFT" as const) : ("ACTIVE" as const),
      sizes: { TOP: "175/92A", SHOES: String(38 + (i % 7)) },
      userId: u.id,
    };
  });
  for (let i = 0; i < profiles.length; i += 500)
    await db.auxiliaryProfile.createMany({ data: profiles.slice(i, i + 500), skipDuplicates: true });
  log(`benefits: ${profiles.length} profiles`);

  const now = new Date();
  const months: string[] = [];
  for (let k = MONTHS; k >= 1; k--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - k, 1));
    months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`);
  }
  for (const [mi, month] of months.entries()) {
    const unitId = ctx.units.find((u) => u.path.split("/").filter(Boolean).length === 1)!.id;
    const imp =
      (await db.payImport.findUnique({ where: { unitId_month: { unitId, month } } })) ??
      (await db.payImport.create({ data: { month, unitId, fileName: `${month}.xlsx`, rowCount: 0, netTotal: "0" } }));
    let total = 0n;
    const lines = profiles.map((p, i) => {
      const base = 280000n + BigInt(p.level - 1) * 15000n;
      const parts = {
        base,
        levelAllowance: BigInt(p.level) * 20000n,
        seniorityAllowance: BigInt(i % 12) * 3000n,
        performance: 60000n + BigInt((i * 37 + mi * 101) % 60000),
        socialInsurance: (base * 105n) / 1000n,
        housingFund: (base * 8n) / 100n,
        deductions: i % 9 === 0 ? 2000n : 0n,
      };
      const net =
        parts.base +
        parts.levelAllowance +
        parts.seniorityAllowance +
        parts.performance -
        parts.socialInsurance -
        parts.housingFund -
        parts.deductions;
      total += net;
      const line = {
        profileId: p.id,
        month,
        ...Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, formatCents(v)])),
        net: formatCents(net),
      } as Parameters<typeof sealPayLine>[0];
      return { ...line, importId: imp.id, seal: sealPayLine(line) };
    });
    await db.payLine.createMany({ data: lines as never, skipDuplicates: true });
    await db.payImport.update({
      where: { id: imp.id },
      data: { rowCount: { increment: lines.length }, netTotal: { increment: formatCents(total) } },
    });
  }
  log(`benefits: ${profiles.length * MONTHS} pay lines`);

  const items = await db.equipmentItem.findMany({ select: { id: true, cycleMonths: true } });
  if (items.length) {
    const issues = profiles.flatMap((p, i) =>
      items
        .filter((_, k) => (i + k) % 3 !== 0)
        .map((it, k) => ({
          profileId: p.id,
          itemId: it.id,
          quantity: 1,
          size: null,
          issuedOn: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - ((i + k * 5) % (it.cycleMonths + 3)), 10)),
        })),
    );
    for (let i = 0; i < issues.length; i += 5000) await db.equipmentIssue.createMany({ data: issues.slice(i, i + 5000) });
    log(`benefits: ${issues.length} equipment issues`);
  }
  const kinds = ["WORK_INJURY", "ILLNESS", "HARDSHIP", "BEREAVEMENT", "HOLIDAY_VISIT"] as const;
  const statuses = ["SUBMITTED", "APPROVED", "PAID", "PAID", "REJECTED"] as const;
  const cases = profiles
    .filter((_, i) => i % 4 === 0)
    .map((p, i) => {
      const status = statuses[i % statuses.length]!;
      const amountRequested = formatCents(BigInt(50000 + ((i * 7919) % 500000)));
      const amountApproved = status === "APPROVED" || status === "PAID" ? amountRequested : null;
      return {
        profileId: p.id,
        kind: kinds[i % kinds.length]!,
        title: "补助申请",
        occurredOn: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (i % 24), 5)),
        amountRequested,
        amountApproved,
        seal: sealCase({ profileId: p.id, status, amountRequested, amountApproved }),
        status,
        reviewedAt: status === "SUBMITTED" ? null : now,
        paidAt: status === "PAID" ? now : null,
      };
    });
  await db.compensationCase.createMany({ data: cases });
  log(`benefits: ${cases.length} cases`);
}
