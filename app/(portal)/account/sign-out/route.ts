import { signOutEverywhereResponse } from "@/lib/http/auth-edge";

// The portal's sign-out button posts here (a route, not a server action, so the answer can clear
// the browser's site data).
export const POST = (req: Request) => signOutEverywhereResponse(req);
