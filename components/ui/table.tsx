import type { ReactNode } from "react";

/** A table that scrolls sideways on a phone instead of breaking the layout. */
export function Table({
  head,
  children,
  caption,
  headClassNames = [],
}: {
  head: ReactNode[];
  children: ReactNode;
  caption?: string;
  /** per column, e.g. "hidden sm:table-cell" for a column a phone leaves out (its cells say the same) */
  headClassNames?: (string | undefined)[];
}) {
  return (
    // focusable so keyboard users can scroll a wide table sideways
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} role="region" aria-label={caption ?? "表格"}>
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="bg-slate-50">
          <tr>
            {head.map((h, i) => (
              <th
                key={i}
                scope="col"
                className={`whitespace-nowrap px-3 py-2 text-left font-medium text-slate-600 ${headClassNames[i] ?? ""}`}
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

export function Td({ children, className = "" }: { children?: ReactNode; className?: string }) {
  return <td className={`px-3 py-2 align-top ${className}`}>{children}</td>;
}

export function Pagination({
  page,
  pageSize,
  total,
  hrefFor,
  labels,
}: {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (p: number) => string;
  labels: { prev: string; next: string; summary: string };
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="mt-3 flex items-center justify-between text-sm" aria-label={labels.summary}>
      <span className="text-slate-600">{labels.summary}</span>
      <span className="flex gap-2">
        {page > 1 ? (
          <a className="rounded border px-3 py-1 hover:bg-slate-100" href={hrefFor(page - 1)}>
            {labels.prev}
          </a>
        ) : null}
        {page < pages ? (
          <a className="rounded border px-3 py-1 hover:bg-slate-100" href={hrefFor(page + 1)}>
            {labels.next}
          </a>
        ) : null}
      </span>
    </nav>
  );
}
