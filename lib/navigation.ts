import type { Permission } from "@/lib/access";

// The portal's navigation; an entry shows when the user holds any of its permissions.
// Labels are keys in the "common.nav" catalogue.
export type NavItem = { href: string; label: string; anyOf: Permission[] };

export const NAV_ITEMS: NavItem[] = [
  { href: "/training", label: "training", anyOf: ["training.book", "training.manage"] },
  { href: "/training/me", label: "myTraining", anyOf: ["training.book"] },
  { href: "/training/teach", label: "teaching", anyOf: ["training.teach"] },
  { href: "/training/manage", label: "trainingManage", anyOf: ["training.manage"] },
  { href: "/training/unit", label: "unitTraining", anyOf: ["training.unit.view"] },
  { href: "/medical", label: "medical", anyOf: ["medical.book"] },
  { href: "/medical/manage", label: "medicalManage", anyOf: ["medical.manage"] },
  { href: "/medical/stats", label: "medicalStats", anyOf: ["medical.stats.view"] },
  { href: "/benefits", label: "benefits", anyOf: ["benefits.manage"] },
  { href: "/benefits/me", label: "myBenefits", anyOf: ["benefits.self.view"] },
  { href: "/leave", label: "leave", anyOf: ["leave.request"] },
  { href: "/leave/approvals", label: "leaveApprovals", anyOf: ["leave.approve"] },
  { href: "/leave/hr", label: "leaveHr", anyOf: ["leave.hr"] },
  { href: "/leave/holidays", label: "leaveHolidays", anyOf: ["leave.calendar.manage"] },
  { href: "/admin/users", label: "users", anyOf: ["users.manage"] },
  { href: "/admin/users/import", label: "userImport", anyOf: ["users.manage"] },
  // the same list, for the security administrator: each account's page holds its role grant
  { href: "/admin/users", label: "roleGrants", anyOf: ["roles.grant"] },
  { href: "/admin/units", label: "units", anyOf: ["units.manage"] },
  { href: "/admin/units/import", label: "unitImport", anyOf: ["units.manage"] },
  { href: "/admin/security", label: "security", anyOf: ["security.manage"] },
  { href: "/admin/audit", label: "audit", anyOf: ["audit.view"] },
];
