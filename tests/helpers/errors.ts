import { isAppError, type AppError } from "@/lib/errors";

/** The AppError a promise rejects with; fails the test when it resolves or throws anything else. */
export async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error("expected a rejection with an AppError, but the promise resolved");
}
