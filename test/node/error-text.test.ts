import { describe, expect, it } from 'vitest';
import { errorTextWithoutValues } from '../../worker/domain/privacy';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

describe('errorTextWithoutValues', () => {
  it('should keep what failed and drop the values V8 quotes from the input', () => {
    const error = thrown(() => JSON.parse('anna.kowalska@firma.pl +48 600 200 300'));
    // The raw message does quote the body: that is why stored errors go through this.
    expect(String(error)).toContain('anna.kowal');
    const text = errorTextWithoutValues(error);
    expect(text.startsWith('SyntaxError: ')).toBe(true);
    for (const marker of ['anna', 'kowal']) expect(text).not.toContain(marker);
  });

  it('should drop unquoted e-mails and phone numbers, keep status words, and cut at the limit', () => {
    const text = errorTextWithoutValues(new Error('send to jan@x.pl failed for +48 600-200-300: HTTP 502'));
    expect(text).toBe('Error: send to … failed for …: HTTP 502');
    expect(errorTextWithoutValues('x'.repeat(900))).toHaveLength(500);
  });
});
