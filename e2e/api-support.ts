// Helpers shared by the /api/v1 specs (seeding goes through support/factory.ts).
import { factory } from "./support/factory";

export type IssuedKey = { secret: string; keyId: string; keyName: string; organizationId: string; email: string; password: string };

export const issueKey = (scopes: string[], options: { environment?: "sandbox" | "production"; limitHour?: number; limitDay?: number } = {}) =>
  factory<IssuedKey>("issueKey", { scopes, ...options });
