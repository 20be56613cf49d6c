import { describe, expect, it } from "vitest";
import { Batcher } from "./batcher";

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("Batcher", () => {
  it("sends what one event-loop turn asked for as one batch, and what arrives while it is at the server as the next", async () => {
    const sent: number[][] = [];
    const answers: (() => void)[] = [];
    const batcher = new Batcher<number>((batch) => {
      sent.push(batch);
      return new Promise<void>((resolve) => answers.push(resolve));
    });
    batcher.add(1);
    batcher.add(2);
    await turn();
    expect(sent).toEqual([[1, 2]]);
    batcher.add(3);
    await turn();
    batcher.add(4);
    await turn();
    // The first batch is still at the server: 3 and 4 wait for it.
    expect(sent).toEqual([[1, 2]]);
    answers[0]();
    await turn();
    await turn();
    expect(sent).toEqual([[1, 2], [3, 4]]);
    answers[1]();
    await turn();
    await turn();
    expect(sent).toHaveLength(2);
  });

  it("lets as many batches be at the server at once as it is told", async () => {
    const sent: number[][] = [];
    const batcher = new Batcher<number>((batch) => {
      sent.push(batch);
      return new Promise<void>(() => {});
    }, 2);
    batcher.add(1);
    await turn();
    batcher.add(2);
    await turn();
    batcher.add(3);
    await turn();
    expect(sent).toEqual([[1], [2]]);
  });
});
