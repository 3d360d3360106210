import "server-only";
import { db } from "@/lib/db";

export type SecurityPolicy = {
  maxFailedAttempts: number;
  lockoutMinutes: number;
  passwordMinLength: number;
  idleTimeoutMinutes: number;
  absoluteTimeoutHours: number;
};

export const DEFAULT_POLICY: SecurityPolicy = {
  maxFailedAttempts: 5,
  lockoutMinutes: 15,
  passwordMinLength: 10,
  idleTimeoutMinutes: 30,
  absoluteTimeoutHours: 12,
};

// Read on every request, so cached briefly per process; a change made here clears the cache
// at once, other instances pick it up within CACHE_MS.
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
      }
    : DEFAULT_POLICY;
  cached = { at: Date.now(), value };
  return value;
}

export function clearSecurityPolicyCache(): void {
  cached = null;
}
