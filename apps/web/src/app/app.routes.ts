import { Routes } from '@angular/router';
import { requireRole } from './core/auth.guard';

/**
 * Pages by user group (DESIGN.md): officers and supervisors work the queue and cases,
 * analysts the criteria and the risk models, auditors the decision lookup. The API enforces the same rules.
 */
export const appRoutes: Routes = [
  { path: 'login', loadComponent: () => import('./login/login.page').then((m) => m.LoginPage), title: 'Sign in' },
  {
    path: 'queue',
    canActivate: [requireRole('local_officer', 'supervisor', 'auditor')],
    loadComponent: () => import('./queue/queue.page').then((m) => m.QueuePage),
    title: 'Queue',
  },
  {
    path: 'cases/:caseId',
    canActivate: [requireRole('local_officer', 'supervisor', 'auditor')],
    loadComponent: () => import('./case/case.page').then((m) => m.CasePage),
    title: 'Case',
  },
  {
    path: 'audit',
    canActivate: [requireRole('auditor', 'cbtc_analyst', 'supervisor', 'local_officer')],
    loadComponent: () => import('./audit/audit.page').then((m) => m.AuditPage),
    title: 'Decision lookup',
  },
  {
    path: 'audit/:declarationId',
    canActivate: [requireRole('auditor', 'cbtc_analyst', 'supervisor', 'local_officer')],
    loadComponent: () => import('./audit/audit.page').then((m) => m.AuditPage),
    title: 'Decision lookup',
  },
  {
    path: 'criteria',
    canActivate: [requireRole('cbtc_analyst', 'supervisor', 'local_officer', 'auditor')],
    loadComponent: () => import('./criteria/criteria-list.page').then((m) => m.CriteriaListPage),
    title: 'Criteria',
  },
  {
    // Analysts write any criterion; officers and supervisors local ones of their office (the API checks).
    path: 'criteria/new',
    canActivate: [requireRole('cbtc_analyst', 'supervisor', 'local_officer')],
    loadComponent: () => import('./criteria/criterion-builder.page').then((m) => m.CriterionBuilderPage),
    title: 'New criterion',
  },
  {
    path: 'dashboard',
    canActivate: [requireRole('cbtc_analyst', 'supervisor', 'local_officer', 'auditor')],
    loadComponent: () => import('./dashboard/dashboard.page').then((m) => m.DashboardPage),
    title: 'Dashboard',
  },
  {
    path: 'models',
    canActivate: [requireRole('cbtc_analyst', 'supervisor', 'auditor')],
    loadComponent: () => import('./models/models.page').then((m) => m.ModelsPage),
    title: 'Risk models',
  },
  { path: '', pathMatch: 'full', loadComponent: () => import('./home.redirect').then((m) => m.HomeRedirect) },
  { path: '**', redirectTo: '' },
];
