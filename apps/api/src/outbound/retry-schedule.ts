/** Each wait is the schedule's ±20 %, so endpoints that failed together do not retry together. */
export const RETRY_JITTER = 0.2;

/**
 * The wait before the next attempt after `attemptsMade` attempts that failed, or null when the
 * schedule is used up and the delivery fails. `random` is in [0, 1).
 */
export function retryDelayMs(
  schedule: readonly number[],
  attemptsMade: number,
  random: number = Math.random(),
): number | null {
  const base = schedule[attemptsMade - 1];
  if (base === undefined) return null;
  return Math.max(1, Math.round(base * (1 - RETRY_JITTER + 2 * RETRY_JITTER * random)));
}
