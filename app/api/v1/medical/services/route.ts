import { apiRoute } from "@/lib/http/api";
import { serviceJson } from "@/lib/medical/dto";
import { listServices } from "@/lib/medical/queries";

export const GET = apiRoute(async ({ actor }) => (await listServices(actor)).map(serviceJson));
