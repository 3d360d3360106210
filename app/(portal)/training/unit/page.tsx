import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/access";
import { requireRole } from "@/lib/auth/current";
import { listOpenSessions, listUnitCompliance } from "@/lib/training/queries";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { ActionForm } from "@/components/ui/action-form";
import { Field, Select } from "@/components/ui/field";
import { Table, Td } from "@/components/ui/table";
import { unitEnrolAction } from "../actions";

export default async function UnitTrainingPage() {
  const actor = await requireRole("training.unit.view", "/training/unit");
  const [t, format, people, sessions] = await Promise.all([
    getTranslations("training"),
    getFormatter(),
    listUnitCompliance(actor),
    listOpenSessions(actor),
  ]);
  const mayEnrol = can(actor, "training.unit.enrol");
  const table = (
    <Table
      head={[
        mayEnrol ? t("unit.select") : "",
        t("roster.badge"),
        t("roster.name"),
        t("roster.unit"),
        t("unit.done"),
        t("unit.required"),
        "",
      ]}
    >
      {people.map((p) => (
        <tr key={p.id}>
          <Td>{mayEnrol ? <input type="checkbox" name="userIds" value={p.id} aria-label={p.name} defaultChecked={p.behind} /> : null}</Td>
          <Td>{p.badgeNo}</Td>
          <Td>{p.name}</Td>
          <Td>{p.unitName}</Td>
          <Td>{p.done}</Td>
          <Td>{p.required}</Td>
          <Td>{p.behind ? <Badge tone="red">{t("unit.behind")}</Badge> : <Badge tone="green">{t("unit.ok")}</Badge>}</Td>
        </tr>
      ))}
    </Table>
  );
  return (
    <>
      <PageHeader title={t("unit.title")} subtitle={actor.unitName} />
      <Card title={t("unit.enrolTitle")}>
        {mayEnrol && sessions.length ? (
          <ActionForm action={unitEnrolAction} submitLabel={t("unit.enrol")} resultLabels={{ summary: "" }}>
            <Field label={t("unit.session")} htmlFor="sessionId">
              <Select id="sessionId" name="sessionId">
                {sessions.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}（{format.dateTime(s.startsAt, "short")}，{s.enrolledCount}/{s.capacity}）
                  </option>
                ))}
              </Select>
            </Field>
            {table}
          </ActionForm>
        ) : (
          table
        )}
      </Card>
    </>
  );
}
