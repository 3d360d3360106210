// Next.js calls register() once per server process: start the reminder schedule there.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.DISABLE_JOBS === "1") return;
  const { startScheduler } = await import("./lib/jobs");
  startScheduler();
}
