import { describe, expect, it } from 'vitest';

import {
  actionKeyOf,
  actorTypeKeyOf,
  changeLinesOf,
  fieldKeyOf,
  formatChangeValue,
  shortId,
  targetTypeKeyOf,
  valueKeyOf,
} from './describe-audit-entry';

describe('audit entry descriptions', () => {
  it('translates known fields and enumerated values, and leaves free text alone', () => {
    expect(fieldKeyOf('timeZone')).toBe('timeZone');
    expect(fieldKeyOf('somethingNew')).toBeNull();
    expect(valueKeyOf('role', 'manager')).toBe('roles.manager');
    expect(valueKeyOf('status', 'revoked')).toBe('apiKeys.status.revoked');
    expect(valueKeyOf('locale', 'de')).toBe('locales.de');
    expect(valueKeyOf('name', 'owner')).toBeNull();
    expect(valueKeyOf('role', 'superuser')).toBeNull();
    const lines = changeLinesOf({ role: { from: 'analyst', to: 'owner' } }, 'empty', (field, value) =>
      valueKeyOf(field, value) === 'roles.owner' ? 'Inhaber' : null,
    );
    expect(lines).toEqual([{ field: 'role', kind: 'changed', from: 'analyst', to: 'Inhaber' }]);
  });

  it('maps every contract action to a translation key', () => {
    expect(actionKeyOf('api_key.created')).toBe('apiKeyCreated');
    expect(actionKeyOf('api_key.revoked')).toBe('apiKeyRevoked');
    expect(actionKeyOf('member.role_changed')).toBe('memberRoleChanged');
    expect(actionKeyOf('brand.updated')).toBe('brandUpdated');
  });

  it('leaves unknown actions and target types to be shown raw', () => {
    expect(actionKeyOf('campaign.created')).toBeNull();
    expect(targetTypeKeyOf('campaign')).toBeNull();
    expect(targetTypeKeyOf('api_key')).toBe('apiKey');
    expect(actorTypeKeyOf('api_key')).toBe('apiKey');
  });

  it('formats changed values readably', () => {
    expect(formatChangeValue(null, 'empty')).toBe('empty');
    expect(formatChangeValue('', 'empty')).toBe('empty');
    expect(formatChangeValue(['events:write', 'fans:read'], 'empty')).toBe('events:write, fans:read');
    expect(formatChangeValue(30, 'empty')).toBe('30');
    expect(formatChangeValue(false, 'empty')).toBe('false');
    expect(formatChangeValue({ a: 1 }, 'empty')).toBe('{"a":1}');
  });

  it('tells set, changed and removed fields apart, in field order', () => {
    const lines = changeLinesOf(
      {
        timeZone: { from: 'Europe/Berlin', to: 'Europe/Vienna' },
        name: { to: 'Shop' },
        slug: { from: 'old' },
      },
      'empty',
    );
    expect(lines).toEqual([
      { field: 'name', kind: 'set', from: 'empty', to: 'Shop' },
      { field: 'slug', kind: 'removed', from: 'old', to: 'empty' },
      { field: 'timeZone', kind: 'changed', from: 'Europe/Berlin', to: 'Europe/Vienna' },
    ]);
  });

  it('shortens long ids only', () => {
    expect(shortId('0190f3a2-7c1e-7b3a-9a55-2f4d1c0e8b77')).toBe('0190f3a2…8b77');
    expect(shortId('abc')).toBe('abc');
  });
});
