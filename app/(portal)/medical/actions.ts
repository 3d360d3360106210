"use server";

import { requireActor } from "@/lib/auth/current";
import { formAction, formText, type ActionState } from "@/lib/http/actions";
import {
  bookSlot,
  cancelBooking,
  checkInBooking,
  completeBooking,
  createUrgentEntry,
  markNoShow,
  recordOutcome,
  rescheduleBooking,
} from "@/lib/medical/booking";
import {
  closeDay,
  createSlot,
  createTemplate,
  deleteTemplate,
  generateSlots,
  giveConsent,
  reopenDay,
  saveHospital,
  saveService,
  setSlotCapacity,
  withdrawConsent,
} from "@/lib/medical/mutations";

// Domain messages never contain a health note (lib/medical never puts one in an error).
const MEDICAL = [{ layout: "/medical" }];

/** datetime-local inputs are Shanghai wall-clock times */
const shanghaiInput = (v: string) => (v ? `${v.length === 16 ? `${v}:00` : v}+08:00` : "");

export async function giveConsentAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  if (fd.get("agree") !== "on") return { message: "请先勾选“我已阅读并同意”", fields: { agree: "请先勾选“我已阅读并同意”" } };
  return formAction(async () => {
    await giveConsent(actor, { version: formText(fd, "version") });
  }, MEDICAL);
}

export async function withdrawConsentAction(): Promise<ActionState> {
  const actor = await requireActor();
  return formAction(async () => {
    await withdrawConsent(actor);
  }, MEDICAL);
}

export async function bookAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  if (!fd.get("slotId")) return { message: "请选择一个时段", fields: { slotId: "请选择一个时段" } };
  return formAction(async () => {
    await bookSlot(actor, { slotId: formText(fd, "slotId"), note: formText(fd, "note"), shareNote: fd.get("shareNote") === "on" });
  }, MEDICAL);
}

export async function cancelAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return formAction(async () => {
    await cancelBooking(actor, formText(fd, "id"), { reason: formText(fd, "reason") || undefined });
  }, MEDICAL);
}

export async function checkInAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return formAction(async () => {
    await checkInBooking(actor, formText(fd, "id"));
  }, MEDICAL);
}

export async function completeAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return formAction(async () => {
    await completeBooking(actor, formText(fd, "id"));
  }, MEDICAL);
}

export async function noShowAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return formAction(async () => {
    await markNoShow(actor, formText(fd, "id"));
  }, MEDICAL);
}

export async function outcomeAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return formAction(async () => {
    await recordOutcome(actor, formText(fd, "id"), { outcome: formText(fd, "outcome") });
  }, MEDICAL);
}

export async function rescheduleAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return formAction(async () => {
    await rescheduleBooking(actor, formText(fd, "id"), { slotId: formText(fd, "slotId") });
  }, MEDICAL);
}

export async function urgentAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return formAction(async () => {
    await createUrgentEntry(actor, {
      badgeNo: formText(fd, "badgeNo"),
      service: formText(fd, "service") || undefined,
      startsAt: shanghaiInput(formText(fd, "startsAt")),
      note: formText(fd, "note"),
      reason: formText(fd, "reason"),
    });
  }, MEDICAL);
}

export async function saveHospitalAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return formAction(async () => {
    await saveHospital(actor, {
      id: formText(fd, "id") || undefined,
      name: formText(fd, "name"),
      address: formText(fd, "address"),
      phone: formText(fd, "phone"),
      active: fd.get("active") === "on",
    });
  }, MEDICAL);
}

export async function saveServiceAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return formAction(async () => {
    await saveService(actor, {
      id: formText(fd, "id") || undefined,
      code: formText(fd, "code"),
      name: formText(fd, "name"),
      nameEn: formText(fd, "nameEn"),
      description: formText(fd, "description"),
      hospitalId: formText(fd, "hospitalId"),
      yearlyQuota: formText(fd, "yearlyQuota"),
      active: fd.get("active") === "on",
    });
  }, MEDICAL);
}

export async function createTemplateAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return formAction(async () => {
    await createTemplate(actor, {
      serviceId: formText(fd, "serviceId"),
      weekday: formText(fd, "weekday"),
      startTime: formText(fd, "startTime"),
      endTime: formText(fd, "endTime"),
      slotMinutes: formText(fd, "slotMinutes"),
      capacity: formText(fd, "capacity"),
    });
  }, MEDICAL);
}

export async function deleteTemplateAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return formAction(async () => {
    await deleteTemplate(actor, formText(fd, "id"));
  }, MEDICAL);
}

export async function generateAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return formAction(async () => {
    await generateSlots(actor, { from: formText(fd, "from"), to: formText(fd, "to"), serviceId: formText(fd, "serviceId") || undefined });
  }, MEDICAL);
}

export async function closeDayAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return formAction(async () => {
    await closeDay(actor, { date: formText(fd, "date"), reason: formText(fd, "reason"), existing: formText(fd, "existing") });
  }, MEDICAL);
}

export async function reopenDayAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return formAction(async () => {
    await reopenDay(actor, formText(fd, "id"));
  }, MEDICAL);
}

export async function capacityAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return formAction(async () => {
    await setSlotCapacity(actor, formText(fd, "id"), { capacity: formText(fd, "capacity") });
  }, MEDICAL);
}

export async function createSlotAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const date = formText(fd, "date");
  return formAction(async () => {
    await createSlot(actor, {
      service: formText(fd, "service"),
      startsAt: date ? shanghaiInput(`${date}T${formText(fd, "startTime")}`) : "",
      endsAt: date ? shanghaiInput(`${date}T${formText(fd, "endTime")}`) : "",
      capacity: formText(fd, "capacity"),
    });
  }, MEDICAL);
}
