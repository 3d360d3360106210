"use server";

import { revalidatePath } from "next/cache";
import { requireActor, requirePermission } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { formAction, formText, type ActionState } from "@/lib/http/actions";
import { createUser, resetPassword, updateUser } from "@/lib/users/users";
import { grantRoles } from "@/lib/users/roles";
import { commitUserImport, previewUserImport, type ImportPreview } from "@/lib/users/import";

const rolesOf = (fd: FormData) => fd.getAll("roles").map(String);

export async function createUserAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requirePermission("users.manage");
  return formAction(
    async () => {
      const { temporaryPassword } = await createUser(actor, {
        badgeNo: String(fd.get("badgeNo") ?? "").toUpperCase(),
        name: fd.get("name"),
        unitId: fd.get("unitId"),
        roles: rolesOf(fd),
      });
      revalidatePath("/admin/users");
      return { ok: true, secrets: { temporaryPassword } };
    },
    [],
    actor,
  );
}

export async function updateUserAction(userId: string, _: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requirePermission("users.manage");
  return formAction(
    async () => {
      await updateUser(actor, userId, {
        name: fd.get("name"),
        unitId: fd.get("unitId"),
        roles: rolesOf(fd),
        active: fd.get("active") === "on",
      });
      revalidatePath(`/admin/users/${userId}`);
    },
    [],
    actor,
  );
}

export async function resetPasswordAction(userId: string): Promise<ActionState> {
  const actor = await requirePermission("users.manage");
  return formAction(
    async () => {
      const { temporaryPassword } = await resetPassword(actor, userId);
      return { ok: true, secrets: { temporaryPassword } };
    },
    [],
    actor,
  );
}

/** The security administrator's grant: the checked roles, with the step-up answers. */
export async function grantRolesAction(userId: string, _: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requirePermission("roles.grant");
  return formAction(
    async () => {
      await grantRoles(actor, userId, {
        roles: rolesOf(fd),
        password: formText(fd, "password"),
        otp: formText(fd, "otp") || undefined,
      });
      revalidatePath(`/admin/users/${userId}`);
    },
    [],
    actor,
  );
}

export type UserImportState = {
  preview?: ImportPreview;
  created?: number;
  importId?: string;
  message?: string;
  rows?: { row: number; message: string }[];
};

/** Preview or commit, depending on the submit button; the file travels with both. */
export async function userImportAction(_: UserImportState, fd: FormData): Promise<UserImportState> {
  try {
    const actor = await requireActor();
    const file = fd.get("file");
    if (!(file instanceof File) || !file.size) return { message: "请选择人员表文件（.xlsx 或 .csv）" };
    const data = Buffer.from(await file.arrayBuffer());
    if (fd.get("intent") === "commit") {
      const res = await commitUserImport(actor, { data, fileName: file.name });
      revalidatePath("/admin/users/import");
      return { created: res.created, importId: res.importId };
    }
    const preview = await previewUserImport(actor, { data, fileName: file.name });
    // the page shows the first rows and every bad one; a 5,000-row sheet is not sent back whole
    const shown = preview.rows.filter((r, i) => i < 100 || r.errors.length);
    return { preview: { ...preview, rows: shown } };
  } catch (e) {
    if (isAppError(e)) {
      const rows = (e.extra?.rows as { row: number; message: string }[] | undefined) ?? undefined;
      const fieldMsg = e.fields ? Object.values(e.fields).join("；") : "";
      return { message: fieldMsg || e.message, rows };
    }
    throw e;
  }
}
