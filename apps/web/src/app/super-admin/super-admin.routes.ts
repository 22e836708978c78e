import { Route } from '@angular/router';

export const SUPER_ADMIN_ROUTES: Route[] = [
  {
    path: '',
    loadComponent: () => import('../shared/coming-soon').then((m) => m.ComingSoon),
    title: 'Super-administration',
  },
];
