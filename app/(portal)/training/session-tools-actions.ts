"use server";

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/current";
import { AppError, isAppError } from "@/lib/errors";
import { formAction, formText, type ActionState } from "@/lib/http/actions";
import { markAllPresent } from "@/lib/training/attendance-bulk";
import { importAttendance } from "@/lib/training/attendance-upload";
import { revokeCertificate } from "@/lib/training/certificate-registry";
import { copySession } from "@/lib/training/copy";
import { saveLecturer } from "@/lib/training/lecturers";

/** Copy / repeat weekly / repeat monthly: opens the first new draft. */
export async function copySessionAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  let firstId: string | undefined;
  const state = await formAction(async () => {
    const copies = await copySession(actor, formText(fd, "sessionId"), {
      every: formText(fd, "every") || "NONE",
      count: formText(fd, "count") || "1",
    });
    firstId = copies[0]?.id;
  }, ["/training/manage"]);
  if (firstId) redirect(`/training/manage/${firstId}?copied=1`);
  return state;
}

export async function markAllPresentAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const id = formText(fd, "sessionId");
  return formAction(async () => {
    await markAllPresent(actor, id);
  }, [`/training/${id}/roster`]);
}

export async function revokeCertificateAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return formAction(async () => {
    await revokeCertificate(actor, formText(fd, "id"), { reason: formText(fd, "reason") });
  }, ["/training/manage/certificates"]);
}

export async function saveLecturerAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return formAction(async () => {
    await saveLecturer(actor, {
      id: formText(fd, "id") || undefined,
      kind: formText(fd, "kind"),
      badgeNo: formText(fd, "badgeNo") || undefined,
      name: formText(fd, "name") || undefined,
      affiliation: formText(fd, "affiliation") || undefined,
      title: formText(fd, "title"),
      topics: formText(fd, "topics"),
      active: formText(fd, "active") || undefined,
    });
  }, ["/training/manage/lecturers"]);
}

/** Attendance by roster upload; a rejected sheet lists its bad rows in the message. */
export async function uploadAttendanceAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const id = formText(fd, "sessionId");
  const file = fd.get("file");
  if (!(file instanceof File) || !file.size) return { ok: false, message: "请选择考勤表文件", fields: { file: "请选择考勤表文件" } };
  const data = Buffer.from(await file.arrayBuffer());
  return formAction(async () => {
    try {
      await importAttendance(actor, id, { data, fileName: file.name });
    } catch (e) {
      if (isAppError(e) && e.code === "IMPORT_REJECTED") {
        const rows = (e.extra?.rows ?? []) as { row: number; message: string }[];
        const list = rows.slice(0, 10).map((r) => `第 ${r.row} 行：${r.message}`);
        const message = [e.message, ...list, rows.length > 10 ? `…共 ${rows.length} 行` : ""].filter(Boolean).join("；");
        throw new AppError("IMPORT_REJECTED", message, { fields: e.fields });
      }
      throw e;
    }
  }, [`/training/${id}/roster`]);
}
