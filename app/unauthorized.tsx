import { StatusPage } from "@/components/shell/status-page";
export default function Unauthorized() {
  return <StatusPage code={401} kind="unauthorized" />;
}
