import { describe, expect, it } from "vitest";
import { MAX_PAGE, PAGE_SIZE, pageRange, pageWindow, paged, parsePage } from "./index";

describe("parsePage", () => {
  it.each([
    [undefined, 1],
    [null, 1],
    ["", 1],
    ["  ", 1],
    ["1", 1],
    ["2", 2],
    [" 7 ", 7],
    [["3", "9"], 3],
    ["0", 1],
    ["-4", 1],
    ["2.5", 1],
    ["1e3", 1],
    ["abc", 1],
    ["0x10", 1],
    [String(MAX_PAGE), MAX_PAGE],
    [String(MAX_PAGE + 1), 1],
    ["99999999999999999999", 1],
  ] as const)("%j gives page %d", (input, expected) => {
    expect(parsePage(input as string | string[] | undefined | null)).toBe(expected);
  });
});

describe("pageWindow and paged", () => {
  it.each([
    [1, { skip: 0, take: PAGE_SIZE }],
    [2, { skip: PAGE_SIZE, take: PAGE_SIZE }],
    [0, { skip: 0, take: PAGE_SIZE }],
  ])("page %d reads %j", (page, window) => {
    expect(pageWindow(page)).toEqual(window);
  });

  it.each([
    [0, 1],
    [1, 1],
    [50, 1],
    [51, 2],
    [10_000, 200],
  ])("%d rows make %d pages of 50", (total, pageCount) => {
    expect(paged([], total, 1, 50).pageCount).toBe(pageCount);
  });
});

describe("pageRange", () => {
  it.each([
    [1, 50, 0, null],
    [1, 50, 10, { from: 1, to: 10 }],
    [2, 50, 10_000, { from: 51, to: 100 }],
    [200, 50, 10_000, { from: 9951, to: 10_000 }],
    [3, 50, 60, null],
  ])("page %d of size %d over %d rows", (page, size, total, range) => {
    expect(pageRange(page, size, total)).toEqual(range);
  });
});
