import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/current";
import { getSession, listCategories, listUnitOptions } from "@/lib/training/queries";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { ActionForm } from "@/components/ui/action-form";
import { Field, Input } from "@/components/ui/field";
import { SessionForm } from "../../_components/session-form";
import { sessionStatusAction, updateSessionAction } from "../../actions";

export default async function EditSessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireRole("training.manage", `/training/manage/${id}`);
  const [t, session, categories, units] = await Promise.all([
    getTranslations("training"),
    getSession(actor, id),
    listCategories(actor),
    listUnitOptions(actor),
  ]);
  const editable = session.status === "DRAFT" || session.status === "PUBLISHED";
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
          <ActionForm action={sessionStatusAction} submitLabel={t("manage.complete")} variant="secondary" className="inline">
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
          >
            <input type="hidden" name="sessionId" value={id} />
            <input type="hidden" name="op" value="cancel" />
            <Field label={t("manage.cancelReason")} htmlFor="reason">
              <Input id="reason" name="reason" maxLength={500} />
            </Field>
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
