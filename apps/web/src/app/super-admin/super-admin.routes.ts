import { Route } from '@angular/router';
import { provideFrenchPaginator } from '../core/french-paginator-intl';
import { requireRole } from '../core/guards';

const superAdminOnly = requireRole('super-admin');

export const SUPER_ADMIN_ROUTES: Route[] = [
  {
    path: 'connexion',
    loadComponent: () => import('../admin/login').then((m) => m.AdminLogin),
    data: { heading: 'SUPER-ADMINISTRATION', area: 'super-admin' },
    title: 'Pointage — Connexion à la super-administration',
  },
  {
    path: 'mot-de-passe-oublie',
    loadComponent: () => import('../shared/forgot-password').then((m) => m.ForgotPassword),
    data: { heading: 'SUPER-ADMINISTRATION', loginPath: '/super-admin/connexion' },
    title: 'Pointage — Identifiants oubliés',
  },
  {
    path: '',
    loadComponent: () => import('./super-admin-shell').then((m) => m.SuperAdminShell),
    canActivate: [superAdminOnly],
    providers: [provideFrenchPaginator()],
    canActivateChild: [superAdminOnly],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'structures' },
      {
        path: 'structures',
        loadComponent: () => import('./structures').then((m) => m.Structures),
        title: 'Pointage — Structures',
      },
      {
        path: 'journal',
        loadComponent: () => import('./journal').then((m) => m.SuperAdminJournal),
        title: 'Pointage — Journal de la super-administration',
      },
      {
        path: 'parametres',
        loadComponent: () => import('./installation-settings').then((m) => m.InstallationSettingsPage),
        title: "Pointage — Paramètres de l'installation",
      },
      {
        path: 'mot-de-passe',
        loadComponent: () => import('../shared/change-password').then((m) => m.ChangePassword),
        title: 'Pointage — Mot de passe',
      },
      { path: '**', redirectTo: 'structures' },
    ],
  },
];
