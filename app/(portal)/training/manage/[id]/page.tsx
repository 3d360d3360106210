import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { getSession, listCategories, listUnitOptions } from "@/lib/training/queries";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Field, Input } from "@/components/ui/field";
import { SessionForm } from "../../_components/session-form";
import { sessionStatusAction, updateSessionAction } from "../../actions";
import { orNotFound, pageId } from "@/lib/http/pages";

export default async function EditSessionPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId((await params).id);
  const actor = await requirePagePermission("training.manage", `/training/manage/${id}`);
  const [t, tc, session, categories, units] = await Promise.all([
    getTranslations("training"),
    getTranslations("common"),
    orNotFound(getSession(actor, id)),
    listCategories(actor),
    listUnitOptions(actor),
  ]);
  const editable = session.status === "DRAFT" || session.status === "PUBLISHED";
  const ask = (text: string) => ({ text, yes: tc("actions.confirm"), no: tc("actions.back") });
  return (
    <>
      <PageHeader
        title={session.title}
        subtitle={<Badge>{t(`status.${session.status}`)}</Badge>}
        actions={
          <Link className="text-police-700 underline" href={`/training/${id}`}>
            {t("session.roster")} / →
          </Link>
        }
      />
      <div className="mb-4 flex flex-wrap items-end gap-3">
        {session.status === "DRAFT" ? (
          <ActionForm action={sessionStatusAction} submitLabel={t("manage.publish")} className="inline">
            <input type="hidden" name="sessionId" value={id} />
            <input type="hidden" name="op" value="publish" />
          </ActionForm>
        ) : null}
        {session.status === "PUBLISHED" ? (
          <ActionForm
            action={sessionStatusAction}
            submitLabel={t("manage.complete")}
            variant="secondary"
            className="inline"
            confirm={ask(t("manage.completeConfirm"))}
          >
            <input type="hidden" name="sessionId" value={id} />
            <input type="hidden" name="op" value="complete" />
          </ActionForm>
        ) : null}
        {editable ? (
          <ActionForm
            action={sessionStatusAction}
            submitLabel={t("manage.cancel")}
            variant="danger"
            className="flex flex-wrap items-end gap-2"
            confirm={ask(t("manage.cancelConfirm"))}
          >
            <input type="hidden" name="sessionId" value={id} />
            <input type="hidden" name="op" value="cancel" />
            <Field label={t("manage.cancelReason")} htmlFor="reason" hint={t("manage.cancelReasonHint")}>
              <Input id="reason" name="reason" maxLength={500} required />
            </Field>
            <FieldError name="reason" />
          </ActionForm>
        ) : null}
      </div>
      {editable ? (
        <Card>
          <SessionForm
            action={updateSessionAction}
            session={session}
            categories={categories}
            units={units}
            submitLabel={t("manage.save")}
          />
        </Card>
      ) : null}
    </>
  );
}
