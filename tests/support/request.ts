// The request a server action runs in, for integration tests that call actions directly:
// Next's cookie jar and headers (next/headers), with a real session cookie in the jar.
// Everything the action's wrapper does with them (session check from the database,
// two-factor, step-up) then runs as written. In a test file:
//   vi.mock("next/headers", async () => (await import("../support/request")).nextHeaders());
import { encode } from "next-auth/jwt";
import { createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";

export const cookieJar = new Map<string, string>();

export function nextHeaders() {
  return {
    cookies: async () => ({
      get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name)! } : undefined),
      getAll: () => [...cookieJar].map(([name, value]) => ({ name, value })),
      set: (name: string, value: string) => void cookieJar.set(name, value),
      delete: (name: string) => void cookieJar.delete(name),
    }),
    headers: async () => new Headers(),
  };
}

/** This "browser" now holds a live session of the user that signed in at `signedInAt` (null: signed out). */
export async function actAs(user: { id: string } | null, signedInAt: Date = new Date()): Promise<void> {
  cookieJar.clear();
  if (!user) return;
  const { role } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { role: true } });
  const { id } = await db.$transaction((tx) => createSession(tx, { userId: user.id, role, ip: null, userAgent: "vitest", now: signedInAt }));
  cookieJar.set("next-auth.session-token", await encode({ token: { sid: id }, secret: process.env.NEXTAUTH_SECRET! }));
}
