// The sandbox's writes, through Prisma, each in one transaction so nothing is ever
// half-written. Cooperative.memberCount (active members) is kept in step in the same
// transaction as the member change that moves it.
//
// Each transaction that must read before it writes opens with a write to the row it is
// about to change. That takes SQLite's write lock (or PostgreSQL's row lock) first, so a
// concurrent change of the same member waits instead of both reading the old status and
// both adjusting the count.
import { db, isUniqueViolation, type Tx } from "@/lib/db";
import { ServiceError } from "@/lib/errors";
import type { CooperativeInput, LoanInput, MemberCreateInput, MemberUpdateInput, PaymentInput } from "./schemas";
import { cooperativeJson, loanJson, maskNationalId, memberJson, paymentJson } from "./serialize";
import type { CooperativeJson, LoanJson, MemberJson, PaymentJson } from "./schemas";

const fieldError = (field: string, message: string) => new ServiceError("invalid", message, { [field]: message });
const notFound = () => new ServiceError("not_found", "Not found.");

const DUPLICATE_CODE = "A cooperative with this code already exists.";

function cooperativeData(input: CooperativeInput) {
  return {
    code: input.code,
    name: input.name,
    province: input.province,
    district: input.district,
    sector: input.sector,
    cell: input.cell,
    activity: input.activity,
    programme: input.programme,
  };
}

export async function createCooperative(input: CooperativeInput): Promise<CooperativeJson> {
  try {
    return cooperativeJson(await db.cooperative.create({ data: cooperativeData(input) }));
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError("code", DUPLICATE_CODE);
    throw error;
  }
}

/** PUT: replaces every writable field. member_count is derived and never written by clients. */
export async function updateCooperative(id: string, input: CooperativeInput): Promise<CooperativeJson> {
  try {
    const updated = await db.cooperative.updateMany({ where: { id }, data: cooperativeData(input) });
    if (updated.count === 0) throw notFound();
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError("code", DUPLICATE_CODE);
    throw error;
  }
  return cooperativeJson(await db.cooperative.findUniqueOrThrow({ where: { id } }));
}

const activeDelta = (status: string) => (status === "active" ? 1 : 0);

async function adjustMemberCount(tx: Tx, cooperativeId: string, delta: number): Promise<number> {
  const result = await tx.cooperative.updateMany({ where: { id: cooperativeId }, data: { memberCount: { increment: delta } } });
  return result.count;
}

export async function createMember(input: MemberCreateInput): Promise<MemberJson> {
  return db.$transaction(async (tx) => {
    // The count update doubles as the existence check and takes the lock first.
    const found = await adjustMemberCount(tx, input.cooperative_id, activeDelta(input.status));
    if (found === 0) throw fieldError("cooperative_id", "No cooperative has this id.");
    const member = await tx.member.create({
      data: {
        cooperativeId: input.cooperative_id,
        firstName: input.first_name,
        lastName: input.last_name,
        gender: input.gender,
        phone: input.phone,
        nationalIdMasked: maskNationalId(input.national_id),
        joinedAt: new Date(`${input.joined_at}T00:00:00.000Z`),
        status: input.status,
      },
    });
    return memberJson(member);
  });
}

export async function updateMember(id: string, input: MemberUpdateInput): Promise<MemberJson> {
  return db.$transaction(async (tx) => {
    // Lock the member row before reading it (see the file comment).
    const locked = await tx.member.updateMany({ where: { id }, data: { updatedAt: new Date() } });
    if (locked.count === 0) throw notFound();
    const before = await tx.member.findUniqueOrThrow({ where: { id }, select: { cooperativeId: true, status: true } });

    if (before.cooperativeId !== input.cooperative_id) {
      // Both cooperatives are locked in id order, so two members moving in opposite
      // directions at once cannot deadlock on PostgreSQL.
      const changes: [string, number][] = [
        [input.cooperative_id, activeDelta(input.status)],
        [before.cooperativeId, -activeDelta(before.status)],
      ];
      for (const [cooperativeId, delta] of changes.sort((a, b) => a[0].localeCompare(b[0]))) {
        const found = await adjustMemberCount(tx, cooperativeId, delta);
        if (found === 0 && cooperativeId === input.cooperative_id) throw fieldError("cooperative_id", "No cooperative has this id.");
      }
    } else {
      const delta = activeDelta(input.status) - activeDelta(before.status);
      if (delta !== 0) await adjustMemberCount(tx, before.cooperativeId, delta);
    }
    const member = await tx.member.update({
      where: { id },
      data: {
        cooperativeId: input.cooperative_id,
        firstName: input.first_name,
        lastName: input.last_name,
        gender: input.gender,
        phone: input.phone,
        joinedAt: new Date(`${input.joined_at}T00:00:00.000Z`),
        status: input.status,
        ...(input.national_id ? { nationalIdMasked: maskNationalId(input.national_id) } : {}),
      },
    });
    return memberJson(member);
  });
}

/** The member must exist and belong to the cooperative. */
async function checkMember(tx: Tx, memberId: string, cooperativeId: string): Promise<void> {
  const member = await tx.member.findUnique({ where: { id: memberId }, select: { cooperativeId: true } });
  if (!member) throw fieldError("member_id", "No member has this id.");
  if (member.cooperativeId !== cooperativeId) throw fieldError("member_id", "This member does not belong to the cooperative.");
}

async function checkCooperative(tx: Tx, cooperativeId: string): Promise<void> {
  const cooperative = await tx.cooperative.findUnique({ where: { id: cooperativeId }, select: { id: true } });
  if (!cooperative) throw fieldError("cooperative_id", "No cooperative has this id.");
}

export async function createLoan(input: LoanInput): Promise<LoanJson> {
  return db.$transaction(async (tx) => {
    await checkCooperative(tx, input.cooperative_id);
    if (input.member_id) await checkMember(tx, input.member_id, input.cooperative_id);
    const loan = await tx.loan.create({
      data: {
        cooperativeId: input.cooperative_id,
        memberId: input.member_id,
        principal: input.principal,
        interestRate: input.interest_rate,
        termMonths: input.term_months,
        status: input.status,
        purpose: input.purpose,
      },
    });
    return loanJson(loan);
  });
}

export async function createPayment(input: PaymentInput): Promise<PaymentJson> {
  return db.$transaction(async (tx) => {
    await checkCooperative(tx, input.cooperative_id);
    if (input.member_id) await checkMember(tx, input.member_id, input.cooperative_id);
    if (input.loan_id) {
      const loan = await tx.loan.findUnique({ where: { id: input.loan_id }, select: { cooperativeId: true, memberId: true } });
      if (!loan) throw fieldError("loan_id", "No loan has this id.");
      if (loan.cooperativeId !== input.cooperative_id) throw fieldError("loan_id", "This loan does not belong to the cooperative.");
      if (input.member_id && loan.memberId && loan.memberId !== input.member_id) {
        throw fieldError("member_id", "The loan was made to another member.");
      }
    }
    const payment = await tx.payment.create({
      data: {
        cooperativeId: input.cooperative_id,
        memberId: input.member_id,
        loanId: input.loan_id,
        amount: input.amount,
        method: input.method,
        reference: input.reference,
        paidAt: new Date(input.paid_at),
      },
    });
    return paymentJson(payment);
  });
}
