import { apiRoute, created, readJson, readQuery } from "@/lib/http/api";
import { createAuxiliary } from "@/lib/benefits/mutations";
import { getAuxiliary, listAuxiliaries } from "@/lib/benefits/queries";

export const GET = apiRoute(async ({ req, actor }) => listAuxiliaries(actor, readQuery(req)), {
  permission: "benefits.manage",
});

export const POST = apiRoute(
  async ({ req, actor }) => {
    const p = await createAuxiliary(actor, await readJson(req));
    return created(await getAuxiliary(actor, p.id));
  },
  { permission: "benefits.manage" },
);
