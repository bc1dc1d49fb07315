// A starting point for the simulator: event properties that would satisfy a rule's conditions, so
// "does my rule work?" is one click away. The user edits them freely.
import type { RuleDefinitionDto } from '@/lib/api/types';

export function exampleProperties(rule: RuleDefinitionDto): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const { property, op, value } of rule.conditions) {
    if (!property || property.includes('.')) {
      continue;
    }
    switch (op) {
      case 'contains':
        properties[property] = /tag/i.test(property) ? [value] : value;
        break;
      case 'in':
        properties[property] = Array.isArray(value) ? value[0] : value;
        break;
      case 'gt':
        properties[property] = typeof value === 'number' ? value + 1 : value;
        break;
      case 'lt':
        properties[property] = typeof value === 'number' ? value - 1 : value;
        break;
      case 'exists':
        properties[property] = true;
        break;
      case 'eq':
      case 'gte':
      case 'lte':
        properties[property] = value;
        break;
      case 'neq':
      case 'matches':
        break;
    }
  }
  if (rule.award.kind === 'per_unit' && rule.award.property && !(rule.award.property in properties)) {
    properties[rule.award.property] = 10;
  }
  return properties;
}
