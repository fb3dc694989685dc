import { DomainError } from '../errors';
import { say } from '../i18n';

/**
 * Personal data cannot be sealed or opened: no master key is configured, or none of the
 * configured ones opens the workspace's keys. Fails closed (503, senders retry): nothing
 * personal is written in plain text and nothing is half-written.
 */
export class KeysUnavailableError extends DomainError {
  constructor(reason: 'missing' | 'wrong') {
    super('unavailable', say(reason === 'missing' ? 'encryptionKeyMissing' : 'encryptionKeyWrong'));
    this.name = 'KeysUnavailableError';
  }
}
