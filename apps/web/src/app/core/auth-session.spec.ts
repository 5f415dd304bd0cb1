import type { AuthUser } from './api.types';
import { LOGIN_URL, bearerHeader, endsSession, hasAnyRole, homePageFor, pageAccess, parseStoredSession } from './auth-session';

const officer: AuthUser = { id: 'officer-40-01', name: 'Kim', role: 'local_officer', officeId: '40' };
const as = (role: AuthUser['role']): AuthUser => ({ ...officer, role });

describe('parseStoredSession', () => {
  it('reads back a stored session', () => {
    const stored = JSON.stringify({ accessToken: 'eyJ.a.b', user: officer });
    expect(parseStoredSession(stored)).toEqual({ accessToken: 'eyJ.a.b', user: officer });
  });

  it('forgets anything unusable instead of throwing', () => {
    for (const raw of [null, '', 'not json', 'null', '42', '{}', '{"accessToken":1,"user":{}}', JSON.stringify({ accessToken: 't' })]) {
      expect({ raw, session: parseStoredSession(raw) }).toEqual({ raw, session: null });
    }
  });
});

describe('hasAnyRole and homePageFor', () => {
  it('checks the role of a signed-in user only', () => {
    expect(hasAnyRole(officer, ['supervisor', 'local_officer'])).toBe(true);
    expect(hasAnyRole(officer, ['auditor'])).toBe(false);
    expect(hasAnyRole(officer, [])).toBe(false);
    expect(hasAnyRole(null, ['local_officer'])).toBe(false);
  });

  it('starts each role on its own page, and the service role and strangers on the login', () => {
    expect(homePageFor(as('local_officer'))).toBe('/queue');
    expect(homePageFor(as('supervisor'))).toBe('/queue');
    expect(homePageFor(as('cbtc_analyst'))).toBe('/criteria');
    expect(homePageFor(as('auditor'))).toBe('/audit');
    expect(homePageFor(as('passenger_desk'))).toBe('/passengers');
    expect(homePageFor(as('service'))).toBe('/login');
    expect(homePageFor(null)).toBe('/login');
  });
});

describe('pageAccess', () => {
  it('sends the signed-out to the login', () => {
    expect(pageAccess(null, [])).toBe('/login');
    expect(pageAccess(null, ['auditor'])).toBe('/login');
  });

  it('opens the page for any signed-in user when no role is named, else for those roles', () => {
    expect(pageAccess(as('service'), [])).toBe(true);
    expect(pageAccess(officer, ['local_officer', 'supervisor'])).toBe(true);
  });

  it("sends a user without the role to their own start page", () => {
    expect(pageAccess(officer, ['cbtc_analyst'])).toBe('/queue');
    expect(pageAccess(as('auditor'), ['cbtc_analyst', 'supervisor'])).toBe('/audit');
  });
});

describe('bearerHeader', () => {
  it('sends the token to API calls', () => {
    expect(bearerHeader('/api/cases?officeId=40', 'tok')).toBe('Bearer tok');
  });

  it('never sends it to the sign-in, to other hosts or paths, or without a token', () => {
    expect(bearerHeader(LOGIN_URL, 'tok')).toBeNull();
    expect(bearerHeader('/i18n/en.json', 'tok')).toBeNull();
    expect(bearerHeader('https://example.org/api/cases', 'tok')).toBeNull();
    expect(bearerHeader('/apix/cases', 'tok')).toBeNull();
    expect(bearerHeader('/api/cases', null)).toBeNull();
    expect(bearerHeader('/api/cases', '')).toBeNull();
  });
});

describe('endsSession (expired or refused token)', () => {
  it('ends the session on a 401 from any API call', () => {
    expect(endsSession('/api/cases', 401)).toBe(true);
    expect(endsSession('/api/declarations/D1/selection', 401)).toBe(true);
  });

  it('keeps it on a wrong password, on other statuses and outside the API', () => {
    expect(endsSession(LOGIN_URL, 401)).toBe(false);
    expect(endsSession('/api/cases', 403)).toBe(false);
    expect(endsSession('/api/cases', 0)).toBe(false);
    expect(endsSession('/i18n/ko.json', 401)).toBe(false);
  });
});
