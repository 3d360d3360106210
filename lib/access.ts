// The one role → permission map. Pure: no database, no request; unit-tested for every role.
// Server code asserts with assertCan(); client code may use can() only to hide UI.
import { AppError } from "@/lib/errors";

export const ROLES = [
  "OFFICER",
  "AUXILIARY",
  "UNIT_LEAD",
  "LECTURER",
  "TRAINING_ADMIN",
  "MEDICAL_LIAISON",
  "HR",
  "SYS_ADMIN",
  "SECURITY_ADMIN",
  "AUDIT_ADMIN",
] as const;
export type Role = (typeof ROLES)[number];

/** 三权分立: no account may hold two of these. */
export const ADMIN_ROLES = ["SYS_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"] as const satisfies readonly Role[];

export const PERMISSIONS = [
  "training.book",
  "training.teach",
  "training.manage",
  "training.unit.view",
  "training.unit.enrol",
  "medical.book",
  "medical.manage",
  "medical.stats.view",
  "benefits.self.view",
  "benefits.manage",
  "leave.request",
  "leave.approve",
  "leave.calendar.manage",
  "leave.hr",
  "users.manage",
  "users.view",
  "roles.grant",
  "units.manage",
  "security.manage",
  "audit.view",
  "notifications.view",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  OFFICER: ["training.book", "medical.book", "leave.request", "notifications.view"],
  AUXILIARY: ["training.book", "medical.book", "benefits.self.view", "leave.request", "notifications.view"],
  UNIT_LEAD: ["training.unit.view", "training.unit.enrol", "medical.stats.view", "leave.request", "leave.approve", "notifications.view"],
  LECTURER: ["training.teach", "notifications.view"],
  TRAINING_ADMIN: ["training.manage", "training.teach", "notifications.view"],
  MEDICAL_LIAISON: ["medical.manage", "medical.stats.view", "notifications.view"],
  HR: ["benefits.manage", "leave.calendar.manage", "leave.hr", "notifications.view"],
  SYS_ADMIN: ["users.manage", "users.view", "units.manage"],
  SECURITY_ADMIN: ["security.manage", "users.view", "roles.grant"],
  AUDIT_ADMIN: ["audit.view"],
};

/**
 * The signed-in user as every domain function receives it (first argument), resolved from the
 * server-side session on each request, so a disabled account or a role change applies at once.
 */
export type Actor = {
  id: string;
  badgeNo: string;
  name: string;
  roles: readonly Role[];
  unitId: string;
  /** Materialised path of the actor's unit ("/rootId/stationId/"), for subtree scoping. */
  unitPath: string;
  unitName: string;
  /** The client address of the request (lib/auth/request-info.ts: socket, or TRUSTED_PROXY_HOPS). */
  ip?: string | null;
  /** The request's x-request-id (proxy.ts), so audit entries and logs of one request match. */
  requestId?: string | null;
};

export function can(actor: Pick<Actor, "roles"> | null | undefined, permission: Permission): boolean {
  return !!actor && actor.roles.some((r) => ROLE_PERMISSIONS[r]?.includes(permission));
}

export function assertCan(actor: Pick<Actor, "roles">, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError("FORBIDDEN", "没有权限执行此操作");
}

export function hasRole(actor: Pick<Actor, "roles">, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

/** Roles that read sensitive personal data (benefit records, health notes). */
export const SENSITIVE_DATA_ROLES = ["HR", "MEDICAL_LIAISON"] as const satisfies readonly Role[];

/**
 * Administrators keep away from personal data: an account with an administrator role may not
 * also hold a role that reads benefit records or health notes. Returns the clashing roles.
 */
export function sensitiveRoleConflict(roles: readonly Role[]): Role[] | null {
  const admin = roles.filter((r) => (ADMIN_ROLES as readonly Role[]).includes(r));
  const sensitive = roles.filter((r) => (SENSITIVE_DATA_ROLES as readonly Role[]).includes(r));
  return admin.length && sensitive.length ? [...admin, ...sensitive] : null;
}

/**
 * The security and audit administrators watch the system administrator, so the system
 * administrator may neither grant those roles nor manage accounts that hold them; they are
 * provisioned from the server (`npm run admin:provision`).
 */
export const PEER_ADMIN_ROLES = ["SECURITY_ADMIN", "AUDIT_ADMIN"] as const satisfies readonly Role[];
export const holdsPeerAdminRole = (roles: readonly string[]) => roles.some((r) => (PEER_ADMIN_ROLES as readonly string[]).includes(r));

/** The 三权分立 rule, checked wherever roles are assigned. Returns the clashing roles, if any. */
export function adminRoleConflict(roles: readonly Role[]): Role[] | null {
  const admin = roles.filter((r) => (ADMIN_ROLES as readonly Role[]).includes(r));
  return admin.length > 1 ? admin : null;
}

/**
 * 三员分立: the roles of an identity, which the system administrator sets when creating an
 * account (OFFICER 民警 / AUXILIARY 辅警). Every other role is an authorisation: the security
 * administrator grants it; the three administrator roles are provisioned from the server.
 */
export const IDENTITY_ROLES = ["OFFICER", "AUXILIARY"] as const satisfies readonly Role[];
export const isIdentityRole = (r: string) => (IDENTITY_ROLES as readonly string[]).includes(r);
export const isAdminRole = (r: string) => (ADMIN_ROLES as readonly string[]).includes(r);
