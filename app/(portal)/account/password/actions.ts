"use server";

import { redirect } from "next/navigation";
import { readSessionId, requireActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { changeOwnPassword } from "@/lib/users/password";

export type ChangePasswordState = { fields?: Record<string, string>; message?: string; ok?: boolean };

export async function changePasswordAction(_prev: ChangePasswordState, formData: FormData): Promise<ChangePasswordState> {
  const actor = await requireActor({ allowPasswordChange: true });
  try {
    await changeOwnPassword(actor, Object.fromEntries(formData), await readSessionId());
  } catch (e) {
    if (isAppError(e)) return { fields: e.fields, message: e.message };
    throw e;
  }
  redirect("/?passwordChanged=1");
}
