"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Alert } from "@/components/ui/card";
import type { ActionState } from "@/lib/http/actions";
import { changePasswordAction } from "../actions";

export function ChangePasswordForm() {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState<ActionState, FormData>(changePasswordAction, {});
  const f = state.fields ?? {};
  return (
    <form action={action} className="space-y-4">
      {state.message && !Object.keys(f).length ? <Alert kind="error">{state.message}</Alert> : null}
      <Field label={t("currentPassword")} htmlFor="currentPassword" error={f.currentPassword}>
        <Input
          id="currentPassword"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          aria-invalid={!!f.currentPassword}
          required
        />
      </Field>
      <Field label={t("newPassword")} htmlFor="newPassword" error={f.newPassword} hint={t("rules")}>
        <Input id="newPassword" name="newPassword" type="password" autoComplete="new-password" aria-invalid={!!f.newPassword} required />
      </Field>
      <Field label={t("confirmPassword")} htmlFor="confirmPassword" error={f.confirmPassword}>
        <Input
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          aria-invalid={!!f.confirmPassword}
          required
        />
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {t("changeSubmit")}
      </Button>
    </form>
  );
}
