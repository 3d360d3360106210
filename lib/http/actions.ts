import "server-only";
import type { Actor } from "@/lib/access";
import { auditRefusal, refusalAudited } from "@/lib/auth/current";
import { isAppError, isDatabaseUnavailable } from "@/lib/errors";

// What a server action returns to its form (useActionState): a message and per-field errors
// from the domain's AppError. Anything else (including Next's redirect) propagates.
export type ActionState = { ok?: boolean; message?: string; fields?: Record<string, string>; result?: Record<string, string> };

/**
 * Runs the action's domain call. Given the actor, a 403 the domain answers (a refused role
 * grant, a peer administrator) is audited as the API edge audits it.
 */
export async function actionState(fn: () => Promise<ActionState | void>, actor?: Actor): Promise<ActionState> {
  try {
    return (await fn()) ?? { ok: true };
  } catch (e) {
    if (isAppError(e)) {
      if (actor && e.status === 403 && !refusalAudited(e)) await auditRefusal(actor, { status: 403, code: e.code, method: "POST" }, e);
      return { ok: false, message: e.message, fields: e.fields };
    }
    if (isDatabaseUnavailable(e)) return { ok: false, message: "服务暂不可用，请稍后再试" };
    throw e;
  }
}
