import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';

import { resources } from '../i18n/resources';
import { errorMessage } from './error-message';
import { ApiError } from './problem';

const problem = (status: number, code: string, detail: string) => ({
  type: 'about:blank',
  title: 'Problem',
  status,
  detail,
  code,
});

describe('errorMessage', () => {
  let en: TFunction;
  let de: TFunction;

  beforeAll(async () => {
    const i18n = createInstance();
    await i18n.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
    en = i18n.getFixedT('en');
    de = i18n.getFixedT('de');
  });

  it('explains wrong credentials in the UI language', () => {
    const error = new ApiError(401, problem(401, 'invalid_credentials', 'Invalid email or password.'));
    expect(errorMessage(error, en)).toBe('The email address or password is wrong.');
    expect(errorMessage(error, de)).toBe('E-Mail-Adresse oder Passwort ist falsch.');
  });

  it('says how many minutes to wait after too many attempts', () => {
    const limited = (seconds: number | null) =>
      new ApiError(429, problem(429, 'too_many_attempts', 'Too many attempts'), seconds);
    expect(errorMessage(limited(840), en)).toBe('Too many sign-in attempts. Try again in 14 minutes.');
    expect(errorMessage(limited(30), en)).toBe('Too many sign-in attempts. Try again in 1 minute.');
    expect(errorMessage(limited(300), de)).toBe(
      'Zu viele Anmeldeversuche. Versuchen Sie es in 5 Minuten erneut.',
    );
    expect(errorMessage(limited(null), en)).toBe('Too many sign-in attempts. Please try again later.');
  });

  it('explains the last-owner rule', () => {
    const error = new ApiError(409, problem(409, 'last_owner', 'The brand would have no owner.'));
    expect(errorMessage(error, en)).toBe(
      'A brand needs at least one owner. Make someone else an owner first.',
    );
  });

  it('words the connector, webhook and import problems in the UI language', () => {
    const cases: Array<[number, string, string, string]> = [
      [
        400,
        'nothing_connected',
        'Add a Facebook Page or an Instagram account id to the connection first.',
        'Tragen Sie zuerst eine Facebook-Seiten-ID oder eine Instagram-Konto-ID in die Verbindung ein.',
      ],
      [
        503,
        'secret_unreadable',
        'The stored App Secret can no longer be read. Enter it again in the Meta connection.',
        'Das gespeicherte App-Secret kann nicht mehr gelesen werden. Geben Sie es in der Meta-Verbindung erneut ein.',
      ],
      [
        409,
        'too_many_endpoints',
        'A brand has at most 20 webhook endpoints. Delete one first.',
        'Eine Marke hat höchstens 20 Webhook-Endpunkte. Löschen Sie zuerst einen.',
      ],
      [
        409,
        'endpoint_disabled',
        'This endpoint is disabled. Enable it first.',
        'Dieser Endpunkt ist deaktiviert. Aktivieren Sie ihn zuerst.',
      ],
      [
        409,
        'already_linked',
        'This account is linked to this fan already.',
        'Dieses Konto ist bereits mit diesem Fan verknüpft.',
      ],
      [
        409,
        'last_identity',
        'A fan keeps at least one account; this is the only one.',
        'Ein Fan behält mindestens ein Konto; dies ist das einzige.',
      ],
      [
        409,
        'fan_erased',
        'This fan was erased; no accounts can be linked.',
        'Dieser Fan wurde gelöscht; es können keine Konten verknüpft werden.',
      ],
      [
        413,
        'import_too_large',
        'The file is larger than 512 MB. Split it into smaller files.',
        'Die Datei ist größer als 512 MB. Teilen Sie sie in kleinere Dateien auf.',
      ],
    ];
    for (const [status, code, english, german] of cases) {
      const error = new ApiError(status, problem(status, code, 'The server’s English detail.'));
      expect(errorMessage(error, en)).toBe(english);
      expect(errorMessage(error, de)).toBe(german);
    }
  });

  it("shows the server's detail for other problems", () => {
    const error = new ApiError(409, problem(409, 'slug_taken', 'The slug "shop" is already taken.'));
    expect(errorMessage(error, en)).toBe('The slug "shop" is already taken.');
  });

  it('never shows internals of a server failure or a non-problem answer', () => {
    expect(errorMessage(new ApiError(500, problem(500, 'internal', 'boom at line 3')), en)).toBe(
      'The server had a problem (HTTP 500). Please try again.',
    );
    expect(errorMessage(new ApiError(502, null), en)).toBe(
      'The server had a problem (HTTP 502). Please try again.',
    );
  });

  it('recognises an unreachable server', () => {
    expect(errorMessage(new TypeError('Failed to fetch'), en)).toBe(
      'The server cannot be reached. Check your connection and try again.',
    );
  });
});
