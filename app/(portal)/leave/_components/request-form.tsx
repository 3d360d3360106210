"use client";

import { useActionState, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { countWorkingDays, daysBetween, indexCalendar, isDay, yearOf, type CalendarDay } from "@/lib/leave/calendar";
import type { ActionState } from "@/lib/http/actions";

// The request form counts working days as you pick dates, on the same calendar and with the same
// function the server uses (lib/leave/calendar.ts); the server still decides.
type Calendar = { year: number; status: "official" | "provisional" | "missing"; days: CalendarDay[] };
export type RequestFormLabels = Record<
  | "type"
  | "from"
  | "to"
  | "reason"
  | "reasonHint"
  | "submit"
  | "done"
  | "count"
  | "countOff"
  | "countMakeup"
  | "pickDates"
  | "toBeforeFrom"
  | "noWorkingDay"
  | "exceeds"
  | "crossYear"
  | "calendarMissing"
  | "calendarProvisional",
  string
>;

const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ""));

export function RequestForm({
  action,
  types,
  calendars,
  remaining,
  today,
  labels,
}: {
  action: (s: ActionState, fd: FormData) => Promise<ActionState>;
  types: { value: string; label: string }[];
  calendars: Calendar[];
  /** remaining annual-leave days by year */
  remaining: Record<number, number>;
  today: string;
  labels: RequestFormLabels;
}) {
  const [state, run, pending] = useActionState<ActionState, FormData>(action, {});
  const [type, setType] = useState(types[0]?.value ?? "ANNUAL");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const index = useMemo(() => indexCalendar(calendars.flatMap((c) => c.days)), [calendars]);

  const info = useMemo(() => {
    if (!isDay(from) || !isDay(to)) return { text: labels.pickDates, problems: [] as string[], notes: [] as string[] };
    if (to < from) return { text: "", problems: [labels.toBeforeFrom], notes: [] };
    const total = daysBetween(from, to) + 1;
    const n = countWorkingDays(from, to, index);
    const makeup = calendars.flatMap((c) => c.days).filter((d) => d.kind === "WORKDAY" && d.date >= from && d.date <= to).length;
    const problems: string[] = [];
    if (n === 0) problems.push(labels.noWorkingDay);
    if (type === "ANNUAL") {
      if (yearOf(from) !== yearOf(to)) problems.push(labels.crossYear);
      else if (remaining[yearOf(from)] !== undefined && n > remaining[yearOf(from)]!)
        problems.push(fill(labels.exceeds, { year: yearOf(from), remaining: remaining[yearOf(from)]! }));
    }
    const notes: string[] = [];
    for (let y = yearOf(from); y <= yearOf(to); y++) {
      const c = calendars.find((x) => x.year === y);
      if (!c || c.status === "missing") notes.push(fill(labels.calendarMissing, { year: y }));
      else if (c.status === "provisional") notes.push(fill(labels.calendarProvisional, { year: y }));
    }
    const detail = [fill(labels.countOff, { days: total, off: total - n })];
    if (makeup) detail.push(fill(labels.countMakeup, { n: makeup }));
    return { text: `${fill(labels.count, { n })}（${detail.join("，")}）`, problems, notes };
  }, [from, to, type, index, calendars, remaining, labels]);

  const fieldError = (k: string) => (state.ok ? undefined : state.fields?.[k]);
  return (
    <form action={run} className="space-y-4" data-testid="leave-request-form">
      {state.message && !state.ok ? <Alert kind="error">{state.message}</Alert> : null}
      {state.ok ? <Alert kind="success">{fill(labels.done, { days: state.result?.days ?? "" })}</Alert> : null}
      <Field label={labels.type} htmlFor="leave-type" error={fieldError("type")}>
        <Select id="leave-type" name="type" value={type} onChange={(e) => setType(e.target.value)}>
          {types.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label={labels.from} htmlFor="leave-from" error={fieldError("from")}>
          <Input
            id="leave-from"
            name="from"
            type="date"
            required
            value={from}
            min={`${yearOf(today) - 1}-01-01`}
            onChange={(e) => {
              setFrom(e.target.value);
              if (!to || to < e.target.value) setTo(e.target.value);
            }}
          />
        </Field>
        <Field label={labels.to} htmlFor="leave-to" error={fieldError("to")}>
          <Input id="leave-to" name="to" type="date" required value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />
        </Field>
      </div>
      <div aria-live="polite" className="space-y-2" data-testid="working-days">
        {info.text ? <p className="text-sm font-medium text-slate-800">{info.text}</p> : null}
        {info.problems.map((p) => (
          <Alert key={p} kind="warning">
            {p}
          </Alert>
        ))}
        {info.notes.map((p) => (
          <p key={p} className="text-xs text-slate-600">
            {p}
          </p>
        ))}
      </div>
      <Field label={labels.reason} htmlFor="leave-reason" hint={labels.reasonHint} error={fieldError("reason")}>
        <Textarea id="leave-reason" name="reason" rows={2} maxLength={500} />
      </Field>
      <Button type="submit" disabled={pending}>
        {labels.submit}
      </Button>
    </form>
  );
}
