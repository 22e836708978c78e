import { Route } from '@angular/router';

/**
 * Three lazy areas: the kiosk at the door, the team's back office, the federation's super-admin.
 * The kiosk area ends with a catch-all: top-level pages go before it.
 */
export const appRoutes: Route[] = [
  { path: 'admin', loadChildren: () => import('./admin/admin.routes').then((m) => m.ADMIN_ROUTES) },
  { path: 'super-admin', loadChildren: () => import('./super-admin/super-admin.routes').then((m) => m.SUPER_ADMIN_ROUTES) },
  {
    path: 'reinitialiser',
    loadComponent: () => import('./reset-password').then((m) => m.ResetPassword),
    title: 'Pointage — Nouveau mot de passe',
  },
  { path: '', loadChildren: () => import('./kiosk/kiosk.routes').then((m) => m.KIOSK_ROUTES) },
];
