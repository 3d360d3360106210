import type { Role } from "@/lib/access";

/**
 * Roles that always need the second factor (GB/T 22239 level 3: administrators and the people
 * who read personal data), the default of the security policy's MFA list. The security
 * administrator may add roles, never remove these. Pure: the demo tooling reads it too.
 */
export const MFA_REQUIRED_ROLES = [
  "TRAINING_ADMIN",
  "MEDICAL_LIAISON",
  "HR",
  "SYS_ADMIN",
  "SECURITY_ADMIN",
  "AUDIT_ADMIN",
] as const satisfies readonly Role[];
