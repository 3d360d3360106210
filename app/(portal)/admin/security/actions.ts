"use server";

import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/current";
import { formAction, type ActionState } from "@/lib/http/actions";
import { revokeSessionAsAdmin, unlockAccount, updatePolicy } from "@/lib/users/security";
import { clearMfa } from "@/lib/auth/mfa";

export async function updatePolicyAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requirePermission("security.manage");
  return formAction(async () => {
    await updatePolicy(actor, { ...Object.fromEntries(fd), mfaRoles: fd.getAll("mfaRoles") });
    revalidatePath("/admin/security");
  });
}

export async function unlockAction(userId: string): Promise<ActionState> {
  const actor = await requirePermission("security.manage");
  return formAction(async () => {
    await unlockAccount(actor, userId);
    revalidatePath("/admin/security");
  });
}

export async function revokeSessionAction(sessionId: string): Promise<ActionState> {
  const actor = await requirePermission("security.manage");
  return formAction(async () => {
    await revokeSessionAsAdmin(actor, sessionId);
    revalidatePath("/admin/security");
  });
}

export async function clearMfaAction(userId: string): Promise<ActionState> {
  const actor = await requirePermission("security.manage");
  return formAction(async () => {
    await clearMfa(actor, userId);
    revalidatePath("/admin/security");
  });
}
