"use server";

import { requireActor } from "@/lib/auth/current";
import { confirmTotpEnrolment } from "@/lib/auth/mfa";
import { formAction, type ActionState } from "@/lib/http/actions";

export async function confirmMfaAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor({ allowMfaEnrolment: true });
  return formAction(async () => {
    const { recoveryCodes } = await confirmTotpEnrolment(actor, { code: fd.get("code") });
    return { ok: true, secrets: { recoveryCodes: recoveryCodes.join("\n") } };
  });
}
