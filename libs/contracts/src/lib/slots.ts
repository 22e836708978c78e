/** GESTION DES CRÉNEAUX and the kiosk check-in. Times are local to the structure, 'HH:MM'. */

export interface TimeRangeInput {
  /** 'HH:MM' */
  start: string;
  /** 'HH:MM' */
  end: string;
}

export interface GenerateSlotsRequest {
  /** 'YYYY-MM-DD' */
  from: string;
  /** 'YYYY-MM-DD'; omitted for a single day. */
  to?: string;
  /** ISO weekdays 1 (lundi) … 7 (dimanche); all seven for "Tous". */
  weekdays: number[];
  ranges: TimeRangeInput[];
}

export interface GenerateSlotsResponse {
  created: number;
  existing: number;
  /** "5 créneaux créés avec succès" (+ how many already existed). */
  message: string;
}

export interface SlotDto {
  id: number;
  date: string;
  start: string;
  end: string;
  attendanceCount: number;
}

export interface SlotDay {
  date: string;
  slots: SlotDto[];
}

export interface DeleteSlotsRequest {
  from: string;
  to?: string;
  weekdays: number[];
  /** Optional time range: only slots lying within it are deleted. */
  start?: string;
  end?: string;
}

export interface DeleteSlotsResponse {
  deleted: number;
  /** Days that have attendance: their slots were kept. */
  keptDays: string[];
  message: string;
}

export const MAX_GENERATION_YEARS = 5;

export const WEEKDAY_LABELS = ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche'] as const;

/** The kiosk home page: public, polled. */
export interface KioskStatus {
  structure: { name: string; slug: string; welcomeMessage: string; logoUrl: string | null; timeZone: string };
  /** Local date and time of the structure. */
  today: string;
  now: string;
  /** The slot check-ins go to now (current, or the next one today), or null. */
  slot: { id: number; start: string; end: string; current: boolean } | null;
  /** True when no slot is open or coming today. */
  closed: boolean;
  /** People marked present in today's slots since the last reset. */
  counter: number;
}

export interface AttendanceSheet {
  familyId: number;
  familyName: string;
  slot: { id: number; date: string; start: string; end: string } | null;
  members: { id: number; firstName: string; lastName: string; avatar: string | null; present: boolean }[];
}

export interface ValidateAttendanceRequest {
  /** Client-generated idempotency key (UUID): a retried or doubled request never records twice. */
  key: string;
  memberIds: number[];
}

export interface ValidateAttendanceResponse {
  recorded: number;
  alreadyPresent: number;
  slot: { id: number; date: string; start: string; end: string };
  message: string;
}

export const ATTENDANCE_THANKS = 'Merci. Votre présence a bien été prise en compte';

export interface CounterInfo {
  counter: number;
  resetAt: string | null;
  kioskPath: string;
}

/** Who is here now (admin home): today's current slot and the members checked in to it. */
export interface PresentNow {
  /** Local date of the structure. */
  today: string;
  /** The slot open now, or null between slots. */
  slot: { id: number; start: string; end: string } | null;
  /** Earliest arrival first. */
  members: { memberId: number; firstName: string; lastName: string; familyName: string; arrivedAt: string; arrival: string }[];
}

/** The demo data of the first local start still in the structure. */
export interface DemoDataInfo {
  families: number;
  members: number;
  slots: number;
  attendance: number;
}

/** What the removal deleted; `keptSlots`: demo slots kept (turned real) because real families checked in to them. */
export interface DemoDataRemoval extends DemoDataInfo {
  keptSlots: number;
}

/** Back in time: attendance of one past slot. */
export interface RetroAttendanceRequest {
  slotId: number;
  memberIds: number[];
  /** 'HH:MM'; defaults to the slot's start. */
  arrivalTime?: string;
}

export interface RetroAttendanceResponse {
  recorded: number;
  alreadyPresent: number;
  message: string;
}

export interface AttendanceRow {
  id: number;
  slotId: number;
  memberId: number;
  familyId: number;
  familyName: string;
  lastName: string;
  firstName: string;
  arrivedAt: string;
  /** Arrival time, local 'HH:MM'. */
  arrival: string;
  source: 'kiosk' | 'acting' | 'retro';
}

export interface DayAttendance {
  date: string;
  slots: (SlotDto & { attendance: AttendanceRow[] })[];
}

export interface RemoveAttendanceRequest {
  reason: string;
}

export const SLOT_ROUTES = {
  generate: '/api/slots/generate',
  list: '/api/slots',
  delete: '/api/slots/delete',
  kioskStatus: (slug: string) => `/api/public/structures/${slug}/kiosk`,
  sheet: '/api/family/sheet',
  validate: '/api/family/attendance',
  counter: '/api/attendance/counter',
  counterReset: '/api/attendance/counter/reset',
  presentNow: '/api/attendance/present',
  demoData: '/api/demo-data',
  actForFamily: (familyId: number) => `/api/families/${familyId}/act`,
  day: '/api/attendance/day',
  retro: '/api/attendance/retro',
  remove: (attendanceId: number) => `/api/attendance/${attendanceId}/remove`,
} as const;
