import { spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/**
 * Runs a TypeScript worker (tests/integration/<module>/*-worker.ts) in a separate OS process on
 * the same database, so a rule that must hold across processes (locks, unique constraints) is
 * tested as it runs in production. The worker prints its results as JSON on stdout; a non-zero
 * exit rejects with its stderr.
 */
export function runWorker<T>(workerFile: string, args: string[], opts: { poolSize?: number } = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), workerFile, ...args], {
      cwd: ROOT,
      env: { ...process.env, DB_POOL_SIZE: String(opts.poolSize ?? 5), NODE_OPTIONS: "--conditions=react-server" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`worker exited ${code}: ${err}`))));
  });
}
