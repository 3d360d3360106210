import { apiRoute, readQuery } from "@/lib/http/api";
import { rosterExport } from "@/lib/training/exports";

// ?format=xlsx|csv — the roster as a spreadsheet (office, or the session's lecturer)
export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) =>
  rosterExport(actor, params.id, readQuery(req).format === "csv" ? "csv" : "xlsx"),
);
