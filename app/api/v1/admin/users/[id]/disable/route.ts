import { apiRoute } from "@/lib/http/api";
import { disableUser } from "@/lib/users/users";

// The account can no longer sign in; its open sessions end at once.
export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => disableUser(actor, params.id), { permission: "users.manage" });
