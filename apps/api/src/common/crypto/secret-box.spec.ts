import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox('a-server-secret-of-at-least-32-characters', 'widget-secrets');

  it('opens what it sealed, with a fresh nonce each time', () => {
    const first = box.seal('wsec_abc');
    const second = box.seal('wsec_abc');
    expect(first.equals(second)).toBe(false);
    expect(box.open(first)).toBe('wsec_abc');
    expect(box.open(second)).toBe('wsec_abc');
  });

  it('refuses boxes of another key, another purpose, or tampered bytes', () => {
    const sealed = box.seal('wsec_abc');
    expect(
      new SecretBox('another-server-secret-of-32-characters!', 'widget-secrets').open(sealed),
    ).toBeNull();
    expect(new SecretBox('a-server-secret-of-at-least-32-characters', 'connectors').open(sealed)).toBeNull();
    const tampered = Buffer.from(sealed);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 1) ^ 1, tampered.length - 1);
    expect(box.open(tampered)).toBeNull();
    expect(box.open(Buffer.from([2, 1, 2]))).toBeNull();
  });
});
