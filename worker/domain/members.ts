import * as z from 'zod';
import { SIDES, type Side } from './constants';
import { ConflictError } from './errors';
import { say, schemaText } from './i18n';

const MemberFields = {
  name: z.string().trim().min(1).max(200),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: schemaText('email') })),
  side: z.enum(SIDES),
  active: z.boolean(),
};

export const CreateMember = z.strictObject({ ...MemberFields, active: MemberFields.active.default(true) });
export type CreateMember = z.output<typeof CreateMember>;

export const UpdateMember = z
  .strictObject(MemberFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, {
    message: schemaText('changeSomething'),
  });
export type UpdateMember = z.output<typeof UpdateMember>;

export interface Member {
  id: string;
  name: string;
  email: string;
  side: Side;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Two members may not share an e-mail: it is how a person is recognised across tokens and signatures. */
export function emailTaken(email: string, memberId?: string): ConflictError {
  return new ConflictError(say('memberEmailTaken', { email }), memberId ? { memberId } : undefined);
}
