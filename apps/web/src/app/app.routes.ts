import { Routes } from '@angular/router';
import { requireRole } from './core/auth.guard';
import { PAGE_ROLES } from './page-roles';

/** Pages by user group (`PAGE_ROLES`, DESIGN.md). The API enforces the same rules. */
export const appRoutes: Routes = [
  { path: 'login', loadComponent: () => import('./login/login.page').then((m) => m.LoginPage), title: 'Sign in' },
  {
    path: 'queue',
    canActivate: [requireRole(...PAGE_ROLES.queue)],
    loadComponent: () => import('./queue/queue.page').then((m) => m.QueuePage),
    title: 'Queue',
  },
  {
    path: 'cases/:caseId',
    canActivate: [requireRole(...PAGE_ROLES.case)],
    loadComponent: () => import('./case/case.page').then((m) => m.CasePage),
    title: 'Case',
  },
  {
    path: 'audit',
    canActivate: [requireRole(...PAGE_ROLES.audit)],
    loadComponent: () => import('./audit/audit.page').then((m) => m.AuditPage),
    title: 'Decision lookup',
  },
  {
    path: 'audit/:declarationId',
    canActivate: [requireRole(...PAGE_ROLES.audit)],
    loadComponent: () => import('./audit/audit.page').then((m) => m.AuditPage),
    title: 'Decision lookup',
  },
  {
    path: 'criteria',
    canActivate: [requireRole(...PAGE_ROLES.criteria)],
    loadComponent: () => import('./criteria/criteria-list.page').then((m) => m.CriteriaListPage),
    title: 'Criteria',
  },
  {
    path: 'criteria/approvals',
    canActivate: [requireRole(...PAGE_ROLES.approvals)],
    loadComponent: () => import('./approvals/approvals.page').then((m) => m.ApprovalsPage),
    title: 'Approvals',
  },
  {
    path: 'risk-cases',
    canActivate: [requireRole(...PAGE_ROLES.riskCases)],
    loadComponent: () => import('./risk-cases/risk-case-board.page').then((m) => m.RiskCaseBoardPage),
    title: 'Risk cases',
  },
  {
    path: 'risk-cases/:id',
    canActivate: [requireRole(...PAGE_ROLES.riskCases)],
    loadComponent: () => import('./risk-cases/risk-case.page').then((m) => m.RiskCasePage),
    title: 'Risk case',
  },
  {
    path: 'intelligence',
    canActivate: [requireRole(...PAGE_ROLES.intelligenceInbox)],
    loadComponent: () => import('./intelligence/intelligence-inbox.page').then((m) => m.IntelligenceInboxPage),
    title: 'Intelligence inbox',
  },
  {
    path: 'intelligence/new',
    canActivate: [requireRole(...PAGE_ROLES.intelligence)],
    loadComponent: () => import('./intelligence/intelligence-intake.page').then((m) => m.IntelligenceIntakePage),
    title: 'Report intelligence',
  },
  {
    path: 'criteria/new',
    canActivate: [requireRole(...PAGE_ROLES.criterionBuilder)],
    loadComponent: () => import('./criteria/criterion-builder.page').then((m) => m.CriterionBuilderPage),
    title: 'New criterion',
  },
  {
    path: 'dashboard',
    canActivate: [requireRole(...PAGE_ROLES.dashboard)],
    loadComponent: () => import('./dashboard/dashboard.page').then((m) => m.DashboardPage),
    title: 'Dashboard',
  },
  {
    path: 'models',
    canActivate: [requireRole(...PAGE_ROLES.models)],
    loadComponent: () => import('./models/models.page').then((m) => m.ModelsPage),
    title: 'Risk models',
  },
  {
    path: 'risk-policy',
    canActivate: [requireRole(...PAGE_ROLES.riskPolicy)],
    loadComponent: () => import('./risk-policy/risk-policy.page').then((m) => m.RiskPolicyPage),
    title: 'Risk policy',
  },
  {
    path: 'xray',
    canActivate: [requireRole(...PAGE_ROLES.xray)],
    loadComponent: () => import('./xray/xray.page').then((m) => m.XrayPage),
    title: 'X-ray interpretation',
  },
  {
    path: 'passengers',
    canActivate: [requireRole(...PAGE_ROLES.passengers)],
    loadComponent: () => import('./passengers/passengers.page').then((m) => m.PassengersPage),
    title: 'Arrival hall',
  },
  {
    path: 'parties/:partyKey',
    canActivate: [requireRole(...PAGE_ROLES.parties)],
    loadComponent: () => import('./parties/party.page').then((m) => m.PartyPage),
    title: 'Party',
  },
  { path: '', pathMatch: 'full', loadComponent: () => import('./home.redirect').then((m) => m.HomeRedirect) },
  { path: '**', redirectTo: '' },
];
