"use server";

import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/current";
import { formAction, type ActionState } from "@/lib/http/actions";
import { createUser, resetPassword, updateUser } from "@/lib/users/users";

const rolesOf = (fd: FormData) => fd.getAll("roles").map(String);

export async function createUserAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requirePermission("users.manage");
  return formAction(async () => {
    const { temporaryPassword } = await createUser(actor, {
      badgeNo: String(fd.get("badgeNo") ?? "").toUpperCase(),
      name: fd.get("name"),
      unitId: fd.get("unitId"),
      roles: rolesOf(fd),
    });
    revalidatePath("/admin/users");
    return { ok: true, secrets: { temporaryPassword } };
  });
}

export async function updateUserAction(userId: string, _: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requirePermission("users.manage");
  return formAction(async () => {
    await updateUser(actor, userId, {
      name: fd.get("name"),
      unitId: fd.get("unitId"),
      roles: rolesOf(fd),
      active: fd.get("active") === "on",
    });
    revalidatePath(`/admin/users/${userId}`);
  });
}

export async function resetPasswordAction(userId: string): Promise<ActionState> {
  const actor = await requirePermission("users.manage");
  return formAction(async () => {
    const { temporaryPassword } = await resetPassword(actor, userId);
    return { ok: true, secrets: { temporaryPassword } };
  });
}
