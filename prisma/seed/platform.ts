import type { Role } from "@/lib/access";
import { createUnit, createUser, DEMO_PASSWORD } from "@/tests/factories";
import type { SeedContext, SeedUnit, SeedUser } from "./context";

// The branch as the article describes it: 千山分局 with its 派出所, 大队 and 警务团队.
export const DEMO_UNITS: { code: string; name: string; kind: "BUREAU" | "STATION" | "BRIGADE" | "TEAM"; parent?: string }[] = [
  { code: "QS", name: "千山分局", kind: "BUREAU" },
  { code: "QS-TGZ", name: "汤岗子派出所", kind: "STATION", parent: "QS" },
  { code: "QS-DT", name: "大屯派出所", kind: "STATION", parent: "QS" },
  { code: "QS-QDS", name: "齐大山派出所", kind: "STATION", parent: "QS" },
  { code: "QS-DAS", name: "东鞍山派出所", kind: "STATION", parent: "QS" },
  { code: "QS-NY", name: "宁远派出所", kind: "STATION", parent: "QS" },
  { code: "QS-XZ", name: "刑事侦查大队", kind: "BRIGADE", parent: "QS" },
  { code: "QS-ZA", name: "治安管理大队", kind: "BRIGADE", parent: "QS" },
  { code: "QS-TGZ-SQ", name: "汤岗子社区警务队", kind: "TEAM", parent: "QS-TGZ" },
  { code: "QS-DT-AJ", name: "大屯案件办理队", kind: "TEAM", parent: "QS-DT" },
];

const OFFICER_NAMES = [
  "张建国",
  "李明辉",
  "王海涛",
  "刘志强",
  "陈立新",
  "杨晓峰",
  "赵文博",
  "黄振宇",
  "周德胜",
  "吴俊杰",
  "徐国庆",
  "孙立军",
  "马晓东",
  "朱永刚",
  "胡海鹏",
  "郭宏伟",
  "何春雷",
  "高志远",
  "林家豪",
  "罗成刚",
];
const AUX_NAMES = [
  "王丽娜",
  "李佳琪",
  "张宇航",
  "刘思远",
  "陈浩然",
  "杨雪梅",
  "赵子涵",
  "黄晓彤",
  "周博文",
  "吴佳怡",
  "徐天宇",
  "孙梦瑶",
  "马俊凯",
  "朱晨曦",
  "胡欣悦",
  "郭子轩",
  "何雨桐",
  "高嘉伟",
  "林诗涵",
  "罗一鸣",
];
const STATIONS = ["QS-TGZ", "QS-DT", "QS-QDS", "QS-DAS", "QS-NY"];

type DemoAccount = { badgeNo: string; name: string; roles: Role[]; unit: string };

export function demoAccounts(): DemoAccount[] {
  const accounts: DemoAccount[] = [
    { badgeNo: "000001", name: "系统管理员", roles: ["SYS_ADMIN"], unit: "QS" },
    { badgeNo: "000002", name: "安全管理员", roles: ["SECURITY_ADMIN"], unit: "QS" },
    { badgeNo: "000003", name: "审计管理员", roles: ["AUDIT_ADMIN"], unit: "QS" },
    { badgeNo: "010001", name: "训练科", roles: ["TRAINING_ADMIN", "OFFICER"], unit: "QS" },
    { badgeNo: "020001", name: "人事", roles: ["HR", "OFFICER"], unit: "QS" },
    { badgeNo: "030001", name: "警医联络员", roles: ["MEDICAL_LIAISON", "OFFICER"], unit: "QS" },
  ];
  OFFICER_NAMES.forEach((name, i) => {
    const roles: Role[] = ["OFFICER"];
    if (i === 0) roles.push("UNIT_LEAD");
    if (i === 1) roles.push("LECTURER");
    accounts.push({ badgeNo: `1000${String(i + 1).padStart(2, "0")}`, name, roles, unit: STATIONS[i % STATIONS.length]! });
  });
  AUX_NAMES.forEach((name, i) => {
    accounts.push({ badgeNo: `F000${String(i + 1).padStart(2, "0")}`, name, roles: ["AUXILIARY"], unit: STATIONS[i % STATIONS.length]! });
  });
  return accounts;
}

/** Read, else create; a concurrent seed that created it first wins (unique violation → read again). */
async function findOrCreate<T>(find: () => Promise<T | null>, create: () => Promise<T>): Promise<[T, boolean]> {
  const existing = await find();
  if (existing) return [existing, false];
  try {
    return [await create(), true];
  } catch (e) {
    if ((e as { code?: string }).code !== "P2002") throw e;
    const again = await find();
    if (!again) throw e;
    return [again, false];
  }
}

/** Units and the accounts of API.md. Existing rows are left as they are (idempotent). */
export async function seedPlatform(ctx: Omit<SeedContext, "units" | "users">) {
  const { db } = ctx;
  const units: Record<string, SeedUnit> = {};
  for (const [i, u] of DEMO_UNITS.entries()) {
    [units[u.code]] = await findOrCreate(
      () => db.unit.findUnique({ where: { code: u.code } }),
      () => createUnit({ code: u.code, name: u.name, kind: u.kind, parentId: u.parent ? units[u.parent]!.id : null, sortOrder: i }, db),
    );
  }
  await db.securityPolicy.createMany({ data: [{ id: 1 }], skipDuplicates: true });
  const users: Record<string, SeedUser> = {};
  let created = 0;
  for (const a of demoAccounts()) {
    const [user, isNew] = await findOrCreate(
      () => db.user.findUnique({ where: { badgeNo: a.badgeNo } }),
      () =>
        createUser(
          { badgeNo: a.badgeNo, name: a.name, roles: a.roles, unitId: units[a.unit]!.id, password: DEMO_PASSWORD, mustChange: false },
          db,
        ),
    );
    if (isNew) created++;
    users[a.badgeNo] = { id: user.id, badgeNo: user.badgeNo, name: user.name, unitId: user.unitId, roles: user.roles };
  }
  ctx.log(`platform: ${Object.keys(units).length} units, ${Object.keys(users).length} accounts (${created} new)`);
  return { units, users };
}
