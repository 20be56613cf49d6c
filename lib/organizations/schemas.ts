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
  legalName: z.string().trim().min(2, "account.errors.legalNameRequired").max(120, "account.errors.legalNameTooLong"),
  kind: z.enum(KIND_IDS, { message: "account.errors.kindRequired" }),
  country: z
    .string()
    .trim()
    .length(2, "account.errors.countryRequired")
    .toUpperCase()
    .refine(isCountryCode, "account.errors.countryFromList"),
  website: z
    .string()
    .trim()
    .max(200)
    .refine((v) => v === "" || /^https?:\/\/[^\s.]+\.[^\s]+$/.test(v), "account.errors.websiteInvalid")
    .optional()
    .transform((v) => (v ? v : null)),
  contactEmail: z.string().trim().toLowerCase().email("account.errors.contactEmailInvalid").max(254),
});
export type CreateOrganizationInput = z.input<typeof createOrganizationSchema>;
