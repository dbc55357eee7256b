/**
 * Every check, in one table. The order here is the order of CHECKS.md and of findings that share a
 * position. Adding a check means adding it to one of these lists; its id must be new and stable.
 */
import { BODY_CHECKS } from './checks/body';
import { HEADER_CHECKS } from './checks/headers';
import { PARSING_CHECKS } from './checks/parsing';
import { REQUIRED_CHECKS } from './checks/required';
import { START_LINE_CHECKS } from './checks/startLine';
import { TRACE_CHECKS } from './checks/trace';
import { VALUE_CHECKS } from './checks/values';
import type { Check } from './types';

export const CHECKS: readonly Check[] = [...PARSING_CHECKS, ...START_LINE_CHECKS, ...HEADER_CHECKS, ...BODY_CHECKS, ...VALUE_CHECKS, ...REQUIRED_CHECKS, ...TRACE_CHECKS];

export function checkById(id: string): Check | undefined {
  return CHECKS.find((check) => check.id === id);
}
