import { Route } from '@angular/router';

export const FAMILIES_ROUTES: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    loadComponent: () => import('./families').then((m) => m.Families),
    title: 'Pointage — Familles',
  },
  {
    path: 'nouvelle',
    loadComponent: () => import('./family-new').then((m) => m.FamilyNew),
    title: 'Pointage — Nouvelle famille',
  },
  {
    path: 'conservation',
    loadComponent: () => import('./retention').then((m) => m.Retention),
    title: 'Pointage — Conservation des données',
  },
  {
    path: ':id',
    loadComponent: () => import('./family-page').then((m) => m.FamilyPage),
    title: 'Pointage — Famille',
  },
];
