// The key policy edit's schema lives beside the policy (lib/keys/policy-schema.ts).
export { keyPolicySchema, type KeyPolicyInput } from "@/lib/keys/policy-schema";
