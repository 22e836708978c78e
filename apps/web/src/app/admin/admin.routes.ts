import { Route } from '@angular/router';
import { provideFrenchPaginator } from '../core/french-paginator-intl';
import { requireRole } from '../core/guards';

const adminOnly = requireRole('admin');

export const ADMIN_ROUTES: Route[] = [
  {
    path: 'connexion',
    loadComponent: () => import('./login').then((m) => m.AdminLogin),
    data: { heading: 'PANNEAU DE CONTRÔLE', area: 'admin' },
    title: 'Pointage — Connexion au panneau de contrôle',
  },
  {
    path: 'mot-de-passe-oublie',
    loadComponent: () => import('../shared/forgot-password').then((m) => m.ForgotPassword),
    data: { heading: 'PANNEAU DE CONTRÔLE', loginPath: '/admin/connexion' },
    title: 'Pointage — Identifiants oubliés',
  },
  {
    path: '',
    loadComponent: () => import('./admin-shell').then((m) => m.AdminShell),
    canActivate: [adminOnly],
    providers: [provideFrenchPaginator()],
    canActivateChild: [adminOnly],
    children: [
      {
        path: '',
        pathMatch: 'full',
        loadComponent: () => import('./admin-home').then((m) => m.AdminHome),
        title: 'Pointage — Panneau de contrôle',
      },
      { path: 'parametres', loadChildren: () => import('./settings/settings.routes').then((m) => m.SETTINGS_ROUTES) },
      {
        path: 'creneaux',
        loadComponent: () => import('./slots/slots').then((m) => m.Slots),
        title: 'Pointage — Gestion des créneaux',
      },
      { path: 'familles', loadChildren: () => import('./families/families.routes').then((m) => m.FAMILIES_ROUTES) },
      {
        path: 'membres',
        loadComponent: () => import('./members/members').then((m) => m.Members),
        title: 'Pointage — Membres',
      },
      {
        path: 'pointer/:familyId',
        loadComponent: () => import('./attendance/act-for-family').then((m) => m.ActForFamily),
        title: 'Pointage — Pointer pour une famille',
      },
      {
        path: 'presences-passees',
        loadComponent: () => import('./attendance/past-attendance').then((m) => m.PastAttendance),
        title: 'Pointage — Présences passées',
      },
      {
        path: 'statistiques',
        loadComponent: () => import('./statistics/statistics').then((m) => m.Statistics),
        title: 'Pointage — Statistiques',
      },
      {
        path: 'liste-de-presence',
        loadComponent: () => import('./attendance-list/attendance-list').then((m) => m.AttendanceList),
        title: 'Pointage — Liste de présence',
      },
      {
        path: 'journal',
        loadComponent: () => import('./journal').then((m) => m.AdminJournal),
        title: 'Pointage — Journal',
      },
      {
        path: 'mot-de-passe',
        loadComponent: () => import('../shared/change-password').then((m) => m.ChangePassword),
        title: 'Pointage — Mot de passe',
      },
      { path: '**', redirectTo: '' },
    ],
  },
];
