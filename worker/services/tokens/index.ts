export { createToken } from './create-token';
export { listTokens } from './list-tokens';
export { type ResolvedToken, refreshLastUsed, resolveToken } from './resolve-token';
export { revokeToken } from './revoke-token';
