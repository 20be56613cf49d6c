import { describe, expect, it } from "vitest";
import { cooperativeJson, maskNationalId, memberJson } from "./serialize";

const coop = { id: "c", code: "SBX001", name: "n", province: "Northern", district: "Musanze", sector: "Kinigi", cell: "Bibare", activity: "Tea", programme: null, memberCount: 3 };

describe("dates", () => {
  it.each([
    ["2025-01-31T09:30:00.000+00:00", "2025-01-31T09:30:00.000Z"],
    [new Date("2025-01-31T09:30:00.000Z"), "2025-01-31T09:30:00.000Z"],
    [Date.UTC(2025, 0, 31, 9, 30), "2025-01-31T09:30:00.000Z"],
    ["2025-01-31T11:30:00.000+02:00", "2025-01-31T09:30:00.000Z"],
  ])("%o -> %s", (createdAt, expected) => {
    expect(cooperativeJson({ ...coop, createdAt }).created_at).toBe(expected);
  });

  it("joined_at is the UTC day", () => {
    const member = { id: "m", cooperativeId: "c", firstName: "a", lastName: "b", gender: "male", phone: "+250788000000", nationalIdMasked: "x", status: "active", createdAt: new Date() };
    expect(memberJson({ ...member, joinedAt: "2021-03-15T00:00:00.000+00:00" }).joined_at).toBe("2021-03-15");
    expect(memberJson({ ...member, joinedAt: new Date("2021-03-15T00:00:00Z") }).joined_at).toBe("2021-03-15");
  });
});

describe("maskNationalId", () => {
  it.each([
    ["1199070012345047", "1 19XX X XXXXXXX X 47"],
    ["1 2001 8 0012345 0 12", "1 20XX X XXXXXXX X 12"],
  ])("%s -> %s", (input, masked) => {
    expect(maskNationalId(input)).toBe(masked);
  });
  it("refuses anything but 16 digits", () => {
    expect(() => maskNationalId("123")).toThrow();
  });
});
