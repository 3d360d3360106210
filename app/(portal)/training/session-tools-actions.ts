"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { actionState, type ActionState } from "@/lib/http/actions";
import { markAllPresent } from "@/lib/training/attendance-bulk";
import { importAttendance } from "@/lib/training/attendance-upload";
import { revokeCertificate } from "@/lib/training/certificate-registry";
import { copySession } from "@/lib/training/copy";
import { saveLecturer } from "@/lib/training/lecturers";

const str = (fd: FormData, k: string) => String(fd.get(k) ?? "");

/** Copy / repeat weekly / repeat monthly: opens the first new draft. */
export async function copySessionAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  let firstId: string | undefined;
  const state = await actionState(async () => {
    const copies = await copySession(actor, str(fd, "sessionId"), { every: str(fd, "every") || "NONE", count: str(fd, "count") || "1" });
    firstId = copies[0]?.id;
    revalidatePath("/training/manage");
  });
  if (firstId) redirect(`/training/manage/${firstId}?copied=1`);
  return state;
}

export async function markAllPresentAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const id = str(fd, "sessionId");
  return actionState(async () => {
    await markAllPresent(actor, id);
    revalidatePath(`/training/${id}/roster`);
  });
}

export async function revokeCertificateAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return actionState(async () => {
    await revokeCertificate(actor, str(fd, "id"), { reason: str(fd, "reason") });
    revalidatePath("/training/manage/certificates");
  });
}

export async function saveLecturerAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return actionState(async () => {
    await saveLecturer(actor, {
      id: str(fd, "id") || undefined,
      kind: str(fd, "kind"),
      badgeNo: str(fd, "badgeNo") || undefined,
      name: str(fd, "name") || undefined,
      affiliation: str(fd, "affiliation") || undefined,
      title: str(fd, "title"),
      topics: str(fd, "topics"),
      active: str(fd, "active") || undefined,
    });
    revalidatePath("/training/manage/lecturers");
  });
}

/** Attendance by roster upload; a rejected sheet lists its bad rows in the message. */
export async function uploadAttendanceAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const id = str(fd, "sessionId");
  const file = fd.get("file");
  if (!(file instanceof File) || !file.size) return { ok: false, message: "请选择考勤表文件", fields: { file: "请选择考勤表文件" } };
  const data = Buffer.from(await file.arrayBuffer());
  try {
    await importAttendance(actor, id, { data, fileName: file.name });
  } catch (e) {
    if (isAppError(e) && e.code === "IMPORT_REJECTED") {
      const rows = (e.extra?.rows ?? []) as { row: number; message: string }[];
      const list = rows.slice(0, 10).map((r) => `第 ${r.row} 行：${r.message}`);
      return { ok: false, message: [e.message, ...list, rows.length > 10 ? `…共 ${rows.length} 行` : ""].filter(Boolean).join("；") };
    }
    if (isAppError(e)) return { ok: false, message: e.message, fields: e.fields };
    throw e;
  }
  revalidatePath(`/training/${id}/roster`);
  return { ok: true };
}
