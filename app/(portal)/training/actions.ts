"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { formAction, formText, type ActionState } from "@/lib/http/actions";
import { cancelEnrollmentAsOffice, cancelMyEnrollment, enrolSelf, enrolUnitMembers } from "@/lib/training/enrolment";
import {
  cancelSession,
  completeSession,
  createCategory,
  createSession,
  markAttendance,
  publishSession,
  setCategoryActive,
  setPolicy,
  setRequirement,
  submitFeedback,
  updateSession,
} from "@/lib/training/mutations";
import { issueCheckInToken } from "@/lib/training/checkin";
import { lecturerEntries } from "@/lib/training/lecturers";
import QRCode from "qrcode";

export async function enrolAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const id = formText(fd, "sessionId");
  return formAction(async () => {
    await enrolSelf(actor, id);
  }, [`/training/${id}`, "/training", "/training/me"]);
}

export async function cancelMyEnrollmentAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const id = formText(fd, "sessionId");
  return formAction(async () => {
    await cancelMyEnrollment(actor, id);
  }, [`/training/${id}`, "/training", "/training/me"]);
}

export async function feedbackAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const id = formText(fd, "sessionId");
  return formAction(async () => {
    await submitFeedback(actor, id, { rating: formText(fd, "rating"), comment: formText(fd, "comment") });
  }, [`/training/${id}`]);
}

/** The session form: lecturers are one per line, "name|affiliation|badge-less userId". */
function sessionInput(fd: FormData) {
  const lecturers = formText(fd, "lecturers")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [name, affiliation, userId] = l.split("|").map((x) => x.trim());
      return { name, affiliation: affiliation || null, userId: userId || null };
    });
  return {
    title: formText(fd, "title"),
    category: formText(fd, "category"),
    description: formText(fd, "description"),
    format: formText(fd, "format") || undefined,
    venue: formText(fd, "venue"),
    startsAt: formText(fd, "startsAt"),
    endsAt: formText(fd, "endsAt"),
    capacity: formText(fd, "capacity"),
    creditHours: formText(fd, "creditHours"),
    lecturers,
    enrollOpensAt: formText(fd, "enrollOpensAt"),
    enrollClosesAt: formText(fd, "enrollClosesAt"),
    cancelCutoffHours: formText(fd, "cancelCutoffHours") || undefined,
    audienceUnitIds: fd.getAll("audienceUnitIds").map(String),
    audienceRoles: fd.getAll("audienceRoles").map(String),
  };
}

/** The session input plus the lecturers picked from the registry (after the typed ones). */
async function withRegistry(actor: Awaited<ReturnType<typeof requireActor>>, fd: FormData) {
  const input = sessionInput(fd);
  return { ...input, lecturers: [...input.lecturers, ...(await lecturerEntries(actor, fd.getAll("lecturerIds").map(String)))] };
}

export async function createSessionAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  let id = "";
  const r = await formAction(async () => {
    id = (await createSession(actor, await withRegistry(actor, fd))).id;
  }, ["/training/manage"]);
  if (!r.ok) return r;
  redirect(`/training/manage/${id}`);
}

export async function updateSessionAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const id = formText(fd, "sessionId");
  return formAction(async () => {
    await updateSession(actor, id, await withRegistry(actor, fd));
  }, [`/training/manage/${id}`, `/training/${id}`, "/training/manage"]);
}

export async function sessionStatusAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const id = formText(fd, "sessionId");
  const op = formText(fd, "op");
  return formAction(async () => {
    if (op === "publish") await publishSession(actor, id);
    else if (op === "cancel") await cancelSession(actor, id, { reason: formText(fd, "reason") });
    else if (op === "complete") await completeSession(actor, id);
  }, [`/training/manage/${id}`, `/training/${id}`, `/training/${id}/roster`, "/training/manage", "/training", "/training/teach"]);
}

export async function attendanceAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const id = formText(fd, "sessionId");
  return formAction(async () => {
    await markAttendance(actor, id, { userId: formText(fd, "userId"), present: formText(fd, "present") === "1" });
  }, [`/training/${id}/roster`]);
}

export async function officeCancelEnrollmentAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const id = formText(fd, "sessionId");
  return formAction(async () => {
    await cancelEnrollmentAsOffice(actor, id, formText(fd, "userId"));
  }, [`/training/${id}/roster`, `/training/${id}`]);
}

export async function categoryAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const op = formText(fd, "op");
  return formAction(async () => {
    if (op === "create")
      await createCategory(actor, { code: formText(fd, "code"), name: formText(fd, "name"), nameEn: formText(fd, "nameEn") });
    else await setCategoryActive(actor, formText(fd, "code"), op === "enable");
  }, ["/training/manage/settings"]);
}

export async function requirementAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return formAction(async () => {
    await setRequirement(actor, { role: formText(fd, "role"), hours: formText(fd, "hours") });
  }, ["/training/manage/settings"]);
}

export async function policyAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return formAction(async () => {
    await setPolicy(actor, Object.fromEntries(fd));
  }, ["/training/manage/settings"]);
}

export async function unitEnrolAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return formAction(async () => {
    const actor = await requireActor();
    const sessionId = formText(fd, "sessionId");
    const out = await enrolUnitMembers(actor, sessionId, fd.getAll("userIds").map(String));
    const enrolled = out.filter((o) => o.result?.status === "ENROLLED").length;
    const waitlisted = out.filter((o) => o.result?.status === "WAITLISTED").length;
    const refused = out.filter((o) => o.error);
    const t = await getTranslations("training");
    const reasons = refused.map((o) => t("unit.refusedOne", { name: o.name, reason: o.error!.message })).join("；");
    return {
      ok: true,
      message: t("unit.summary", { enrolled, waitlisted, refused: refused.length }) + (reasons ? `：${reasons}` : "。"),
      result: { sessionId, enrolled: String(enrolled), waitlisted: String(waitlisted), refused: String(refused.length) },
    };
  }, ["/training/unit"]);
}

/** The projector asks for a fresh code every 30 s. */
export async function checkInQrAction(sessionId: string): Promise<{ svg: string; url: string } | { error: string }> {
  const actor = await requireActor();
  try {
    const { token } = await issueCheckInToken(actor, sessionId);
    // The link's origin comes from the request this server answered, never from the caller.
    const h = await headers();
    const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("x-forwarded-host") ?? h.get("host")}`;
    const url = `${origin}/training/check-in?s=${encodeURIComponent(sessionId)}&t=${encodeURIComponent(token)}`;
    return { svg: await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" }), url };
  } catch (e) {
    if (isAppError(e)) return { error: e.message };
    throw e;
  }
}
