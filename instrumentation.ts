// Next.js calls register() once per server process: check the data keys, then start the reminder
// schedule there.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startKeyCheck } = await import("./lib/keys/startup");
  await startKeyCheck();
  if (process.env.DISABLE_JOBS === "1") return;
  const { startScheduler } = await import("./lib/jobs");
  startScheduler();
}
