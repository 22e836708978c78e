/** Response shapes shared by the API and the web client. */

export interface HealthResponse {
  status: 'ok';
  db: 'sqlite' | 'mariadb';
}

/** Every error answered by the API has this shape; `message` is French and meant for users. */
export interface ApiError {
  statusCode: number;
  message: string;
  /** For clients that must act on one particular error, rather than read its wording. */
  code?: ApiErrorCode;
  /** The request field the message is about ('from', 'criteria.city', …), so that a form shows it next to that field. */
  field?: string;
}

/**
 * Machine-readable error codes. `validation-in-progress`: an earlier kiosk validation
 * with the same key is still being recorded; send the same request again shortly.
 * `database-unavailable` (503): the database cannot be reached; nothing was recorded
 * and the session is still valid — send the same request again shortly.
 * `possible-duplicate` (409): a member of a new family has the name and birth date
 * of somebody already registered; send again with `confirmDuplicates: true` to go on.
 */
export const API_ERROR_CODES = ['validation-in-progress', 'database-unavailable', 'possible-duplicate', 'stats-change-needed'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Installation-wide public settings shown on every page (FEDER obligation). */
export interface PublicAppSettings {
  footerText: string;
  funderLogos: { id: number; url: string; alt: string }[];
  /**
   * False while mails only land in DATA_DIR/mails (file transport and no SMTP set in
   * the installation settings): the forgot-password pages then send people to the team.
   */
  mailConfigured: boolean;
}

export const DEFAULT_FOOTER_TEXT = "Ce projet est cofinancé par l'Union Européenne avec le FEDER";
