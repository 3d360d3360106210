// Next.js calls register() once per server process: check the data keys, then start the reminder
// schedule there.
export async function register() {
  // NEXT_RUNTIME is Next.js's own, not configuration; ours is read through lib/env.ts
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startKeyCheck } = await import("./lib/keys/startup");
  await startKeyCheck();
  const { env } = await import("./lib/env");
  if (env.DISABLE_JOBS) return;
  const { startScheduler } = await import("./lib/jobs");
  startScheduler();
}
