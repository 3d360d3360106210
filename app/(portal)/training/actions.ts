"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { actionState, type ActionState } from "@/lib/http/actions";
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

export type State = { ok?: boolean; message?: string; fields?: Record<string, string>; result?: Record<string, string> };

async function run(fn: () => Promise<unknown>, paths: string[]): Promise<State> {
  try {
    await fn();
  } catch (e) {
    if (isAppError(e)) return { message: e.message, fields: e.fields };
    throw e;
  }
  for (const p of paths) revalidatePath(p);
  return { ok: true };
}

const str = (fd: FormData, k: string) => String(fd.get(k) ?? "");

export async function enrolAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  const id = str(fd, "sessionId");
  return run(() => enrolSelf(actor, id), [`/training/${id}`, "/training", "/training/me"]);
}

export async function cancelMyEnrollmentAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  const id = str(fd, "sessionId");
  return run(() => cancelMyEnrollment(actor, id), [`/training/${id}`, "/training", "/training/me"]);
}

export async function feedbackAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  const id = str(fd, "sessionId");
  return run(() => submitFeedback(actor, id, { rating: str(fd, "rating"), comment: str(fd, "comment") }), [`/training/${id}`]);
}

/** The session form: lecturers are one per line, "name|affiliation|badge-less userId". */
function sessionInput(fd: FormData) {
  const lecturers = str(fd, "lecturers")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [name, affiliation, userId] = l.split("|").map((x) => x.trim());
      return { name, affiliation: affiliation || null, userId: userId || null };
    });
  return {
    title: str(fd, "title"),
    category: str(fd, "category"),
    description: str(fd, "description"),
    format: str(fd, "format") || undefined,
    venue: str(fd, "venue"),
    startsAt: str(fd, "startsAt"),
    endsAt: str(fd, "endsAt"),
    capacity: str(fd, "capacity"),
    creditHours: str(fd, "creditHours"),
    lecturers,
    enrollOpensAt: str(fd, "enrollOpensAt"),
    enrollClosesAt: str(fd, "enrollClosesAt"),
    cancelCutoffHours: str(fd, "cancelCutoffHours") || undefined,
    audienceUnitIds: fd.getAll("audienceUnitIds").map(String),
    audienceRoles: fd.getAll("audienceRoles").map(String),
  };
}

/** The session input plus the lecturers picked from the registry (after the typed ones). */
async function withRegistry(actor: Awaited<ReturnType<typeof requireActor>>, fd: FormData) {
  const input = sessionInput(fd);
  return { ...input, lecturers: [...input.lecturers, ...(await lecturerEntries(actor, fd.getAll("lecturerIds").map(String)))] };
}

export async function createSessionAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  let id = "";
  const r = await run(async () => {
    id = (await createSession(actor, await withRegistry(actor, fd))).id;
  }, ["/training/manage"]);
  if (!r.ok) return r;
  redirect(`/training/manage/${id}`);
}

export async function updateSessionAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  const id = str(fd, "sessionId");
  return run(
    async () => updateSession(actor, id, await withRegistry(actor, fd)),
    [`/training/manage/${id}`, `/training/${id}`, "/training/manage"],
  );
}

export async function sessionStatusAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  const id = str(fd, "sessionId");
  const op = str(fd, "op");
  return run(async () => {
    if (op === "publish") await publishSession(actor, id);
    else if (op === "cancel") await cancelSession(actor, id, { reason: str(fd, "reason") });
    else if (op === "complete") await completeSession(actor, id);
  }, [`/training/manage/${id}`, `/training/${id}`, `/training/${id}/roster`, "/training/manage", "/training", "/training/teach"]);
}

export async function attendanceAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  const id = str(fd, "sessionId");
  return run(
    () => markAttendance(actor, id, { userId: str(fd, "userId"), present: str(fd, "present") === "1" }),
    [`/training/${id}/roster`],
  );
}

export async function officeCancelEnrollmentAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  const id = str(fd, "sessionId");
  return run(() => cancelEnrollmentAsOffice(actor, id, str(fd, "userId")), [`/training/${id}/roster`, `/training/${id}`]);
}

export async function categoryAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  const op = str(fd, "op");
  return run(async () => {
    if (op === "create") await createCategory(actor, { code: str(fd, "code"), name: str(fd, "name"), nameEn: str(fd, "nameEn") });
    else await setCategoryActive(actor, str(fd, "code"), op === "enable");
  }, ["/training/manage/settings"]);
}

export async function requirementAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  return run(() => setRequirement(actor, { role: str(fd, "role"), hours: str(fd, "hours") }), ["/training/manage/settings"]);
}

export async function policyAction(_: State, fd: FormData): Promise<State> {
  const actor = await requireActor();
  return run(() => setPolicy(actor, Object.fromEntries(fd)), ["/training/manage/settings"]);
}

export async function unitEnrolAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return actionState(async () => {
    const actor = await requireActor();
    const sessionId = str(fd, "sessionId");
    const out = await enrolUnitMembers(actor, sessionId, fd.getAll("userIds").map(String));
    revalidatePath("/training/unit");
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
  });
}

/** The projector asks for a fresh code every 30 s. */
export async function checkInQrAction(
  sessionId: string,
  _clientOrigin?: string,
): Promise<{ svg: string; url: string } | { error: string }> {
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
