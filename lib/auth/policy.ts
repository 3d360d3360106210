import "server-only";
import type { Role } from "@/lib/access";
import { db } from "@/lib/db";
import { MFA_REQUIRED_ROLES } from "@/lib/auth/mfa-roles";
import { onAuthChange } from "@/lib/auth/session-cache";
import { DAY_MS } from "@/lib/time";

export type SecurityPolicy = {
  maxFailedAttempts: number;
  lockoutMinutes: number;
  passwordMinLength: number;
  idleTimeoutMinutes: number;
  absoluteTimeoutHours: number;
  /** Accounts holding any of these roles must sign in with the second factor (TOTP). */
  mfaRoles: Role[];
  /** A password older than this must be changed at the next sign-in. */
  passwordMaxAgeDays: number;
};

export { MFA_REQUIRED_ROLES };

export const DEFAULT_POLICY: SecurityPolicy = {
  maxFailedAttempts: 5,
  lockoutMinutes: 15,
  passwordMinLength: 10,
  idleTimeoutMinutes: 30,
  absoluteTimeoutHours: 12,
  mfaRoles: [...MFA_REQUIRED_ROLES],
  passwordMaxAgeDays: 90,
};

// Read on every request, so cached briefly per process; a change made here clears the cache
// at once, other instances when the database announces it (lib/auth/session-cache.ts), or
// within CACHE_MS when that feed is down.
const CACHE_MS = 10_000;
let cached: { at: number; value: SecurityPolicy } | null = null;

export async function getSecurityPolicy(): Promise<SecurityPolicy> {
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.value;
  const row = await db.securityPolicy.findUnique({ where: { id: 1 } });
  const value: SecurityPolicy = row
    ? {
        maxFailedAttempts: row.maxFailedAttempts,
        lockoutMinutes: row.lockoutMinutes,
        passwordMinLength: row.passwordMinLength,
        idleTimeoutMinutes: row.idleTimeoutMinutes,
        absoluteTimeoutHours: row.absoluteTimeoutHours,
        // the column is a nullable array in PostgreSQL: never trust it to be set
        mfaRoles: withRequiredMfaRoles((row.mfaRoles ?? []) as Role[]),
        passwordMaxAgeDays: row.passwordMaxAgeDays,
      }
    : DEFAULT_POLICY;
  cached = { at: Date.now(), value };
  return value;
}

export function clearSecurityPolicyCache(): void {
  cached = null;
}
onAuthChange((payload) => {
  if (payload === "*") cached = null;
});

/** The policy's list with the roles that may never go without the second factor. */
export function withRequiredMfaRoles(roles: readonly Role[]): Role[] {
  return [...new Set<Role>([...MFA_REQUIRED_ROLES, ...roles])];
}

/** Whether an account with these roles must use the second factor under this policy. */
export function mfaRequiredFor(roles: readonly string[], policy: Pick<SecurityPolicy, "mfaRoles">): boolean {
  return roles.some((r) => (policy.mfaRoles as readonly string[]).includes(r));
}

/** Whether a password set at `changedAt` is past the policy's maximum age. */
export function passwordExpired(changedAt: Date, policy: Pick<SecurityPolicy, "passwordMaxAgeDays">, now = Date.now()): boolean {
  return now - changedAt.getTime() > policy.passwordMaxAgeDays * DAY_MS;
}
