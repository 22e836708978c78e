import { inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { CanDeactivateFn } from '@angular/router';
import { confirmAction } from './confirm-dialog';

/** A page that may hold changes not saved yet. */
export interface HasUnsavedChanges {
  hasUnsavedChanges(): boolean;
}

/** Asks before leaving a page whose changes are not saved. */
export const unsavedChangesGuard: CanDeactivateFn<HasUnsavedChanges> = (component) => {
  if (!component.hasUnsavedChanges()) return true;
  return confirmAction(inject(MatDialog), {
    title: 'Modifications non sauvegardées',
    message: 'Vos modifications ne sont pas sauvegardées. Quitter cette page sans les sauvegarder ?',
    confirmLabel: 'Quitter sans sauvegarder',
    cancelLabel: 'Rester sur la page',
  });
};
