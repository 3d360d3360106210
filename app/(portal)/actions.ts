"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/current";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/config";
import { isAppError } from "@/lib/errors";
import { markAllMyNotificationsRead, markNotificationRead } from "@/lib/notifications/queries";

export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 86400, sameSite: "lax" });
  revalidatePath("/", "layout");
}

export async function markAllReadAction(): Promise<void> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  await markAllMyNotificationsRead(actor);
  revalidatePath("/", "layout");
}

/** The bell's and the notifications page's "mark read" on one notice. */
export async function markReadAction(formData: FormData): Promise<void> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  const id = formData.get("id");
  if (typeof id !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return;
  try {
    await markNotificationRead(actor, id);
  } catch (e) {
    // someone else's or a deleted notice: nothing to mark, nothing to tell
    if (!isAppError(e) || e.code !== "NOT_FOUND") throw e;
  }
  revalidatePath("/", "layout");
}
