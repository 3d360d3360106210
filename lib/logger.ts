// Server log lines as JSON. Errors are logged by name and message only: stack traces stay in
// the server log, never in a response, and callers must not pass secrets or personal data.
import { env } from "@/lib/env";

type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold = ORDER[env.LOG_LEVEL];

function write(level: Level, msg: string, err?: unknown) {
  if (ORDER[level] < threshold) return;
  const line: Record<string, unknown> = { level, time: new Date().toISOString(), msg };
  if (err instanceof Error) line.err = { name: err.name, message: err.message, stack: err.stack };
  else if (err !== undefined) line.err = String(err);
  (level === "error" ? console.error : console.log)(JSON.stringify(line));
}

export const logger = {
  debug: (msg: string, err?: unknown) => write("debug", msg, err),
  info: (msg: string, err?: unknown) => write("info", msg, err),
  warn: (msg: string, err?: unknown) => write("warn", msg, err),
  error: (msg: string, err?: unknown) => write("error", msg, err),
};
