import { HttpErrorResponse } from '@angular/common/http';

export const OFFLINE_MESSAGE = 'Le serveur ne répond pas. Vérifiez la connexion.';
export const UNEXPECTED_ERROR_MESSAGE = 'Une erreur inattendue est survenue. Réessayez dans un instant.';

/**
 * The French sentence to show for a failed API call. The API answers every
 * error as `{statusCode, message}` with a message meant for users; status 0
 * means the request never reached it.
 */
export function apiErrorMessage(err: unknown): string {
  if (err instanceof HttpErrorResponse) {
    if (err.status === 0) return OFFLINE_MESSAGE;
    const body: unknown = err.error;
    if (typeof body === 'string' && body.trim() !== '' && !body.trimStart().startsWith('<')) return body;
    if (body && typeof body === 'object' && 'message' in body) {
      const message = (body as { message: unknown }).message;
      if (typeof message === 'string' && message.trim() !== '') return message;
      if (Array.isArray(message) && message.length > 0) return message.map(String).join(' ');
    }
    if (err.status === 429) return 'Trop de tentatives : réessayez dans quelques minutes.';
    if (err.status >= 500) return UNEXPECTED_ERROR_MESSAGE;
  }
  return UNEXPECTED_ERROR_MESSAGE;
}
