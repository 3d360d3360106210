/** "label: Excel · CSV" download links for one export (an API route answering ?format=xlsx|csv). */
export function DownloadLinks({ label, href }: { label: string; href: string }) {
  const sep = href.includes("?") ? "&" : "?";
  const cls = "rounded-md border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-100";
  return (
    <span className="no-print inline-flex flex-wrap items-center gap-1 text-xs">
      <span className="text-slate-600">{label}</span>
      <a className={cls} href={`${href}${sep}format=xlsx`}>
        Excel
      </a>
      <a className={cls} href={`${href}${sep}format=csv`}>
        CSV
      </a>
    </span>
  );
}
