import { apiRoute } from "@/lib/http/api";
import { icsResponse } from "@/lib/ics";
import { myBookingsIcs } from "@/lib/training/ics";

export const GET = apiRoute(async ({ actor }) => icsResponse(await myBookingsIcs(actor), "my-training.ics"));
