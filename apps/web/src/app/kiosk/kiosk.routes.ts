import { Route } from '@angular/router';
import { familySessionGuard } from './kiosk-api';

/**
 * The kiosk at the door. "/" finds the structure; "/k/:slug/…" are the pages of
 * one structure's kiosk (the parent route has no component, so every page
 * receives `slug` as an input).
 */
export const KIOSK_ROUTES: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    loadComponent: () => import('./kiosk-root').then((m) => m.KioskRoot),
    title: 'Pointage — Borne',
  },
  {
    path: 'k/:slug',
    children: [
      { path: '', pathMatch: 'full', loadComponent: () => import('./kiosk-home').then((m) => m.KioskHome), title: 'Pointage — Accueil' },
      { path: 'connexion', loadComponent: () => import('./kiosk-login').then((m) => m.KioskLogin), title: 'Pointage — Se connecter' },
      {
        path: 'inscription',
        loadComponent: () => import('./kiosk-register').then((m) => m.KioskRegister),
        title: "Pointage — Inscription d'une nouvelle famille",
      },
      {
        path: 'presence',
        canActivate: [familySessionGuard],
        loadComponent: () => import('./kiosk-presence').then((m) => m.KioskPresence),
        title: 'Pointage — Fiche de présence',
      },
      { path: 'oubli', loadComponent: () => import('./kiosk-forgot').then((m) => m.KioskForgot), title: 'Pointage — Identifiants oubliés' },
      {
        path: 'famille',
        canActivate: [familySessionGuard],
        canActivateChild: [familySessionGuard],
        children: [
          {
            path: '',
            pathMatch: 'full',
            loadComponent: () => import('./kiosk-family').then((m) => m.KioskFamily),
            title: 'Pointage — Ma famille',
          },
          {
            path: 'membres/nouveau',
            loadComponent: () => import('./kiosk-member').then((m) => m.KioskMember),
            title: 'Pointage — Ajouter un membre',
          },
          {
            path: 'membres/:memberId',
            loadComponent: () => import('./kiosk-member').then((m) => m.KioskMember),
            title: 'Pointage — Modifier un membre',
          },
        ],
      },
    ],
  },
  { path: '**', loadComponent: () => import('../not-found').then((m) => m.NotFound), title: 'Page introuvable' },
];
