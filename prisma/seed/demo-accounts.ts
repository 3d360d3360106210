// The demo accounts of API.md, as plain data (no database): the demo seed creates them and
// `npm run demo:otp` knows which of them carry the demo second factor.
import type { Role } from "@/lib/access";
import { MFA_REQUIRED_ROLES } from "@/lib/auth/mfa-roles";

/**
 * The TOTP secret of every demo account holding a role of the default MFA list. Demo only: it is
 * public (API.md, README), and the demo seed refuses to run in production.
 */
export const DEMO_TOTP_SECRET = "JINGXINQIANSHANDEMOTOTPSECRETAAB";

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

export type DemoAccount = { badgeNo: string; name: string; roles: Role[]; unit: string };

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

/** Demo accounts enrolled with DEMO_TOTP_SECRET by the seed: those holding a default-list role. */
export function demoMfaAccounts(): DemoAccount[] {
  return demoAccounts().filter((a) => a.roles.some((r) => (MFA_REQUIRED_ROLES as readonly Role[]).includes(r)));
}
