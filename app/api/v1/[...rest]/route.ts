import { errorResponse } from "@/lib/http/api";
import { AppError } from "@/lib/errors";

// Unknown API paths answer in the API's error shape, not with an HTML page.
const notFound = async () => errorResponse(new AppError("NOT_FOUND", "接口不存在"));
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
