"use client";

import { startTransition, useActionState, useState } from "react";
import { Alert, Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { Table, Td } from "@/components/ui/table";
import type { ActionState } from "@/lib/http/actions";

export type UnitPerson = { id: string; badgeNo: string; name: string; unitName: string; done: number; required: number; behind: boolean };
export type OpenSession = { id: string; label: string };

/**
 * The unit lead's one-step enrolment. The chosen session and the ticks are the form's own state:
 * after a submission the session stays chosen and the ticks are cleared (people just enrolled
 * are not enrolled twice by a second click), and the summary says who got a seat, who is
 * waitlisted and who was refused, with the reason. The form is submitted by hand, not through
 * its action attribute: React resets a form after its action, which put the first session back
 * and re-ticked everyone.
 */
export function UnitEnrolForm({
  action,
  people,
  sessions,
  mayEnrol,
  labels,
}: {
  action: (prev: ActionState, fd: FormData) => Promise<ActionState>;
  people: UnitPerson[];
  sessions: OpenSession[];
  mayEnrol: boolean;
  labels: Record<"session" | "enrol" | "select" | "badge" | "name" | "unit" | "hours" | "behind" | "ok" | "selectAll", string>;
}) {
  const [sessionId, setSessionId] = useState(sessions[0]?.id ?? "");
  const [ticked, setTicked] = useState<Set<string>>(() => new Set(people.filter((p) => p.behind).map((p) => p.id)));
  const [state, formAction, pending] = useActionState(async (prev: ActionState, fd: FormData) => {
    const next = await action(prev, fd);
    if (next.ok) setTicked(new Set());
    return next;
  }, {});
  const toggle = (id: string, on: boolean) =>
    setTicked((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });
  const refused = state.result?.refused ? Number(state.result.refused) : 0;

  const table = (
    <Table
      head={[
        ...(mayEnrol
          ? [
              <input
                key="all"
                type="checkbox"
                aria-label={labels.selectAll}
                checked={people.length > 0 && ticked.size === people.length}
                onChange={(e) => setTicked(e.target.checked ? new Set(people.map((p) => p.id)) : new Set())}
              />,
            ]
          : []),
        labels.name,
        labels.hours,
        "",
        labels.badge,
        labels.unit,
      ]}
      headClassNames={[...(mayEnrol ? [undefined] : []), undefined, undefined, undefined, "hidden sm:table-cell", "hidden sm:table-cell"]}
    >
      {people.map((p) => (
        <tr key={p.id}>
          {mayEnrol ? (
            <Td>
              <input
                type="checkbox"
                name="userIds"
                value={p.id}
                aria-label={p.name}
                checked={ticked.has(p.id)}
                onChange={(e) => toggle(p.id, e.target.checked)}
              />
            </Td>
          ) : null}
          <Td className="whitespace-nowrap">{p.name}</Td>
          {/* the key figures sit beside the name, so a phone shows them without scrolling */}
          <Td className="whitespace-nowrap tabular-nums">
            {p.done} / {p.required}
          </Td>
          <Td>{p.behind ? <Badge tone="red">{labels.behind}</Badge> : <Badge tone="green">{labels.ok}</Badge>}</Td>
          <Td className="hidden sm:table-cell">{p.badgeNo}</Td>
          <Td className="hidden sm:table-cell">{p.unitName}</Td>
        </tr>
      ))}
    </Table>
  );
  if (!mayEnrol || !sessions.length) return table;
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        startTransition(() => formAction(fd));
      }}
    >
      {state.message ? (
        <Alert kind={!state.ok ? "error" : refused ? "warning" : "success"}>
          <span data-testid="unit-enrol-summary">
            {state.message}
            {/* a refusal of the whole request (over the 500-person limit) says why */}
            {!state.ok && state.fields ? ` ${Object.values(state.fields).join("；")}` : null}
          </span>
        </Alert>
      ) : null}
      <Field label={labels.session} htmlFor="sessionId">
        <Select id="sessionId" name="sessionId" value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
          {sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </Select>
      </Field>
      {table}
      <Button type="submit" disabled={pending || ticked.size === 0}>
        {labels.enrol}
        {ticked.size ? `（${ticked.size}）` : ""}
      </Button>
    </form>
  );
}
