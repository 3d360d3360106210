export declare const DEFAULT_APP_ROLE: string;
export declare const AUDIT_EXTRA_GRANTS: Record<string, string[]>;
export declare function appUrlFor(ownerUrl: string, role: string, password?: string): string;
export declare function grantAppRole(
  ownerUrl: string,
  appUrl: string,
  opts?: { setPassword?: boolean; statementTimeoutMs?: number; idleInTxTimeoutMs?: number },
): Promise<void>;
export declare function dropRole(adminUrl: string, role: string): Promise<void>;
