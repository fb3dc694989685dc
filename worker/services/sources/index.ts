export { createSource } from './create-source';
export { getSource } from './get-source';
export { listSources } from './list-sources';
export { updateSource } from './update-source';
