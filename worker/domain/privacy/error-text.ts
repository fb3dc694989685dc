/**
 * An error's text fit to store (`intake_deliveries.error`, `notification_outbox.last_error`):
 * what failed, without the values it failed on. V8 quotes the input in some messages
 * (`JSON.parse`: `Unexpected token 'a', "anna@firma.pl" is not valid JSON`), and a stored
 * error is plain text no person key seals, so quoted text, e-mails and long digit runs go.
 */
export function errorTextWithoutValues(error: unknown, max = 500): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text
    .replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '…')
    .replace(/[^\s@"'`]+@[^\s@"'`]+/g, '…')
    .replace(/\+?\d[\d\s().-]{5,}\d/g, '…')
    .slice(0, max);
}
