export declare const ROOT: string;
export declare function canConnect(url: string, timeoutMs?: number): Promise<boolean>;
export declare function ensureServer(
  purpose: "demo" | "test",
): Promise<{ url: string | null; adminUrl: string; embedded: boolean; stop: () => Promise<void> }>;
export declare function withDatabase(url: string, name: string): string;
export declare function createDatabase(adminUrl: string, name: string): Promise<void>;
export declare function dropDatabase(adminUrl: string, name: string): Promise<void>;
export declare function migrate(databaseUrl: string): void;
export declare function redact(url: string): string;
