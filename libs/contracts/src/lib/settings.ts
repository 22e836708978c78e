import type { AgeBracketDto, RefItemDto, RefKind } from './reference';

/** PARAMÈTRES of a structure. */

export interface RefItemWithUsage extends RefItemDto {
  /** Members (and attendance snapshots) using this entry: such an entry can be deactivated, not deleted. */
  usage: number;
  /** What `usage` counts: members, families (quotient familial, minima sociaux) and attendance snapshots. */
  usedBy?: { members: number; families: number; attendance: number };
}

export type ReferenceLists = Record<RefKind, RefItemWithUsage[]> & { ageBrackets: AgeBracketDto[] };

/** The whole ordered list as the admin saves it: entries without id are new, missing ones are deleted. */
export interface SaveRefListRequest {
  items: { id?: number; label: string; active: boolean; isChild?: boolean }[];
}

export interface SaveAgeBracketsRequest {
  brackets: { minAge: number; maxAge: number }[];
}

export interface LogoInfo {
  url: string;
  width: number;
  height: number;
  originalWidth: number;
  originalHeight: number;
}

export interface WelcomeSettings {
  message: string;
  logo: LogoInfo | null;
}

export interface SaveWelcomeRequest {
  message: string;
}

/** Proportional resize of the uploaded original: give the new width (the height follows). */
export interface ResizeLogoRequest {
  width: number;
}

export const LOGO_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  /** Larger images are refused before decoding (decompression bombs). */
  maxPixels: 40_000_000,
  maxDimension: 4000,
  minDimension: 16,
  /** Width of the display version made right after upload. */
  defaultWidth: 600,
} as const;

export const ACCEPTED_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

/** What the kiosk shows before anybody logs in. */
export interface KioskStructureInfo {
  id: number;
  name: string;
  slug: string;
  timeZone: string;
  welcomeMessage: string;
  logoUrl: string | null;
}

export interface PublicStructureSummary {
  name: string;
  slug: string;
}

export interface InstallationSettings {
  footerText: string;
  funderLogos: { id: number; url: string; alt: string }[];
  mailConfigured: boolean;
}

export const MAIL_SECURITIES = ['none', 'starttls', 'tls'] as const;
export type MailSecurity = (typeof MAIL_SECURITIES)[number];

/** The SMTP server of the installation settings; the password is never sent back. */
export interface MailSettings {
  /** Where mails go now: these settings, the server's environment (MAIL_TRANSPORT, SMTP_URL), or files in DATA_DIR/mails. */
  source: 'settings' | 'environment' | 'file';
  host: string;
  port: number | null;
  security: MailSecurity;
  user: string;
  /** True when a password is stored (it is write-only). */
  passwordSet: boolean;
  from: string;
}

/** Empty host: the settings are cleared and the environment applies again. Empty password: unchanged. */
export interface SaveMailSettingsRequest {
  host: string;
  port?: number | null;
  security: MailSecurity;
  user?: string;
  password?: string;
  from?: string;
}

export interface TestMailRequest {
  to: string;
}

export interface SaveInstallationSettingsRequest {
  footerText: string;
}

export const SETTINGS_ROUTES = {
  lists: '/api/settings/lists',
  list: (kind: RefKind) => `/api/settings/lists/${kind}`,
  ageBrackets: '/api/settings/age-brackets',
  welcome: '/api/settings/welcome',
  logo: '/api/settings/logo',
  logoResize: '/api/settings/logo/resize',
  publicStructures: '/api/public/structures',
  publicStructure: (slug: string) => `/api/public/structures/${slug}`,
  publicReference: (slug: string) => `/api/public/structures/${slug}/reference`,
  installation: '/api/super-admin/settings',
  funderLogos: '/api/super-admin/funder-logos',
  funderLogo: (id: number) => `/api/super-admin/funder-logos/${id}`,
  mail: '/api/super-admin/settings/mail',
  mailTest: '/api/super-admin/settings/mail/test',
} as const;
