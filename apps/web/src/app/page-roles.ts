import { type Role } from './core/api.types';

/**
 * Which roles open which page (DESIGN.md): officers and supervisors work the queue and cases (and, at an express logistics centre, the X-ray interpretation),
 * analysts intelligence, risk cases, criteria (and their approval) and the risk models, auditors the decision lookup, the passenger desk
 * only the arrival hall (`/passengers`). The route guards
 * (`app.routes.ts`) and the top bar read this one table; it only hides pages, the API enforces
 * every permission itself. The `service` role has no pages.
 */
export const PAGE_ROLES = {
  queue: ['local_officer', 'supervisor', 'auditor'],
  case: ['local_officer', 'supervisor', 'auditor'],
  audit: ['auditor', 'cbtc_analyst', 'supervisor', 'local_officer'],
  criteria: ['cbtc_analyst', 'supervisor', 'local_officer', 'auditor'],
  /** Analysts write any criterion; officers and supervisors local ones of their office (the API checks). */
  criterionBuilder: ['cbtc_analyst', 'supervisor', 'local_officer'],
  dashboard: ['cbtc_analyst', 'supervisor', 'local_officer', 'auditor'],
  models: ['cbtc_analyst', 'supervisor', 'auditor'],
  /** `GET /api/risk-cases` and `/:id`: officers and supervisors see their office's cases (the API filters). */
  riskCases: ['cbtc_analyst', 'supervisor', 'local_officer', 'auditor'],
  /** `POST /api/intelligence`: analysts, and officers and supervisors for their office's detections. */
  intelligence: ['cbtc_analyst', 'supervisor', 'local_officer'],
  /** `GET /api/intelligence`: the desks' inbox; officers and supervisors see reports whose case reaches their office (the API filters). */
  intelligenceInbox: ['cbtc_analyst', 'supervisor', 'local_officer', 'auditor'],
  /** `GET /api/criteria/approvals`: the checkers (another analyst for central, the office's supervisor for local criteria). */
  approvals: ['cbtc_analyst', 'supervisor'],
  /** `GET /api/offices/:officeId/risk-policy` (and its history): analysts, auditors, the office's supervisors and officers; preview and PUT narrower (the page hides what the API refuses). */
  riskPolicy: ['cbtc_analyst', 'supervisor', 'auditor', 'local_officer'],
  /** `GET /api/express/xray-queue` and `POST .../interpretation`: the X-ray interpreters (officers) of an express logistics centre and its supervisors (the API keeps each to their own centre). */
  xray: ['local_officer', 'supervisor'],
  /**
   * `GET /api/passengers/queue` and `/:passengerId`: the arrival hall of an airport office. The
   * passenger desk (names visible), its officers and supervisors (their own office), analysts and
   * auditors (any office, masked). The passenger desk has no other page.
   */
  passengers: ['passenger_desk', 'local_officer', 'supervisor', 'cbtc_analyst', 'auditor'],
  /** `GET /api/parties/:partyKey`: the party network crosses offices, so analysts, supervisors and auditors; not officers (the API refuses them). */
  parties: ['cbtc_analyst', 'supervisor', 'auditor'],
} as const satisfies Record<string, readonly Role[]>;

/** One entry of the top bar: route, i18n key of its label, and the roles that see it. */
export interface NavItem {
  path: string;
  label: string;
  roles: readonly Role[];
}

/** The top bar's pages in order, each shown to the roles that may open it. */
export const NAV: readonly NavItem[] = [
  { path: '/queue', label: 'nav.queue', roles: PAGE_ROLES.queue },
  { path: '/xray', label: 'nav.xray', roles: PAGE_ROLES.xray },
  { path: '/passengers', label: 'nav.passengers', roles: PAGE_ROLES.passengers },
  { path: '/risk-cases', label: 'nav.riskCases', roles: PAGE_ROLES.riskCases },
  { path: '/intelligence', label: 'nav.intelligence', roles: PAGE_ROLES.intelligenceInbox },
  { path: '/criteria', label: 'nav.criteria', roles: PAGE_ROLES.criteria },
  { path: '/criteria/approvals', label: 'nav.approvals', roles: PAGE_ROLES.approvals },
  { path: '/audit', label: 'nav.audit', roles: PAGE_ROLES.audit },
  { path: '/dashboard', label: 'nav.dashboard', roles: PAGE_ROLES.dashboard },
  { path: '/models', label: 'nav.models', roles: PAGE_ROLES.models },
  { path: '/risk-policy', label: 'nav.riskPolicy', roles: PAGE_ROLES.riskPolicy },
];

/** The top bar entries a user of `role` sees, in order; none when signed out. */
export function navFor(role: Role | null | undefined): NavItem[] {
  return role ? NAV.filter((n) => n.roles.includes(role)) : [];
}

/**
 * The path of the top-bar entry to highlight for `url`: the longest entry path that is the url
 * or a parent of it (`/criteria/approvals` is Approvals, `/criteria/new` is Criteria); null
 * when none is.
 */
export function activeNavPath(url: string, items: readonly NavItem[]): string | null {
  const path = url.split(/[?#]/)[0];
  const matching = items.filter((n) => path === n.path || path.startsWith(`${n.path}/`));
  return matching.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? null;
}
