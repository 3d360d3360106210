"use server";

import { redirect } from "next/navigation";
import { readSessionId, requireActor } from "@/lib/auth/current";
import { formAction, type ActionState } from "@/lib/http/actions";
import { changeOwnPassword } from "@/lib/users/password";

export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor({ allowPasswordChange: true });
  const state = await formAction(async () => {
    await changeOwnPassword(actor, Object.fromEntries(formData), await readSessionId());
  });
  if (!state.ok) return state;
  redirect("/?passwordChanged=1");
}
