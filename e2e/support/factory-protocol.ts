// The line protocol between e2e/support/factory.ts and `factory-cli.ts --serve`: one JSON
// request per stdin line, one answer per stdout line that starts with this mark (anything
// else the services print is not an answer).
export const ANSWER_MARK = "\u0000factory ";

export type FactoryRequest = { id: number; command: string; args: Record<string, unknown> };
export type FactoryAnswer = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
