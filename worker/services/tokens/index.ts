export { createToken } from './create-token';
export { listTokens } from './list-tokens';
export {
  type AcceptedToken,
  acceptToken,
  type ReadToken,
  type ResolvedToken,
  resolveToken,
} from './resolve-token';
export { revokeToken } from './revoke-token';
