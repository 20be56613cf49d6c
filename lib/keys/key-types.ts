// Key types and environments as the COPA contract defines them. Pure data.

export const KEY_TYPES = [
  { id: "partner", label: "Partner", description: "Partner integrations: a bank's, agency's or fintech's back end calling COPA." },
  { id: "webhook", label: "Webhook", description: "Webhook integrations: receiving and verifying COPA's event deliveries." },
  { id: "mobile", label: "Mobile", description: "Mobile application access through your own back end (never embedded in the app)." },
  { id: "system", label: "System", description: "System-to-system integrations: scheduled jobs and internal services." },
] as const;

export type KeyType = (typeof KEY_TYPES)[number]["id"];
export const KEY_TYPE_IDS = KEY_TYPES.map((t) => t.id) as [KeyType, ...KeyType[]];

export const ENVIRONMENTS = [
  { id: "sandbox", label: "Sandbox", description: "Fictional sample data served by this portal. For building and testing." },
  { id: "production", label: "Production", description: "Real cooperative data at api.copa.rw. Refused by the sandbox." },
] as const;

export type Environment = (typeof ENVIRONMENTS)[number]["id"];
export const ENVIRONMENT_IDS = ENVIRONMENTS.map((e) => e.id) as [Environment, ...Environment[]];

export const isKeyType = (value: string): value is KeyType => (KEY_TYPE_IDS as readonly string[]).includes(value);
export const isEnvironment = (value: string): value is Environment => (ENVIRONMENT_IDS as readonly string[]).includes(value);
