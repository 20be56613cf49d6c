// The sandbox API's resources, request bodies and list filters, as zod schemas. One
// schema per input: the route handlers parse with them, the OpenAPI document is generated
// from them (z.toJSONSchema), and the tests validate real responses against that document.
//
// Field names are snake_case as the COPA API (Django REST Framework) publishes them.
// Unknown body fields are ignored, as DRF ignores them, so a client may PUT back an object
// it fetched (with id, member_count, created_at) without tripping over read-only fields.
import { z } from "zod";
import {
  ACTIVITIES,
  DISTRICT_NAMES,
  GENDERS,
  LOAN_STATUSES,
  MEMBER_STATUSES,
  PAYMENT_METHODS,
  PROVINCES,
  provinceOfDistrict,
} from "./geography";

// ---------------------------------------------------------------------------------------
// Field builders

const text = (max: number, description?: string) => z.string().trim().min(1).max(max).meta(description ? { description } : {});
const nullableText = (max: number, description?: string) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === undefined || v === null || v === "" ? null : v))
    .meta(description ? { description } : {});

/** An integer field; a string or fraction in its place is "A valid integer is required." (DRF's words). */
const int = () => z.int({ error: "A valid integer is required." });

const uuid = (description: string) => z.uuid().meta({ description });
const dateTime = (description: string) => z.iso.datetime({ offset: true }).meta({ description });

// ---------------------------------------------------------------------------------------
// Resources (response bodies). Strict, so the published document says that no other
// field is ever sent (additionalProperties: false) and drift fails the contract tests.

export const cooperativeSchema = z
  .strictObject({
    id: z.uuid().meta({ description: "UUID of the cooperative." }),
    code: z.string().meta({ description: "Registration code. Sandbox cooperatives are coded SBX001, SBX002, ...", example: "SBX001" }),
    name: z.string().meta({ description: "Registered name.", example: "Koperative y'Abahinzi ba Kawa Twitezimbere Maraba" }),
    province: z.enum(PROVINCES).meta({ description: "Province (Kigali City or one of the four provinces)." }),
    district: z.string().meta({ description: "District, one of Rwanda's 30.", example: "Huye" }),
    sector: z.string().meta({ description: "Sector (umurenge).", example: "Maraba" }),
    cell: z.string().meta({ description: "Cell (akagari).", example: "Gasharu" }),
    activity: z.enum(ACTIVITIES).meta({ description: "Main economic activity." }),
    programme: z.string().nullable().meta({ description: "Supporting programme, e.g. NAEB or RAB; null when none.", example: "NAEB" }),
    member_count: int().min(0).meta({ description: "Number of active members." }),
    created_at: z.iso.datetime().meta({ description: "ISO 8601, UTC." }),
  })
  .meta({ id: "Cooperative", title: "Cooperative" });

export const memberSchema = z
  .strictObject({
    id: z.uuid().meta({ description: "UUID of the member." }),
    cooperative_id: z.uuid().meta({ description: "The cooperative the member belongs to." }),
    first_name: z.string().meta({ example: "Claudine" }),
    last_name: z.string().meta({ example: "Uwimana" }),
    gender: z.enum(GENDERS),
    phone: z.string().meta({ description: "Rwandan mobile number in E.164 form (fictional in the sandbox).", example: "+250788123456" }),
    national_id: z.string().meta({
      description: "National ID, masked: only the century of birth and the last two digits are shown.",
      example: "1 19XX X XXXXXXX X 47",
    }),
    joined_at: z.iso.date().meta({ description: "Date the member joined the cooperative (YYYY-MM-DD)." }),
    status: z.enum(MEMBER_STATUSES).meta({ description: "Only active members count towards the cooperative's member_count." }),
    created_at: z.iso.datetime().meta({ description: "When the record was created (ISO 8601, UTC)." }),
  })
  .meta({ id: "Member", title: "Member" });

export const loanSchema = z
  .strictObject({
    id: z.uuid(),
    cooperative_id: z.uuid(),
    member_id: z.uuid().nullable().meta({ description: "The borrowing member, or null for a loan to the cooperative itself." }),
    principal: int().min(1).meta({ description: "Amount lent, in whole Rwandan francs.", example: 500000 }),
    currency: z.literal("RWF"),
    interest_rate: z.number().min(0).max(100).meta({ description: "Annual interest rate in percent.", example: 12.5 }),
    term_months: int().min(1).max(360),
    status: z.enum(LOAN_STATUSES),
    purpose: z.string().nullable(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: "Loan", title: "Loan" });

export const paymentSchema = z
  .strictObject({
    id: z.uuid(),
    cooperative_id: z.uuid(),
    member_id: z.uuid().nullable(),
    loan_id: z.uuid().nullable().meta({ description: "The loan this payment repays, if any." }),
    amount: int().min(1).meta({ description: "Whole Rwandan francs.", example: 25000 }),
    currency: z.literal("RWF"),
    method: z.enum(PAYMENT_METHODS),
    reference: z.string().meta({ example: "MM-4F7K2Q" }),
    paid_at: z.iso.datetime(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: "Payment", title: "Payment" });

export type CooperativeJson = z.infer<typeof cooperativeSchema>;
export type MemberJson = z.infer<typeof memberSchema>;
export type LoanJson = z.infer<typeof loanSchema>;
export type PaymentJson = z.infer<typeof paymentSchema>;

/** DRF's PageNumberPagination envelope. */
export function paginatedSchema<T extends z.ZodType>(item: T, id: string) {
  return z
    .strictObject({
      count: int().min(0).meta({ description: "Total number of results across all pages.", example: 64 }),
      next: z.url().nullable().meta({ description: "URL of the next page, or null on the last page." }),
      previous: z.url().nullable().meta({ description: "URL of the previous page, or null on the first page." }),
      results: z.array(item),
    })
    .meta({ id, title: id });
}

export const errorSchema = z
  .strictObject({ detail: z.string().meta({ description: "What went wrong, in one sentence." }) })
  .meta({ id: "Error", title: "Error", description: 'Every error has this one shape: {"detail": "..."}' });

// ---------------------------------------------------------------------------------------
// Request bodies

export const COOPERATIVE_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{2,19}$/;

export const cooperativeInputSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(COOPERATIVE_CODE_PATTERN, "Use 3 to 20 upper-case letters, digits or hyphens, e.g. COOP001.")
      .meta({ description: "Unique registration code.", example: "COOP001" }),
    name: text(120).meta({ example: "Koperative y'Abahinzi Dufatanye" }),
    province: z.enum(PROVINCES),
    district: z
      .string()
      .trim()
      .refine((d) => DISTRICT_NAMES.includes(d), { message: "Not a district of Rwanda." })
      .meta({ description: "One of Rwanda's 30 districts, in the given province.", enum: [...DISTRICT_NAMES], example: "Gasabo" }),
    sector: text(60).meta({ example: "Kimironko" }),
    cell: text(60).meta({ example: "Bibare" }),
    activity: z.enum(ACTIVITIES),
    programme: nullableText(40, "Supporting programme, e.g. NAEB or RAB; omit or null when none."),
  })
  .superRefine((value, ctx) => {
    const province = provinceOfDistrict(value.district);
    if (province && province !== value.province) {
      ctx.addIssue({ code: "custom", path: ["district"], message: `${value.district} is in the ${province} province, not ${value.province}.` });
    }
  })
  .meta({ id: "CooperativeInput", title: "CooperativeInput" });

export const RWANDA_MOBILE_PATTERN = /^\+2507[2389]\d{7}$/;
const NATIONAL_ID_PATTERN = /^[123]\d{15}$/;

const memberBase = {
  cooperative_id: uuid("The cooperative the member belongs to."),
  first_name: text(60).meta({ example: "Claudine" }),
  last_name: text(60).meta({ example: "Uwimana" }),
  gender: z.enum(GENDERS),
  phone: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(RWANDA_MOBILE_PATTERN, "Use a Rwandan mobile number like +250788123456."))
    .meta({ description: "Rwandan mobile number, +2507XXXXXXXX.", example: "+250788123456" }),
  joined_at: z.iso
    .date()
    .refine((d) => d <= new Date().toISOString().slice(0, 10), { message: "Cannot be in the future." })
    .meta({ description: "YYYY-MM-DD, not in the future.", example: "2021-03-15" }),
  status: z.enum(MEMBER_STATUSES).default("active"),
};

const nationalId = z
  .string()
  .transform((v) => v.replace(/\s/g, ""))
  .pipe(z.string().regex(NATIONAL_ID_PATTERN, "Use the 16 digits of a Rwandan national ID (spaces allowed)."))
  .meta({
    description:
      "Write-only. The 16-digit national ID; the sandbox stores and returns it masked. Send fictional values only.",
    example: "1 1990 8 0012345 0 47",
  });

export const memberCreateSchema = z.object({ ...memberBase, national_id: nationalId }).meta({ id: "MemberInput", title: "MemberInput" });
/** PUT replaces every field; the national id may be left out to keep the stored (masked) one. */
export const memberUpdateSchema = z
  .object({ ...memberBase, national_id: nationalId.optional() })
  .meta({ id: "MemberUpdate", title: "MemberUpdate" });

export const loanInputSchema = z
  .object({
    cooperative_id: uuid("The lending cooperative."),
    member_id: uuid("The borrowing member (must belong to the cooperative); omit or null for a loan to the cooperative.").nullable().optional().transform((v) => v ?? null),
    principal: int().min(1).max(1_000_000_000).meta({ description: "Whole Rwandan francs.", example: 500000 }),
    interest_rate: z.number().min(0).max(100).meta({ description: "Annual rate in percent, e.g. 12.5.", example: 12.5 }),
    term_months: int().min(1).max(360).meta({ example: 12 }),
    status: z.enum(LOAN_STATUSES).default("requested"),
    purpose: nullableText(200, "What the loan is for."),
  })
  .meta({ id: "LoanInput", title: "LoanInput" });

export const paymentInputSchema = z
  .object({
    cooperative_id: uuid("The cooperative the payment is made to."),
    member_id: uuid("The paying member (must belong to the cooperative).").nullable().optional().transform((v) => v ?? null),
    loan_id: uuid("The loan being repaid (must belong to the cooperative).").nullable().optional().transform((v) => v ?? null),
    amount: int().min(1).max(1_000_000_000).meta({ description: "Whole Rwandan francs.", example: 25000 }),
    method: z.enum(PAYMENT_METHODS),
    reference: text(64, "Your reference for the payment, e.g. the mobile-money transaction id.").meta({ example: "MM-4F7K2Q" }),
    paid_at: dateTime("When the payment was made (ISO 8601 with Z or an offset)."),
  })
  .meta({ id: "PaymentInput", title: "PaymentInput" });

export type CooperativeInput = z.output<typeof cooperativeInputSchema>;
export type MemberCreateInput = z.output<typeof memberCreateSchema>;
export type MemberUpdateInput = z.output<typeof memberUpdateSchema>;
export type LoanInput = z.output<typeof loanInputSchema>;
export type PaymentInput = z.output<typeof paymentInputSchema>;

// ---------------------------------------------------------------------------------------
// List filters (query parameters). Values arrive as strings; lib/api's query parser turns
// integer-typed ones into numbers first, so these schemas describe the typed values and
// double as the OpenAPI parameter schemas.

export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;

export const paginationQuery = {
  page: int().min(1).max(1_000_000).default(1).meta({ description: "Page number, from 1." }),
  page_size: z
    .int()
    .min(1)
    .max(PAGE_SIZE_MAX)
    .default(PAGE_SIZE_DEFAULT)
    .meta({ description: `Results per page (default ${PAGE_SIZE_DEFAULT}, at most ${PAGE_SIZE_MAX}; more is a 400).` }),
};

const exact = (description: string) => z.string().trim().min(1).max(60).optional().meta({ description });

export const cooperativeListQuery = z.object({
  province: z.enum(PROVINCES).optional().meta({ description: "Exact province." }),
  district: exact("Exact district, e.g. Gasabo."),
  sector: exact("Exact sector, e.g. Kimironko."),
  activity: z.enum(ACTIVITIES).optional().meta({ description: "Exact activity." }),
  ...paginationQuery,
});

export const memberListQuery = z.object({
  cooperative: z.uuid().optional().meta({ description: "Only members of this cooperative (UUID)." }),
  gender: z.enum(GENDERS).optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
  ...paginationQuery,
});

export const cooperativeMemberListQuery = z.object({
  gender: z.enum(GENDERS).optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
  ...paginationQuery,
});

export const loanListQuery = z.object({
  cooperative: z.uuid().optional().meta({ description: "Only loans of this cooperative (UUID)." }),
  member: z.uuid().optional().meta({ description: "Only loans to this member (UUID)." }),
  status: z.enum(LOAN_STATUSES).optional(),
  ...paginationQuery,
});

export const paymentListQuery = z.object({
  cooperative: z.uuid().optional().meta({ description: "Only payments to this cooperative (UUID)." }),
  member: z.uuid().optional().meta({ description: "Only payments by this member (UUID)." }),
  loan: z.uuid().optional().meta({ description: "Only repayments of this loan (UUID)." }),
  method: z.enum(PAYMENT_METHODS).optional(),
  ...paginationQuery,
});

export type CooperativeListQuery = z.output<typeof cooperativeListQuery>;
export type MemberListQuery = z.output<typeof memberListQuery>;
export type CooperativeMemberListQuery = z.output<typeof cooperativeMemberListQuery>;
export type LoanListQuery = z.output<typeof loanListQuery>;
export type PaymentListQuery = z.output<typeof paymentListQuery>;
