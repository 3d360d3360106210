import { apiRoute } from "@/lib/http/api";
import { listCategories } from "@/lib/training/queries";

export const GET = apiRoute(async ({ actor }) =>
  (await listCategories(actor)).map((c) => ({ code: c.code, name: c.name, nameEn: c.nameEn || null })),
);
