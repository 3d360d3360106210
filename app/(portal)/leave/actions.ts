"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current";
import { actionState, type ActionState } from "@/lib/http/actions";
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

export type State = ActionState;
const str = (fd: FormData, k: string) => String(fd.get(k) ?? "");
const done = () => revalidatePath("/leave", "layout");

export async function requestLeaveAction(_: State, fd: FormData): Promise<State> {
  return actionState(async () => {
    const actor = await requireActor();
    const r = await createLeaveRequest(actor, {
      type: str(fd, "type"),
      from: str(fd, "from"),
      to: str(fd, "to"),
      reason: str(fd, "reason"),
    });
    done();
    return { ok: true, result: { days: String(r.days) } };
  });
}

export async function cancelLeaveAction(_: State, fd: FormData): Promise<State> {
  return actionState(async () => {
    const actor = await requireActor();
    await cancelLeaveRequest(actor, str(fd, "id"));
    done();
  });
}

export async function decideLeaveAction(_: State, fd: FormData): Promise<State> {
  return actionState(async () => {
    const actor = await requireActor();
    const input = { comment: str(fd, "comment") };
    if (str(fd, "decision") === "reject") await rejectLeaveRequest(actor, str(fd, "id"), input);
    else await approveLeaveRequest(actor, str(fd, "id"), input);
    done();
  });
}

/** HR's text editor: every bad line is reported; a clean text replaces the year. */
export async function saveHolidaysAction(_: State, fd: FormData): Promise<State> {
  return actionState(async () => {
    const actor = await requireActor();
    const { days, errors } = parseCalendarText(str(fd, "text"));
    if (errors.length) {
      const message = errors.map((e) => `第 ${e.line} 行：${e.message}`).join("；");
      throw validationFailed({ text: message }, message);
    }
    try {
      await replaceHolidays(actor, str(fd, "year"), { days, provisional: fd.get("provisional") === "on", source: str(fd, "source") });
    } catch (e) {
      // the editor is one text box: show every refused date in its message
      if (isAppError(e) && e.fields)
        throw validationFailed({ text: Object.values(e.fields).join("；") }, Object.values(e.fields).join("；"));
      throw e;
    }
    done();
  });
}

export async function loadOfficialAction(_: State, fd: FormData): Promise<State> {
  return actionState(async () => {
    const actor = await requireActor();
    await loadOfficialCalendar(actor, str(fd, "year"));
    done();
  });
}

export async function setServiceStartAction(_: State, fd: FormData): Promise<State> {
  return actionState(async () => {
    const actor = await requireActor();
    await setServiceStartDate(actor, { badgeNo: str(fd, "badgeNo"), serviceStartDate: str(fd, "serviceStartDate") });
    done();
  });
}
