import "server-only";
import { isAppError, isDatabaseUnavailable } from "@/lib/errors";

// What a server action returns to its form (useActionState): a message and per-field errors
// from the domain's AppError. Anything else (including Next's redirect) propagates.
export type ActionState = { ok?: boolean; message?: string; fields?: Record<string, string>; result?: Record<string, string> };

export async function actionState(fn: () => Promise<ActionState | void>): Promise<ActionState> {
  try {
    return (await fn()) ?? { ok: true };
  } catch (e) {
    if (isAppError(e)) return { ok: false, message: e.message, fields: e.fields };
    if (isDatabaseUnavailable(e)) return { ok: false, message: "服务暂不可用，请稍后再试" };
    throw e;
  }
}
