export { createMember } from './create-member';
export { getMember } from './get-member';
export { listMembers } from './list-members';
export { updateMember } from './update-member';
