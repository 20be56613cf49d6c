import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Liveness plus a database round trip; used by load balancers and the e2e runner. */
export async function GET() {
  try {
    await db.user.count({ where: { id: "" } });
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ detail: "Database unavailable" }, { status: 503 });
  }
}
