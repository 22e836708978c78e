/** The answer when a family e-mail address already has an account (rationed: AuthService.rationEmailConflicts). */
export const EMAIL_TAKEN = 'Cette adresse e-mail est déjà utilisée par une autre famille de la ludothèque.';
