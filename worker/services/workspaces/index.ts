export { createWorkspace } from './create-workspace';
export { getWorkspace } from './get-workspace';
