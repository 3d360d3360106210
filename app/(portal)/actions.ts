"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/current";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/config";
import { markAllMyNotificationsRead } from "@/lib/notifications/queries";

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
