import type { Role, SessionInfo } from './roles';

/** API routes of the identity module (all under /api). */
export const AUTH_ROUTES = {
  login: '/api/auth/login',
  me: '/api/auth/me',
  changePassword: '/api/auth/password',
  forgot: '/api/auth/forgot',
  reset: '/api/auth/reset',
  endActing: '/api/auth/act/end',
  /** Ends the caller's session for real (its token is refused from then on). */
  logout: '/api/auth/logout',
} as const;

export interface LoginRequest {
  login: string;
  password: string;
  /** Slug of the structure whose kiosk is used: family logins are per structure. Omitted for the back office. */
  structure?: string;
}

export interface LoginResponse {
  accessToken: string;
  role: Role;
  structureId: number | null;
  displayName: string;
  session: SessionInfo;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface ForgotPasswordRequest {
  email: string;
  /** Structure slug for a family account (kiosk); omitted for the back office. */
  structure?: string;
}

export interface ResetPasswordRequest {
  token: string;
  password: string;
}

export interface ResetPasswordResponse {
  message: string;
  role: Role;
  /** Where to log in again: the kiosk of this structure for families. */
  structureSlug: string | null;
}

export interface MessageResponse {
  message: string;
}

/** Answered to every "forgot" request, whether or not the address exists. */
export const FORGOT_PASSWORD_MESSAGE =
  'Si un compte correspond à cette adresse, un e-mail avec un lien de réinitialisation vient de lui être envoyé. Le lien est valable une heure.';

export const PASSWORD_CHANGED_MESSAGE = 'Votre mot de passe a été modifié avec succès';

/** A token issued to somebody acting as another identity (impersonation). */
export interface ActingResponse {
  accessToken: string;
  session: SessionInfo;
}
