import "server-only";
import type { Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { shanghaiToday } from "@/lib/time";
import { assertHr } from "./access";
import { listEntitlements } from "./equipment";
import { unitSubtree, unitSubtreeSql } from "@/lib/unit-tree";

/** The HR dashboard over the actor's subtree; sums are done by PostgreSQL in NUMERIC. */
export async function getDashboard(actor: Actor) {
  assertHr(actor);
  const thisMonth = shanghaiToday().slice(0, 7);
  const [byUnit, byLevel, pay, cases, recent] = await Promise.all([
    db.$queryRaw<{ unitId: string; name: string; n: bigint }[]>`
      SELECT u.id AS "unitId", u.name, count(*)::bigint AS n FROM "AuxiliaryProfile" p JOIN "Unit" u ON u.id = p."unitId"
      WHERE ${unitSubtreeSql("u.path", actor.unitPath)} AND p.status = 'ACTIVE' GROUP BY u.id, u.name, u."sortOrder" ORDER BY u."sortOrder", u.name`,
    db.$queryRaw<{ level: number; n: bigint }[]>`
      SELECT p.level, count(*)::bigint AS n FROM "AuxiliaryProfile" p JOIN "Unit" u ON u.id = p."unitId"
      WHERE ${unitSubtreeSql("u.path", actor.unitPath)} AND p.status = 'ACTIVE' GROUP BY p.level ORDER BY p.level`,
    db.$queryRaw<{ month: string; total: string; n: bigint }[]>`
      SELECT l.month, sum(l.net)::text AS total, count(*)::bigint AS n FROM "PayLine" l JOIN "AuxiliaryProfile" p ON p.id = l."profileId" JOIN "Unit" u ON u.id = p."unitId"
      WHERE ${unitSubtreeSql("u.path", actor.unitPath)} AND l.month <= ${thisMonth} GROUP BY l.month ORDER BY l.month DESC LIMIT 12`,
    db.$queryRaw<{ status: string; n: bigint; total: string }[]>`
      SELECT c.status::text AS status, count(*)::bigint AS n, coalesce(sum(coalesce(c."amountApproved", c."amountRequested")), 0)::text AS total
      FROM "CompensationCase" c JOIN "AuxiliaryProfile" p ON p.id = c."profileId" JOIN "Unit" u ON u.id = p."unitId"
      WHERE ${unitSubtreeSql("u.path", actor.unitPath)} GROUP BY c.status`,
    // "recent changes": changes only (who read, revealed or exported what stays for the audit
    // administrator), to people in my subtree, or by HR staff in it when the change names no
    // person (a pay import, a catalogue entry, a deleted record)
    db.$queryRaw<{ at: Date; action: string; target: string | null; actorName: string | null }[]>`
      SELECT a.at, a.action, a.target, a."actorName"
      FROM "AuditLog" a
      LEFT JOIN "CompensationCase" cc ON a."targetType" = 'CompensationCase' AND cc.id = a."targetId"
      LEFT JOIN "BenefitRecord" br ON a."targetType" = 'BenefitRecord' AND br.id = a."targetId"
      LEFT JOIN "CampaignVisit" cv ON a."targetType" = 'CampaignVisit' AND cv.id = a."targetId"
      LEFT JOIN "EquipmentIssue" ei ON a."targetType" = 'EquipmentIssue' AND ei.id = a."targetId"
      LEFT JOIN "AuxiliaryProfile" p ON p.id = CASE WHEN a."targetType" = 'AuxiliaryProfile' THEN a."targetId"
        ELSE COALESCE(cc."profileId", br."profileId", cv."profileId", ei."profileId") END
      LEFT JOIN "Unit" pu ON pu.id = p."unitId"
      LEFT JOIN "Unit" tu ON a."targetType" = 'Unit' AND tu.id = a."targetId"
      LEFT JOIN "VisitCampaign" vc ON a."targetType" = 'VisitCampaign' AND vc.id = a."targetId"
      LEFT JOIN "Unit" cu ON cu.id = vc."unitId"
      LEFT JOIN "User" au ON au.id = a."actorId"
      LEFT JOIN "Unit" aun ON aun.id = au."unitId"
      WHERE a.action LIKE 'benefits.%' AND a.outcome = 'SUCCESS'
        AND a.action NOT LIKE '%.read' AND a.action NOT LIKE '%.reveal' AND a.action NOT LIKE '%export%'
        AND ${unitSubtreeSql("COALESCE(pu.path, tu.path, cu.path, aun.path)", actor.unitPath)}
      ORDER BY a.at DESC, a.id DESC LIMIT 12`,
  ]);
  const due = await listEntitlements(actor, { withinDays: 90 });
  const open = await db.compensationCase.findMany({
    where: { status: { in: ["SUBMITTED", "PENDING_SECOND_APPROVAL", "APPROVED"] }, profile: { unit: unitSubtree(actor.unitPath) } },
    orderBy: { submittedAt: "asc" },
    take: 20,
    select: {
      id: true,
      title: true,
      kind: true,
      status: true,
      amountRequested: true,
      amountApproved: true,
      submittedAt: true,
      profile: { select: { id: true, auxNo: true, name: true } },
    },
  });
  return {
    headcountByUnit: byUnit.map((r) => ({ unitId: r.unitId, name: r.name, count: Number(r.n) })),
    headcountByLevel: byLevel.map((r) => ({ level: r.level, count: Number(r.n) })),
    payByMonth: pay.reverse().map((r) => ({ month: r.month, total: Number(r.total).toFixed(2), totalText: r.total, lines: Number(r.n) })),
    casesByStatus: cases.map((r) => ({ status: r.status, count: Number(r.n), total: r.total })),
    equipmentOwed: due.filter((d) => d.state === "OWED").length,
    equipmentDueSoon: due.filter((d) => d.state === "DUE_SOON").length,
    recent,
    openCases: open.map((c) => ({
      id: c.id,
      title: c.title,
      kind: c.kind,
      status: c.status,
      amount: (c.amountApproved ?? c.amountRequested).toFixed(2),
      submittedAt: c.submittedAt,
      profile: c.profile,
    })),
  };
}
