import { Field, ID, InputType } from 'type-graphql';
import { Role } from '../../auth/roles';

@InputType({ description: 'Which accounts: every condition given must hold.' })
export class AccountFilter {
  @Field(() => Role, { nullable: true, description: 'Of this role.' })
  role?: Role | null;

  @Field(() => String, {
    nullable: true,
    description: 'A part of the username (in any case or width) or of the display name (e.g. 王), up to 100 characters.',
  })
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only disabled accounts; false: only those that may sign in; omitted: both.' })
  isDisabled?: boolean | null;
}

@InputType({
  description:
    'A new account for a person. The password given is for its holder to change at the first sign-in: until then, a ' +
    'session of the account may do nothing else (POST /auth/password).',
})
export class CreateAccountInput {
  @Field({ description: 'What the person will sign in with: 2 to 32 letters, digits, ".", "_" or "-", starting with a letter or digit; kept in lower case.' })
  username!: string;

  @Field({ description: 'The person’s name as shown (e.g. 王伟), up to 100 characters.' })
  displayName!: string;

  @Field(() => Role, {
    description:
      'What the account signs in as: an administrator creates BANK_OFFICER, ENTERPRISE_REP, HANDLING_UNIT and CPPCC_OFFICE ' +
      'accounts, the CPPCC office CPPCC_MEMBER ones (ZONE_ADMIN accounts only with `npm run user` on the server).',
  })
  role!: Role;

  @Field(() => ID, {
    nullable: true,
    description:
      'The global id of what the account acts for: a Bank for a BANK_OFFICER, an Enterprise for an ENTERPRISE_REP, a ' +
      'CppccMember for a CPPCC_MEMBER, a HandlingUnit for a HANDLING_UNIT; omitted for a CPPCC_OFFICE (or ZONE_ADMIN), ' +
      'which acts for none.',
  })
  organizationId?: string | null;

  @Field({ description: 'The first password: 10 to 128 characters, not the username. Its holder changes it at the first sign-in.' })
  password!: string;
}

@InputType({ description: 'Disables an account: it can no longer sign in, and its sessions end at once.' })
export class DisableAccountInput {
  @Field(() => ID, { description: 'The global id of the account (not your own).' })
  accountId!: string;

  @Field({ description: 'Why (e.g. 调离岗位), up to 500 characters: kept with the account and on the audit trail.' })
  reason!: string;
}

@InputType({ description: 'Enables a disabled account: it may sign in again.' })
export class EnableAccountInput {
  @Field(() => ID, { description: 'The global id of the account.' })
  accountId!: string;
}

@InputType({
  description:
    'Sets a new password for an account whose holder lost theirs: its sessions end at once, a lockout is lifted, and the ' +
    'holder must change the password at the next sign-in.',
})
export class ResetAccountPasswordInput {
  @Field(() => ID, { description: 'The global id of the account (not your own: change that with POST /auth/password).' })
  accountId!: string;

  @Field({ description: 'The new password, for its holder to change: 10 to 128 characters, not the username.' })
  password!: string;
}
