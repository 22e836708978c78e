import { Route } from '@angular/router';

export const KIOSK_ROUTES: Route[] = [
  { path: '', loadComponent: () => import('./kiosk-home').then((m) => m.KioskHome), title: 'Pointage — Accueil' },
  { path: '**', loadComponent: () => import('../not-found').then((m) => m.NotFound), title: 'Page introuvable' },
];
