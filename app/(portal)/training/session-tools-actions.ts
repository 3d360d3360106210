"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/current";
import { actionState, type ActionState } from "@/lib/http/actions";
import { markAllPresent } from "@/lib/training/attendance-bulk";
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
