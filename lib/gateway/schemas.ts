// One schema per input of the gateway-credential admin forms and of the verification
// service's request body.
import { z } from "zod";
import { SCOPE_IDS } from "@/lib/scopes/catalog";

export const issueGatewayCredentialSchema = z.object({
  name: z
    .string()
    .trim()
    .min(3, "admin.errors.credentialNameShort")
    .max(60, "admin.errors.credentialNameLong"),
});
export type IssueGatewayCredentialInput = z.input<typeof issueGatewayCredentialSchema>;

export const revokeGatewayCredentialSchema = z.object({
  credentialId: z.string().uuid("admin.errors.unknownCredential"),
});

export const verifyRequestSchema = z
  .object({
    key: z.string().max(200).meta({ description: "The API key the client presented, exactly as received.", example: "sk_copa_partner_a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6" }),
    scope: z.enum(SCOPE_IDS).optional().meta({
      description: "The scope the forwarded call needs. When given, the call is checked against the key's scopes and counted against its rate limits.",
    }),
    client_ip: z
      .string()
      .trim()
      .regex(/^[0-9a-fA-F:.]{2,45}$/, "Must be an IPv4 or IPv6 address.")
      .optional()
      .meta({
        description:
          "The client's address as the gateway saw it: recorded as the key's last-used address and checked against the key's IP allowlist. A key with an allowlist is answered ip_not_allowed when the address is outside it or not given.",
      }),
  })
  .meta({ id: "VerifyRequest", title: "VerifyRequest" });

export type VerifyRequest = z.output<typeof verifyRequestSchema>;

const windowSchema = z.object({
  limit: z.int().min(0),
  remaining: z.int().min(0),
  reset: z.int().meta({ description: "Unix time (seconds) when the oldest counted request leaves this window." }),
});

export const rateLimitSchema = z
  .object({
    limit: z.int().min(0).meta({ description: "Limit of the binding window (the one with fewer requests left)." }),
    remaining: z.int().min(0),
    reset: z.int().meta({ description: "Unix time (seconds); for a refusal, when the next request will fit." }),
    window: z.enum(["hour", "day"]),
    hour: windowSchema,
    day: windowSchema,
    retry_after: z.int().min(1).optional().meta({ description: "Seconds to wait; only when rate limited." }),
  })
  .meta({ id: "RateLimitState", title: "RateLimitState" });

export const VERIFY_REASONS = ["malformed", "not_found", "revoked", "expired", "organization_suspended", "ip_not_allowed", "insufficient_scope", "rate_limited"] as const;

export const verifyResponseSchema = z
  .union([
    z.object({
      valid: z.literal(true),
      key: z.object({
        id: z.uuid(),
        name: z.string(),
        organization: z.object({ id: z.uuid(), name: z.string() }),
        type: z.enum(["partner", "webhook", "mobile", "system"]),
        environment: z.enum(["sandbox", "production"]),
        scopes: z.array(z.enum(SCOPE_IDS)),
        expires_at: z.iso.datetime().nullable(),
      }),
      rate_limit: rateLimitSchema,
    }),
    z.object({
      valid: z.literal(false),
      reason: z.enum(VERIFY_REASONS).meta({
        description:
          "malformed: not a COPA key; not_found: no such key; revoked; expired; organization_suspended: the key's organisation is suspended; ip_not_allowed: the key has an IP allowlist and client_ip is outside it or missing; insufficient_scope: the key lacks the scope asked about; rate_limited: over its hourly or daily limit (see rate_limit).",
      }),
      rate_limit: rateLimitSchema.optional(),
    }),
  ])
  .meta({ id: "VerifyResponse", title: "VerifyResponse" });

export type VerifyResponse = z.output<typeof verifyResponseSchema>;
