import "server-only";
import { logger } from "@/lib/logger";
import { sendTrainingReminders } from "@/lib/training/reminders";
import { sendMedicalReminders } from "@/lib/medical/reminders";

// Day-before reminders. Each job is idempotent (a reminder is recorded once per booking), so every
// app instance may run the schedule: the database decides who sends what.
const EVERY_MS = 15 * 60_000;

export async function runReminderJobs(now = new Date()): Promise<void> {
  for (const [name, job] of [
    ["training", sendTrainingReminders],
    ["medical", sendMedicalReminders],
  ] as const) {
    try {
      await job(now);
    } catch (e) {
      logger.error(`reminder job ${name} failed`, e);
    }
  }
}

let started = false;
export function startScheduler(): void {
  if (started) return;
  started = true;
  setTimeout(() => void runReminderJobs(), 30_000).unref();
  setInterval(() => void runReminderJobs(), EVERY_MS).unref();
}
