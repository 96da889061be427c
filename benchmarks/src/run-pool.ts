/** Runs `task` over `items` with at most `concurrency` in flight; resolves when all are done. */
export async function pool<TItem>(items: readonly TItem[], concurrency: number, task: (item: TItem, index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
