import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorMessage, OFFLINE_MESSAGE, UNEXPECTED_ERROR_MESSAGE } from './api-error';

describe('apiErrorMessage', () => {
  it('shows the French message of the API', () => {
    const err = new HttpErrorResponse({ status: 401, error: { statusCode: 401, message: 'Identifiant ou mot de passe incorrect.' } });
    expect(apiErrorMessage(err)).toBe('Identifiant ou mot de passe incorrect.');
  });

  it('says the server does not answer when the request never reached it', () => {
    expect(apiErrorMessage(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') }))).toBe(OFFLINE_MESSAGE);
    expect(OFFLINE_MESSAGE).toBe('Le serveur ne répond pas. Vérifiez la connexion.');
  });

  it('joins a list of messages', () => {
    const err = new HttpErrorResponse({ status: 400, error: { statusCode: 400, message: ['Nom requis.', 'Adresse invalide.'] } });
    expect(apiErrorMessage(err)).toBe('Nom requis. Adresse invalide.');
  });

  it('never shows an HTML error page or a non-HTTP error', () => {
    expect(apiErrorMessage(new HttpErrorResponse({ status: 502, error: '<html>Bad gateway</html>' }))).toBe(UNEXPECTED_ERROR_MESSAGE);
    expect(apiErrorMessage(new Error('boom'))).toBe(UNEXPECTED_ERROR_MESSAGE);
    expect(apiErrorMessage(undefined)).toBe(UNEXPECTED_ERROR_MESSAGE);
  });
});
