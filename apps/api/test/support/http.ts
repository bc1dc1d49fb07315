import { randomUUID } from 'node:crypto';

import { type ProblemDto } from '../../src/common/errors/problem.dto';

/** Problem details as the API answers them. */
export type Problem = ProblemDto;

export const PROBLEM = /^application\/problem\+json/;

/** A response body, typed as the DTO the route declares. */
export function bodyOf<T>(response: { body: unknown }): T {
  return response.body as T;
}

/** A short unique tag, for names and emails that must not collide between tests. */
export function tag(): string {
  return randomUUID().replace(/-/g, '').slice(0, 10);
}

export function uniqueEmail(label: string): string {
  return `${label}-${tag()}@example.com`;
}
