export declare function readEnvFile(file?: string): Record<string, string>;
export declare function ensureDevSecrets(): Record<string, string>;
export declare function ephemeralSecrets(): { NEXTAUTH_SECRET: string; DATA_ENCRYPTION_KEY: string };
