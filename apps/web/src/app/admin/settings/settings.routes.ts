import { inject } from '@angular/core';
import { CanActivateFn, ResolveFn, Route, Router } from '@angular/router';
import { REF_KIND_LABELS, REF_KINDS, RefKind } from '@pointage/contracts';
import { unsavedChangesGuard } from '../../shared/unsaved-changes';

/** Only the five known lists: any other address goes back to PARAMÈTRES. */
const knownKind: CanActivateFn = (route) =>
  (REF_KINDS as readonly string[]).includes(route.paramMap.get('kind') ?? '') || inject(Router).createUrlTree(['/admin/parametres']);

const listTitle: ResolveFn<string> = (route) => `Pointage — ${REF_KIND_LABELS[route.paramMap.get('kind') as RefKind] ?? 'Paramètres'}`;

export const SETTINGS_ROUTES: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    loadComponent: () => import('./settings-home').then((m) => m.SettingsHome),
    title: 'Pointage — Paramètres',
  },
  {
    path: 'accueil',
    loadComponent: () => import('./welcome-settings').then((m) => m.WelcomeSettingsPage),
    canDeactivate: [unsavedChangesGuard],
    title: "Pointage — Message d'accueil",
  },
  {
    path: 'listes/:kind',
    canActivate: [knownKind],
    loadComponent: () => import('./ref-list-editor').then((m) => m.RefListEditor),
    canDeactivate: [unsavedChangesGuard],
    title: listTitle,
  },
  {
    path: 'tranches-d-age',
    loadComponent: () => import('./age-brackets').then((m) => m.AgeBrackets),
    canDeactivate: [unsavedChangesGuard],
    title: "Pointage — Tranches d'âge",
  },
  { path: '**', redirectTo: '' },
];
