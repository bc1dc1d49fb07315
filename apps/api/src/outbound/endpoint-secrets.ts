import { Inject, Injectable } from '@nestjs/common';

import { SecretBox } from '../common/crypto/secret-box';
import { APP_CONFIG, type RuntimeConfig } from '../config/config.module';

export interface SealedSecrets {
  secretSealed: Buffer;
  previousSecretSealed: Buffer | null;
  previousExpiresAt: Date | null;
}

/**
 * Endpoints' `whsec_…` secrets, sealed with a key derived from the session secret (Fanfare signs
 * with them, so they must be readable; see SecretBox).
 */
@Injectable()
export class EndpointSecrets {
  private readonly box: SecretBox;

  constructor(@Inject(APP_CONFIG) config: RuntimeConfig) {
    this.box = new SecretBox(config.sessionSecret, 'outbound-webhooks');
  }

  seal(secret: string): Buffer {
    return this.box.seal(secret);
  }

  /**
   * The secrets to sign with now: the current one, and the previous one while its overlap lasts.
   * Null when the current one cannot be read (the session secret changed: rotate the endpoint's).
   */
  signing(endpoint: SealedSecrets, now: Date): string[] | null {
    const current = this.box.open(endpoint.secretSealed);
    if (current === null) return null;
    const previous =
      endpoint.previousSecretSealed && endpoint.previousExpiresAt && endpoint.previousExpiresAt > now
        ? this.box.open(endpoint.previousSecretSealed)
        : null;
    return previous === null ? [current] : [current, previous];
  }
}
