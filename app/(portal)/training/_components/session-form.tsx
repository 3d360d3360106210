import { getTranslations } from "next-intl/server";
import { ROLES } from "@/lib/access";
import type { SessionDto } from "@/lib/training/queries";
import { toIsoShanghai } from "@/lib/time";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import type { ActionState as State } from "@/lib/http/actions";

const local = (d: Date | null | undefined) => (d ? toIsoShanghai(d).slice(0, 16) : "");

export async function SessionForm({
  action,
  session,
  categories,
  units,
  submitLabel,
  registry = [],
}: {
  action: (s: State, fd: FormData) => Promise<State>;
  session?: SessionDto;
  categories: { code: string; name: string }[];
  units: { id: string; name: string }[];
  submitLabel: string;
  /** active entries of the lecturer registry, to pick from */
  registry?: { id: string; name: string; affiliation: string; topics: string[] }[];
}) {
  const t = await getTranslations("training");
  const tr = await getTranslations("common.roles");
  const f = (k: string) => t(`manage.fields.${k}`);
  const s = session;
  return (
    <ActionForm action={action} submitLabel={submitLabel} successText={t("manage.saved")}>
      {s ? <input type="hidden" name="sessionId" value={s.id} /> : null}
      <Field label={f("title")} htmlFor="title">
        <Input id="title" name="title" defaultValue={s?.title} required maxLength={200} />
        <FieldError name="title" />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={f("category")} htmlFor="category">
          <Select id="category" name="category" defaultValue={s?.category}>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </Select>
          <FieldError name="category" />
        </Field>
        <Field label={f("format")} htmlFor="format">
          <Select id="format" name="format" defaultValue={s?.format ?? "OFFLINE"}>
            {(["OFFLINE", "ONLINE", "FIELD_TRIP"] as const).map((x) => (
              <option key={x} value={x}>
                {t(`format.${x}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={f("venue")} htmlFor="venue">
          <Input id="venue" name="venue" defaultValue={s?.venue} required />
          <FieldError name="venue" />
        </Field>
        <Field label={f("startsAt")} htmlFor="startsAt">
          <Input id="startsAt" name="startsAt" type="datetime-local" defaultValue={local(s?.startsAt)} required />
          <FieldError name="startsAt" />
        </Field>
        <Field label={f("endsAt")} htmlFor="endsAt">
          <Input id="endsAt" name="endsAt" type="datetime-local" defaultValue={local(s?.endsAt)} required />
          <FieldError name="endsAt" />
        </Field>
        <Field label={f("capacity")} htmlFor="capacity">
          <Input id="capacity" name="capacity" type="number" min={1} defaultValue={s?.capacity ?? 50} required />
          <FieldError name="capacity" />
        </Field>
        <Field label={f("creditHours")} htmlFor="creditHours">
          <Input id="creditHours" name="creditHours" type="number" min={0} step={0.5} defaultValue={s?.creditHours ?? 2} required />
          <FieldError name="creditHours" />
        </Field>
        <Field label={f("cancelCutoffHours")} htmlFor="cancelCutoffHours">
          <Input id="cancelCutoffHours" name="cancelCutoffHours" type="number" min={0} defaultValue={s?.cancelCutoffHours ?? 24} />
        </Field>
        <Field label={f("enrollOpensAt")} htmlFor="enrollOpensAt">
          <Input id="enrollOpensAt" name="enrollOpensAt" type="datetime-local" defaultValue={local(s?.enrollOpensAt)} />
        </Field>
        <Field label={f("enrollClosesAt")} htmlFor="enrollClosesAt">
          <Input id="enrollClosesAt" name="enrollClosesAt" type="datetime-local" defaultValue={local(s?.enrollClosesAt)} />
        </Field>
      </div>
      {registry.length ? (
        <fieldset>
          <legend className="text-sm font-medium">{t("lecturers.pick")}</legend>
          <div className="mt-1 grid max-h-48 gap-1 overflow-y-auto rounded border p-2 text-sm sm:grid-cols-2" data-testid="lecturer-picker">
            {registry.map((l) => (
              <label key={l.id} className="flex items-start gap-2">
                <input type="checkbox" name="lecturerIds" value={l.id} className="mt-1" />
                <span>
                  {l.name}
                  <span className="text-slate-500">（{l.affiliation}）</span>
                  {l.topics.length ? <span className="block text-xs text-slate-500">{l.topics.join("、")}</span> : null}
                </span>
              </label>
            ))}
          </div>
          <p className="mt-1 text-xs text-slate-600">{t("lecturers.pickHint")}</p>
          <FieldError name="lecturerIds" />
        </fieldset>
      ) : null}
      <Field label={f("lecturers")} htmlFor="lecturers">
        <Textarea
          id="lecturers"
          name="lecturers"
          rows={3}
          defaultValue={s?.lecturers.map((l) => [l.name, l.affiliation ?? "", l.userId ?? ""].join("|").replace(/\|+$/, "")).join("\n")}
        />
        <FieldError name="lecturers.0.name" />
      </Field>
      <Field label={f("description")} htmlFor="description">
        <Textarea id="description" name="description" rows={4} defaultValue={s?.description} />
      </Field>
      <fieldset className="grid gap-2 sm:grid-cols-2">
        <div>
          <legend className="text-sm font-medium">{f("audienceUnits")}</legend>
          <div className="mt-1 max-h-40 overflow-y-auto rounded border p-2 text-sm">
            {units.map((u) => (
              <label key={u.id} className="flex items-center gap-2">
                <input type="checkbox" name="audienceUnitIds" value={u.id} defaultChecked={s?.audienceUnitIds.includes(u.id)} />
                {u.name}
              </label>
            ))}
          </div>
        </div>
        <div>
          <legend className="text-sm font-medium">{f("audienceRoles")}</legend>
          <div className="mt-1 rounded border p-2 text-sm">
            {ROLES.filter((r) => r === "OFFICER" || r === "AUXILIARY").map((r) => (
              <label key={r} className="flex items-center gap-2">
                <input type="checkbox" name="audienceRoles" value={r} defaultChecked={s?.audienceRoles.includes(r)} />
                {tr(r)}
              </label>
            ))}
          </div>
        </div>
      </fieldset>
    </ActionForm>
  );
}
