// The sandbox's sample data: clearly fictional cooperatives (codes SBX001...), their
// members, loans and payments, spread over Rwanda's five provinces and thirty districts.
//
// Deterministic: a seeded PRNG drives every choice, including ids and dates, so two
// installations serve the same sandbox and the docs can rely on its shape. Idempotent:
// nothing happens when any cooperative exists (npm start calls this on every start).
// Fast: rows are built in memory and written with createMany in chunks, in one
// transaction, so a crash or a concurrent start never leaves half a sandbox.
import type { Db, Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db";
import { ACTIVITIES, CELL_NAMES, DISTRICTS, PROVINCES, type Activity, type Province } from "./geography";
import { maskNationalId } from "./serialize";

export type SeedOptions = {
  /** How many cooperatives (default 64; the benchmark seeds 2,000). */
  cooperatives?: number;
  /** PRNG seed: the same seed gives the same data. */
  seed?: number;
};

export type SeedResult = { created: boolean; cooperatives: number; members: number };

const DEFAULT_COOPERATIVES = 64;
const CHUNK = 500;

// ---------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: small, fast, good enough for sample data (never for secrets). */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const chance = (p: number) => next() < p;
  /** A version-4 UUID from the PRNG, so ids are stable across installations. */
  const uuid = () => {
    const hex: string[] = [];
    for (let i = 0; i < 16; i++) hex.push(int(0, 255).toString(16).padStart(2, "0"));
    hex[6] = (4 * 16 + (parseInt(hex[6], 16) & 0x0f)).toString(16);
    hex[8] = ((parseInt(hex[8], 16) & 0x3f) | 0x80).toString(16);
    const h = hex.join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let roll = next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1][0];
  };
  return { next, int, pick, chance, uuid, weighted };
}
type Rng = ReturnType<typeof prng>;

// ---------------------------------------------------------------------------------------
// Vocabulary

/** What a cooperative of each activity is called, in Kinyarwanda. */
const ACTIVITY_NAMES: Record<Activity, readonly string[]> = {
  Agriculture: ["Koperative y'Abahinzi", "Koperative y'Abahinzi b'Ibigori", "Koperative y'Abahinzi b'Umuceri", "Koperative y'Abahinzi b'Ibirayi"],
  Coffee: ["Koperative y'Abahinzi ba Kawa"],
  Tea: ["Koperative y'Abahinzi b'Icyayi"],
  Horticulture: ["Koperative y'Abahinzi b'Imboga n'Imbuto"],
  Dairy: ["Koperative y'Aborozi b'Inka z'Amata"],
  Livestock: ["Koperative y'Aborozi", "Koperative y'Aborozi b'Ingurube", "Koperative y'Aborozi b'Ihene"],
  Fishing: ["Koperative y'Abarobyi"],
  Beekeeping: ["Koperative y'Abavumvu"],
  Handicrafts: ["Koperative y'Abanyabukorikori", "Koperative y'Ababoshyi b'Ibiseke"],
  "Savings and credit": ["Koperative yo Kuzigama no Kugurizanya"],
  Transport: ["Koperative y'Abamotari", "Koperative y'Abatwara Abagenzi"],
};

const MOTTOS = [
  "Abishyizehamwe", "Dufatanye", "Duterimbere", "Ejo Heza", "Ineza", "Jyambere", "Kundumurimo", "Terimbere",
  "Tuzamurane", "Twisungane", "Twitezimbere", "Ubumwe", "Umucyo", "Urumuri", "Icyerekezo", "Imbaraga",
] as const;

/** Districts by what their land and water favour, to make activities plausible. */
const FAVOURED: Partial<Record<Activity, readonly string[]>> = {
  Coffee: ["Huye", "Nyamasheke", "Rusizi", "Karongi", "Gakenke", "Nyamagabe", "Rutsiro", "Kamonyi"],
  Tea: ["Nyamagabe", "Nyaruguru", "Karongi", "Rutsiro", "Rubavu", "Nyamasheke", "Rulindo", "Gicumbi", "Nyabihu"],
  Fishing: ["Karongi", "Rubavu", "Rusizi", "Nyamasheke", "Rutsiro", "Bugesera", "Kirehe", "Kayonza"],
  Dairy: ["Nyagatare", "Gatsibo", "Nyabihu", "Kayonza", "Gicumbi"],
  Horticulture: ["Musanze", "Burera", "Rwamagana", "Bugesera", "Kamonyi"],
};

const PROGRAMME_OF: Partial<Record<Activity, readonly (readonly [string | null, number])[]>> = {
  Coffee: [["NAEB", 8], [null, 2]],
  Tea: [["NAEB", 9], [null, 1]],
  Horticulture: [["NAEB", 5], ["RAB", 2], [null, 3]],
  Agriculture: [["RAB", 6], [null, 4]],
  Dairy: [["RAB", 6], [null, 4]],
  Livestock: [["RAB", 5], [null, 5]],
  Beekeeping: [["RAB", 3], [null, 7]],
};

const FEMALE_FIRST = ["Claudine", "Marie", "Josiane", "Esperance", "Alice", "Chantal", "Immaculée", "Vestine", "Jeanne", "Grace", "Solange", "Annonciata", "Diane", "Olive", "Beatrice", "Agnès", "Clarisse", "Divine", "Aline", "Consolée"] as const;
const MALE_FIRST = ["Jean", "Emmanuel", "Eric", "Théogène", "Innocent", "Jean Claude", "Patrick", "Joseph", "Fidèle", "Pascal", "Olivier", "Jean Bosco", "Didier", "Samuel", "Faustin", "Aimable", "Damascène", "Vincent", "Gilbert", "Célestin"] as const;
const FAMILY = [
  "Uwimana", "Mukamana", "Habimana", "Niyonzima", "Nsengiyumva", "Hakizimana", "Bizimana", "Ndayisaba", "Mugisha", "Nshimiyimana",
  "Tuyisenge", "Iradukunda", "Uwase", "Mukandayisenga", "Nyirahabimana", "Ingabire", "Niyonsaba", "Munyaneza", "Kayitesi", "Uwera",
  "Mutesi", "Umutoni", "Mukeshimana", "Nkurunziza", "Twagirayezu", "Ntawukuriryayo", "Harerimana", "Uwamahoro", "Byiringiro", "Manirafasha",
] as const;

const LOAN_PURPOSES: Record<Activity, readonly string[]> = {
  Agriculture: ["Seeds and fertiliser for season A", "Irrigation pump", "Storage silo"],
  Coffee: ["Washing station repairs", "Coffee seedlings", "Drying tables"],
  Tea: ["Tea seedlings", "Plucking season labour", "Transport to the factory"],
  Horticulture: ["Greenhouse", "Drip irrigation", "Cold room"],
  Dairy: ["Milk collection centre cooler", "Improved heifers", "Animal feed"],
  Livestock: ["Animal purchase", "Veterinary care", "Feed store"],
  Fishing: ["Boat repairs", "Nets", "Outboard engine"],
  Beekeeping: ["Modern hives", "Honey processing equipment", "Protective gear"],
  Handicrafts: ["Raw materials", "Market stall", "Sewing machines"],
  "Savings and credit": ["Working capital", "School fees", "Small business stock"],
  Transport: ["Motorcycle purchase", "Vehicle repairs", "Insurance"],
};

// Everything happens between these dates, so the data never depends on when it is seeded.
const START = Date.UTC(2019, 0, 7);
const END = Date.UTC(2025, 5, 30);
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------
// Generation

type CoopRow = { id: string; code: string; name: string; province: string; district: string; sector: string; cell: string; activity: string; programme: string | null; memberCount: number; createdAt: Date; updatedAt: Date };
type MemberRow = { id: string; cooperativeId: string; firstName: string; lastName: string; gender: string; phone: string; nationalIdMasked: string; joinedAt: Date; status: string; createdAt: Date; updatedAt: Date };
type LoanRow = { id: string; cooperativeId: string; memberId: string | null; principal: number; interestRate: number; termMonths: number; status: string; purpose: string | null; createdAt: Date };
type PaymentRow = { id: string; cooperativeId: string; memberId: string | null; loanId: string | null; amount: number; method: string; reference: string; paidAt: Date; createdAt: Date };

const DISTRICT_LIST: readonly (readonly [Province, string])[] = PROVINCES.flatMap((p) => Object.keys(DISTRICTS[p]).map((d) => [p, d] as const));

function chooseActivity(rng: Rng, district: string): Activity {
  const favoured = (Object.keys(FAVOURED) as Activity[]).filter((a) => FAVOURED[a]!.includes(district));
  if (favoured.length > 0 && rng.chance(0.55)) return rng.pick(favoured);
  // Fishing and tea only where there is a lake or tea land.
  const general = ACTIVITIES.filter((a) => a !== "Fishing" && a !== "Tea");
  return rng.weighted(general.map((a) => [a, a === "Agriculture" ? 4 : a === "Savings and credit" ? 2 : 1] as const));
}

function reference(rng: Rng, method: string): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  let body = "";
  for (let i = 0; i < 8; i++) body += alphabet[rng.int(0, alphabet.length - 1)];
  return `${method === "mobile_money" ? "MM" : method === "bank_transfer" ? "BK" : "CS"}-${body}`;
}

export function generateSandbox(options: SeedOptions = {}) {
  const count = options.cooperatives ?? DEFAULT_COOPERATIVES;
  const rng = prng(options.seed ?? 20_250_101);
  const cooperatives: CoopRow[] = [];
  const members: MemberRow[] = [];
  const loans: LoanRow[] = [];
  const payments: PaymentRow[] = [];
  const codeWidth = Math.max(3, String(count).length);

  for (let i = 0; i < count; i++) {
    // Walk the thirty districts in turn so every district and province is represented.
    const [province, district] = DISTRICT_LIST[i % DISTRICT_LIST.length];
    const sector = rng.pick(DISTRICTS[province][district]);
    const activity = chooseActivity(rng, district);
    const programmes = PROGRAMME_OF[activity];
    const createdAt = new Date(START + Math.floor(((END - START) * i) / Math.max(count, 1)) + rng.int(0, 6) * DAY + rng.int(0, 86_399) * 1000);
    const coop: CoopRow = {
      id: rng.uuid(),
      code: `SBX${String(i + 1).padStart(codeWidth, "0")}`,
      name: `${rng.pick(ACTIVITY_NAMES[activity])} ${rng.pick(MOTTOS)} ${sector}`,
      province,
      district,
      sector,
      cell: rng.pick(CELL_NAMES),
      activity,
      programme: programmes ? rng.weighted(programmes) : null,
      memberCount: 0,
      createdAt,
      updatedAt: createdAt,
    };

    const memberIds: string[] = [];
    const size = rng.int(5, 40);
    for (let m = 0; m < size; m++) {
      const gender = rng.chance(0.52) ? "female" : "male";
      const birthYear = rng.int(1955, 2006);
      const digits = `1${birthYear}${gender === "female" ? 7 : 8}${String(rng.int(0, 9_999_999)).padStart(7, "0")}${rng.int(0, 9)}${String(rng.int(0, 99)).padStart(2, "0")}`;
      const joinedAt = new Date(Date.UTC(rng.int(2010, 2024), rng.int(0, 11), rng.int(1, 28)));
      const status = rng.chance(0.88) ? "active" : "inactive";
      if (status === "active") coop.memberCount++;
      const id = rng.uuid();
      memberIds.push(id);
      members.push({
        id,
        cooperativeId: coop.id,
        firstName: rng.pick(gender === "female" ? FEMALE_FIRST : MALE_FIRST),
        lastName: rng.pick(FAMILY),
        gender,
        phone: `+2507${rng.pick(["8", "9", "2", "3"])}${String(rng.int(0, 9_999_999)).padStart(7, "0")}`,
        nationalIdMasked: maskNationalId(digits),
        joinedAt,
        status,
        createdAt: new Date(createdAt.getTime() + (m + 1) * 60_000),
        updatedAt: new Date(createdAt.getTime() + (m + 1) * 60_000),
      });
    }

    const lends = activity === "Savings and credit" || rng.chance(0.35);
    const loanCount = lends ? rng.int(1, 6) : 0;
    for (let l = 0; l < loanCount; l++) {
      const loanCreated = new Date(createdAt.getTime() + rng.int(30, 400) * DAY);
      const principal = rng.int(5, 500) * 10_000;
      const interestRate = rng.int(18, 36) / 2;
      const termMonths = rng.pick([6, 12, 18, 24, 36]);
      const status = rng.weighted([["requested", 1], ["approved", 1], ["disbursed", 4], ["repaid", 3], ["defaulted", 0.5]] as const);
      const loan: LoanRow = {
        id: rng.uuid(),
        cooperativeId: coop.id,
        memberId: rng.chance(0.85) ? rng.pick(memberIds) : null,
        principal,
        interestRate,
        termMonths,
        status,
        purpose: rng.pick(LOAN_PURPOSES[activity]),
        createdAt: loanCreated,
      };
      loans.push(loan);
      if (status === "disbursed" || status === "repaid" || status === "defaulted") {
        const instalment = Math.round((principal * (1 + (interestRate / 100) * (termMonths / 12))) / termMonths / 100) * 100;
        const paid = status === "repaid" ? Math.min(termMonths, 6) : rng.int(1, Math.min(termMonths, 5));
        for (let p = 0; p < paid; p++) {
          const method = rng.weighted([["mobile_money", 6], ["bank_transfer", 2.5], ["cash", 1.5]] as const);
          const paidAt = new Date(loanCreated.getTime() + (p + 1) * 30 * DAY + rng.int(0, 72) * 3_600_000);
          payments.push({ id: rng.uuid(), cooperativeId: coop.id, memberId: loan.memberId, loanId: loan.id, amount: instalment, method, reference: reference(rng, method), paidAt, createdAt: paidAt });
        }
      }
    }
    // Membership fees: payments with no loan.
    if (rng.chance(0.3)) {
      for (let f = 0, n = rng.int(1, 4); f < n; f++) {
        const method = rng.weighted([["mobile_money", 7], ["cash", 3]] as const);
        const paidAt = new Date(createdAt.getTime() + rng.int(5, 300) * DAY);
        payments.push({ id: rng.uuid(), cooperativeId: coop.id, memberId: rng.pick(memberIds), loanId: null, amount: rng.pick([2000, 5000, 10000]), method, reference: reference(rng, method), paidAt, createdAt: paidAt });
      }
    }
    cooperatives.push(coop);
  }
  return { cooperatives, members, loans, payments };
}

async function insertChunked<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/**
 * Seeds the sandbox when it is empty. Returns created:false (and the existing counts)
 * when any cooperative exists, including when another process seeded it concurrently.
 */
export async function seedSandbox(db: Db, options: SeedOptions = {}): Promise<SeedResult> {
  const existing = await db.cooperative.count();
  if (existing > 0) return { created: false, cooperatives: existing, members: await db.member.count() };

  const data = generateSandbox(options);
  try {
    await db.$transaction(
      async (tx: Tx) => {
        await insertChunked(data.cooperatives, (chunk) => tx.cooperative.createMany({ data: chunk }));
        await insertChunked(data.members, (chunk) => tx.member.createMany({ data: chunk }));
        await insertChunked(data.loans, (chunk) => tx.loan.createMany({ data: chunk }));
        await insertChunked(data.payments, (chunk) => tx.payment.createMany({ data: chunk }));
      },
      // Thousands of rows: far beyond the 5 s default of an interactive transaction.
      { timeout: 300_000, maxWait: 30_000 },
    );
  } catch (error) {
    // Another process seeded first (same deterministic codes): its data stands.
    if (isUniqueViolation(error)) {
      return { created: false, cooperatives: await db.cooperative.count(), members: await db.member.count() };
    }
    throw error;
  }
  return { created: true, cooperatives: data.cooperatives.length, members: data.members.length };
}
