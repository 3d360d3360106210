"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current";
import { actionState, type ActionState } from "@/lib/http/actions";
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

export type State = ActionState;

// Domain messages never contain a health note (lib/medical never puts one in an error).
async function run(fn: () => Promise<unknown>): Promise<State> {
  return actionState(async () => {
    await fn();
    revalidatePath("/medical", "layout");
  });
}

const str = (fd: FormData, k: string) => String(fd.get(k) ?? "");
/** datetime-local inputs are Shanghai wall-clock times */
const shanghaiInput = (v: string) => (v ? `${v.length === 16 ? `${v}:00` : v}+08:00` : "");

export async function giveConsentAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  if (fd.get("agree") !== "on") return { message: "请先勾选“我已阅读并同意”", fields: { agree: "请先勾选“我已阅读并同意”" } };
  return run(() => giveConsent(actor, { version: str(fd, "version") }));
}

export async function withdrawConsentAction(): Promise<State> {
  const actor = await requireActor();
  return run(() => withdrawConsent(actor));
}

export async function bookAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  if (!fd.get("slotId")) return { message: "请选择一个时段", fields: { slotId: "请选择一个时段" } };
  return run(() => bookSlot(actor, { slotId: str(fd, "slotId"), note: str(fd, "note"), shareNote: fd.get("shareNote") === "on" }));
}

export async function cancelAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  return run(() => cancelBooking(actor, str(fd, "id"), { reason: str(fd, "reason") || undefined }));
}

export async function checkInAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  return run(() => checkInBooking(actor, str(fd, "id")));
}

export async function completeAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  return run(() => completeBooking(actor, str(fd, "id")));
}

export async function noShowAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  return run(() => markNoShow(actor, str(fd, "id")));
}

export async function outcomeAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  return run(() => recordOutcome(actor, str(fd, "id"), { outcome: str(fd, "outcome") }));
}

export async function rescheduleAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  return run(() => rescheduleBooking(actor, str(fd, "id"), { slotId: str(fd, "slotId") }));
}

export async function urgentAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  return run(() =>
    createUrgentEntry(actor, {
      badgeNo: str(fd, "badgeNo"),
      service: str(fd, "service") || undefined,
      startsAt: shanghaiInput(str(fd, "startsAt")),
      note: str(fd, "note"),
      reason: str(fd, "reason"),
    }),
  );
}

export async function saveHospitalAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  return run(() =>
    saveHospital(actor, {
      id: str(fd, "id") || undefined,
      name: str(fd, "name"),
      address: str(fd, "address"),
      phone: str(fd, "phone"),
      active: fd.get("active") === "on",
    }),
  );
}

export async function saveServiceAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  return run(() =>
    saveService(actor, {
      id: str(fd, "id") || undefined,
      code: str(fd, "code"),
      name: str(fd, "name"),
      nameEn: str(fd, "nameEn"),
      description: str(fd, "description"),
      hospitalId: str(fd, "hospitalId"),
      yearlyQuota: str(fd, "yearlyQuota"),
      active: fd.get("active") === "on",
    }),
  );
}

export async function createTemplateAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  return run(() =>
    createTemplate(actor, {
      serviceId: str(fd, "serviceId"),
      weekday: str(fd, "weekday"),
      startTime: str(fd, "startTime"),
      endTime: str(fd, "endTime"),
      slotMinutes: str(fd, "slotMinutes"),
      capacity: str(fd, "capacity"),
    }),
  );
}

export async function deleteTemplateAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  return run(() => deleteTemplate(actor, str(fd, "id")));
}

export async function generateAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  return run(() => generateSlots(actor, { from: str(fd, "from"), to: str(fd, "to"), serviceId: str(fd, "serviceId") || undefined }));
}

export async function closeDayAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  return run(() => closeDay(actor, { date: str(fd, "date"), reason: str(fd, "reason"), existing: str(fd, "existing") }));
}

export async function reopenDayAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  return run(() => reopenDay(actor, str(fd, "id")));
}

export async function capacityAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  return run(() => setSlotCapacity(actor, str(fd, "id"), { capacity: str(fd, "capacity") }));
}

export async function createSlotAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  const date = str(fd, "date");
  return run(() =>
    createSlot(actor, {
      service: str(fd, "service"),
      startsAt: date ? shanghaiInput(`${date}T${str(fd, "startTime")}`) : "",
      endsAt: date ? shanghaiInput(`${date}T${str(fd, "endTime")}`) : "",
      capacity: str(fd, "capacity"),
    }),
  );
}
