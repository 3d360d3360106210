"use server";

import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/current";
import { formAction, type ActionState } from "@/lib/http/actions";
import { createUnit, deleteUnit, updateUnit } from "@/lib/users/units";
import { commitUnitImport, previewUnitImport, type UnitImportPreviewRow } from "@/lib/users/unit-import";
import { runSheetImport, type SheetImportState } from "@/lib/http/sheet-import";

const input = (fd: FormData) => ({
  name: fd.get("name"),
  code: String(fd.get("code") ?? "").toUpperCase(),
  kind: fd.get("kind"),
  parentId: fd.get("parentId") || null,
});

export async function createUnitAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requirePermission("units.manage");
  return formAction(async () => {
    await createUnit(actor, input(fd));
    revalidatePath("/admin/units");
  });
}

export async function updateUnitAction(unitId: string, _: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requirePermission("units.manage");
  return formAction(async () => {
    await updateUnit(actor, unitId, input(fd));
    revalidatePath("/admin/units");
  });
}

export async function deleteUnitAction(unitId: string): Promise<ActionState> {
  const actor = await requirePermission("units.manage");
  return formAction(async () => {
    await deleteUnit(actor, unitId);
    revalidatePath("/admin/units");
  });
}

export type UnitImportState = SheetImportState<UnitImportPreviewRow>;

/** Preview or commit the unit sheet, depending on the submit button. */
export async function unitImportAction(_: UnitImportState, fd: FormData): Promise<UnitImportState> {
  const actor = await requirePermission("units.manage");
  const state = await runSheetImport(fd, "请选择单位表文件（.xlsx 或 .csv）", {
    preview: (f) => previewUnitImport(actor, f),
    commit: (f) => commitUnitImport(actor, f),
  });
  if (state.done) revalidatePath("/admin/units");
  return state;
}
