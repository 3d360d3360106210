"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current";
import { formAction, formText, type ActionState } from "@/lib/http/actions";
import { isAppError, validationFailed } from "@/lib/errors";
import { parseCalendarText } from "@/lib/leave/calendar";
import {
  approveLeaveRequest,
  cancelLeaveRequest,
  createLeaveRequest,
  loadOfficialCalendar,
  rejectLeaveRequest,
  replaceHolidays,
  setServiceStartDate,
} from "@/lib/leave/mutations";

const done = () => revalidatePath("/leave", "layout");

export async function requestLeaveAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return formAction(async () => {
    const actor = await requireActor();
    const r = await createLeaveRequest(actor, {
      type: formText(fd, "type"),
      from: formText(fd, "from"),
      to: formText(fd, "to"),
      reason: formText(fd, "reason"),
    });
    done();
    return { ok: true, result: { days: String(r.days) } };
  });
}

export async function cancelLeaveAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return formAction(async () => {
    const actor = await requireActor();
    await cancelLeaveRequest(actor, formText(fd, "id"));
    done();
  });
}

export async function decideLeaveAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return formAction(async () => {
    const actor = await requireActor();
    const input = { comment: formText(fd, "comment") };
    if (formText(fd, "decision") === "reject") await rejectLeaveRequest(actor, formText(fd, "id"), input);
    else await approveLeaveRequest(actor, formText(fd, "id"), input);
    done();
  });
}

/** HR's text editor: every bad line is reported; a clean text replaces the year. */
export async function saveHolidaysAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return formAction(async () => {
    const actor = await requireActor();
    const { days, errors } = parseCalendarText(formText(fd, "text"));
    if (errors.length) {
      const message = errors.map((e) => `第 ${e.line} 行：${e.message}`).join("；");
      throw validationFailed({ text: message }, message);
    }
    try {
      await replaceHolidays(actor, formText(fd, "year"), {
        days,
        provisional: fd.get("provisional") === "on",
        source: formText(fd, "source"),
      });
    } catch (e) {
      // the editor is one text box: show every refused date in its message
      if (isAppError(e) && e.fields)
        throw validationFailed({ text: Object.values(e.fields).join("；") }, Object.values(e.fields).join("；"));
      throw e;
    }
    done();
  });
}

export async function loadOfficialAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return formAction(async () => {
    const actor = await requireActor();
    await loadOfficialCalendar(actor, formText(fd, "year"));
    done();
  });
}

export async function setServiceStartAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return formAction(async () => {
    const actor = await requireActor();
    await setServiceStartDate(actor, { badgeNo: formText(fd, "badgeNo"), serviceStartDate: formText(fd, "serviceStartDate") });
    done();
  });
}
