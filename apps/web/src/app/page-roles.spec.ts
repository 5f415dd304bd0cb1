import { type Role } from './core/api.types';
import { homePageFor } from './core/auth-session';
import { NAV, PAGE_ROLES, activeNavPath, navFor } from './page-roles';

const PEOPLE: Role[] = ['cbtc_analyst', 'local_officer', 'supervisor', 'auditor', 'passenger_desk'];

describe('navFor', () => {
  it('shows each role the pages of its work, in the bar order', () => {
    expect(navFor('local_officer').map((n) => n.path)).toEqual(['/queue', '/xray', '/passengers', '/risk-cases', '/intelligence', '/criteria', '/audit', '/dashboard', '/risk-policy']);
    expect(navFor('supervisor').map((n) => n.path)).toEqual(['/queue', '/xray', '/passengers', '/risk-cases', '/intelligence', '/criteria', '/criteria/approvals', '/audit', '/dashboard', '/models', '/risk-policy']);
    expect(navFor('cbtc_analyst').map((n) => n.path)).toEqual(['/passengers', '/risk-cases', '/intelligence', '/criteria', '/criteria/approvals', '/audit', '/dashboard', '/models', '/risk-policy']);
    expect(navFor('auditor').map((n) => n.path)).toEqual(['/queue', '/passengers', '/risk-cases', '/intelligence', '/criteria', '/audit', '/dashboard', '/models', '/risk-policy']);
    expect(navFor('passenger_desk').map((n) => n.path)).toEqual(['/passengers']);
  });

  it('shows nothing to the service role or when signed out', () => {
    expect(navFor('service')).toEqual([]);
    expect(navFor(null)).toEqual([]);
    expect(navFor(undefined)).toEqual([]);
  });
});

describe('PAGE_ROLES', () => {
  it("opens each person's start page to them (no redirect loop)", () => {
    const pageOf: Record<string, readonly Role[]> = { '/queue': PAGE_ROLES.queue, '/criteria': PAGE_ROLES.criteria, '/audit': PAGE_ROLES.audit, '/passengers': PAGE_ROLES.passengers };
    for (const role of PEOPLE) {
      const home = homePageFor({ id: 'u', name: 'u', role, officeId: null });
      expect({ role, home, allowed: pageOf[home]?.includes(role) }).toEqual({ role, home, allowed: true });
    }
  });

  it('keeps the builder from auditors and the model registry from officers', () => {
    expect(PAGE_ROLES.criterionBuilder).not.toContain('auditor');
    expect(PAGE_ROLES.models).not.toContain('local_officer');
    expect(PAGE_ROLES.case).toEqual(PAGE_ROLES.queue);
  });

  it('opens the CBTC pages to the roles the API lets use them', () => {
    expect(PAGE_ROLES.approvals).toEqual(['cbtc_analyst', 'supervisor']);
    expect(PAGE_ROLES.intelligence).not.toContain('auditor');
    expect(PAGE_ROLES.riskCases).toContain('auditor');
    expect(PAGE_ROLES.intelligenceInbox).toEqual(['cbtc_analyst', 'supervisor', 'local_officer', 'auditor']);
  });

  it('opens the risk-policy page to the roles that may read an office policy (GET /api/offices/:officeId/risk-policy)', () => {
    expect([...PAGE_ROLES.riskPolicy].sort()).toEqual(['auditor', 'cbtc_analyst', 'local_officer', 'supervisor']);
  });

  it('opens the X-ray interpretation page to the centre\'s officers and supervisors only', () => {
    expect(PAGE_ROLES.xray).toEqual(['local_officer', 'supervisor']);
    expect(activeNavPath('/xray', NAV)).toBe('/xray');
  });

  it('opens the arrival hall to the passenger desk, the office\'s officers and supervisors, analysts and auditors', () => {
    expect([...PAGE_ROLES.passengers].sort()).toEqual(['auditor', 'cbtc_analyst', 'local_officer', 'passenger_desk', 'supervisor'].sort());
    expect(activeNavPath('/passengers?office=40', NAV)).toBe('/passengers');
  });

  it('opens the passenger desk no page but the arrival hall', () => {
    const pages = Object.entries(PAGE_ROLES).filter(([, roles]) => (roles as readonly Role[]).includes('passenger_desk')).map(([page]) => page);
    expect(pages).toEqual(['passengers']);
  });

  it('opens no page to the service role', () => {
    for (const roles of Object.values(PAGE_ROLES)) expect(roles).not.toContain('service');
    for (const item of NAV) expect(item.roles).not.toContain('service');
  });
});

describe('activeNavPath', () => {
  it('highlights the most specific entry for the url', () => {
    expect(activeNavPath('/criteria/approvals', NAV)).toBe('/criteria/approvals');
    expect(activeNavPath('/criteria/new?criterion=CEN-WPN-101&version=1', NAV)).toBe('/criteria');
    expect(activeNavPath('/criteria', NAV)).toBe('/criteria');
    expect(activeNavPath('/risk-cases/risk-case-1', NAV)).toBe('/risk-cases');
    expect(activeNavPath('/intelligence/new', NAV)).toBe('/intelligence');
    expect(activeNavPath('/criteriax', NAV)).toBeNull();
    expect(activeNavPath('/login', NAV)).toBeNull();
  });
});
