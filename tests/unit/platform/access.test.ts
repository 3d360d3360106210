import {
  ADMIN_ROLES,
  PERMISSIONS,
  ROLES,
  ROLE_PERMISSIONS,
  adminRoleConflict,
  assertCan,
  can,
  sensitiveRoleConflict,
  type Permission,
  type Role,
} from "@/lib/access";

// The expected map, written out independently of lib/access.ts: a change to who may do what
// must change this table too.
const EXPECTED: Record<Role, Permission[]> = {
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

describe("permission map", () => {
  test.each(ROLES)("%s has exactly its permissions", (role) => {
    for (const p of PERMISSIONS) {
      expect([role, p, can({ roles: [role] }, p)]).toEqual([role, p, EXPECTED[role].includes(p)]);
    }
    expect([...ROLE_PERMISSIONS[role]].sort()).toEqual([...EXPECTED[role]].sort());
  });

  test("三员分立: only the security administrator grants roles; both it and the system administrator list accounts", () => {
    expect(ROLES.filter((r) => can({ roles: [r] }, "roles.grant"))).toEqual(["SECURITY_ADMIN"]);
    expect(ROLES.filter((r) => can({ roles: [r] }, "users.manage"))).toEqual(["SYS_ADMIN"]);
    expect(ROLES.filter((r) => can({ roles: [r] }, "users.view"))).toEqual(["SYS_ADMIN", "SECURITY_ADMIN"]);
  });

  test("only the audit administrator reads the audit log", () => {
    expect(ROLES.filter((r) => can({ roles: [r] }, "audit.view"))).toEqual(["AUDIT_ADMIN"]);
  });

  test("the system administrator cannot read benefit records or the audit log", () => {
    expect(can({ roles: ["SYS_ADMIN"] }, "benefits.manage")).toBe(false);
    expect(can({ roles: ["SYS_ADMIN"] }, "audit.view")).toBe(false);
  });

  test("leave: people request, only unit leads decide, only HR keeps the calendar; administrators do neither", () => {
    expect(ROLES.filter((r) => can({ roles: [r] }, "leave.request"))).toEqual(["OFFICER", "AUXILIARY", "UNIT_LEAD"]);
    expect(ROLES.filter((r) => can({ roles: [r] }, "leave.approve"))).toEqual(["UNIT_LEAD"]);
    expect(ROLES.filter((r) => can({ roles: [r] }, "leave.calendar.manage"))).toEqual(["HR"]);
    for (const a of ADMIN_ROLES) expect(PERMISSIONS.filter((p) => p.startsWith("leave.") && can({ roles: [a] }, p))).toEqual([]);
  });

  test("permissions of several roles add up", () => {
    expect(can({ roles: ["OFFICER", "TRAINING_ADMIN"] }, "training.manage")).toBe(true);
    expect(can({ roles: ["OFFICER", "TRAINING_ADMIN"] }, "medical.book")).toBe(true);
  });

  test("no roles, no permissions; assertCan throws FORBIDDEN", () => {
    expect(PERMISSIONS.some((p) => can({ roles: [] }, p))).toBe(false);
    expect(can(null, "training.book")).toBe(false);
    expect(() => assertCan({ roles: ["OFFICER"] }, "users.manage")).toThrow(expect.objectContaining({ code: "FORBIDDEN", status: 403 }));
  });
});

describe("三权分立: administrator roles are exclusive", () => {
  test("any two of the three administrator roles clash", () => {
    for (const a of ADMIN_ROLES)
      for (const b of ADMIN_ROLES) {
        if (a !== b) expect(adminRoleConflict([a, b])).toEqual(expect.arrayContaining([a, b]));
      }
  });
  test("one administrator role with other roles is fine", () => {
    expect(adminRoleConflict(["SYS_ADMIN", "OFFICER"])).toBeNull();
    expect(adminRoleConflict(["OFFICER", "TRAINING_ADMIN", "HR"])).toBeNull();
  });
});

describe("administrators keep away from personal data", () => {
  test("an administrator role with HR or the medical liaison clashes", () => {
    for (const a of ADMIN_ROLES) {
      expect(sensitiveRoleConflict([a, "HR"])).toEqual([a, "HR"]);
      expect(sensitiveRoleConflict([a, "MEDICAL_LIAISON"])).toEqual([a, "MEDICAL_LIAISON"]);
      expect(sensitiveRoleConflict([a, "OFFICER"])).toBeNull();
    }
    expect(sensitiveRoleConflict(["HR", "OFFICER", "MEDICAL_LIAISON"])).toBeNull();
  });
});
