import { apiRoute, created, readJson, readQuery } from "@/lib/http/api";
import { listRecords } from "@/lib/benefits/queries";
import { createRecord } from "@/lib/benefits/mutations";

export const GET = apiRoute(async ({ req, actor }) => listRecords(actor, readQuery(req)));

export const POST = apiRoute(async ({ req, actor }) => created(await createRecord(actor, await readJson(req))), {
  permission: "benefits.manage",
});
