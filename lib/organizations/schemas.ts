import { z } from "zod";
import { isCountryCode } from "./countries";

export const ORGANIZATION_KINDS = [
  { id: "bank", label: "Bank" },
  { id: "government", label: "Government agency" },
  { id: "microfinance", label: "Microfinance institution" },
  { id: "fintech", label: "Fintech" },
  { id: "ngo", label: "NGO" },
  { id: "other", label: "Other" },
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number]["id"];
const KIND_IDS = ORGANIZATION_KINDS.map((k) => k.id) as [OrganizationKind, ...OrganizationKind[]];

export const createOrganizationSchema = z.object({
  legalName: z.string().trim().min(2, "Enter the organisation's legal name").max(120, "Use at most 120 characters"),
  kind: z.enum(KIND_IDS, { message: "Choose what kind of organisation this is" }),
  country: z
    .string()
    .trim()
    .length(2, "Choose a country")
    .toUpperCase()
    .refine(isCountryCode, "Choose a country from the list"),
  website: z
    .string()
    .trim()
    .max(200)
    .refine((v) => v === "" || /^https?:\/\/[^\s.]+\.[^\s]+$/.test(v), "Enter a full address starting with https://")
    .optional()
    .transform((v) => (v ? v : null)),
  contactEmail: z.string().trim().toLowerCase().email("Enter a valid contact e-mail").max(254),
});
export type CreateOrganizationInput = z.input<typeof createOrganizationSchema>;
