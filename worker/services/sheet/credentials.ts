import { ServiceAccountKey } from '../../domain/live-sheet';
import type { Env } from '../../env';
import { type SecretBox, secretBoxOf } from '../../secrets/secret-box';

/** The deployment's own service account (Worker secret `GOOGLE_SERVICE_ACCOUNT_JSON`), or null when unset or unreadable. */
export function deploymentKey(env: Env): ServiceAccountKey | null {
  if (!env.GOOGLE_SERVICE_ACCOUNT_JSON) return null;
  try {
    const parsed = ServiceAccountKey.safeParse(JSON.parse(env.GOOGLE_SERVICE_ACCOUNT_JSON));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function secretBox(env: Env): Promise<SecretBox | null> {
  return secretBoxOf(env);
}

/** The ciphertext's additional data: a sealed key opens only for its own workspace. */
export function credentialContext(workspaceId: string): string {
  return `sheet-credential:${workspaceId}`;
}

/**
 * The key a connection writes with: the team's own (decrypted, and re-sealed
 * when it was sealed with the previous encryption key) or the deployment's.
 */
export async function keyOfConnection(
  env: Env,
  workspaceId: string,
  credential: string | null,
): Promise<{ key: ServiceAccountKey; resealed?: string } | null> {
  if (credential === null) {
    const key = deploymentKey(env);
    return key ? { key } : null;
  }
  const box = await secretBox(env);
  if (!box) return null;
  const plain = await box.open(credential, credentialContext(workspaceId));
  if (plain === null) return null;
  const parsed = ServiceAccountKey.safeParse(JSON.parse(plain));
  if (!parsed.success) return null;
  const resealed =
    box.keyIdOf(credential) === box.currentKeyId
      ? undefined
      : await box.seal(plain, credentialContext(workspaceId));
  return { key: parsed.data, resealed };
}
