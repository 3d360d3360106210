import type { ChildProcess } from "node:child_process";
export declare function buildIfStale(env: Record<string, string>, opts?: { force?: boolean }): void;
export declare function freePort(): Promise<number>;
export declare function startServer(
  env: Record<string, string | undefined>,
  port: number,
  opts?: { quiet?: boolean; silent?: boolean },
): ChildProcess;
export declare function waitForHttp(url: string, timeoutMs?: number): Promise<void>;
export declare function findChromium(): string | null;
