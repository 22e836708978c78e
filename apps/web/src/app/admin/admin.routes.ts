import { Route } from '@angular/router';

export const ADMIN_ROUTES: Route[] = [
  {
    path: '',
    loadComponent: () => import('../shared/coming-soon').then((m) => m.ComingSoon),
    data: { title: 'Panneau de contrôle' },
    title: 'Panneau de contrôle',
  },
  {
    path: '**',
    loadComponent: () => import('../shared/coming-soon').then((m) => m.ComingSoon),
    title: 'Panneau de contrôle',
  },
];
