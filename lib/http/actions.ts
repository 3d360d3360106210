import "server-only";
import { revalidatePath } from "next/cache";
import type { Actor } from "@/lib/access";
import { auditRefusal, refusalAudited } from "@/lib/auth/current";
import { databaseUnavailable, isAppError, isDatabaseUnavailable } from "@/lib/errors";

/** A path to revalidate after a successful action: a page, or `{ layout }` for everything under it. */
export type Revalidate = string | { layout: string };

// The edge of the forms, as lib/http/api.ts is the API's. Every server action returns one
// ActionState to its <ActionForm> (useActionState): the domain's AppError becomes a message and
// per-field errors; a database outage becomes the 503 message; anything else (including Next's
// redirect) propagates.
export type ActionState = {
  ok?: boolean;
  message?: string;
  fields?: Record<string, string>;
  /** values for the form's own component (a count, the chosen session): not shown by ActionForm */
  result?: Record<string, string>;
  /** values shown once and selectable (a temporary password), labelled by ActionForm's secretLabels */
  secrets?: Record<string, string>;
};

/**
 * The one way an action runs its work: `fn` returns nothing (→ ok) or its own state; on success
 * the given paths are revalidated. A refusal never revalidates. Given the actor, a 403 the
 * domain answers (a refused role grant, a peer administrator) is audited as the API edge audits it.
 */
export async function formAction(
  fn: () => Promise<ActionState | void>,
  revalidate: readonly Revalidate[] = [],
  actor?: Actor,
): Promise<ActionState> {
  let state: ActionState;
  try {
    state = (await fn()) ?? { ok: true };
  } catch (e) {
    if (isAppError(e)) {
      if (actor && e.status === 403 && !refusalAudited(e)) await auditRefusal(actor, { status: 403, code: e.code, method: "POST" }, e);
      return { ok: false, message: e.message, fields: e.fields };
    }
    if (isDatabaseUnavailable(e)) return { ok: false, message: databaseUnavailable().message };
    throw e;
  }
  for (const p of revalidate) {
    if (typeof p === "string") revalidatePath(p);
    else revalidatePath(p.layout, "layout");
  }
  return state;
}

/** A form field as text ("" when absent); the domain's zod schema does the rest. */
export const formText = (fd: FormData, key: string) => String(fd.get(key) ?? "");
