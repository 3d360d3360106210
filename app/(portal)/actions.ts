"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getActor, readSessionId, SESSION_COOKIES } from "@/lib/auth/current";
import { revokeSession } from "@/lib/auth/sessions";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/config";
import { markAllMyNotificationsRead } from "@/lib/notifications/queries";

export async function signOutAction(): Promise<void> {
  const sid = await readSessionId();
  if (sid) await revokeSession(sid, await getActor());
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
  redirect("/login");
}

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
  revalidatePath("/notifications");
}
