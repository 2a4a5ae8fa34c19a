/** @module The forms of the account pages: sign up, sign in, change the password. */
import type { PageForm } from '#http/form-edge.ts';
import { changePasswordCase, signInCase, signUpCase } from '#cases/accounts.ts';
import { safeNext } from '../lib/view.ts';

export const ACCOUNT_FORMS: PageForm[] = [
  { page: '/signup', useCase: signUpCase, next: () => '/verify?welcome=1' },
  {
    page: '/signin',
    useCase: signInCase,
    // Back to the page that asked for a sign-in; without one, staff and officers land on their desk.
    next: (v, _path, _values, url) => {
      const asked = url.searchParams.get('next');
      return asked ? safeNext(asked, '/account') : v.desk ? '/staff' : '/account';
    },
  },
  { page: '/account', useCase: changePasswordCase, next: () => '/account?changed=1' },
];
